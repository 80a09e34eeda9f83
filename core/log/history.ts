import type { SessionRecord } from './session-schema';
import type { SpasmRecord } from './spasm-schema';

/** One line of the history: a routine played, or a night spasm logged. */
export type HistoryEntry = { kind: 'session'; record: SessionRecord } | { kind: 'spasm'; record: SpasmRecord };
export type EntryKind = HistoryEntry['kind'];

export interface HistoryPage {
  /** Newest first, by when it happened. */
  entries: HistoryEntry[];
  nextCursor: string | null;
}

/** An entry deleted less than 10 s ago (or not yet confirmed): it can still be brought back. */
export interface PendingDeletion {
  id: string;
  kind: EntryKind;
  /** Words for the undo bar, e.g. "Bedtime spasm relief on 24 Nov". */
  summary: string;
  deletedAt: string;
  expiresAt: string;
  /**
   * Time left to undo, as the service saw it when it answered. The page counts
   * down from there on its own clock, so two clocks that disagree (or one that
   * jumps) never show a wrong countdown.
   */
  remainingMs: number;
}

/** Something the person should know about their stored data (a recovery, a failed write). */
export interface StorageNotice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  /** Where a damaged file was kept, when there is one. */
  path?: string;
  at: string;
}

export const UNDO_WINDOW_MS = 10_000;

/** When an entry happened, for sorting and grouping. */
export function entryInstant(entry: HistoryEntry): string {
  return entry.kind === 'session' ? entry.record.startedAt : entry.record.occurredAt;
}
