import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryPage, PendingDeletion, StorageNotice } from '../../../core/log/history';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import type { SessionRecord } from '../../../core/log/session-schema';
import type { Settings } from '../../../core/settings/settings-schema';
import { openHarness, readJson, tempDir, type Harness } from './support/harness';
import { fixtureText, installFixture } from './support/fixtures';
import { sampleProgress, sampleSession } from './support/samples';
import { invalidStoreFiles } from './support/validate-files';

let h: Harness;
afterEach(() => h.services.close());

const SAVES = 5;
const notices = () => h.call<StorageNotice[]>('storage:notices', null);
const keptFiles = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.corrupt-`) || f.startsWith(`${name}.newer-`));

/**
 * Each kind of file, saved SAVES times on the same day (the last write just
 * before the damage included), and what must come back after it is damaged.
 */
interface FileKind {
  name: string;
  /** Makes the saves; returns what must come back. */
  save(): Promise<unknown>;
  /** What the app holds now. */
  read(): Promise<unknown>;
}

const kinds: FileKind[] = [
  {
    name: 'log-2026-11',
    async save() {
      const ids: string[] = [];
      for (let i = 0; i < SAVES; i++) {
        h.clock.advance(60_000);
        ids.push((await h.call<SessionRecord>('sessions:save', sampleSession({ note: `save ${i}` }))).id);
      }
      return ids.sort();
    },
    read: async () => (await h.call<HistoryPage>('history:list', {})).entries.map((e) => e.record.id).sort(),
  },
  {
    name: 'progress',
    async save() {
      for (let i = 0; i < SAVES; i++) await h.call('progress:save', sampleProgress({ itemIndex: i, exercisedMs: 60_000 * (i + 1) }));
      return sampleProgress({ itemIndex: SAVES - 1, exercisedMs: 60_000 * SAVES });
    },
    read: () => h.call<RoutineProgress | null>('progress:get', null),
  },
  {
    name: 'settings',
    async save() {
      for (let i = 0; i < SAVES; i++) await h.call('settings:update', { voiceRate: 0.5 + i / 10, leadInSeconds: 5 + i });
      return { voiceRate: 0.5 + (SAVES - 1) / 10, leadInSeconds: 5 + SAVES - 1 };
    },
    read: async () => {
      const { voiceRate, leadInSeconds } = await h.call<Settings>('settings:get', null);
      return { voiceRate, leadInSeconds };
    },
  },
  {
    name: 'pending-deletions',
    async save() {
      const ids: string[] = [];
      for (let i = 0; i < SAVES; i++) ids.push((await h.call<SessionRecord>('sessions:save', sampleSession({ note: `to delete ${i}` }))).id);
      for (const id of ids) await h.call('entries:delete', { kind: 'session', id });
      return ids.sort();
    },
    read: async () => (await h.call<PendingDeletion[]>('entries:pending-deletions', null)).map((p) => p.id).sort(),
  },
];

const damage = {
  truncated: (text: string) => text.slice(0, Math.floor(text.length / 2)),
  'replaced by invalid JSON': () => '{ "schemaVersion": 1, "sessions": [ }',
  'given the wrong shape': (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), unexpected: [{ id: 'not-a-record' }] }),
  // Format 99, not 9: the check at start compares sizes, and "9" for "2" would leave a one-line file the same size (found when read).
  'given a newer version': (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), schemaVersion: 99 }),
} satisfies Record<string, (text: string) => string>;

describe.each(kinds)('$name.json', (kind) => {
  const file = () => join(h.dir, `${kind.name}.json`);
  const copy = () => join(h.dir, 'backups', `${kind.name}.json`);

  it.each(Object.entries(damage))('%s: everything saved comes back, the damaged file is kept and one notice says so', async (how, spoil) => {
    h = openHarness();
    const expected = await kind.save();
    const damaged = spoil(readFileSync(file(), 'utf8'));
    writeFileSync(file(), damaged);
    h = h.restart();
    // Found at start, before any screen reads the file: the first screen can say so.
    const found = await notices();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'warning', message: expect.stringMatching(/could not be read.*recovered from its second copy.*nothing was lost.*damaged file is kept unchanged at:$/s) });
    if (how === 'given a newer version') expect(found[0]!.message).toMatch(/newer version of Backcare Coach \(format 99\)/);
    expect(await kind.read()).toEqual(expected);
    const kept = keptFiles(h.dir, kind.name);
    expect(kept).toHaveLength(1);
    expect(found[0]!.path).toBe(join(h.dir, kept[0]!));
    expect(readFileSync(found[0]!.path!, 'utf8')).toBe(damaged);
    // The store file is whole again, and equal to its copy.
    expect(invalidStoreFiles(h.dir)).toEqual([]);
    expect(readFileSync(file(), 'utf8')).toBe(readFileSync(copy(), 'utf8'));
  });

  it('a damaged second copy: the file itself is used, the copy is kept aside and made again', async () => {
    h = openHarness();
    const expected = await kind.save();
    writeFileSync(copy(), '{"cut":');
    h = h.restart();
    expect(await kind.read()).toEqual(expected);
    expect(await notices()).toMatchObject([{ level: 'info', message: expect.stringMatching(/second copy .* could not be read.*nothing was lost/) }]);
    expect(keptFiles(join(h.dir, 'backups'), kind.name)).toHaveLength(1);
    expect(readFileSync(copy(), 'utf8')).toBe(readFileSync(file(), 'utf8'));
  });

  it('a file that has gone missing comes back from its copy', async () => {
    h = openHarness();
    const expected = await kind.save();
    rmSync(file());
    h = h.restart();
    expect(await kind.read()).toEqual(expected);
    expect((await notices())[0]).toMatchObject({ level: 'warning', message: expect.stringMatching(/was missing from the data folder.*nothing was lost/) });
    expect(existsSync(file())).toBe(true);
  });

  it('both files damaged: it says nothing could be recovered, and keeps both', async () => {
    h = openHarness();
    await kind.save();
    writeFileSync(file(), 'garbage');
    writeFileSync(copy(), 'more garbage');
    h = h.restart();
    expect(await notices()).toMatchObject([{ level: 'error', message: expect.stringMatching(/could not be read.*second copy could not be used either.*Nothing in it could be recovered, so it starts empty/s) }]);
    expect(readFileSync(join(h.dir, keptFiles(h.dir, kind.name)[0]!), 'utf8')).toBe('garbage');
    expect(readFileSync(join(h.dir, 'backups', keptFiles(join(h.dir, 'backups'), kind.name)[0]!), 'utf8')).toBe('more garbage');
  });
});

describe('damage found while a screen reads', () => {
  it('is reported with the reply of that very request', async () => {
    h = openHarness();
    const saved = await h.call<SessionRecord>('sessions:save', sampleSession());
    await h.call('storage:notices', null);
    h = h.restart();
    // Damaged after the start-up check, so only reading the month finds it.
    writeFileSync(join(h.dir, 'log-2026-11.json'), 'cut sho');
    const reply = await h.table.handle('history:list', {});
    expect(reply).toMatchObject({ ok: true, notices: [{ level: 'warning', message: expect.stringMatching(/your log for November 2026 could not be read/i) }] });
    expect(reply.ok && (reply.value as HistoryPage).entries.map((e) => e.record.id)).toEqual([saved.id]);
    // Sent once: the next reply carries no notices, since the list has not changed.
    expect(await h.table.handle('history:list', {})).not.toHaveProperty('notices');
  });
});

describe('files from older versions', () => {
  it('upgraded with no copy yet: read at start, which gives them their copy', async () => {
    const dir = tempDir();
    installFixture('log-2026-11-v1.json', dir, 'log-2026-11');
    h = openHarness(dir);
    const upgraded = { ...(JSON.parse(fixtureText('log-2026-11-v1.json')) as object), schemaVersion: 2 };
    expect(readFileSync(join(dir, 'backups', 'log-2026-11.json'), 'utf8')).toBe(JSON.stringify(upgraded));
    expect(await notices()).toEqual([]);
  });

  it('a newer file with no usable copy is kept unchanged, with a notice to update the app', async () => {
    h = openHarness();
    const newer = JSON.stringify({ ...(JSON.parse(fixtureText('log-2026-11-v2.json')) as object), schemaVersion: 3, moods: [] }, null, '\t');
    writeFileSync(join(h.dir, 'log-2026-11.json'), newer);
    expect((await h.call<HistoryPage>('history:list', {})).entries).toEqual([]);
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/newer version of Backcare Coach \(format 3\): update the app/) });
    expect(readFileSync(notice!.path!, 'utf8')).toBe(newer);
    await h.call('sessions:save', sampleSession());
    expect(readFileSync(notice!.path!, 'utf8')).toBe(newer);
    expect(keptFiles(h.dir, 'log-2026-11')[0]).toMatch(/^log-2026-11\.newer-/);
  });
});

describe('temp files left by a write that was killed', () => {
  it('are removed at start once they are a minute old; the store files are untouched', () => {
    const dir = tempDir();
    installFixture('log-2026-11-v2.json', dir, 'log-2026-11');
    writeFileSync(join(dir, 'log-2026-11.json.tmp-1764000000123abc'), '{"half":');
    writeFileSync(join(dir, 'settings.json.tmp-1764000000456def'), '{"half":');
    utimesSync(join(dir, 'log-2026-11.json.tmp-1764000000123abc'), new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    h = openHarness(dir);
    expect(readdirSync(dir).sort()).toEqual(['backups', 'log-2026-11.json', 'settings.json.tmp-1764000000456def']);
    expect(readFileSync(join(dir, 'log-2026-11.json'), 'utf8')).toBe(fixtureText('log-2026-11-v2.json'));
  });
});

describe('other troubles', () => {
  it('sets aside a file that cannot be opened, saying why', async () => {
    h = openHarness();
    h.services.close();
    installFixture('log-2026-11-v1.json', h.dir, 'log-2026-11');
    writeFileSync(join(h.dir, 'backups', 'log-2026-11.json'), readFileSync(join(h.dir, 'log-2026-11.json')));
    h = h.restart();
    h.faults.readError = 'EIO';
    h.faults.readErrorFor = /log-2026-11\.json$/;
    expect((await h.call<HistoryPage>('history:list', {})).entries).toEqual([]);
    h.faults.readError = null;
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/could not be read: the file could not be opened \(EIO\)/) });
    expect(readFileSync(notice!.path!, 'utf8')).toBe(fixtureText('log-2026-11-v1.json'));
  });

  it('reports a damaged notices file in the notices themselves', async () => {
    h = openHarness();
    writeFileSync(join(h.dir, 'notices.json'), 'garbage');
    h = h.restart();
    const [notice] = await notices();
    expect(notice).toMatchObject({ level: 'error', message: expect.stringMatching(/^The list of storage notices could not be read/) });
    await h.call('storage:dismiss-notice', { id: notice!.id });
    await h.call('storage:dismiss-notice', { id: notice!.id }); // twice is harmless
    h = h.restart();
    expect(await notices()).toEqual([]);
  });

  it('leaves a damaged file in place, writing nothing over it, while it cannot be moved aside', async () => {
    h = openHarness();
    writeFileSync(join(h.dir, 'log-2026-11.json'), fixtureText('log-2026-11-v1.json').slice(0, 100));
    h.faults.fsError = 'EACCES';
    expect((await h.call<HistoryPage>('history:list', {})).entries).toEqual([]);
    expect((await notices()).map((n) => n.message).join('\n')).toMatch(/could not be set aside \(EACCES\).*nothing will be written over it/);
    expect((await h.table.handle('sessions:save', sampleSession())).ok).toBe(false);
    expect(readFileSync(join(h.dir, 'log-2026-11.json'), 'utf8')).toBe(fixtureText('log-2026-11-v1.json').slice(0, 100));
    h.faults.fsError = null;
    await h.call('sessions:save', sampleSession());
    expect(keptFiles(h.dir, 'log-2026-11')).toHaveLength(1);
    expect((await h.call<HistoryPage>('history:list', {})).entries).toHaveLength(2);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
    expect(readJson(join(h.dir, 'backups', 'log-2026-11.json'))).toEqual(readJson(join(h.dir, 'log-2026-11.json')));
  });
});
