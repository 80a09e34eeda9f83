import { BrowserWindow, nativeTheme, screen } from 'electron';
import { appEntryUrl } from './url-policy';
import { minWindowSize, restoreWindowState, type WindowState } from './window-state';

/** Where the window's size and place are kept (an electron-store file). */
export interface StateStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** The one window (and a hidden one to print the report from). Every security-relevant preference is spelled out, even where it is Electron's default. */

const stateKey = 'mainWindow';
const saveDelayMs = 500;

/** The renderer's `--bg` colours, so the window does not flash white before the page paints. */
const background = { light: '#f5f7f6', dark: '#0f1413' } as const;

export interface MainWindowOptions {
  preloadPath: string;
  isPackaged: boolean;
  stateStore: StateStore;
}

function saveState(window: BrowserWindow, store: StateStore): void {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  store.set(stateKey, state);
}

/** Saves size and place shortly after the last move or resize, and once more on close. */
function rememberState(window: BrowserWindow, store: StateStore): void {
  let timer: NodeJS.Timeout | undefined;
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => saveState(window, store), saveDelayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    saveState(window, store);
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const placement = restoreWindowState(options.stateStore.get(stateKey), workAreas);

  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false,
    title: 'Backcare Coach',
    backgroundColor: nativeTheme.shouldUseDarkColors ? background.dark : background.light,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) could otherwise open links in new windows; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
      devTools: !options.isPackaged,
      preload: options.preloadPath,
    },
  });

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  rememberState(window, options.stateStore);
  void window.loadURL(appEntryUrl);
  return window;
}
