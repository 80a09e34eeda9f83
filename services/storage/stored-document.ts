import type { DocumentSpec } from './document-spec';
import { storePath, type AsideReason } from './file-names';
import { keepAside } from './keep-aside';
import { asDocumentStore, type DocumentStore } from './key-value-store';
import type { JsonObject } from './migrations';
import type { NewNotice } from './notice-sink';
import { parseDocument } from './parse-document';
import { damagedMessage, missingMessage, newerMessage, notMovedMessage, savedNowMessage } from './recovery-messages';
import type { StorageContext } from './storage-context';
import { describeWriteFailure } from './storage-errors';
import { isMissingFileError } from './storage-fs';

interface Problem {
  reason: AsideReason;
  detail: string;
  version?: number;
}

/**
 * One store file, read once (on first use) and kept in memory; every change
 * is validated and written straight through in one atomic write. A file that
 * cannot be used is never cleared: it is kept aside, the newest valid backup
 * takes its place (or an empty one), and a notice says so. A write the disk
 * refuses leaves the data in memory and is retried.
 */
export class StoredDocument<T extends JsonObject> {
  private doc: T | undefined;
  private store: DocumentStore | undefined;
  private onDisk = false;
  /** Set when a damaged file could not be moved: it must be before anything is written over it. */
  private damagedInPlace: AsideReason | null = null;
  /** Set while a migrated file waits for its backup and first write. */
  private migratedFrom: number | null = null;
  private failing = false;
  /** Set when what was read must be written back at once: a migrated file, or a backup restored over a damaged one. */
  private writeAfterLoad = false;

  constructor(
    readonly spec: DocumentSpec<T>,
    private readonly ctx: StorageContext,
  ) {}

  get path(): string {
    return storePath(this.ctx.dataDir, this.spec.name);
  }

  get loaded(): boolean {
    return this.doc !== undefined;
  }

  get value(): T {
    if (this.doc === undefined) this.load();
    return this.doc!;
  }

  /** Validates `next`, keeps it, and writes it; throws StorageWriteError if the disk refuses (the data stays). */
  write(next: T): void {
    const valid = this.spec.schema.parse(next);
    this.ctx.retry.flush(this);
    this.doc = valid;
    this.persist();
  }

  /** Writes what is in memory; also what the retry timer calls. */
  persist(): void {
    if (this.doc === undefined) return;
    try {
      if (this.damagedInPlace) this.keepDamagedAside(this.damagedInPlace);
      if (this.migratedFrom !== null) this.ctx.backups.beforeMigration(this.spec.name, this.migratedFrom);
      else this.backUpDaily();
      // A copy: conf adds its own `__internal__` key to the object it is given when the file on disk has one.
      this.openStore().store = { ...this.doc };
    } catch (error) {
      return this.noteFailure(error);
    }
    this.onDisk = true;
    this.migratedFrom = null;
    this.noteSuccess();
  }

  private noteFailure(error: unknown): never {
    const failure = describeWriteFailure(this.spec.label, this.ctx.dataDir, error);
    this.failing = true;
    this.ctx.retry.noteFailure(this);
    if (!this.spec.quiet) this.ctx.notices.add({ level: 'error', message: failure.message, topic: `write:${this.spec.name}` });
    throw failure;
  }

  private noteSuccess(): void {
    this.ctx.retry.noteSuccess(this);
    if (!this.failing) return;
    this.failing = false;
    if (!this.spec.quiet) this.ctx.notices.resolve(`write:${this.spec.name}`, savedNowMessage(this.spec.label));
  }

  private backUpDaily(): void {
    try {
      this.ctx.backups.dailyBeforeWrite(this.spec.name, this.onDisk);
    } catch {
      // A backup that cannot be made must not stop the write itself; the next day's attempt tries again.
    }
  }

  private openStore(): DocumentStore {
    if (this.store) return this.store;
    const store = asDocumentStore(this.ctx.openStore(this.spec.name));
    if (store.path !== this.path) throw new Error(`Store "${this.spec.name}" opened at ${store.path}, expected ${this.path}`);
    return (this.store = store);
  }

  private load(): void {
    const notices: NewNotice[] = [];
    this.doc = this.readFromDisk(notices);
    // Reported only now: a notice is itself written to a document, which may be this one.
    for (const notice of notices) this.ctx.notices.add(notice);
    if (this.writeAfterLoad) this.tryPersist();
  }

  private tryPersist(): void {
    try {
      this.persist();
    } catch {
      // Already reported and queued for retry; reading must still succeed.
    }
  }

  private readFromDisk(notices: NewNotice[]): T {
    let text: string;
    try {
      text = this.ctx.fs.readText(this.path);
    } catch (error) {
      if (isMissingFileError(error)) return this.missing(notices);
      return this.recover({ reason: 'corrupt', detail: `the file could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` }, notices);
    }
    const parsed = parseDocument(this.spec, text);
    if (parsed.state === 'newer') return this.recover({ reason: 'newer', detail: '', version: parsed.version }, notices);
    if (parsed.state === 'damaged') return this.recover({ reason: 'corrupt', detail: parsed.detail }, notices);
    this.onDisk = true;
    this.migratedFrom = parsed.migratedFrom;
    this.writeAfterLoad = parsed.migratedFrom !== null;
    return parsed.doc;
  }

  /**
   * No file yet, the normal case for a new month. But a store file is never
   * deleted, so one that is gone while backups of it exist was lost (or
   * moved aside by a recovery that was cut short): its newest backup returns.
   */
  private missing(notices: NewNotice[]): T {
    const restored = this.ctx.backups.newestValid(this.spec);
    if (!restored) return this.spec.empty();
    notices.push({ level: 'warning', message: missingMessage(this.spec.label, restored.backup) });
    this.writeAfterLoad = true;
    return restored.doc;
  }

  /** Keeps the unusable file, falls back to the newest valid backup or an empty document, and says what happened. */
  private recover(problem: Problem, notices: NewNotice[]): T {
    let keptAt: string | null = null;
    try {
      keptAt = this.keepDamagedAside(problem.reason);
    } catch (error) {
      // Gone already (it could not be read because it was being removed): nothing is left to protect.
      if (!isMissingFileError(error)) {
        this.damagedInPlace = problem.reason;
        notices.push({ level: 'error', message: notMovedMessage(this.spec.label, this.path, error), path: this.path });
      }
    }
    const restored = this.ctx.backups.newestValid(this.spec);
    const backup = restored?.backup ?? null;
    const message = problem.reason === 'newer' ? newerMessage(this.spec.label, problem.version ?? 0, backup, keptAt) : damagedMessage(this.spec.label, problem.detail, backup, keptAt);
    notices.push({ level: backup ? 'warning' : 'error', message, ...(keptAt ? { path: keptAt } : {}) });
    this.writeAfterLoad = restored !== null && keptAt !== null;
    return restored?.doc ?? this.spec.empty();
  }

  private keepDamagedAside(reason: AsideReason): string {
    const kept = keepAside(this.ctx.fs, this.path, this.spec.name, reason, this.ctx.now());
    this.damagedInPlace = null;
    return kept;
  }
}
