import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, checkBackup, mergeRecords, serializeBackup, type BackupFile, type BackupSummary, type RestoreMode, type RestoreResult } from '../../core/backup/backup-file';
import { allRecords } from '../log/all-records';
import type { SessionRecord } from '../../core/log/session-schema';
import type { SpasmRecord } from '../../core/log/spasm-schema';
import { emptyMonth, monthOf, type LogMonthFile } from '../log/log-month-file';
import type { LogMonths } from '../log/log-months';
import { pendingDeletionsSpec, type PendingDeletions } from '../log/pending-deletions';
import { planFileSpec } from '../progress/plan-store';
import { prescribedFileSpec } from '../routine-library';
import { safetyChecksFileSpec } from '../safety-checks';
import { settingsFileSpec } from '../settings';
import { copyPath, fileStamp, isMissingFileError, PRIVATE_FOLDER, storePath, type StorageFs } from '../storage/data-folder';
import type { Storage } from '../storage/open-storage';
import { RequestError, StorageWriteError } from '../storage/storage-errors';

/** The stored documents a backup carries, with the app's own migrations for older versions of them. */
const parts = { settings: settingsFileSpec, plan: planFileSpec };

type Backup = BackupFile<ReturnType<typeof settingsFileSpec.empty>, ReturnType<typeof planFileSpec.empty>>;

/** Where the automatic backups made before a restore are kept: in the data folder, private like it. */
export const restorePointsDir = (dataDir: string) => join(dataDir, 'restore-points');


/** The records to write, by the month file each belongs in. */
function byMonth(sessions: SessionRecord[], spasms: SpasmRecord[]): Map<string, { sessions: SessionRecord[]; spasms: SpasmRecord[] }> {
  const months = new Map<string, { sessions: SessionRecord[]; spasms: SpasmRecord[] }>();
  const of = (localDay: string) => {
    const month = monthOf(localDay);
    let entry = months.get(month);
    if (!entry) months.set(month, (entry = { sessions: [], spasms: [] }));
    return entry;
  };
  for (const record of sessions) of(record.localDay).sessions.push(record);
  for (const record of spasms) of(record.localDay).spasms.push(record);
  return months;
}

function reasonOf(error: unknown): string {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  if (errno === 'ENOSPC') return 'the disk is full';
  if (errno === 'EACCES' || errno === 'EPERM') return 'Backcare Coach is not allowed to write in its data folder';
  if (errno === 'EROFS') return 'the data folder is on a read-only disk';
  return errno ?? (error as Error | undefined)?.message ?? 'unknown error';
}

/**
 * Everything the person entered as one JSON file (see core/backup), and back.
 * Every write goes through the stores (LogMonths and the stored documents),
 * so each file is validated, written with its second copy, and kept in
 * memory where the other services read it; the month facts cache and the
 * dashboard notice the change as they notice any save (a month file's size
 * and time, the plan object's identity).
 */
export class BackupService {
  private readonly settings;
  private readonly plan;
  private readonly pending;
  private readonly prescribed;
  private readonly safetyChecks;

  constructor(
    storage: Pick<Storage, 'document'>,
    private readonly months: LogMonths,
    private readonly deletions: PendingDeletions,
    private readonly dataDir: string,
    private readonly fs: StorageFs,
    private readonly now: () => Date,
  ) {
    // The very documents the settings, plan and deletion services hold (storage keeps one per file).
    this.settings = storage.document(settingsFileSpec);
    this.plan = storage.document(planFileSpec);
    this.pending = storage.document(pendingDeletionsSpec);
    this.prescribed = storage.document(prescribedFileSpec);
    this.safetyChecks = storage.document(safetyChecksFileSpec);
  }

  /** The backup of everything now, as the text of its file. */
  create(appVersion: string): string {
    return serializeBackup(this.snapshot(appVersion));
  }

  /** What a backup file holds, for the person to see before restoring it; a RequestError names what is wrong. */
  check(text: string): BackupSummary {
    const checked = checkBackup(text, parts);
    if (!checked.ok) throw new RequestError('text', `backup:check: text: ${checked.problem}`);
    const { createdAt, appVersion, sessions, spasms } = checked.backup;
    const days = [...sessions.map((s) => s.localDay), ...spasms.map((s) => s.localDay)].sort();
    return { createdAt, appVersion, sessions: sessions.length, spasms: spasms.length, firstDay: days[0] ?? null, lastDay: days[days.length - 1] ?? null };
  }

  /**
   * Restores a backup. The whole file is checked first; if anything is wrong
   * a RequestError names the record and field, and nothing is changed.
   *
   * `replace` first saves the data as it is to `restore-points/` (if that
   * fails, nothing is changed), then makes the data equal the backup: its
   * settings, plan and month files, months it does not have removed, and
   * deletions waiting for their undo dropped. `merge` adds the sessions and
   * spasm entries whose ids are not there yet and keeps everything else.
   *
   * A write the disk refuses mid-way throws StorageWriteError after the
   * remaining writes: like any save, what could not be written is kept in
   * memory and retried, so the app shows the restored data either way.
   */
  restore(text: string, mode: RestoreMode, appVersion: string): RestoreResult {
    const checked = checkBackup(text, parts);
    if (!checked.ok) throw new RequestError('text', `backup:restore: text: ${checked.problem}`);
    return mode === 'replace' ? this.replace(checked.backup, appVersion) : this.merge(checked.backup);
  }

  /**
   * Built from the month files as they were parsed when read (each was
   * validated then), with no second validation: ten years must take well
   * under half a second. Records oldest first.
   */
  private snapshot(appVersion: string): Backup {
    // Only the copy the log shows: a record caught between two months by a crash is in one of them.
    const { sessions, spasms } = allRecords(this.months, this.deletions);
    return {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: this.now().toISOString(),
      appVersion: appVersion.slice(0, 100) || 'unknown',
      settings: this.settings.value,
      plan: this.plan.value,
      sessions,
      spasms,
      prescribed: this.prescribed.value.prescribed,
      safetyChecks: this.safetyChecks.value.checks,
    };
  }

  private replace(backup: Backup, appVersion: string): RestoreResult {
    const before = this.snapshot(appVersion); // reads every month, so the log knows every id before any is moved
    const safetyBackup = this.writeRestorePoint(serializeBackup(before));
    const writes = new Writes();
    // First: a deletion finished after this would remove a restored record with the same id.
    if (this.pending.value.pending.length > 0) writes.attempt(() => this.pending.write({ schemaVersion: 1, pending: [] }));
    const incoming = byMonth(backup.sessions, backup.spasms);
    for (const [month, records] of incoming) {
      const next: LogMonthFile = { ...emptyMonth(month), ...records };
      // A month already as the backup has it is left alone (restoring the same backup twice rewrites nothing).
      if (JSON.stringify(this.months.file(month)) === JSON.stringify(next)) continue;
      writes.attempt(() => this.months.write(month, next));
    }
    for (const month of this.months.months()) {
      if (!incoming.has(month)) writes.attempt(() => this.removeMonth(month));
    }
    writes.attempt(() => this.plan.write(backup.plan));
    writes.attempt(() => this.settings.write(backup.settings));
    writes.attempt(() => this.prescribed.write({ schemaVersion: 1, prescribed: backup.prescribed }));
    writes.attempt(() => this.safetyChecks.write({ schemaVersion: 1, checks: backup.safetyChecks }));
    writes.finish();
    return {
      mode: 'replace',
      sessions: { added: backup.sessions.length, skipped: 0 },
      spasms: { added: backup.spasms.length, skipped: 0 },
      safetyBackup,
    };
  }

  /**
   * Adds the records not there yet. Settings and plan stay as they are: the
   * plan decides how every past day is judged, and mixing two plans' versions
   * and pauses would silently rewrite that judgement of the person's history.
   * A record being deleted (its undo still open) counts as present.
   */
  private merge(backup: Backup): RestoreResult {
    const present = new Set<string>();
    for (const month of this.months.months()) {
      const file = this.months.file(month);
      for (const record of [...file.sessions, ...file.spasms]) present.add(record.id);
    }
    const { sessions, spasms, counts } = mergeRecords(present, backup);
    const writes = new Writes();
    // Prescribed routines and warning-sign checks not here yet are added too (by routine id, and by check id).
    const routineIds = new Set(this.prescribed.value.prescribed.map((p) => p.routine.id));
    const newRoutines = backup.prescribed.filter((p) => !routineIds.has(p.routine.id));
    if (newRoutines.length > 0) writes.attempt(() => this.prescribed.write({ schemaVersion: 1, prescribed: [...this.prescribed.value.prescribed, ...newRoutines] }));
    const checkIds = new Set(this.safetyChecks.value.checks.map((c) => c.id));
    const newChecks = backup.safetyChecks.filter((c) => !checkIds.has(c.id));
    if (newChecks.length > 0) {
      const checks = [...this.safetyChecks.value.checks, ...newChecks].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      writes.attempt(() => this.safetyChecks.write({ schemaVersion: 1, checks }));
    }
    for (const [month, records] of byMonth(sessions, spasms)) {
      const file = this.months.file(month);
      writes.attempt(() => this.months.write(month, { ...file, sessions: [...file.sessions, ...records.sessions], spasms: [...file.spasms, ...records.spasms] }));
    }
    writes.finish();
    return { mode: 'merge', ...counts, safetyBackup: null };
  }

  /**
   * Empties a month through the log (so the log, its index and the facts
   * cache see it go), then removes its files: the copy first, so a failure
   * in between leaves an empty month file whose copy is simply made again.
   */
  private removeMonth(month: string): void {
    const file = this.months.file(month);
    if (file.sessions.length > 0 || file.spasms.length > 0) this.months.write(month, emptyMonth(month));
    for (const path of [copyPath(this.dataDir, `log-${month}`), storePath(this.dataDir, `log-${month}`)]) {
      try {
        this.fs.remove(path);
      } catch (error) {
        // An empty month file left behind holds nothing: it is the same data.
        if (!isMissingFileError(error)) break;
      }
    }
  }

  /** `restore-points/before-restore-<time>.json`, private from creation; throws (having changed nothing) if it cannot be saved. */
  private writeRestorePoint(text: string): string {
    const dir = restorePointsDir(this.dataDir);
    const base = `before-restore-${fileStamp(this.now())}`;
    const taken = new Set(this.fs.list(dir));
    let name = `${base}.json`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.json`;
    const path = join(dir, name);
    try {
      this.fs.writePrivate(path, text);
    } catch (error) {
      throw new StorageWriteError(`Nothing was restored and nothing was changed: the automatic backup of your current data could not be saved first (${reasonOf(error)}).`, (error as NodeJS.ErrnoException).code);
    }
    try {
      // The folder is created private; one made by hand or another program is tightened.
      if (process.platform !== 'win32') chmodSync(dir, PRIVATE_FOLDER);
    } catch {
      // The file itself is private either way.
    }
    return path;
  }
}

/** Writes that go on when the disk refuses one (it is kept in memory and retried), reporting the first refusal at the end. */
class Writes {
  private failure: StorageWriteError | null = null;

  attempt(write: () => void): void {
    try {
      write();
    } catch (error) {
      if (!(error instanceof StorageWriteError)) throw error;
      this.failure ??= error;
    }
  }

  finish(): void {
    if (this.failure) throw this.failure;
  }
}
