import type { EntryKind } from '../../core/log/history';
import { backupDir, type StorageFs } from '../storage/data-folder';
import type { Storage } from '../storage/open-storage';
import { StorageWriteError } from '../storage/storage-errors';
import type { StoredDocument } from '../storage/stored-document';
import { indexMonth, logMonthSpec, monthFilePattern, monthOf, type IndexedEntry, type LogMonthFile } from './log-month-file';

interface MonthState {
  doc: StoredDocument<LogMonthFile>;
  /** Whether its ids are in `monthById` (the document may have been read earlier, by the check at start). */
  indexed: boolean;
  entries: IndexedEntry[] | null;
}

/** Where a record lives. */
export interface Located {
  month: string;
  entry: IndexedEntry;
}

const idsOf = (file: LogMonthFile) => [...file.sessions, ...file.spasms].map((record) => record.id);

export const withoutRecord = (file: LogMonthFile, id: string): LogMonthFile => ({
  ...file,
  sessions: file.sessions.filter((record) => record.id !== id),
  spasms: file.spasms.filter((record) => record.id !== id),
});

/**
 * The month files of the log, each read from disk the first time it is
 * needed (most requests only touch the last few months) and kept in memory.
 *
 * It also knows which month holds each id among the months read. That index
 * is the truth when a record briefly sits in two files (a spasm moved to
 * another month is written to its new month before it leaves the old one):
 * only the copy in the indexed month is shown, and the stale one is removed
 * when both files are next read.
 */
export class LogMonths {
  private readonly states = new Map<string, MonthState>();
  private readonly monthById = new Map<string, string>();
  private known: Set<string> | null = null;
  /** Ids in a month just read that a month read earlier also holds: id → that other month. */
  private readonly duplicates = new Map<string, string>();

  constructor(
    private readonly storage: Pick<Storage, 'document'>,
    private readonly dataDir: string,
    private readonly fs: StorageFs,
  ) {}

  /** Every month with a file (or an entry in memory), newest first. */
  months(): string[] {
    return [...this.knownMonths()].sort().reverse();
  }

  isLoaded(month: string): boolean {
    return this.states.get(month)?.indexed ?? false;
  }

  file(month: string): LogMonthFile {
    return this.state(month).doc.value;
  }

  /** The month's entries, newest first. */
  entries(month: string): IndexedEntry[] {
    const state = this.state(month);
    return (state.entries ??= indexMonth(state.doc.value).filter((e) => this.monthById.get(e.entry.record.id) === month));
  }

  /** False for a stale copy: the record now lives in another month's file. */
  holds(entry: IndexedEntry): boolean {
    return this.monthById.get(entry.entry.record.id) === monthOf(entry.localDay);
  }

  /** Validates and writes a month; throws StorageWriteError when the disk refuses (the change is kept in memory). */
  write(month: string, next: LogMonthFile): void {
    const state = this.state(month);
    const before = state.doc.value;
    try {
      state.doc.write(next);
    } finally {
      if (state.doc.value !== before) this.reindex(month, before, state.doc.value);
    }
  }

  /** Finds a record by id, reading older months only until it turns up. */
  find(kind: EntryKind, id: string): Located | null {
    let month = this.monthById.get(id);
    for (const candidate of this.months()) {
      if (month !== undefined) break;
      if (this.isLoaded(candidate)) continue;
      this.state(candidate);
      month = this.monthById.get(id);
    }
    if (month === undefined) return null;
    const entry = this.entries(month).find((e) => e.entry.record.id === id);
    return entry && entry.entry.kind === kind ? { month, entry } : null;
  }

  /**
   * Writes an edited record back with `put` (which sets it in a month's file)
   * into the month of its day. When that day moved to another month, the new
   * month is written first and the record then leaves the old one, so a crash
   * in between leaves two copies (resolved on the next read), never none; if
   * the new month cannot be written, the old file is left as it was on disk.
   */
  saveEdited(id: string, from: string, to: string, put: (file: LogMonthFile) => LogMonthFile): void {
    this.write(to, put(this.file(to)));
    if (to !== from) this.write(from, withoutRecord(this.file(from), id));
  }

  /** Removes a record from every month read that holds it, stale copies included. */
  remove(id: string): void {
    let failure: unknown = null;
    for (const [month, state] of this.states) {
      if (!state.indexed || !idsOf(state.doc.value).includes(id)) continue;
      try {
        this.write(month, withoutRecord(state.doc.value, id));
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }

  /** Months with a file, or only a second copy (a file gone missing comes back from it when read). */
  private knownMonths(): Set<string> {
    if (this.known) return this.known;
    const files = [...this.fs.list(this.dataDir), ...this.fs.list(backupDir(this.dataDir))];
    const months = files.map((file) => monthFilePattern.exec(file)?.[1]).filter((m): m is string => m !== undefined);
    return (this.known = new Set(months));
  }

  private state(month: string): MonthState {
    let state = this.states.get(month);
    if (!state) {
      state = { doc: this.storage.document(logMonthSpec(month)), indexed: false, entries: null };
      this.states.set(month, state);
      this.knownMonths().add(month);
    }
    if (!state.indexed) {
      state.indexed = true;
      this.reindex(month, null, state.doc.value);
      this.dropStaleCopies(month);
    }
    return state;
  }

  private reindex(month: string, before: LogMonthFile | null, after: LogMonthFile): void {
    this.states.get(month)!.entries = null;
    const had = new Set(before ? idsOf(before) : []);
    const has = new Set(idsOf(after));
    for (const id of had) if (!has.has(id) && this.monthById.get(id) === month) this.monthById.delete(id);
    for (const id of has) {
      if (had.has(id)) continue;
      const other = this.monthById.get(id);
      if (before === null && other !== undefined && other !== month) this.duplicates.set(id, other);
      else this.monthById.set(id, month);
    }
  }

  /** Of two copies of one record, the one edited last wins; the other is removed from its file. */
  private dropStaleCopies(month: string): void {
    for (const [id, other] of this.duplicates) {
      this.duplicates.delete(id);
      const find = (m: string) => [...this.file(m).sessions, ...this.file(m).spasms].find((r) => r.id === id);
      const [mine, theirs] = [find(month), find(other)];
      const [loser, winner] = mine && theirs && mine.updatedAt > theirs.updatedAt ? [other, month] : [month, other];
      this.monthById.set(id, winner);
      this.states.get(month)!.entries = null;
      this.states.get(other)!.entries = null;
      try {
        this.write(loser, withoutRecord(this.file(loser), id));
      } catch (error) {
        if (!(error instanceof StorageWriteError)) throw error; // kept in memory and retried
      }
    }
  }
}
