import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings/settings-schema';
import { logMonthSpec, migrateLogMonthV1 } from '../../../services/log/log-month-file';
import { migrateSettingsV0, migrateSettingsV1, migrateSettingsV2, migrateSettingsV3, migrateSettingsV4, settingsFileSpec } from '../../../services/settings';
import { parseDocument } from '../../../services/storage/versioned-document';
import { openHarness, readJson, tempDir, type Harness } from './support/harness';
import { fixtureJson, fixtureText, installFixture } from './support/fixtures';

let h: Harness | undefined;
const nightDefaults = { nightMode: 'off', nightFromHour: 21 };
afterEach(() => h?.services.close());

function migrateSettings(file: Record<string, unknown>): Record<string, unknown> {
  const parsed = parseDocument(settingsFileSpec, JSON.stringify(file));
  if (parsed.state !== 'ok') throw new Error(`not migrated: ${JSON.stringify(parsed)}`);
  return parsed.doc;
}

describe('settings v0 → v5', () => {
  it.each([
    ['settings-v0.json', { ...defaultSettings, ...(fixtureJson('settings-v0.json').settings as object) }],
    ['settings-v0-partial.json', { ...defaultSettings, theme: 'light' }],
    ['settings-v0-empty.json', defaultSettings],
  ])('migrates %s, keeping every valid field and defaulting the rest', (fixture, expected) => {
    const migrated = migrateSettings(fixtureJson(fixture));
    expect(migrated).toEqual({ schemaVersion: 5, settings: expected });
    expect(settingsFileSpec.schema.safeParse(migrated).success).toBe(true);
  });

  it.each(['settings-v0.json', 'settings-v0-partial.json', 'settings-v0-empty.json'])('is idempotent on %s: twice is the same as once', (fixture) => {
    const once = migrateSettings(fixtureJson(fixture));
    expect(migrateSettings(once)).toEqual(once);
    // Re-running the last step on its own output (a crash before the version was noticed) changes nothing either.
    expect(migrateSettingsV4(once)).toEqual(once);
    expect(migrateSettingsV4(migrateSettingsV3(migrateSettingsV2(migrateSettingsV1(migrateSettingsV0(fixtureJson(fixture))))))).toEqual(once);
  });

  it('migrates the file on disk at first use, after keeping a backup of the old one', async () => {
    const dir = tempDir();
    installFixture('settings-v0.json', dir, 'settings');
    h = openHarness(dir);
    const expected = { ...defaultSettings, ...(fixtureJson('settings-v0.json').settings as object) };
    expect(await h.call('settings:get', null)).toEqual(expected);
    expect(readJson(join(dir, 'settings.json'))).toEqual({ schemaVersion: 5, settings: expected });
    const backups = readdirSync(join(dir, 'backups')).sort();
    // The file as it was before the upgrade, kept for good, and the second copy of the upgraded one.
    expect(backups).toEqual(['settings.before-v5.20261124T200000Z.json', 'settings.json']);
    expect(readFileSync(join(dir, 'backups', backups[0]!), 'utf8')).toBe(fixtureText('settings-v0.json'));
    expect(readFileSync(join(dir, 'backups', 'settings.json'), 'utf8')).toBe(readFileSync(join(dir, 'settings.json'), 'utf8'));
  });

  it('leaves a migrated file alone at the next start', async () => {
    const dir = tempDir();
    installFixture('settings-v0-partial.json', dir, 'settings');
    h = openHarness(dir);
    await h.call('settings:get', null);
    const once = readFileSync(join(dir, 'settings.json'), 'utf8');
    h = h.restart();
    h.clock.advance(60_000);
    expect(await h.call('settings:get', null)).toMatchObject({ theme: 'light', voiceRate: 1 });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(once);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(2);
  });
});

describe('settings v1 → v5', () => {
  it('keeps every setting of an older release and adds the day start, week start, milestones and region with their defaults', async () => {
    const dir = tempDir();
    installFixture('settings-v1.json', dir, 'settings');
    h = openHarness(dir);
    const v1 = fixtureJson('settings-v1.json').settings as object;
    expect(await h.call('settings:get', null)).toEqual({ ...v1, dayStartHour: 4, weekStartsOn: 'monday', milestonesSeen: [], careRegion: null, lastReportTo: null, morningAskedFor: null, ...nightDefaults });
    expect(readJson(join(dir, 'settings.json')).schemaVersion).toBe(5);
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(['settings.before-v5.20261124T200000Z.json', 'settings.json']);
  });
});

describe('settings v2 → v5', () => {
  it('keeps every setting of the last release and takes the region from the system until one is chosen', async () => {
    const dir = tempDir();
    installFixture('settings-v2.json', dir, 'settings');
    h = openHarness(dir);
    const v2 = fixtureJson('settings-v2.json').settings as object;
    expect(await h.call('settings:get', null)).toEqual({ ...v2, careRegion: null, lastReportTo: null, morningAskedFor: null, ...nightDefaults });
    expect(readJson(join(dir, 'settings.json')).schemaVersion).toBe(5);
    expect(await h.call('settings:update', { careRegion: 'GB' })).toMatchObject({ careRegion: 'GB', dayStartHour: 3 });
    expect(await h.table.handle('settings:update', { careRegion: 'Narnia' })).toMatchObject({ ok: false, error: { field: 'careRegion' } });
  });
});

describe('settings v3 → v5', () => {
  it('keeps every setting of the last release, with no report made yet', async () => {
    const dir = tempDir();
    installFixture('settings-v3.json', dir, 'settings');
    h = openHarness(dir);
    const v3 = fixtureJson('settings-v3.json').settings as object;
    expect(await h.call('settings:get', null)).toEqual({ ...v3, lastReportTo: null, morningAskedFor: null, ...nightDefaults });
    expect(readJson(join(dir, 'settings.json')).schemaVersion).toBe(5);
    expect(await h.call('settings:update', { lastReportTo: '2026-11-26' })).toMatchObject({ lastReportTo: '2026-11-26', careRegion: 'GB' });
    expect(await h.table.handle('settings:update', { lastReportTo: '26/11/2026' })).toMatchObject({ ok: false, error: { field: 'lastReportTo' } });
  });
});

describe('settings v4 → v5', () => {
  it('keeps every setting of the last release, with night mode off until chosen', async () => {
    const dir = tempDir();
    installFixture('settings-v4.json', dir, 'settings');
    h = openHarness(dir);
    const v4 = fixtureJson('settings-v4.json').settings as object;
    expect(await h.call('settings:get', null)).toEqual({ ...v4, ...nightDefaults });
    expect(readJson(join(dir, 'settings.json')).schemaVersion).toBe(5);
    expect(await h.call('settings:update', { nightMode: 'auto', nightFromHour: 22 })).toMatchObject({ nightMode: 'auto', nightFromHour: 22, theme: 'light' });
    expect(await h.table.handle('settings:update', { nightFromHour: 12 })).toMatchObject({ ok: false, error: { field: 'nightFromHour' } });
  });
});

describe('log month files', () => {
  it('reads the version 2 fixture as it is, and a version 1 file as the same data at version 2', () => {
    expect(parseDocument(logMonthSpec('2026-11'), fixtureText('log-2026-11-v2.json'))).toEqual({ state: 'ok', doc: fixtureJson('log-2026-11-v2.json'), migratedFrom: null });
    expect(parseDocument(logMonthSpec('2026-11'), fixtureText('log-2026-11-v1.json'))).toEqual({ state: 'ok', doc: fixtureJson('log-2026-11-v2.json'), migratedFrom: 1 });
    expect(migrateLogMonthV1(migrateLogMonthV1(fixtureJson('log-2026-11-v1.json')))).toEqual(fixtureJson('log-2026-11-v2.json'));
  });

  it('keeps the morning-after answer of a session from version 2 on', async () => {
    const dir = tempDir();
    installFixture('log-2026-11-v1.json', dir, 'log-2026-11');
    h = openHarness(dir);
    const sessionId = (fixtureJson('log-2026-11-v1.json').sessions as { id: string }[])[0]!.id;
    expect(await h.call('sessions:update', { id: sessionId, patch: { morningAfter: 'better' } })).toMatchObject({ morningAfter: 'better' });
    h = h.restart();
    expect(readJson(join(dir, 'log-2026-11.json'))).toMatchObject({ schemaVersion: 2, sessions: [expect.objectContaining({ id: sessionId, morningAfter: 'better' })] });
    expect(await h.table.handle('sessions:update', { id: sessionId, patch: { morningAfter: 'fine' } })).toMatchObject({ ok: false, error: { field: 'patch.morningAfter' } });
  });

  it('treats a file without a version as damaged: there never was a version 0 of the log', () => {
    const { schemaVersion: _, ...unversioned } = fixtureJson('log-2026-11-v1.json');
    expect(parseDocument(logMonthSpec('2026-11'), JSON.stringify(unversioned))).toMatchObject({ state: 'damaged' });
  });

  it("ignores conf's own __internal__ key, which only its migrations option writes", async () => {
    const dir = tempDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'log-2026-11.json'), JSON.stringify({ ...fixtureJson('log-2026-11-v1.json'), __internal__: { migrations: { version: '0.1.0' } } }));
    h = openHarness(dir);
    expect((await h.call<{ entries: unknown[] }>('history:list', {})).entries).toHaveLength(2);
    await h.call('sessions:save', (await import('./support/samples')).sampleSession());
    h = h.restart();
    expect((await h.call<{ entries: unknown[] }>('history:list', {})).entries).toHaveLength(3);
    expect(await h.call('storage:notices', null)).toEqual([]);
  });

  it('refuses a month file filed under another month', () => {
    expect(parseDocument(logMonthSpec('2026-10'), fixtureText('log-2026-11-v1.json'))).toMatchObject({ state: 'damaged' });
  });
});
