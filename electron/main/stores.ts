import { app } from 'electron';
import Store from 'electron-store';
import type { KeyValueStore } from '../../services/storage/key-value-store';

/**
 * The only file that imports electron-store: services see a `KeyValueStore`
 * and never know which library is behind it (the browser host uses conf).
 */
export function openElectronStore(name: string): KeyValueStore {
  // clearInvalidConfig stays false: a damaged file must never be wiped silently.
  return new Store<Record<string, unknown>>({ name, cwd: app.getPath('userData'), clearInvalidConfig: false });
}
