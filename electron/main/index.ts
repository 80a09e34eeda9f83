// The desktop app's entry: lifecycle only. Each concern lives in its own file
// beside this one; the app's behaviour lives in `services/` and `core/`.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { menuCommandChannel } from '../../core/bridge/preload-bridge';
import type { MenuCommand } from '../../core/bridge/bridge-api';
import { createServices } from '../../services/create-services';
import { createHandlerTable } from '../../services/handler-table';
import { DataFolderInUseError, lockDataFolder, type DataFolderLock } from '../../services/storage/data-folder-lock';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerHostFiles } from './host-files';
import { registerServiceChannels } from './ipc';
import { buildAppMenu } from './menu';
import { registerKeepAwake, releaseKeepAwakeWith } from './power';
import { guardAllWebContents, hardenSession } from './security';
import { openElectronStore } from './stores';
import { createMainWindow } from './window';

const isMac = process.platform === 'darwin';

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
const paths = {
  renderer: join(import.meta.dirname, '../renderer'),
  preload: join(import.meta.dirname, '../preload/index.cjs'),
  // Packaged builds ship the content as extraResources, outside the asar archive.
  content: app.isPackaged ? join(process.resourcesPath, 'exercises') : join(app.getAppPath(), 'exercises'),
};

let mainWindow: BrowserWindow | null = null;

function openMainWindow(): BrowserWindow {
  const window = createMainWindow({ preloadPath: paths.preload, isPackaged: app.isPackaged, stateStore: openElectronStore('window-state') });
  releaseKeepAwakeWith(window);
  window.once('closed', () => {
    mainWindow = null;
  });
  mainWindow = window;
  return window;
}

/** Brings the window forward, or opens it again (macOS keeps the app running with none). */
function showMainWindow(): void {
  if (!mainWindow) {
    openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function sendMenuCommand(command: MenuCommand): void {
  if (mainWindow) {
    showMainWindow();
    mainWindow.webContents.send(menuCommandChannel, command);
    return;
  }
  // A new window only listens once its page has loaded.
  const window = openMainWindow();
  window.webContents.once('did-finish-load', () => window.webContents.send(menuCommandChannel, command));
}

function start(): void {
  hardenSession(session.defaultSession);
  serveRenderer(paths.renderer);
  // The single-instance lock stops a second desktop copy; this also stops the browser host sharing the folder.
  const dataDir = app.getPath('userData');
  let lock: DataFolderLock;
  try {
    lock = lockDataFolder(dataDir);
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    dialog.showErrorBox('Backcare Coach is already using your data', error.message);
    app.exit(1);
    return;
  }
  const services = createServices({ contentDir: paths.content, openStore: openElectronStore, dataDir, appVersion: app.getVersion() });
  // One last try at any write that failed (a full disk), and stop the retry timer; then free the folder.
  app.on('will-quit', () => {
    services.close();
    lock.release();
  });
  registerServiceChannels(createHandlerTable(services));
  registerKeepAwake();
  registerHostFiles({ parent: () => mainWindow, preloadPath: paths.preload, isPackaged: app.isPackaged });
  app.setAboutPanelOptions({ applicationName: 'Backcare Coach', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(buildAppMenu({ isPackaged: app.isPackaged, isMac, sendCommand: sendMenuCommand }));
  openMainWindow();
  // macOS: clicking the Dock icon with no window open brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
}

function main(): void {
  // A second copy would share the same store files; hand over to the first one instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Both must happen before `ready`: scheme privileges and the sandbox are fixed at start-up.
  registerAppScheme();
  app.enableSandbox();
  guardAllWebContents();

  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit(); // macOS apps stay in the Dock until quit explicitly.
  });
  app.whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Backcare Coach could not start:', error);
      app.exit(1);
    });
}

main();
