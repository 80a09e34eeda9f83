import type { SystemApi, Transport } from './bridge-api';

/**
 * The single global the Electron preload exposes (`window.backcareBridge`).
 * It is deliberately small: one request function limited to known channels,
 * and the system features (a wake lock switch, menu commands, save and open
 * dialogs, printing the report). The renderer builds the typed `BackcareApi`
 * on top of it.
 */
export interface PreloadBridge extends SystemApi {
  invoke: Transport;
}

export const preloadGlobalName = 'backcareBridge';
export const keepAwakeChannel = 'system:keep-awake';
export const menuCommandChannel = 'system:menu-command';
