import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../../services/storage/data-folder-lock';
import { openHarness, tempDir, type Harness } from './support/harness';
import { sampleProgress, sampleSession, sampleSpasm } from './support/samples';

let h: Harness | undefined;
afterEach(() => h?.services.close());

/** Every file and folder under `dir` with its permission bits, e.g. `backups/log-2026-11.json 600`. */
function modes(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const mode = (statSync(path).mode & 0o777).toString(8);
    return statSync(path).isDirectory() ? [`${prefix}${name}/ ${mode}`, ...modes(path, `${prefix}${name}/`)] : [`${prefix}${name} ${mode}`];
  });
}

/** A damaged month (left by another program, readable by all) that the start-up check keeps aside. */
const damagedMonth = (dir: string) => writeFileSync(join(dir, 'log-2026-10.json'), '{"cut":', { mode: 0o644 });

/** Exercises every kind of file: stores, copies, notices, the lock. */
async function useEverything(harness: Harness): Promise<void> {
  await harness.call('settings:update', { theme: 'dark' });
  await harness.call('progress:save', sampleProgress());
  const saved = await harness.call<{ id: string }>('sessions:save', sampleSession());
  await harness.call('spasms:create', sampleSpasm());
  await harness.call('entries:delete', { kind: 'session', id: saved.id });
  await harness.call('history:list', { from: '2026-10-01' });
}

describe.skipIf(process.platform === 'win32')('private files (Linux and macOS)', () => {
  it('a fresh data folder is 0700 and every file the app writes in it 0600', async () => {
    const dir = join(tempDir(), 'Backcare Coach');
    const lock = lockDataFolder((mkdirSync(dir, { mode: 0o700 }), dir));
    damagedMonth(dir);
    h = openHarness(dir);
    await useEverything(h);
    const listed = modes(dir);
    expect(listed).toEqual(expect.arrayContaining(['backcare.lock 600', 'notices.json 600', 'settings.json 600', 'backups/ 700', 'backups/log-2026-11.json 600']));
    expect(listed.some((entry) => /^log-2026-10\.corrupt-.* 600$/.test(entry))).toBe(true);
    expect(listed.filter((entry) => !/( 600|\/ 700)$/.test(entry))).toEqual([]);
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    lock.release();
  });

  it('tightens a folder left readable by an older version at start', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'backups'), { mode: 0o755 });
    for (const file of ['settings.json', 'log-2026-11.json', 'backups/settings.20261101T090000Z.daily.json', 'log-2026-09.corrupt-20261001T000000Z.json']) {
      writeFileSync(join(dir, file), '{}', { mode: 0o644 });
      chmodSync(join(dir, file), 0o644);
    }
    damagedMonth(dir);
    h = openHarness(dir);
    await useEverything(h);
    expect(modes(dir).filter((entry) => !/( 600|\/ 700)$/.test(entry))).toEqual([]);
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
  });
});
