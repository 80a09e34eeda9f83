import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE_NAME, lockDataFolder } from '../../../services/storage/data-folder-lock';

const folder = () => mkdtempSync(join(tmpdir(), 'lock-'));
const lockFile = (dir: string) => join(dir, LOCK_FILE_NAME);
const onThisMachine = { hostname: 'this-machine' };

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
});
