import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE_NAME, lockDataFolder, type LockOptions } from '../../../services/storage/data-folder-lock';

const folder = () => mkdtempSync(join(tmpdir(), 'lock-'));
const lockFile = (dir: string) => join(dir, LOCK_FILE_NAME);
const onThisMachine = { hostname: 'this-machine' };
const lockOwnerPid = (dir: string) => (JSON.parse(readFileSync(lockFile(dir), 'utf8')) as { pid: number }).pid;

/** A lock left by process 999, which is gone; every other process counts as running. */
function folderWithStaleLock(): { dir: string; isRunning: (pid: number) => boolean } {
  const dir = folder();
  writeFileSync(lockFile(dir), JSON.stringify({ pid: 999, hostname: 'this-machine', since: '2026-11-23T08:00:00.000Z' }));
  return { dir, isRunning: (pid) => pid !== 999 };
}

/** Runs `take`, reporting the lock or the refusal (any other error fails the test). */
function outcome(take: () => unknown): { held: boolean } | { refusedFor: number } {
  try {
    take();
    return { held: true };
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    return { refusedFor: error.owner.pid };
  }
}

describe('the data folder lock', () => {
  it('is taken by the first copy and names it in the lock file', () => {
    const dir = folder();
    const lock = lockDataFolder(dir, { ...onThisMachine, pid: 111 });
    expect(lock.held).toBe(true);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: 111, hostname: 'this-machine' });
  });

  it('refuses a second copy while the first is running, saying who has the folder and what to do', () => {
    const dir = folder();
    lockDataFolder(dir, { ...onThisMachine, pid: 111, now: () => new Date('2026-11-24T20:00:00Z') });
    const second = () => lockDataFolder(dir, { ...onThisMachine, pid: 222, isRunning: (pid) => pid === 111 });
    expect(second).toThrow(DataFolderInUseError);
    expect(second).toThrow(`Another copy of Backcare Coach (process 111, started 2026-11-24T20:00:00.000Z) is using the data folder ${dir}`);
    expect(second).toThrow(`delete ${lockFile(dir)}`);
    // The first copy's lock is untouched.
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: 111 });
  });

  it('takes over a lock left by a process that is gone (killed, crashed, restarted machine)', () => {
    const dir = folder();
    lockDataFolder(dir, { ...onThisMachine, pid: 111 });
    const lock = lockDataFolder(dir, { ...onThisMachine, pid: 222, isRunning: () => false });
    expect(lock.held).toBe(true);
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: 222 });
  });

  it('takes over a lock file that cannot be read, or one from another machine that cannot be checked', () => {
    const damaged = folder();
    writeFileSync(lockFile(damaged), '{"pid": 1');
    expect(lockDataFolder(damaged, { ...onThisMachine, pid: 222, isRunning: () => true }).held).toBe(true);

    const synced = folder();
    lockDataFolder(synced, { hostname: 'laptop', pid: 111 });
    expect(lockDataFolder(synced, { ...onThisMachine, pid: 222, isRunning: () => true }).held).toBe(true);
  });

  it('is released by its holder only', () => {
    const dir = folder();
    const first = lockDataFolder(dir, { ...onThisMachine, pid: 111 });
    const stale = lockDataFolder(dir, { ...onThisMachine, pid: 222, isRunning: () => false });
    first.release(); // 111 no longer holds it: 222's lock must stay
    expect(JSON.parse(readFileSync(lockFile(dir), 'utf8'))).toMatchObject({ pid: 222 });
    stale.release();
    expect(existsSync(lockFile(dir))).toBe(false);
    expect(() => stale.release()).not.toThrow();
  });

  it('lets the app run on, unlocked, where the folder cannot be written at all', () => {
    const notAFolder = join(folder(), 'file');
    writeFileSync(notAFolder, '');
    const lock = lockDataFolder(notAFolder, onThisMachine);
    expect(lock.held).toBe(false);
    expect(() => lock.release()).not.toThrow();
  });

  it('sees a real running process as running, and a finished one as gone', () => {
    const dir = folder();
    // This test process is alive: a lock naming it (from another pid's point of view) is refused.
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, hostname: 'this-machine', since: 'now' }));
    expect(() => lockDataFolder(dir, { ...onThisMachine, pid: process.pid + 1 })).toThrow(DataFolderInUseError);
    // Far above any pid the system hands out: no such process.
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 2 ** 30, hostname: 'this-machine', since: 'then' }));
    expect(lockDataFolder(dir, { ...onThisMachine, pid: process.pid + 1 }).held).toBe(true);
  });

  it('creates the lock file readable by its owner only', { skip: process.platform === 'win32' }, () => {
    const dir = folder();
    lockDataFolder(dir, { ...onThisMachine, pid: 111 });
    expect(statSync(lockFile(dir)).mode & 0o777).toBe(0o600);
  });
});

describe('two copies starting together over a stale lock', () => {
  it('lets exactly one take the folder when both judged the lock stale before either took it over', () => {
    const { dir, isRunning } = folderWithStaleLock();
    const results: Record<number, ReturnType<typeof outcome>> = {};
    const copy = (pid: number, beforeTakeOver?: LockOptions['beforeTakeOver']) =>
      (results[pid] = outcome(() => lockDataFolder(dir, { ...onThisMachine, pid, isRunning, beforeTakeOver })));
    let started = false;
    // Copy 111 has read the stale lock; copy 222 now reads it too and takes over first.
    copy(111, (staleOwner) => {
      expect(staleOwner?.pid).toBe(999);
      if (!started) copy(222, (alsoStale) => expect(alsoStale?.pid).toBe(999));
      started = true;
    });
    expect(results).toEqual({ 222: { held: true }, 111: { refusedFor: 222 } });
    expect(lockOwnerPid(dir)).toBe(222);
    // The copy that lost put the winner's lock back and left nothing of its own.
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
  });

  it('lets exactly one of three take the folder', () => {
    const { dir, isRunning } = folderWithStaleLock();
    const results: Record<number, ReturnType<typeof outcome>> = {};
    const pending = [222, 333];
    const copy = (pid: number): void => {
      results[pid] = outcome(() =>
        lockDataFolder(dir, {
          ...onThisMachine,
          pid,
          isRunning,
          // Each copy that judged the lock stale starts the next, which then runs ahead of it.
          beforeTakeOver: () => {
            const next = pending.shift();
            if (next !== undefined) copy(next);
          },
        }),
      );
    };
    copy(111);
    expect(results).toEqual({ 333: { held: true }, 222: { refusedFor: 333 }, 111: { refusedFor: 333 } });
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
  });

  it('never removes a lock that a live copy made after this one judged the old lock stale', () => {
    const { dir, isRunning } = folderWithStaleLock();
    const live = JSON.stringify({ pid: 444, hostname: 'this-machine', since: '2026-11-24T20:00:00.000Z' });
    const take = () => lockDataFolder(dir, { ...onThisMachine, pid: 111, isRunning, beforeTakeOver: () => writeFileSync(lockFile(dir), live) });
    expect(outcome(take)).toEqual({ refusedFor: 444 });
    expect(readFileSync(lockFile(dir), 'utf8')).toBe(live);
  });

  it('takes the folder when the stale lock vanished before it could be taken over', () => {
    const { dir, isRunning } = folderWithStaleLock();
    const lock = lockDataFolder(dir, { ...onThisMachine, pid: 111, isRunning, beforeTakeOver: () => unlinkSync(lockFile(dir)) });
    expect(lock.held).toBe(true);
    expect(lockOwnerPid(dir)).toBe(111);
  });

  it('lets exactly one of several real processes take the folder', { timeout: 60_000 }, async () => {
    const { dir } = folderWithStaleLock(); // pid 999 is not running here either
    const reports = await raceRealProcesses(dir, 4);
    const winners = reports.filter((line) => line.startsWith('held '));
    expect(winners, reports.join('; ')).toHaveLength(1);
    const winnerPid = Number(winners[0]!.slice('held '.length));
    expect(reports.filter((line) => line === `in-use ${winnerPid}`)).toHaveLength(3);
    expect(lockOwnerPid(dir)).toBe(winnerPid);
  });
});

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Each child waits for "go", tries the lock, reports, and stays alive (holding it) until its input closes. */
const childScript = `
import { createInterface } from 'node:readline';
import { DataFolderInUseError, lockDataFolder } from './services/storage/data-folder-lock.ts';
const lines = createInterface({ input: process.stdin });
console.log('ready');
lines.once('line', () => {
  try {
    lockDataFolder(process.argv[1]);
    console.log('held ' + process.pid);
  } catch (error) {
    console.log(error instanceof DataFolderInUseError ? 'in-use ' + error.owner.pid : 'error ' + error.message);
  }
});
`;

/** Starts `count` processes, lets them all try the lock at once, and returns what each reported. */
async function raceRealProcesses(dir: string, count: number): Promise<string[]> {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', childScript, dir], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const exited = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const outputs = children.map((child) => createInterface({ input: child.stdout })[Symbol.asyncIterator]());
  const nextLines = () => Promise.all(outputs.map(async (output) => (await output.next()).value ?? 'exited'));
  try {
    expect(await nextLines()).toEqual(Array(count).fill('ready'));
    for (const child of children) child.stdin.write('go\n');
    return await nextLines();
  } finally {
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
  }
}
