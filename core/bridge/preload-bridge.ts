import type { MenuCommand, Transport } from './bridge-api';

/**
 * The single global the Electron preload exposes (`window.backcareBridge`).
 * It is deliberately small: one request function limited to known channels,
 * a wake lock switch, and menu commands. The renderer builds the typed
 * `BackcareApi` on top of it.
 */
export interface PreloadBridge {
  invoke: Transport;
  keepAwake(on: boolean): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const preloadGlobalName = 'backcareBridge';
export const keepAwakeChannel = 'system:keep-awake';
export const menuCommandChannel = 'system:menu-command';
