import { dirname, resolve } from 'node:path';
import { ContentService } from './content-service';
import type { Services } from './handler-table';
import { LogRepository } from './log/log-repository';
import { settingsFileSpec } from './settings-file';
import { SettingsService } from './settings-service';
import type { KeyValueStore } from './storage/key-value-store';
import { openStorage } from './storage/open-storage';
import { nodeStorageFs, type StorageFs } from './storage/storage-fs';
import { StoredDocument } from './storage/stored-document';

export interface ServiceOptions {
  /** Folder holding `library/` and `routines/`. */
  contentDir: string;
  /** Opens a named store file in the app's data folder (electron-store or conf): `<dataDir>/<name>.json`. */
  openStore: (name: string) => KeyValueStore;
  /**
   * The folder `openStore` writes to (backups and damaged files go beside the
   * stores). Hosts should pass it; without it, it is taken from where
   * `openStore` puts a store.
   */
  dataDir?: string;
  /** The clock for records, deletions and backups; tests pass their own. */
  now?: () => Date;
  /** The file operations storage does itself; tests pass one that fails on demand. */
  fs?: StorageFs;
  /** How often failed writes are retried (default 30 s). */
  retryIntervalMs?: number;
}

/**
 * A store that is never written: opening it reads nothing and creates no
 * file (conf only creates the folder), but its `path` shows where the
 * opener keeps files.
 */
const LOCATION_PROBE = 'data-folder-probe';

/** Wires the services the same way for the desktop app and the browser host. */
export function createServices(options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const storage = openStorage({
    dataDir: resolve(options.dataDir ?? dirname(options.openStore(LOCATION_PROBE).path)),
    openStore: options.openStore,
    fs: options.fs ?? nodeStorageFs,
    now,
    retryIntervalMs: options.retryIntervalMs,
  });
  const log = new LogRepository(storage.ctx);
  return {
    content: new ContentService(options.contentDir),
    settings: new SettingsService(new StoredDocument(settingsFileSpec, storage.ctx)),
    log,
    notices: storage.notices,
    now,
    close() {
      log.close();
      storage.close();
    },
  };
}
