import { chmodSync, closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The data folder: where each file lives, and the file operations storage
 * does itself. It holds health data, so the folder is 0700 and every file in
 * it 0600 from the moment it is created (on Windows the profile's
 * permissions apply instead). Store files are `<dataDir>/<name>.json` (what
 * conf and electron-store write); their second copies and the copies made
 * before a format upgrade are in `backups/`; damaged files are kept beside
 * the stores.
 */

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

export const storePath = (dataDir: string, name: string) => join(dataDir, `${name}.json`);
export const backupDir = (dataDir: string) => join(dataDir, 'backups');
/** The second copy of a store file, rewritten with it on every save. */
export const copyPath = (dataDir: string, name: string) => join(backupDir(dataDir), `${name}.json`);

/** `20261124T193000Z`: sortable, and safe in a file name on every system. */
export const fileStamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');

/** e.g. `backups/settings.before-v1.20261124T193000Z.json`: the file as it was before a format upgrade, kept for good. */
export const upgradeBackupPath = (dataDir: string, name: string, toVersion: number, at: Date) => join(backupDir(dataDir), `${name}.before-v${toVersion}.${fileStamp(at)}.json`);
export const isUpgradeBackupOf = (name: string, file: string) => file.startsWith(`${name}.before-v`) && file.endsWith('.json');

/** Why a file was set aside: it could not be read or parsed, or a newer app wrote it. */
export type AsideReason = 'corrupt' | 'newer';

/** conf's atomic writes (and ours) leave `<file>.tmp-<digits>` behind only when the process is killed mid-write. */
export const isLeftoverTempFile = (file: string) => /\.json\.tmp-\d+[a-f0-9]*$/.test(file);

/** The operations storage does itself; tests pass one that fails like a full or read-only disk. */
export interface StorageFs {
  readText(path: string): string;
  /** Names (not paths) in a folder; an absent folder has none. */
  list(dir: string): string[];
  /** Writes a whole file atomically (temp file, fsync, rename), private from creation. */
  writePrivate(path: string, text: string): void;
  copy(from: string, to: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Size in bytes, or null when there is no such file. */
  sizeOf(path: string): number | null;
  modifiedMs(path: string): number;
}

export const isMissingFileError = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

function writePrivate(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_FOLDER });
  const temp = `${path}.tmp-${Date.now()}${process.pid.toString(16)}`;
  const fd = openSync(temp, 'w', PRIVATE_FILE);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

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
  writePrivate,
  copy: (from, to) => copyFileSync(from, to),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => unlinkSync(path),
  sizeOf(path) {
    try {
      return statSync(path).size;
    } catch (error) {
      if (isMissingFileError(error)) return null;
      throw error;
    }
  },
  modifiedMs: (path) => statSync(path).mtimeMs,
};

/** A temp file younger than this may belong to a write still under way in another process. */
const LEFTOVER_AGE_MS = 60_000;

/**
 * Run at start: creates the folder private, tightens what an older version
 * left readable by others, and removes temp files of writes killed half-way
 * (the store files themselves were never touched by them).
 */
export function prepareDataFolder(dataDir: string, fs: StorageFs, nowMs = Date.now()): void {
  for (const dir of [dataDir, backupDir(dataDir)]) {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
    if (process.platform === 'win32') continue; // the user profile's permissions apply
    chmodSync(dir, PRIVATE_FOLDER);
    for (const file of fs.list(dir)) {
      const path = join(dir, file);
      try {
        if (isLeftoverTempFile(file) && nowMs - fs.modifiedMs(path) > LEFTOVER_AGE_MS) fs.remove(path);
        else if (statSync(path).isFile()) chmodSync(path, PRIVATE_FILE);
      } catch {
        // Only tidying: a file that vanished meanwhile or cannot be changed does no harm here.
      }
    }
  }
}

/**
 * Moves a damaged (or newer-format) file to a new name beside it, e.g.
 * `log-2026-11.corrupt-20261124T193000Z.json`, and returns that path. A
 * rename, so the file is never rewritten.
 */
export function keepAside(fs: StorageFs, path: string, reason: AsideReason, at: Date): string {
  const base = path.replace(/\.json$/, `.${reason}-${fileStamp(at)}`);
  const taken = new Set(fs.list(dirname(path)).map((file) => join(dirname(path), file)));
  let target = `${base}.json`;
  for (let n = 2; taken.has(target); n++) target = `${base}-${n}.json`;
  fs.rename(path, target);
  try {
    if (process.platform !== 'win32') chmodSync(target, PRIVATE_FILE); // another program may have written it readable by all
  } catch {
    // It is kept either way; the next start tightens it.
  }
  return target;
}
