import { ContentService } from './content-service';
import type { Services } from './handler-table';
import { SettingsService } from './settings-service';
import type { KeyValueStore } from './storage/key-value-store';

export interface ServiceOptions {
  /** Folder holding `library/` and `routines/`. */
  contentDir: string;
  /** Opens a named store file in the app's data folder (electron-store or conf). */
  openStore: (name: string) => KeyValueStore;
}

/** Wires the services the same way for the desktop app and the browser host. */
export function createServices(options: ServiceOptions): Services {
  return {
    content: new ContentService(options.contentDir),
    settings: new SettingsService(options.openStore('settings')),
  };
}
