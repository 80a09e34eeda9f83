import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryPage, StorageNotice } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { openHarness, readJson, tempDir, type Harness } from './support/harness';
import { fixtureJson, fixtureText, installFixture } from './support/fixtures';
import { sampleSession } from './support/samples';
import { invalidStoreFiles } from './support/validate-files';

let h: Harness;
afterEach(() => h.services.close());

const DAY = 86_400_000;
const monthFile = () => join(h.dir, 'log-2026-11.json');
const historyIds = async () => (await h.call<HistoryPage>('history:list', {})).entries.map((e) => e.record.id);
const notices = () => h.call<StorageNotice[]>('storage:notices', null);
const asideFiles = () => readdirSync(h.dir).filter((f) => /^log-2026-11\.(corrupt|newer)-\d{8}T\d{6}Z(-\d+)?\.json$/.test(f));

const damage = {
  truncated: (text: string) => text.slice(0, Math.floor(text.length / 2)),
  'invalid JSON': () => '{ "schemaVersion": 1, "month": "2026-11", sessions: [ }',
  'valid JSON, wrong shape': (text: string) => JSON.stringify({ ...JSON.parse(text), sessions: [{ id: 'not-a-session' }] }),
  'an empty file': () => '',
} satisfies Record<string, (text: string) => string>;

describe.each(Object.entries(damage))('a month file that is %s', (_, spoil) => {
  let first: SessionRecord;
  let second: SessionRecord;
  beforeEach(async () => {
    h = openHarness();
    first = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-23T21:30:00+01:00', localDay: '2026-11-23' }));
    h.clock.advance(DAY); // the first write of the next day keeps a backup of the day before
    second = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-25T21:30:00+01:00', localDay: '2026-11-25' }));
  });

  it('is kept aside, replaced by the newest valid backup, and explained', async () => {
    const damaged = spoil(readFileSync(monthFile(), 'utf8'));
    writeFileSync(monthFile(), damaged);
    h = h.restart();
    expect(await historyIds()).toEqual([first.id]);
    expect(await historyIds()).not.toContain(second.id);
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'warning', message: expect.stringMatching(/could not be read.*restored from the backup of 25 Nov 2026.*damaged file is kept at/) });
    expect(asideFiles()).toHaveLength(1);
    expect(notice!.path).toBe(join(h.dir, asideFiles()[0]!));
    expect(readFileSync(notice!.path!, 'utf8')).toBe(damaged);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
    // and the app keeps working
    await h.call('sessions:save', sampleSession());
    expect(await historyIds()).toHaveLength(2);
  });

  it('starts empty and says so when no backup is usable, keeping the damaged file', async () => {
    for (const backup of readdirSync(join(h.dir, 'backups'))) writeFileSync(join(h.dir, 'backups', backup), '{"broken": ');
    const damaged = spoil(readFileSync(monthFile(), 'utf8'));
    writeFileSync(monthFile(), damaged);
    h = h.restart();
    expect(await historyIds()).toEqual([]);
    expect(await notices()).toMatchObject([{ level: 'error', message: expect.stringMatching(/no usable backup was found, so it starts empty/i) }]);
    expect(readFileSync(join(h.dir, asideFiles()[0]!), 'utf8')).toBe(damaged);
    expect(existsSync(monthFile())).toBe(false);
    await h.call('sessions:save', sampleSession());
    expect(await historyIds()).toHaveLength(1);
    expect(readFileSync(join(h.dir, asideFiles()[0]!), 'utf8')).toBe(damaged);
  });
});

describe('a file from a newer version of the app', () => {
  it('is never overwritten: kept unchanged, with a notice to update the app', async () => {
    h = openHarness();
    const newer = JSON.stringify({ ...fixtureJson('log-2026-11-v1.json'), schemaVersion: 2, moods: [] }, null, '\t');
    writeFileSync(monthFile(), newer);
    expect(await historyIds()).toEqual([]);
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/newer version of Backcare Coach \(format 2\): update the app/) });
    expect(readFileSync(notice!.path!, 'utf8')).toBe(newer);
    await h.call('sessions:save', sampleSession());
    expect(readFileSync(notice!.path!, 'utf8')).toBe(newer);
    expect(asideFiles()[0]).toMatch(/^log-2026-11\.newer-/);
  });

  it('falls back to an older valid backup when there is one', async () => {
    h = openHarness();
    installFixture('log-2026-11-v1.json', h.dir, 'log-2026-11');
    h.clock.advance(DAY);
    await h.call('sessions:save', sampleSession()); // backs up the fixture first
    writeFileSync(monthFile(), JSON.stringify({ ...fixtureJson('log-2026-11-v1.json'), schemaVersion: 3 }));
    h = h.restart();
    expect(await historyIds()).toHaveLength(2);
    expect((await notices())[0]).toMatchObject({ level: 'warning', message: expect.stringMatching(/update the app.*restored from the backup/s) });
  });
});

describe('a store file that has gone missing', () => {
  it('comes back from its newest backup, with a notice', async () => {
    h = openHarness();
    const first = await h.call<SessionRecord>('sessions:save', sampleSession());
    h.clock.advance(DAY);
    await h.call('sessions:save', sampleSession());
    rmSync(monthFile()); // e.g. a recovery cut short between moving the damaged file aside and writing the backup back
    h = h.restart();
    expect(await historyIds()).toEqual([first.id]);
    expect((await notices())[0]).toMatchObject({ level: 'warning', message: expect.stringMatching(/was missing from the data folder. It was restored from the backup/) });
    expect(readJson(monthFile())).toMatchObject({ sessions: [{ id: first.id }] });
  });
});

describe('temp files left by a write that was killed', () => {
  it('are removed at start once they are a minute old; the store files are untouched', () => {
    const dir = tempDir();
    installFixture('log-2026-11-v1.json', dir, 'log-2026-11');
    writeFileSync(join(dir, 'log-2026-11.json.tmp-1764000000123abc'), '{"half":');
    writeFileSync(join(dir, 'settings.json.tmp-1764000000456def'), '{"half":');
    utimesSync(join(dir, 'log-2026-11.json.tmp-1764000000123abc'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    h = openHarness(dir);
    expect(readdirSync(dir).sort()).toEqual(['log-2026-11.json', 'settings.json.tmp-1764000000456def']);
  });
});

describe('other store files', () => {
  it('restores damaged settings from their backup', async () => {
    h = openHarness();
    await h.call('settings:update', { theme: 'dark' });
    h.clock.advance(DAY);
    await h.call('settings:update', { voiceCues: false });
    writeFileSync(join(h.dir, 'settings.json'), '{"schemaVersion":1,"settings":{"theme":"dar');
    h = h.restart();
    expect(await h.call('settings:get', null)).toMatchObject({ theme: 'dark', voiceCues: true });
    expect(readJson(join(h.dir, 'settings.json'))).toMatchObject({ schemaVersion: 1, settings: { theme: 'dark' } });
  });

  it('sets aside a file that cannot be opened, saying why', async () => {
    h = openHarness();
    installFixture('log-2026-11-v1.json', h.dir, 'log-2026-11');
    h.faults.readError = 'EIO';
    h.faults.readErrorFor = /log-2026-11\.json$/;
    expect(await historyIds()).toEqual([]);
    h.faults.readError = null;
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/could not be read: the file could not be opened \(EIO\)/) });
    expect(readFileSync(notice!.path!, 'utf8')).toBe(fixtureText('log-2026-11-v1.json'));
  });

  it('reports a damaged notices file in the notices themselves', async () => {
    h = openHarness();
    writeFileSync(join(h.dir, 'notices.json'), 'garbage');
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/^The list of storage notices could not be read/) });
    await h.call('storage:dismiss-notice', { id: notice!.id });
    await h.call('storage:dismiss-notice', { id: notice!.id }); // twice is harmless
    h = h.restart();
    expect(await notices()).toEqual([]);
  });

  it('leaves a damaged file in place, writing nothing over it, while it cannot be moved aside', async () => {
    h = openHarness();
    writeFileSync(monthFile(), fixtureText('log-2026-11-v1.json').slice(0, 100));
    h.faults.fsError = 'EACCES';
    expect(await historyIds()).toEqual([]);
    expect((await notices()).map((n) => n.message).join('\n')).toMatch(/could not be set aside \(EACCES\).*nothing will be written over it/);
    expect((await h.table.handle('sessions:save', sampleSession())).ok).toBe(false);
    expect(readFileSync(monthFile(), 'utf8')).toBe(fixtureText('log-2026-11-v1.json').slice(0, 100));
    h.faults.fsError = null;
    await h.call('sessions:save', sampleSession());
    expect(asideFiles()).toHaveLength(1);
    expect(await historyIds()).toHaveLength(2);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
  });
});
