import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPage, StorageNotice } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { openHarness, readJson, TestClock, tempDir, type Harness } from './support/harness';
import { sampleSession, sampleSpasm } from './support/samples';
import { invalidStoreFiles } from './support/validate-files';

let h: Harness;
afterEach(() => {
  chmodSync(h.dir, 0o755);
  h.services.close();
});

const monthFile = () => join(h.dir, 'log-2026-11.json');
const historyIds = async () => (await h.call<HistoryPage>('history:list', {})).entries.map((e) => e.record.id);
const storedIds = () => (readJson(monthFile()).sessions as { id: string }[]).map((s) => s.id);
const notices = () => h.call<StorageNotice[]>('storage:notices', null);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['ENOSPC', /^The disk is full, so your log for November 2026 could not be saved\. Free some space/],
  ['EACCES', /^Backcare Coach is not allowed to write in its data folder \(.+\), so your log for November 2026 could not be saved/],
  ['EPERM', /not allowed to write in its data folder/],
  ['EROFS', /^The data folder \(.+\) is on a read-only disk/],
])('a write refused with %s', (code, sentence) => {
  it('says so, keeps the data in memory, leaves the saved file alone, and saves it once the disk allows', async () => {
    h = openHarness(undefined, undefined, { retryIntervalMs: 50 });
    const kept = await h.call<SessionRecord>('sessions:save', sampleSession());
    const before = readFileSync(monthFile(), 'utf8');
    h.faults.writeError = code;

    const result = await h.table.handle('sessions:save', sampleSession({ note: 'during the fault' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(sentence) } });
    expect(!result.ok && result.error.message).toMatch(/kept while the app stays open.*no need to enter it again/);
    expect(readFileSync(monthFile(), 'utf8')).toBe(before);
    expect(await historyIds()).toHaveLength(2); // still served from memory
    expect(await notices()).toMatchObject([{ level: 'error', message: expect.stringMatching(sentence) }]);

    h.faults.writeError = null;
    await wait(200); // the retry timer
    expect(storedIds()).toHaveLength(2);
    expect(storedIds()).toContain(kept.id);
    expect(await notices()).toMatchObject([{ level: 'info', message: expect.stringMatching(/could be saved again: nothing was lost/) }]);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
  });
});

describe('retrying', () => {
  it('tries failed writes again before the next write', async () => {
    h = openHarness(); // 30 s timer: only the next write can save it within the test
    h.faults.writeError = 'ENOSPC';
    expect((await h.table.handle('sessions:save', sampleSession())).ok).toBe(false);
    expect((await h.table.handle('settings:update', { theme: 'dark' })).ok).toBe(false);
    h.faults.writeError = null;
    await h.call('spasms:create', sampleSpasm());
    expect(readJson(monthFile())).toMatchObject({ sessions: [{ routine: { id: 'bedtime-spasm-relief' } }], spasms: [{ intensity: 7 }] });
    expect(readJson(join(h.dir, 'settings.json'))).toMatchObject({ settings: { theme: 'dark' } });
  });

  it('keeps the routine in progress when the session that ends it could not be saved', async () => {
    h = openHarness();
    const { sampleProgress } = await import('./support/samples');
    await h.call('progress:save', sampleProgress());
    h.faults.writeError = 'ENOSPC';
    expect((await h.table.handle('sessions:save', sampleSession())).ok).toBe(false);
    h.faults.writeError = null;
    expect(await h.call('progress:get', null)).toEqual(sampleProgress());
  });

  it('keeps serving reads while the disk is full', async () => {
    h = openHarness();
    await h.call('sessions:save', sampleSession());
    const saved = await h.call<SessionRecord>('sessions:save', sampleSession());
    h.faults.writeError = 'ENOSPC';
    h.faults.fsError = 'ENOSPC';
    await h.call('entries:delete', { kind: 'session', id: saved.id }).catch(() => undefined);
    h.clock.advance(11_000);
    expect(await historyIds()).toHaveLength(1);
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
  });
});

const isRoot = process.getuid?.() === 0;

describe('a read-only data folder (chmod 0o500)', () => {
  if (isRoot) console.log('Skipping the chmod 0o500 case: running as root, where file permissions do not stop writes (the injected EACCES/EROFS cases above cover it).');
  it.skipIf(isRoot)('refuses the write with a clear message and keeps what was saved', async () => {
    const dir = tempDir();
    h = openHarness(dir, new TestClock(), { retryIntervalMs: 50 });
    const kept = await h.call<SessionRecord>('sessions:save', sampleSession());
    chmodSync(dir, 0o500);
    const result = await h.table.handle('sessions:save', sampleSession());
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/not allowed to write in its data folder/) } });
    expect(storedIds()).toEqual([kept.id]);
    chmodSync(dir, 0o755);
    await wait(200);
    expect(storedIds()).toHaveLength(2);
  });
});
