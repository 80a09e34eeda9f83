import { app } from 'electron';
import Store from 'electron-store';
import { storeOptions } from '../../services/storage/document-store';

/**
 * The only file that imports electron-store: services see a `DocumentStore`
 * and never know which library is behind it (the browser host uses conf).
 * Opened with the same options as conf: never cleared, private files.
 */
export function openElectronStore(name: string): Store<Record<string, unknown>> {
  return new Store<Record<string, unknown>>({ name, cwd: app.getPath('userData'), ...storeOptions });
}
