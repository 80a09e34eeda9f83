import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackup, type BackupFile } from '../../../core/backup/backup-file';
import type { HistoryPage } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { defaultSettings } from '../../../core/settings/settings-schema';
import { restorePointsDir } from '../../../services/backup/backup-service';
import { settingsFileSpec } from '../../../services/settings';
import { RequestError, StorageWriteError } from '../../../services/storage/storage-errors';
import { openHarness, readJson, type Harness } from '../storage/support/harness';
import { sampleSession, sampleSpasm } from '../storage/support/samples';
import { backupFixture, backupFixtures, backupParts, folderState, whatIsShown } from './support/backup-harness';
import { BUILT_AT, buildVariedLog } from './support/varied-log';

const open: Harness[] = [];
/** A data folder with its services, at the time the varied log is built. */
function harness(): Harness {
  const h = openHarness();
  h.clock.set(BUILT_AT);
  open.push(h);
  return h;
}
afterEach(() => {
  for (const h of open.splice(0)) h.services.close();
});

/** A folder holding the varied log, and its backup. */
async function variedBackup(): Promise<{ source: Harness; text: string; backup: BackupFile }> {
  const source = harness();
  await buildVariedLog(source);
  const text = source.services.backups.create('0.1.0');
  const checked = checkBackup(text, backupParts);
  if (!checked.ok) throw new Error(checked.problem);
  return { source, text, backup: checked.backup };
}

const onlyPrivate = process.platform !== 'win32';

describe('a backup', () => {
  it('restored into a fresh data folder shows the same history, plan, settings and dashboards, also after a restart', async () => {
    const { source, text, backup } = await variedBackup();
    expect(backup.sessions).toHaveLength(8);
    expect(backup.spasms).toHaveLength(3);
    const target = harness();
    const result = target.services.backups.restore(text, 'replace', '0.1.0');
    expect(result).toMatchObject({ mode: 'replace', sessions: { added: 8, skipped: 0 }, spasms: { added: 3, skipped: 0 } });
    const expected = await whatIsShown(source);
    expect(await whatIsShown(target)).toEqual(expected);
    // The same backup again, byte for byte (the clocks agree).
    expect(target.services.backups.create('0.1.0')).toBe(text);
    const restarted = target.restart();
    open.push(restarted);
    expect(await whatIsShown(restarted)).toEqual(expected);
  });

  it('leaves out an entry being deleted, and holds the settings and plan files as stored', async () => {
    const { source, backup } = await variedBackup();
    const ids = [...backup.sessions, ...backup.spasms].map((r) => r.id);
    expect(source.services.deletions.pendingIds()).toHaveLength(1);
    expect(ids).not.toContain(source.services.deletions.pendingIds()[0]);
    expect(backup.settings).toEqual(readJson(join(source.dir, 'settings.json')));
    expect(backup.plan).toEqual(readJson(join(source.dir, 'plan.json')));
    // Oldest first.
    const instants = backup.sessions.map((s) => Date.parse(s.startedAt));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
  });

  it('is one line per record, and parses to what JSON.stringify would write', async () => {
    const { text, backup } = await variedBackup();
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(backup)));
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('\t\t{"routine"'))).toHaveLength(8);
    expect(lines.filter((line) => line.startsWith('\t\t{"occurredAt"'))).toHaveLength(3);
    expect(text.length).toBeLessThan(JSON.stringify(backup, undefined, '\t').length);
  });
});

describe('restore, replacing everything', () => {
  /** A folder with data of its own: a month the backup lacks, a deletion waiting, its own plan and settings; every cache warm. */
  async function lived(): Promise<Harness> {
    const h = harness();
    await h.call('plan:get', { now: '2026-01-05T20:00:00+01:00' });
    await h.call('sessions:save', sampleSession({ startedAt: '2026-01-10T21:00:00+01:00', localDay: '2026-01-10' }));
    await h.call('spasms:create', sampleSpasm({ occurredAt: '2026-11-20T03:00:00+01:00', localDay: '2026-11-20' }));
    const doomed = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-21T21:00:00+01:00', localDay: '2026-11-21' }));
    await h.call('entries:delete', { kind: 'session', id: doomed.id });
    await h.call('plan:change', { now: '2026-11-02T20:00:00+01:00', target: { kind: 'sessions-per-week', sessionsPerWeek: 5 } });
    await h.call('settings:update', { theme: 'light', dayStartHour: 0 });
    await whatIsShown(h); // the month facts cache and the dashboard's judged history are made now
    return h;
  }

  it('makes the data equal the backup: months it lacks removed, deletions dropped, caches right at once and after a restart', async () => {
    const { source, text } = await variedBackup();
    const target = await lived();
    const result = target.services.backups.restore(text, 'replace', '0.1.0');
    expect(result).toEqual({ mode: 'replace', sessions: { added: 8, skipped: 0 }, spasms: { added: 3, skipped: 0 }, safetyBackup: join(restorePointsDir(target.dir), 'before-restore-20261205T090000Z.json') });
    expect(existsSync(join(target.dir, 'log-2026-01.json'))).toBe(false);
    expect(existsSync(join(target.dir, 'backups', 'log-2026-01.json'))).toBe(false);
    expect(target.services.deletions.pendingIds()).toEqual([]);
    const expected = await whatIsShown(source);
    expect(await whatIsShown(target)).toEqual(expected);
    const restarted = target.restart();
    open.push(restarted);
    expect(await whatIsShown(restarted)).toEqual(expected);
    // Every store file and its second copy agree.
    for (const name of ['settings', 'plan', 'pending-deletions', 'log-2026-11', 'log-2026-10']) {
      expect(readFileSync(join(target.dir, 'backups', `${name}.json`), 'utf8'), name).toBe(readFileSync(join(target.dir, `${name}.json`), 'utf8'));
    }
  });

  it('first saves the data as it was to restore-points/, private, and that file restores it', async () => {
    const { text } = await variedBackup();
    const target = await lived();
    const before = await whatIsShown(target);
    const expectedSafety = target.services.backups.create('0.1.0');
    const { safetyBackup } = target.services.backups.restore(text, 'replace', '0.1.0');
    expect(readFileSync(safetyBackup!, 'utf8')).toBe(expectedSafety);
    if (onlyPrivate) {
      expect(statSync(safetyBackup!).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(safetyBackup!)).mode & 0o777).toBe(0o700);
    }
    // A second restore in the same second keeps the first one's file.
    const again = target.services.backups.restore(text, 'replace', '0.1.0');
    expect(again.safetyBackup).toMatch(/before-restore-20261205T090000Z-2\.json$/);
    expect(readFileSync(safetyBackup!, 'utf8')).toBe(expectedSafety);

    const back = harness();
    back.services.backups.restore(readFileSync(safetyBackup!, 'utf8'), 'replace', '0.1.0');
    const shown = await whatIsShown(back);
    // The entry that was being deleted is not in it, just as it was not shown.
    expect(shown.history).toEqual(before.history);
    expect(shown.plan).toEqual(before.plan);
    expect(shown.settings).toEqual(before.settings);
  });

  it('moves a record whose day differs in the backup to the backup\'s month, never losing or doubling it', async () => {
    const { source, text: before } = await variedBackup();
    const moved = (await whatIsShown(source)).history.entries.at(-1)!.record;
    await source.call('sessions:update', { id: moved.id, patch: { startedAt: '2026-10-03T21:30:00+02:00' } });
    const after = source.services.backups.create('0.1.0');
    let target = harness();
    for (const [text, month] of [[after, '2026-10'], [before, '2026-09'], [after, '2026-10']] as const) {
      target.services.backups.restore(text, 'replace', '0.1.0');
      const history = await target.call<HistoryPage>('history:list', { limit: 500 });
      expect(history.entries.filter((e) => e.record.id === moved.id).map((e) => e.record.localDay.slice(0, 7))).toEqual([month]);
      expect(target.services.backups.create('0.1.0')).toBe(text);
      // The next restore meets months not read yet.
      target = target.restart();
      open.push(target);
      expect(await target.call<HistoryPage>('history:list', { limit: 500 })).toEqual(history);
    }
  });

  it('changes nothing when the safety backup cannot be saved', async () => {
    const { text } = await variedBackup();
    const target = await lived();
    const state = folderState(target.dir);
    target.faults.fsError = 'ENOSPC';
    expect(() => target.services.backups.restore(text, 'replace', '0.1.0')).toThrow(StorageWriteError);
    expect(() => target.services.backups.restore(text, 'replace', '0.1.0')).toThrow(/Nothing was restored.*the disk is full/);
    expect(folderState(target.dir)).toBe(state);
    target.faults.fsError = null;
    expect(target.services.backups.restore(text, 'replace', '0.1.0').sessions.added).toBe(8);
  });
});

describe('restore, merging', () => {
  it('adds the records not there yet, skips those with an id already present, and keeps the settings and plan', async () => {
    const { source, text, backup } = await variedBackup();
    const target = harness();
    await target.call('plan:get', { now: '2026-10-01T20:00:00+02:00' });
    await target.call('settings:update', { theme: 'light' });
    const own = await target.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-25T21:00:00+01:00', localDay: '2026-11-25' }));
    const { plan, settings } = await whatIsShown(target);

    expect(target.services.backups.restore(text, 'merge', '0.1.0')).toEqual({ mode: 'merge', sessions: { added: 8, skipped: 0 }, spasms: { added: 3, skipped: 0 }, safetyBackup: null });
    const merged = await whatIsShown(target);
    const sourceIds = (await whatIsShown(source)).history.entries.map((e) => e.record.id);
    expect(merged.history.entries.map((e) => e.record.id).sort()).toEqual([...sourceIds, own.id].sort());
    expect(merged.plan).toEqual(plan);
    expect(merged.settings).toEqual(settings);

    // Again: everything is there, nothing is written.
    const state = folderState(target.dir);
    expect(target.services.backups.restore(text, 'merge', '0.1.0')).toMatchObject({ sessions: { added: 0, skipped: 8 }, spasms: { added: 0, skipped: 3 } });
    expect(folderState(target.dir)).toBe(state);

    // A record with a known id but other contents is skipped: the one already there is kept.
    const changed = JSON.parse(text) as BackupFile;
    changed.sessions[0]!.note = 'changed in the backup';
    changed.sessions.push({ ...changed.sessions[1]!, id: '00000000-0000-4000-8000-00000000abcd', note: 'new' });
    // And one being deleted counts as present.
    await target.call('entries:delete', { kind: 'spasm', id: backup.spasms[0]!.id });
    expect(target.services.backups.restore(JSON.stringify(changed), 'merge', '0.1.0')).toMatchObject({ sessions: { added: 1, skipped: 8 }, spasms: { added: 0, skipped: 3 } });
    const history = await target.call<HistoryPage>('history:list', { limit: 500 });
    expect(history.entries.find((e) => e.record.id === backup.sessions[0]!.id)?.record.note).toBe(backup.sessions[0]!.note);
    expect(history.entries.some((e) => e.record.id === backup.spasms[0]!.id)).toBe(false);

    // The caches saw every change.
    const live = await whatIsShown(target);
    const restarted = target.restart();
    open.push(restarted);
    expect(await whatIsShown(restarted)).toEqual(live);
  });
});

describe('every backup file in tests/fixtures/backup', () => {
  it.each(backupFixtures())('%s restores, older stored versions migrated', async (name) => {
    const text = backupFixture(name);
    const file = JSON.parse(text) as { settings: { schemaVersion?: number; settings: Record<string, unknown> }; plan: { plan: unknown }; sessions: { id: string }[]; spasms: { id: string }[] };
    const target = harness();
    const result = target.services.backups.restore(text, 'replace', '0.1.0');
    expect(result).toMatchObject({ sessions: { added: file.sessions.length, skipped: 0 }, spasms: { added: file.spasms.length, skipped: 0 } });
    const shown = await whatIsShown(target);
    expect(shown.history.entries.map((e) => e.record.id).sort()).toEqual([...file.sessions, ...file.spasms].map((r) => r.id).sort());
    // Every setting the file had is kept; a setting newer than the file takes its default.
    expect(shown.settings).toEqual({ ...defaultSettings, ...file.settings.settings });
    if (file.plan.plan !== null) expect(shown.plan).toEqual(file.plan.plan);
    expect(readJson(join(target.dir, 'settings.json')).schemaVersion).toBe(settingsFileSpec.version);
    // What it restored backs up in the current format, and restores again.
    const again = target.services.backups.create('0.1.0');
    expect(checkBackup(again, backupParts)).toMatchObject({ ok: true, backup: { formatVersion: 2, prescribed: [], safetyChecks: [], settings: { schemaVersion: settingsFileSpec.version } } });
  });

  it('include one with older stored settings', () => {
    expect(backupFixtures().some((name) => (JSON.parse(backupFixture(name)) as { settings: { schemaVersion: number } }).settings.schemaVersion < settingsFileSpec.version)).toBe(true);
  });
});

describe('an invalid backup', () => {
  it('is refused as a RequestError naming the record and field', async () => {
    const { text } = await variedBackup();
    const target = harness();
    const broken = JSON.parse(text) as BackupFile;
    broken.sessions[2]!.painBefore = 11;
    const attempt = () => target.services.backups.restore(JSON.stringify(broken), 'replace', '0.1.0');
    expect(attempt).toThrow(RequestError);
    expect(attempt).toThrow(`backup:restore: text: Session 3 (id ${broken.sessions[2]!.id}, 2026-09-15): painBefore: Must be at most 10`);
  });
});
