import { createBackcareApi, type BackcareApi } from '../../../core/bridge/bridge-api';
import { preloadGlobalName, type PreloadBridge } from '../../../core/bridge/preload-bridge';
import { createBrowserSystem } from './browser-system';
import { createHttpTransport } from './http-transport';

/**
 * The renderer's only way to the app's data. In the desktop app the preload
 * provides the bridge; in the browser host we speak HTTP to the same handlers.
 */
function connect(): BackcareApi {
  const preload = (window as unknown as Record<string, PreloadBridge | undefined>)[preloadGlobalName];
  if (preload) {
    return createBackcareApi('electron', preload.invoke, { keepAwake: preload.keepAwake, onMenuCommand: preload.onMenuCommand });
  }
  const token = new URLSearchParams(window.location.search).get('token');
  return createBackcareApi('browser', createHttpTransport(token), createBrowserSystem());
}

export const api: BackcareApi = connect();
