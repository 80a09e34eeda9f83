import { inject, type App, type InjectionKey } from 'vue';
import type { BackcareApi } from '../../../core/bridge/bridge-api';

/**
 * Stores and composables take the API from the app rather than importing the
 * live connection, so a test can hand them an in-memory one. This file must
 * stay free of DOM globals: unit tests type-check it without the DOM library.
 */
const apiKey: InjectionKey<BackcareApi> = Symbol('backcare-api');

export function provideApi(app: App, api: BackcareApi): void {
  app.provide(apiKey, api);
}

/** The app's API. Call it while a store or component is being set up (Pinia runs store setup in the app's context). */
export function useApi(): BackcareApi {
  const api = inject(apiKey, null);
  if (!api) throw new Error('No Backcare API was provided: call provideApi(app, api) before using a store.');
  return api;
}
