import { join } from 'node:path';
import { Backups } from './backups';
import { isLeftoverTempFile } from './file-names';
import type { KeyValueStore } from './key-value-store';
import { NoticeBoard } from './notice-board';
import type { NoticeSink } from './notice-sink';
import type { StorageContext } from './storage-context';
import type { StorageFs } from './storage-fs';
import { WriteRetry } from './write-retry';

export interface StorageOptions {
  dataDir: string;
  openStore: (name: string) => KeyValueStore;
  fs: StorageFs;
  now: () => Date;
  retryIntervalMs?: number;
}

export interface Storage {
  ctx: StorageContext;
  notices: NoticeBoard;
  /** Tries failed writes one last time and stops the retry timer (the app is quitting, or a test is done). */
  close(): void;
}

/** A temp file younger than this may belong to a write still under way in another process. */
const LEFTOVER_AGE_MS = 60_000;

/** Removes temp files that writes killed half-way left behind; the store files themselves were never touched. */
function removeLeftoverTempFiles(fs: StorageFs, dataDir: string, nowMs: number): void {
  for (const file of fs.list(dataDir).filter(isLeftoverTempFile)) {
    try {
      const path = join(dataDir, file);
      if (nowMs - fs.modifiedMs(path) > LEFTOVER_AGE_MS) fs.remove(path);
    } catch {
      // Only tidying: a file that cannot be removed does no harm.
    }
  }
}

export function openStorage(options: StorageOptions): Storage {
  const retry = new WriteRetry(options.retryIntervalMs);
  const notices: { sink?: NoticeSink } = {};
  const ctx: StorageContext = {
    dataDir: options.dataDir,
    openStore: options.openStore,
    fs: options.fs,
    now: options.now,
    backups: new Backups(options.dataDir, options.fs, options.now),
    retry,
    // The board is itself a stored document, so it is created with this context and plugged in after.
    notices: { add: (notice) => notices.sink?.add(notice), resolve: (topic, message) => notices.sink?.resolve(topic, message) },
  };
  const board = new NoticeBoard(ctx);
  notices.sink = board;
  try {
    // The wall clock, not options.now: it is compared with file times the system set.
    removeLeftoverTempFiles(options.fs, options.dataDir, Date.now());
  } catch {
    // An unreadable data folder shows up as soon as a file is read.
  }
  const close = () => {
    retry.flush();
    retry.close();
  };
  return { ctx, notices: board, close };
}
