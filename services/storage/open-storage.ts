import { backupDir, copyPath, prepareDataFolder, storePath, type StorageFs } from './data-folder';
import type { DocumentStore } from './document-store';
import { NoticeBoard } from './notice-board';
import { StoredDocument, type StorageContext } from './stored-document';
import { ValidatedTexts } from './validated-texts';
import type { DocumentSpec, JsonObject } from './versioned-document';
import { WriteRetry } from './write-retry';

export interface StorageOptions {
  dataDir: string;
  openStore: (name: string) => DocumentStore;
  fs: StorageFs;
  now: () => Date;
  retryIntervalMs?: number;
  /** The app's version: a file checked by another version is checked again (validated-texts.ts). */
  appVersion: string;
}

export interface Storage {
  notices: NoticeBoard;
  /** The one in-memory document for a spec's file (created on first use, read on first access). */
  document<T extends JsonObject>(spec: DocumentSpec<T>): StoredDocument<T>;
  /**
   * Finds damage at start, so the first screen can report it: every store
   * file whose size differs from its second copy's (or that has only one of
   * the two) is read now, recovered if need be, and its copy refreshed.
   */
  checkFiles(documentFor: (name: string) => Pick<StoredDocument<JsonObject>, 'checkAgainstCopy'> | undefined): void;
  /** Tries failed writes one last time and stops the retry timer (the app is quitting, or a test is done). */
  close(): void;
}

export function openStorage(options: StorageOptions): Storage {
  try {
    prepareDataFolder(options.dataDir, options.fs);
  } catch {
    // A folder that cannot be created or changed shows up, with its reason, at the first read or write.
  }
  const retry = new WriteRetry(options.retryIntervalMs);
  const validated = new ValidatedTexts(options.dataDir, options.fs, options.appVersion);
  const base = { dataDir: options.dataDir, openStore: options.openStore, fs: options.fs, now: options.now, retry, validated };
  const notices = new NoticeBoard(base);
  const ctx: StorageContext = { ...base, notices };
  const documents = new Map<string, StoredDocument<JsonObject>>();
  function document<T extends JsonObject>(spec: DocumentSpec<T>): StoredDocument<T> {
    let doc = documents.get(spec.name) as StoredDocument<T> | undefined;
    if (!doc) documents.set(spec.name, (doc = new StoredDocument(spec, ctx)) as unknown as StoredDocument<JsonObject>);
    return doc;
  }
  return {
    notices,
    document,
    checkFiles(documentFor) {
      const { dataDir, fs } = options;
      const names = new Set([...fs.list(dataDir), ...fs.list(backupDir(dataDir))].filter((file) => /^[a-z0-9-]+\.json$/.test(file)).map((file) => file.slice(0, -5)));
      for (const name of names) {
        try {
          if (fs.sizeOf(storePath(dataDir, name)) !== fs.sizeOf(copyPath(dataDir, name))) documentFor(name)?.checkAgainstCopy();
        } catch {
          // A file that cannot even be looked at is reported when a screen reads it.
        }
      }
    },
    close() {
      retry.flush();
      retry.close();
      validated.flush();
    },
  };
}
