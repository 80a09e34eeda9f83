import { format } from 'date-fns';
import { z } from 'zod';
import { instant, recordId } from '../../core/log/common-fields';
import { UNDO_WINDOW_MS, type EntryKind, type HistoryEntry, type PendingDeletion } from '../../core/log/history';
import { RequestError, StorageWriteError } from '../storage/storage-errors';
import type { StoredDocument } from '../storage/stored-document';
import { firstVersionSpec, type DocumentSpec } from '../storage/versioned-document';
import { monthPattern } from './log-month-file';
import type { LogMonths } from './log-months';

/**
 * `pending-deletions.json`: entries deleted less than 10 s ago, kept on disk
 * so an undo still works after a crash or restart within the window.
 */
const storedPendingSchema = z.strictObject({
  id: recordId,
  kind: z.enum(['session', 'spasm']),
  summary: z.string().max(300),
  deletedAt: instant,
  expiresAt: instant,
  /** The month file holding the entry, so finishing the deletion needs no search. */
  month: z.string().regex(monthPattern),
});

const pendingDeletionsFileSchema = z.strictObject({ schemaVersion: z.literal(1), pending: z.array(storedPendingSchema).max(10_000) });

type StoredPending = z.infer<typeof storedPendingSchema>;
type PendingDeletionsFile = z.infer<typeof pendingDeletionsFileSchema>;

export const pendingDeletionsSpec: DocumentSpec<PendingDeletionsFile> = firstVersionSpec({
  name: 'pending-deletions',
  label: 'the entries waiting to be deleted',
  schema: pendingDeletionsFileSchema,
  empty: () => ({ schemaVersion: 1, pending: [] }),
});

/** The local calendar day as the person lived it, e.g. "24 Nov" (no time zone maths: it is already their day). */
const shortDay = (localDay: string) => format(new Date(`${localDay}T12:00:00`), 'd MMM');

/** Words for the undo bar, e.g. "Bedtime spasm relief on 24 Nov" or "Night spasm (7/10) on 24 Nov". */
function summarise(entry: HistoryEntry): string {
  if (entry.kind === 'session') return `${entry.record.routine.name} on ${shortDay(entry.record.localDay)}`;
  return `Night spasm (${entry.record.intensity}/10) on ${shortDay(entry.record.localDay)}`;
}

/** The stored record as the renderer sees it, with the time left to undo as of `nowMs`. */
function toPublic({ month: _month, ...pending }: StoredPending, nowMs: number): PendingDeletion {
  const remainingMs = Math.min(UNDO_WINDOW_MS, Math.max(0, Date.parse(pending.expiresAt) - nowMs));
  return { ...pending, remainingMs };
}

/**
 * Deletion with undo: an entry is hidden at once and removed for good when
 * it is confirmed or its 10 s have passed. The pending list is on disk, so a
 * restart within the window still allows the undo.
 */
export class PendingDeletions {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: StoredDocument<PendingDeletionsFile>,
    private readonly months: LogMonths,
    private readonly now: () => Date,
  ) {}

  /** The ids of the entries being deleted, as they stand (no sweep). */
  pendingIds(): string[] {
    return this.doc.value.pending.map((p) => p.id);
  }

  isPending(id: string): boolean {
    return this.doc.value.pending.some((p) => p.id === id);
  }

  /** An entry being deleted cannot be edited: the edit would bring it back or be lost. */
  refuseIfPending(id: string, request: string): void {
    this.sweep();
    if (this.isPending(id)) throw new RequestError('id', `${request}: id: This entry is being deleted: undo the deletion to edit it`);
  }

  list(): PendingDeletion[] {
    this.sweep();
    const nowMs = this.now().getTime();
    return this.doc.value.pending.map((p) => toPublic(p, nowMs));
  }

  delete(kind: EntryKind, id: string): PendingDeletion {
    this.sweep();
    const existing = this.doc.value.pending.find((p) => p.id === id);
    if (existing && existing.kind === kind) return toPublic(existing, this.now().getTime());
    const found = existing ? null : this.months.find(kind, id);
    if (!found) throw new RequestError('id', `entries:delete: id: No ${kind === 'session' ? 'session' : 'spasm entry'} with this id`);
    const at = this.now();
    const pending: StoredPending = {
      id,
      kind,
      summary: summarise(found.entry.entry),
      deletedAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + UNDO_WINDOW_MS).toISOString(),
      month: found.month,
    };
    this.save([...this.doc.value.pending, pending]);
    return toPublic(pending, at.getTime());
  }

  /** Brings the entry back. Undoing one that is already back does nothing; one removed for good cannot be undone. */
  undo(id: string): void {
    this.sweep();
    if (this.isPending(id)) return this.save(this.doc.value.pending.filter((p) => p.id !== id));
    if (this.months.find('session', id) || this.months.find('spasm', id)) return;
    throw new RequestError('id', 'entries:undo-delete: id: This entry was already deleted for good and cannot be brought back');
  }

  /**
   * Keeps a deletion undoable for `forMs` from now (at most the 10 s window),
   * while the person is at the undo bar; one already finished stays finished.
   * The window stays short, so a hold left by a crash runs out by itself.
   */
  hold(id: string, forMs: number): void {
    this.sweep();
    if (!this.isPending(id)) return;
    const expiresAt = new Date(this.now().getTime() + Math.min(forMs, UNDO_WINDOW_MS)).toISOString();
    this.save(this.doc.value.pending.map((p) => (p.id === id ? { ...p, expiresAt } : p)));
    this.schedule();
  }

  /** Removes the entry for good now; confirming one that is not waiting does nothing (its 10 s may just have run out). */
  confirm(id: string): void {
    this.sweep();
    const pending = this.doc.value.pending.find((p) => p.id === id);
    if (pending) this.finish([pending]);
  }

  /**
   * Finishes the deletions whose time is up. A clock set back since a
   * deletion would push its end far away: its times are pulled back to now,
   * so it ends at most 10 s from now.
   */
  sweep(): void {
    const nowMs = this.now().getTime();
    const pending = this.doc.value.pending;
    const clamped = pending.map((p) => clampToClock(p, nowMs));
    const due = clamped.filter((p) => Date.parse(p.expiresAt) <= nowMs);
    try {
      if (due.length > 0) this.finish(due, clamped);
      else if (clamped.some((p, i) => p !== pending[i])) this.save(clamped);
    } catch (error) {
      // Reading must not fail because a write did: it is already a notice and queued for retry.
      if (!(error instanceof StorageWriteError)) throw error;
    }
    this.schedule();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private finish(done: StoredPending[], all = this.doc.value.pending): void {
    let failure: unknown = null;
    for (const p of done) {
      try {
        // Read the month it was in (after a restart nothing is read yet) and wherever else a copy may be.
        this.months.file(p.month);
        this.months.find(p.kind, p.id);
        this.months.remove(p.id);
      } catch (error) {
        // The removal is in memory and its write is retried; the pending entry can go.
        failure ??= error;
      }
    }
    const ids = new Set(done.map((p) => p.id));
    this.save(all.filter((p) => !ids.has(p.id)));
    if (failure) throw failure;
  }

  private save(pending: StoredPending[]): void {
    try {
      this.doc.write({ schemaVersion: 1, pending });
    } finally {
      this.schedule();
    }
  }

  /** Wakes up when the next deletion is due, without keeping the process alive for it. */
  private schedule(): void {
    this.close();
    const next = Math.min(...this.doc.value.pending.map((p) => Date.parse(p.expiresAt)));
    if (!Number.isFinite(next)) return;
    this.timer = setTimeout(() => this.sweepQuietly(), Math.max(0, next - this.now().getTime()) + 5);
    this.timer.unref();
  }

  private sweepQuietly(): void {
    try {
      this.sweep();
    } catch (error) {
      // Nobody is waiting for an answer on a timer; the next request will meet the same problem.
      console.error('Finishing pending deletions failed:', error);
    }
  }
}

function clampToClock(p: StoredPending, nowMs: number): StoredPending {
  const latestEnd = nowMs + UNDO_WINDOW_MS;
  if (Date.parse(p.expiresAt) <= latestEnd && Date.parse(p.deletedAt) <= nowMs) return p;
  const deletedAt = new Date(Math.min(Date.parse(p.deletedAt), nowMs)).toISOString();
  return { ...p, deletedAt, expiresAt: new Date(Math.min(Date.parse(p.expiresAt), latestEnd)).toISOString() };
}
