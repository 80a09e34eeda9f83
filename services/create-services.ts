import { resolve } from 'node:path';
import { BackupService } from './backup/backup-service';
import { LogMonths } from './log/log-months';
import { logMonthSpec, monthFilePattern } from './log/log-month-file';
import { PendingDeletions, pendingDeletionsSpec } from './log/pending-deletions';
import { RoutineProgressStore, progressFileSpec } from './log/routine-progress';
import { SessionLog } from './log/session-log';
import { SpasmDiary } from './log/spasm-diary';
import { Dashboards } from './progress/dashboards';
import { MonthSummaries } from './progress/month-summaries';
import { RoutineLibrary, prescribedFileSpec } from './routine-library';
import { SafetyChecks, safetyChecksFileSpec } from './safety-checks';
import { PlanStore, planFileSpec } from './progress/plan-store';
import { SettingsService, settingsFileSpec } from './settings';
import { nodeStorageFs, type StorageFs } from './storage/data-folder';
import type { DocumentStore } from './storage/document-store';
import type { NoticeBoard } from './storage/notice-board';
import { openStorage } from './storage/open-storage';

export interface ServiceOptions {
  /** Folder holding `library/` and `routines/`. */
  contentDir: string;
  /** The app's data folder: stores, their copies, damaged files. */
  dataDir: string;
  /** Opens a named store file in the data folder (electron-store or conf): `<dataDir>/<name>.json`. */
  openStore: (name: string) => DocumentStore;
  /** The clock for records, deletions and file names; tests pass their own. */
  now?: () => Date;
  /** The file operations storage does itself; tests pass one that fails on demand. */
  fs?: StorageFs;
  /** How often failed writes are retried (default 30 s). */
  retryIntervalMs?: number;
  /** The app's version, written into backups (Electron's app.getVersion(), or package.json's for the browser host). */
  appVersion?: string;
}

/** The services the handler table calls, each directly. */
export interface Services {
  /** The library as the app shows it: bundled routines and those a therapist prescribed. */
  library: RoutineLibrary;
  safetyChecks: SafetyChecks;
  settings: SettingsService;
  months: LogMonths;
  sessions: SessionLog;
  spasms: SpasmDiary;
  deletions: PendingDeletions;
  progress: RoutineProgressStore;
  plan: PlanStore;
  summaries: MonthSummaries;
  dashboards: Dashboards;
  notices: NoticeBoard;
  backups: BackupService;
  /** The clock requests are judged by ("no more than a day ahead"). */
  now: () => Date;
  appVersion: string;
  /** Stops the storage timers (retrying failed writes, finishing deletions). */
  close(): void;
}

/** Wires the services the same way for the desktop app and the browser host. */
export function createServices(options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const dataDir = resolve(options.dataDir);
  const fs = options.fs ?? nodeStorageFs;
  const appVersion = options.appVersion ?? 'development';
  const storage = openStorage({ dataDir, openStore: options.openStore, fs, now, retryIntervalMs: options.retryIntervalMs, appVersion });
  const documents = {
    settings: storage.document(settingsFileSpec),
    progress: storage.document(progressFileSpec),
    'pending-deletions': storage.document(pendingDeletionsSpec),
    plan: storage.document(planFileSpec),
    'prescribed-routines': storage.document(prescribedFileSpec),
    'safety-checks': storage.document(safetyChecksFileSpec),
  };
  // Damage found now is on the notices list before the first screen asks for it. (The notices file is read by its board.)
  storage.notices.list();
  storage.checkFiles((name) => {
    const month = monthFilePattern.exec(`${name}.json`)?.[1];
    return month ? storage.document(logMonthSpec(month)) : documents[name as keyof typeof documents];
  });
  const months = new LogMonths(storage, dataDir, fs);
  const progress = new RoutineProgressStore(documents.progress);
  const deletions = new PendingDeletions(documents['pending-deletions'], months, now);
  const settings = new SettingsService(documents.settings);
  const plan = new PlanStore(documents.plan);
  const summaries = new MonthSummaries(months, deletions, dataDir, fs);
  return {
    library: new RoutineLibrary(options.contentDir, documents['prescribed-routines'], now),
    safetyChecks: new SafetyChecks(documents['safety-checks']),
    settings,
    months,
    sessions: new SessionLog(months, progress, now),
    spasms: new SpasmDiary(months, now),
    deletions,
    progress,
    plan,
    summaries,
    dashboards: new Dashboards(summaries, plan, settings),
    notices: storage.notices,
    backups: new BackupService(storage, months, deletions, dataDir, fs, now),
    now,
    appVersion,
    close() {
      deletions.close();
      storage.close();
    },
  };
}
