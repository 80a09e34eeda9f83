import { join } from 'node:path';
import { format } from 'date-fns';
import { copyPath, isMissingFileError, isUpgradeBackupOf, keepAside, backupDir, storePath, upgradeBackupPath, type AsideReason, type StorageFs } from './data-folder';
import { serialize, type DocumentStore } from './document-store';
import type { NewNotice, NoticeSink } from './notice-board';
import { describeWriteFailure } from './storage-errors';
import type { ValidatedTexts } from './validated-texts';
import { parseDocument, parseTrustedText, type DocumentSpec, type JsonObject, type ParsedDocument } from './versioned-document';
import type { WriteRetry } from './write-retry';

/** What every stored document shares: where the files are, how to open and touch them, and whom to tell. */
export interface StorageContext {
  dataDir: string;
  openStore: (name: string) => DocumentStore;
  fs: StorageFs;
  now: () => Date;
  retry: WriteRetry;
  notices: NoticeSink;
  validated: ValidatedTexts;
}

type Read<T> = ParsedDocument<T> | { state: 'missing' };

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const when = (ms: number) => format(new Date(ms), 'd MMM yyyy, HH:mm');

/**
 * One store file, read once (on first use) and kept in memory. Every change
 * is validated, then written twice, each atomically: the store file and its
 * second copy in `backups/`. The request is answered only after both, so
 * damage to either file loses nothing that was reported saved. A file that
 * cannot be used is never cleared: it is kept aside, the copy takes its
 * place, and a notice says what was recovered and where the damaged file is.
 * A write the disk refuses leaves the data in memory and is retried.
 */
export class StoredDocument<T extends JsonObject> {
  private doc: T | undefined;
  private store: DocumentStore | undefined;
  /** Set when a damaged file could not be moved: it must be before anything is written over it. */
  private damagedInPlace: AsideReason | null = null;
  /** Set while a migrated file waits for its pre-upgrade backup and first write. */
  private migratedFrom: number | null = null;
  private failing = false;

  constructor(
    readonly spec: DocumentSpec<T>,
    private readonly ctx: StorageContext,
  ) {}

  get path(): string {
    return storePath(this.ctx.dataDir, this.spec.name);
  }

  private get copy(): string {
    return copyPath(this.ctx.dataDir, this.spec.name);
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

  /** Writes what is in memory to both files; also what the retry timer calls. */
  persist(): void {
    if (this.doc === undefined) return;
    try {
      if (this.damagedInPlace) this.setAside(this.path, this.damagedInPlace);
      if (this.migratedFrom !== null) this.ctx.fs.copy(this.path, upgradeBackupPath(this.ctx.dataDir, this.spec.name, this.spec.version, this.ctx.now()));
      // A copy of the object: conf adds its own `__internal__` key to the object it is given when the file on disk has one.
      this.openStore().store = { ...this.doc };
      const text = serialize(this.doc);
      this.ctx.fs.writePrivate(this.copy, text);
      this.ctx.validated.remember(this.spec.name, this.spec.version, text);
    } catch (error) {
      return this.noteFailure(error);
    }
    this.migratedFrom = null;
    this.noteSuccess();
  }

  /**
   * Reads the file now (recovering it if need be) and, when it is sound,
   * rewrites its second copy: called at start for files whose copy differs,
   * so damage is reported on the first screen and an older version's files
   * gain their copies.
   */
  checkAgainstCopy(): void {
    const doc = this.value;
    if (this.damagedInPlace || this.failing) return;
    const copy = this.read(this.copy);
    if (copy.state === 'damaged' || copy.state === 'newer') {
      const notices: NewNotice[] = [];
      const keptAt = this.keepDamaged(this.copy, copy, notices);
      const kept = keptAt ? ' The damaged copy is kept unchanged at:' : '';
      notices.push({ level: 'info', message: `The second copy of ${this.spec.label} could not be read (${this.problem(copy)}). It was made again from the file itself: nothing was lost.${kept}`, ...(keptAt ? { path: keptAt } : {}) });
      for (const notice of notices) this.ctx.notices.add(notice);
      if (!keptAt) return; // it could not be moved, so it is not written over
    }
    try {
      this.ctx.fs.writePrivate(this.copy, serialize(doc));
    } catch {
      // The next save writes both files, and reports it if the disk refuses.
    }
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
    if (!this.spec.quiet) this.ctx.notices.resolve(`write:${this.spec.name}`, `${capital(this.spec.label)} could be saved again: nothing was lost.`);
  }

  private openStore(): DocumentStore {
    if (this.store) return this.store;
    const store = this.ctx.openStore(this.spec.name);
    if (store.path !== this.path) throw new Error(`Store "${this.spec.name}" opened at ${store.path}, expected ${this.path}`);
    return (this.store = store);
  }

  private load(): void {
    const notices: NewNotice[] = [];
    const { doc, writeBack } = this.readOrRecover(notices);
    this.doc = doc;
    // Reported only now: a notice is itself written to a document, which may be this one.
    for (const notice of notices) this.ctx.notices.add(notice);
    if (writeBack) this.tryPersist();
  }

  private tryPersist(): void {
    try {
      this.persist();
    } catch {
      // Already reported and queued for retry; reading must still succeed.
    }
  }

  private read(path: string): Read<T> {
    let text: string;
    try {
      text = this.ctx.fs.readText(path);
    } catch (error) {
      if (isMissingFileError(error)) return { state: 'missing' };
      return { state: 'damaged', detail: `the file could not be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    const { name, version } = this.spec;
    if (this.ctx.validated.trusts(name, version, text)) return parseTrustedText<T>(text);
    const parsed = parseDocument(this.spec, text);
    // Only a text that is exactly what a write of the result makes: then reading it again gives the same document.
    if (parsed.state === 'ok' && parsed.migratedFrom === null && serialize(parsed.doc) === text) this.ctx.validated.remember(name, version, text);
    return parsed;
  }

  private readOrRecover(notices: NewNotice[]): { doc: T; writeBack: boolean } {
    const main = this.read(this.path);
    if (main.state === 'ok') {
      this.migratedFrom = main.migratedFrom;
      return { doc: main.doc, writeBack: main.migratedFrom !== null };
    }
    const copy = this.read(this.copy);
    if (main.state === 'missing' && copy.state === 'missing') return { doc: this.spec.empty(), writeBack: false };
    const keptAt = main.state === 'missing' ? null : this.keepDamaged(this.path, main, notices);
    if (copy.state === 'ok') {
      notices.push({ level: 'warning', message: this.recoveredMessage(main, keptAt), ...(keptAt ? { path: keptAt } : {}) });
      return { doc: copy.doc, writeBack: keptAt !== null || main.state === 'missing' };
    }
    // Both files are unusable (or the store file is gone and its copy damaged): keep the copy too, then fall back.
    const copyKeptAt = copy.state === 'missing' ? null : this.keepDamaged(this.copy, copy, notices);
    const upgrade = this.newestUpgradeBackup();
    notices.push({ level: 'error', message: this.lostMessage(main, copy, upgrade?.ms ?? null, keptAt ?? copyKeptAt), ...(keptAt ?? copyKeptAt ? { path: (keptAt ?? copyKeptAt)! } : {}) });
    return { doc: upgrade?.doc ?? this.spec.empty(), writeBack: upgrade !== null && (keptAt !== null || main.state === 'missing') };
  }

  /** Sets an unusable file aside and returns where it went; if it cannot be moved, nothing is written over it. */
  private keepDamaged(path: string, problem: Read<T>, notices: NewNotice[]): string | null {
    try {
      return this.setAside(path, problem.state === 'newer' ? 'newer' : 'corrupt');
    } catch (error) {
      // Gone already (it could not be read because it was being removed): nothing is left to protect.
      if (isMissingFileError(error)) return null;
      if (path === this.path) this.damagedInPlace = problem.state === 'newer' ? 'newer' : 'corrupt';
      notices.push({
        level: 'error',
        path,
        message: `${capital(this.spec.label)} is damaged and could not be set aside (${(error as NodeJS.ErrnoException).code ?? String(error)}). It is left as it is at ${path}, and nothing will be written over it; new entries are kept while the app stays open.`,
      });
      return null;
    }
  }

  private setAside(path: string, reason: AsideReason): string {
    const kept = keepAside(this.ctx.fs, path, reason, this.ctx.now());
    if (path === this.path) this.damagedInPlace = null;
    return kept;
  }

  private problem(read: Read<T>): string {
    if (read.state === 'newer') return `it was saved by a newer version of Backcare Coach (format ${read.version}): update the app to see it`;
    return read.state === 'damaged' ? read.detail : 'the file was missing';
  }

  private recoveredMessage(main: Read<T>, keptAt: string | null): string {
    const kept = keptAt ? ' The damaged file is kept unchanged at:' : '';
    const what = main.state === 'missing' ? 'was missing from the data folder' : `could not be read: ${this.problem(main)}`;
    return `${capital(this.spec.label)} ${what}. Everything in it was recovered from its second copy, made with the last save: nothing was lost.${kept}`;
  }

  private lostMessage(main: Read<T>, copy: Read<T>, upgradeMs: number | null, keptAt: string | null): string {
    const fallback =
      upgradeMs !== null
        ? `It was restored from the copy made before an app update on ${when(upgradeMs)}; anything saved after that could not be recovered.`
        : 'Nothing in it could be recovered, so it starts empty.';
    const kept = keptAt ? ' The damaged file is kept unchanged at:' : '';
    return `${capital(this.spec.label)} could not be read: ${this.problem(main)}; its second copy could not be used either (${this.problem(copy)}). ${fallback}${kept}`;
  }

  /** The newest copy made before a format upgrade that still reads, with when it was made. */
  private newestUpgradeBackup(): { doc: T; ms: number } | null {
    const dir = backupDir(this.ctx.dataDir);
    const files = this.ctx.fs.list(dir).filter((file) => isUpgradeBackupOf(this.spec.name, file));
    for (const file of files.sort().reverse()) {
      const read = this.read(join(dir, file));
      if (read.state === 'ok') return { doc: read.doc, ms: this.ctx.fs.modifiedMs(join(dir, file)) };
    }
    return null;
  }
}
