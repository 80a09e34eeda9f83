import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/bridge/bridge-api';

/**
 * The application menu. Items that change what the page shows send a
 * `MenuCommand` to the renderer, which decides what to do with it; the
 * developer items exist only in unpackaged builds.
 */

export interface AppMenuOptions {
  isPackaged: boolean;
  isMac: boolean;
  sendCommand: (command: MenuCommand) => void;
}

function fileMenu(isMac: boolean): MenuItemConstructorOptions {
  return { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] };
}

function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return {
    label: 'View',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

function helpMenu(send: (command: MenuCommand) => void): MenuItemConstructorOptions {
  return {
    role: 'help',
    submenu: [
      { label: 'Safety information', click: () => send('show-safety') },
      { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => send('show-settings') },
      { label: 'Routine library', click: () => send('show-library') },
      { type: 'separator' },
      { role: 'about', label: 'About Backcare Coach' },
    ],
  };
}

export function buildAppMenu(options: AppMenuOptions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    fileMenu(options.isMac),
    // On macOS copy and paste shortcuts only work when an Edit menu provides them.
    ...(options.isMac ? [{ role: 'editMenu' } as const] : []),
    viewMenu(options.isPackaged),
    ...(options.isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu(options.sendCommand),
  ];
  return Menu.buildFromTemplate(template);
}
