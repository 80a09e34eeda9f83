import { describe, expect, it } from 'vitest';
import { checkBackup, mergeRecords, serializeBackup, type BackupFile } from '../../../core/backup/backup-file';
import { backupFixture, backupParts } from './support/backup-harness';

const older = backupFixture('backup-v1-settings-v3.json');
/** The fixture with its stored parts brought to the current versions (an older part would be repaired by its migration, as the app repairs its own files). */
const text = (() => {
  const checked = checkBackup(older, backupParts);
  if (!checked.ok) throw new Error(checked.problem);
  return JSON.stringify(checked.backup);
})();
const edited = (change: (file: BackupFile & Record<string, unknown>) => void) => {
  const file = JSON.parse(text) as BackupFile & Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};
const problem = (input: string) => {
  const checked = checkBackup(input, backupParts);
  return checked.ok ? 'accepted' : checked.problem;
};

describe('checkBackup says what is wrong in words a person can act on', () => {
  it('for a file that is not a backup, or not one this version reads', () => {
    expect(problem('')).toBe('The file is empty');
    expect(problem(older.slice(0, 300))).toBe('Not a Backcare Coach backup file: it is not valid JSON (it may have been cut short)');
    expect(problem('{"settings":{}}')).toBe('Not a Backcare Coach backup file');
    expect(problem(edited((f) => Object.assign(f, { formatVersion: 3 })))).toBe('Made by a newer version of Backcare Coach (backup format 3; this version reads up to 2): update the app to restore it');
    expect(problem(edited((f) => Object.assign(f.settings, { schemaVersion: 99 })))).toMatch(/^Settings: schemaVersion: Made by a newer version of Backcare Coach \(version 99;/);
  });

  it('naming the record by its place in the file, its id and day, then the field', () => {
    const session = (JSON.parse(text) as BackupFile).sessions[2]!;
    expect(problem(edited((f) => (f.sessions[2]!.painBefore = 11)))).toBe(`Session 3 (id ${session.id}, 2026-09-15): painBefore: Must be at most 10`);
    expect(problem(edited((f) => delete (f.sessions[2] as Partial<typeof session>).exercises))).toBe(`Session 3 (id ${session.id}, 2026-09-15): exercises: Missing`);
    expect(problem(edited((f) => ((f.sessions[2]!.exercises[0]!.dose as { reps: number }).reps = 0)))).toMatch(/^Session 3 .*: exercises, item 1, dose\.reps: Must be at least 1$/);
    expect(problem(edited((f) => (f.spasms[0]!.localDay = '2026-09-04')))).toMatch(/^Spasm entry 1 \(id [^)]+, 2026-09-04\): localDay: Must be the date of occurredAt as written \(2026-09-03\)$/);
    expect(problem(edited((f) => (f.spasms[1]!.id = f.sessions[0]!.id)))).toMatch(/^Spasm entry 2 .*: id: Appears twice: Session 1 \(id .*\) has the same id$/);
    expect(problem(edited((f) => Object.assign(f.settings.settings, { voiceRate: 3 })))).toBe('Settings: voiceRate: Must be at most 2');
    expect(problem(edited((f) => f.plan.plan!.versions.reverse()))).toBe('Plan: versions: Start days must increase');
    expect(problem(edited((f) => Object.assign(f.sessions[0]!, { colour: 'red' })))).toMatch(/^Session 1 .*: colour: Not a field of this format: remove it$/);
  });

  it('accepts a byte-order mark and older stored settings, migrated', () => {
    const checked = checkBackup(`\uFEFF${older}`, backupParts);
    expect((JSON.parse(older) as BackupFile).settings.schemaVersion).toBeLessThan(backupParts.settings.version);
    expect(checked).toMatchObject({ ok: true, backup: { settings: { schemaVersion: backupParts.settings.version, settings: { careRegion: 'GB' } } } });
  });
});

describe('mergeRecords', () => {
  it('adds what is not there yet and counts what it skips; sessions and spasm entries share the ids', () => {
    const { sessions, spasms } = JSON.parse(text) as BackupFile;
    const merged = mergeRecords(new Set([sessions[0]!.id, spasms[1]!.id]), { sessions, spasms });
    expect(merged.sessions).toEqual(sessions.slice(1));
    expect(merged.spasms).toEqual([spasms[0], ...spasms.slice(2)]);
    expect(merged.counts).toEqual({ sessions: { added: sessions.length - 1, skipped: 1 }, spasms: { added: spasms.length - 1, skipped: 1 } });
  });
});

describe('serializeBackup', () => {
  it('writes one line per record and parses back to the same backup', () => {
    const checked = checkBackup(text, backupParts);
    if (!checked.ok) throw new Error(checked.problem);
    const written = serializeBackup(checked.backup);
    expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(checked.backup)));
    // A line per record, per other field, and the brackets; the empty lists of prescribed routines and checks are one line each.
    expect(written.split('\n')).toHaveLength(checked.backup.sessions.length + checked.backup.spasms.length + 15);
    expect(serializeBackup({ ...checked.backup, sessions: [], spasms: [] })).toContain('\t"sessions": [],\n\t"spasms": [],\n\t"prescribed": [],\n\t"safetyChecks": []\n}');
  });
});
