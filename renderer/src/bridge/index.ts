import { createBackcareApi, type BackcareApi } from '../../../core/bridge/bridge-api';
import { preloadGlobalName, type PreloadBridge } from '../../../core/bridge/preload-bridge';
import { takeAccessToken } from './access-token';
import { createBrowserSystem } from './browser-system';
import { createHttpTransport } from './http-transport';

/**
 * The renderer's only way to the app's data. In the desktop app the preload
 * provides the bridge; in the browser host we speak HTTP to the same handlers.
 * Only main.ts uses this: it provides the API to the app, and stores and
 * composables reach it with `useApi()`.
 */
function connect(): BackcareApi {
  const preload = (window as unknown as Record<string, PreloadBridge | undefined>)[preloadGlobalName];
  if (preload) {
    const { invoke, ...system } = preload;
    return createBackcareApi('electron', invoke, system);
  }
  return createBackcareApi('browser', createHttpTransport(takeAccessToken()), createBrowserSystem());
}

export const api: BackcareApi = connect();
