import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { StorageFs } from './data-folder';

/**
 * Remembers, per store file, the SHA-256 of the last text that passed its
 * schema and is exactly what the app writes for the data it holds
 * (`cache/validated-files.json`). A file whose text is byte for byte that
 * text is parsed without checking every record again: the check would give
 * the same answer. Ten years of month files are then read in about half the
 * time (the schema check was most of it).
 *
 * Never the source of truth, and it can only skip work, never accept a file
 * that would fail: any other text (a damaged, edited or older file) gets the
 * full check and recovery as before; an entry counts only for the same app
 * version and file format; a missing or damaged cache is simply rebuilt.
 * Changes are written shortly after they happen (and on close), without
 * holding up the request that caused them.
 *
 * It trusts the data folder, as the rest of storage does: only its owner can
 * write there (0700), and whoever can could as well write valid data.
 */

const CACHE_VERSION = 1;
const SAVE_DELAY_MS = 500;

interface Entry {
  /** The file's format version (`schemaVersion`) the text was checked against. */
  version: number;
  sha256: string;
}

export const validatedTextsPath = (dataDir: string) => join(dataDir, 'cache', 'validated-files.json');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const isEntry = (value: unknown): value is Entry =>
  typeof value === 'object' && value !== null && typeof (value as Entry).version === 'number' && typeof (value as Entry).sha256 === 'string';

export class ValidatedTexts {
  private entries: Map<string, Entry> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly fs: StorageFs,
    /** Entries made by another version of the app are not trusted: its schemas may differ. */
    private readonly appVersion: string,
  ) {}

  /** Whether `text` is the text last checked for this file at this format version. */
  trusts(name: string, version: number, text: string): boolean {
    const entry = this.load().get(name);
    return entry !== undefined && entry.version === version && entry.sha256 === sha256(text);
  }

  /** Call only with text that passed the file's schema and equals what the app would write for the result. */
  remember(name: string, version: number, text: string): void {
    this.load().set(name, { version, sha256: sha256(text) });
    this.saveTimer ??= setTimeout(() => this.save(), SAVE_DELAY_MS);
    // Only a cache: it must not keep a process (or a test) alive.
    this.saveTimer.unref?.();
  }

  /** Writes pending changes now (the app is closing). */
  flush(): void {
    if (this.saveTimer) this.save();
  }

  private save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    try {
      const files = Object.fromEntries(this.load());
      this.fs.writePrivate(validatedTextsPath(this.dataDir), JSON.stringify({ schemaVersion: CACHE_VERSION, appVersion: this.appVersion, files }));
    } catch {
      // Only a cache: the files are checked in full next time.
    }
  }

  private load(): Map<string, Entry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    try {
      const parsed = JSON.parse(this.fs.readText(validatedTextsPath(this.dataDir))) as { schemaVersion?: unknown; appVersion?: unknown; files?: unknown };
      if (parsed.schemaVersion !== CACHE_VERSION || parsed.appVersion !== this.appVersion || typeof parsed.files !== 'object' || parsed.files === null) return this.entries;
      for (const [name, entry] of Object.entries(parsed.files)) if (isEntry(entry)) this.entries.set(name, entry);
    } catch {
      // None yet, or damaged: every file is checked in full and the cache made again.
    }
    return this.entries;
  }
}
