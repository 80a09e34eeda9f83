import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';

/**
 * One running copy per data folder. The desktop app and the browser host can
 * both point at the same folder, and each keeps the files it has read in
 * memory: two of them writing at once would overwrite each other's entries.
 * A lock file names the process holding the folder; a lock left by a process
 * that is gone (killed, crashed, the machine restarted) is taken over.
 *
 * Two copies starting together must never both win, so every step that
 * decides who holds the folder is a single atomic file-system call: the lock
 * appears whole through `link` (never empty or half-written, which a reader
 * would take for a damaged lock), and a stale one is taken away by `rename`,
 * which only one of several racing copies can do.
 */

export const LOCK_FILE_NAME = 'backcare.lock';

export interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
    readonly lockPath: string,
  ) {
    super(
      `Another copy of Backcare Coach (process ${owner.pid}, started ${owner.since}) is using the data folder ${dataDir}. ` +
        `Close that copy first. If none is running, delete ${lockPath} and start again.`,
    );
    this.name = 'DataFolderInUseError';
  }
}

export interface DataFolderLock {
  /** False when the folder could not be written at all (read-only): the app runs on, and its writes will fail visibly. */
  held: boolean;
  release(): void;
}

export interface LockOptions {
  pid?: number;
  hostname?: string;
  now?: () => Date;
  /** Whether a process id is alive on this machine; tests pass their own. */
  isRunning?: (pid: number) => boolean;
  /**
   * Called once a lock has been judged stale, just before it is taken over
   * (with its owner, or null when it was unreadable). Tests start a second
   * copy here, the moment two real copies would race.
   */
  beforeTakeOver?: (staleOwner: LockOwner | null) => void;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** A file beside the lock that no other copy will name (the same folder, so `link` and `rename` work). */
function uniqueName(dataDir: string, kind: 'new' | 'stale', pid: number): string {
  return join(dataDir, `${LOCK_FILE_NAME}.${kind}-${pid}-${randomBytes(6).toString('hex')}`);
}

/** The lock's text; undefined when there is none; '' when it cannot be read (nobody can be shown to hold it). */
function readLockText(lockPath: string): string | undefined {
  try {
    return readFileSync(lockPath, 'utf8');
  } catch (error) {
    return errorCode(error) === 'ENOENT' ? undefined : '';
  }
}

function parseOwner(text: string | undefined): LockOwner | null {
  try {
    const owner = JSON.parse(text ?? '') as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string' && typeof owner.since === 'string') return owner as LockOwner;
  } catch {
    // Unreadable or damaged: nobody can be shown to hold it.
  }
  return null;
}

/**
 * Creates the lock holding `text`, or returns false when there already is
 * one. The text is written to a file of our own first and then linked into
 * place, which fails if the lock exists. Where hard links are not supported
 * (FAT drives, some network shares), `wx` is the fallback.
 */
function createLock(dataDir: string, lockPath: string, text: string, pid: number): boolean {
  const ownFile = uniqueName(dataDir, 'new', pid);
  writeFileSync(ownFile, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(ownFile, lockPath);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    return createLockDirectly(lockPath, text);
  } finally {
    rmSync(ownFile, { force: true });
  }
}

function createLockDirectly(lockPath: string, text: string): boolean {
  try {
    writeFileSync(lockPath, text, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes the lock only if it still has the text judged stale. Renaming it
 * away is atomic: of two copies racing over one stale lock, one moves it and
 * the other finds it gone. A copy so slow that it moved a lock another copy
 * has just created (not the stale one) puts that lock back untouched.
 */
function removeStaleLock(dataDir: string, lockPath: string, staleText: string, pid: number): void {
  const moved = uniqueName(dataDir, 'stale', pid);
  try {
    renameSync(lockPath, moved);
  } catch {
    return; // already gone: another copy is taking over; the next attempt sees who won
  }
  try {
    if (readLockText(moved) === staleText) rmSync(moved, { force: true });
    else putBack(moved, lockPath);
  } catch {
    // The folder stopped being writable part-way: the next attempt finds out.
  }
}

function putBack(moved: string, lockPath: string): void {
  try {
    linkSync(moved, lockPath);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') {
      renameSync(moved, lockPath); // no hard links here: renaming back is all there is
      return;
    }
    // A third copy made a lock in the moment this one was away: that one stands.
  }
  rmSync(moved, { force: true });
}

/** True when this copy made the lock, false when there is one already, null when the folder cannot be written at all. */
function tryCreateLock(dataDir: string, lockPath: string, text: string, pid: number): boolean | null {
  try {
    return createLock(dataDir, lockPath, text, pid);
  } catch {
    return null; // read-only, or not a folder
  }
}

/** Takes the data folder for this process, or throws `DataFolderInUseError` naming who has it. */
export function lockDataFolder(dataDir: string, options: LockOptions = {}): DataFolderLock {
  const lockPath = join(dataDir, LOCK_FILE_NAME);
  const self: LockOwner = {
    pid: options.pid ?? process.pid,
    hostname: options.hostname ?? osHostname(),
    since: (options.now ?? (() => new Date()))().toISOString(),
  };
  const ownText = JSON.stringify(self);
  const isRunning = options.isRunning ?? processIsRunning;
  // A lock from another machine cannot be checked (a synced folder): it must not lock this one out for ever.
  const isLive = (owner: LockOwner | null): owner is LockOwner =>
    owner !== null && owner.pid !== self.pid && owner.hostname === self.hostname && isRunning(owner.pid);
  const release = () => {
    try {
      if (readLockText(lockPath) === ownText) rmSync(lockPath);
    } catch {
      // Already gone, or the folder went read-only: a stale lock is taken over next time.
    }
  };

  for (let attempt = 0; attempt < 4; attempt++) {
    const created = tryCreateLock(dataDir, lockPath, ownText, self.pid);
    if (created === null) return { held: false, release: () => undefined };
    if (created) return { held: true, release };
    const text = readLockText(lockPath);
    if (text === undefined) continue; // released just now: try again
    const owner = parseOwner(text);
    if (isLive(owner)) throw new DataFolderInUseError(dataDir, owner, lockPath);
    options.beforeTakeOver?.(owner);
    removeStaleLock(dataDir, lockPath, text, self.pid);
  }
  throw new DataFolderInUseError(dataDir, parseOwner(readLockText(lockPath)) ?? { pid: 0, hostname: self.hostname, since: 'just now' }, lockPath);
}
