import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';

/**
 * One running copy per data folder. The desktop app and the browser host can
 * both point at the same folder, and each keeps the files it has read in
 * memory: two of them writing at once would overwrite each other's entries.
 * A lock file names the process holding the folder; a lock left by a process
 * that is gone (killed, crashed, the machine restarted) is taken over.
 */

export const LOCK_FILE_NAME = 'backcare.lock';

interface LockOwner {
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

function readOwner(lockPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string' && typeof owner.since === 'string') return owner as LockOwner;
  } catch {
    // Unreadable or half-written: nobody can be shown to hold it.
  }
  return null;
}

/** Takes the data folder for this process, or throws `DataFolderInUseError` naming who has it. */
export function lockDataFolder(dataDir: string, options: LockOptions = {}): DataFolderLock {
  const lockPath = join(dataDir, LOCK_FILE_NAME);
  const self: LockOwner = {
    pid: options.pid ?? process.pid,
    hostname: options.hostname ?? osHostname(),
    since: (options.now ?? (() => new Date()))().toISOString(),
  };
  const isRunning = options.isRunning ?? processIsRunning;
  const release = () => {
    try {
      if (readOwner(lockPath)?.pid === self.pid) unlinkSync(lockPath);
    } catch {
      // Already gone, or the folder went read-only: a stale lock is taken over next time.
    }
  };

  // Two copies starting at once may both find a stale lock; `wx` lets only one create the new one.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(lockPath, JSON.stringify(self), { flag: 'wx' });
      return { held: true, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { held: false, release: () => undefined };
    }
    const owner = readOwner(lockPath);
    // A lock from another machine cannot be checked (a synced folder): it must not lock this one out for ever.
    if (owner && owner.pid !== self.pid && owner.hostname === self.hostname && isRunning(owner.pid)) {
      throw new DataFolderInUseError(dataDir, owner, lockPath);
    }
    try {
      unlinkSync(lockPath);
    } catch {
      // Someone else removed it first; try again.
    }
  }
  throw new DataFolderInUseError(dataDir, readOwner(lockPath) ?? { pid: 0, hostname: self.hostname, since: 'just now' }, lockPath);
}
