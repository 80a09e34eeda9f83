import { copyFileSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';

/**
 * The file operations the storage layer does itself (reading store files,
 * keeping damaged files aside, backups). Writes of store content go through
 * conf instead. Passed in so tests can make any of them fail like a full or
 * read-only disk would.
 */
export interface StorageFs {
  readText(path: string): string;
  /** Names (not paths) in a folder; an absent folder has none. */
  list(dir: string): string[];
  copy(from: string, to: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  makeDir(dir: string): void;
  modifiedMs(path: string): number;
}

export const isMissingFileError = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

export const nodeStorageFs: StorageFs = {
  readText: (path) => readFileSync(path, 'utf8'),
  list(dir) {
    try {
      return readdirSync(dir);
    } catch (error) {
      if (isMissingFileError(error)) return [];
      throw error;
    }
  },
  copy: (from, to) => copyFileSync(from, to),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => unlinkSync(path),
  makeDir: (dir) => void mkdirSync(dir, { recursive: true }),
  modifiedMs: (path) => statSync(path).mtimeMs,
};
