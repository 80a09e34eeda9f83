import { join } from 'node:path';
import type { DocumentSpec } from './document-spec';
import { backupDir, backupName, fileStamp, parseBackupName, storePath, type BackupFile, type BackupKind } from './file-names';
import type { JsonObject } from './migrations';
import { parseDocument } from './parse-document';
import type { StorageFs } from './storage-fs';

/** Daily copies kept per file; older ones are removed. Copies made before a migration are all kept. */
export const DAILY_BACKUPS_KEPT = 7;

export interface RestoredBackup<T> {
  doc: T;
  backup: BackupFile;
}

/**
 * The `backups/` folder beside the stores: a copy of each file before its
 * first write of a day (so the last 7 days of activity can be gone back to)
 * and one before every migration.
 */
export class Backups {
  /** The UTC day each file was last copied, so the folder is listed at most once a day per file. */
  private readonly dailyDone = new Map<string, string>();

  constructor(
    private readonly dataDir: string,
    private readonly fs: StorageFs,
    private readonly now: () => Date,
  ) {}

  /** Every backup of `name`, newest first. */
  list(name: string): BackupFile[] {
    return this.fs
      .list(backupDir(this.dataDir))
      .map(parseBackupName)
      .filter((file): file is BackupFile => file !== null && file.name === name)
      .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));
  }

  /** Copies the file as it is now before its first write of the day; a file not yet on disk has nothing to keep. */
  dailyBeforeWrite(name: string, existsOnDisk: boolean): void {
    const day = this.now().toISOString().slice(0, 10);
    if (this.dailyDone.get(name) === day) return;
    const dailies = () => this.list(name).filter((file) => file.kind === 'daily');
    const stampDay = `${day.replace(/-/g, '')}T`;
    if (existsOnDisk && !dailies().some((file) => file.stamp.startsWith(stampDay))) this.copy(name, 'daily', []);
    for (const old of dailies().slice(DAILY_BACKUPS_KEPT)) this.fs.remove(join(backupDir(this.dataDir), old.file));
    this.dailyDone.set(name, day);
  }

  /** Copies the file before it is rewritten in a newer format. */
  beforeMigration(name: string, fromVersion: number): void {
    this.copy(name, `before-v${fromVersion + 1}`, this.list(name));
  }

  /** The newest backup that parses, migrates and validates, or null. */
  newestValid<T extends JsonObject>(spec: DocumentSpec<T>): RestoredBackup<T> | null {
    for (const backup of this.list(spec.name)) {
      let text: string;
      try {
        text = this.fs.readText(join(backupDir(this.dataDir), backup.file));
      } catch {
        continue; // An unreadable backup is skipped like a damaged one.
      }
      const parsed = parseDocument(spec, text);
      if (parsed.state === 'ok') return { doc: parsed.doc, backup };
    }
    return null;
  }

  private copy(name: string, kind: BackupKind, existing: BackupFile[]): void {
    const base = fileStamp(this.now());
    let stamp = base;
    for (let n = 2; existing.some((file) => file.stamp === stamp && file.kind === kind); n++) stamp = `${base}-${n}`;
    this.fs.makeDir(backupDir(this.dataDir));
    this.fs.copy(storePath(this.dataDir, name), join(backupDir(this.dataDir), backupName(name, stamp, kind)));
  }
}
