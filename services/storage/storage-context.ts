import type { Backups } from './backups';
import type { KeyValueStore } from './key-value-store';
import type { NoticeSink } from './notice-sink';
import type { StorageFs } from './storage-fs';
import type { WriteRetry } from './write-retry';

/** What every stored document shares: where the files are, how to open and touch them, and whom to tell. */
export interface StorageContext {
  dataDir: string;
  openStore: (name: string) => KeyValueStore;
  fs: StorageFs;
  now: () => Date;
  backups: Backups;
  retry: WriteRetry;
  notices: NoticeSink;
}
