import type { HistoryEntry } from '../../core/log/history';
import type { LogMonthFile } from './log-month-file';

/** A history entry with what sorting and filtering need, worked out once per month rather than per query. */
export interface IndexedEntry {
  /** When it happened, in ms since the epoch: the sort key. */
  ms: number;
  localDay: string;
  entry: HistoryEntry;
}

/** Newest first; equal instants in a fixed order (by id) so paging never skips or repeats one. */
export function compareNewestFirst(a: { ms: number; entry: HistoryEntry }, b: { ms: number; entry: HistoryEntry }): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  const [idA, idB] = [a.entry.record.id, b.entry.record.id];
  return idA < idB ? 1 : idA > idB ? -1 : 0;
}

export function indexMonth(file: LogMonthFile): IndexedEntry[] {
  const sessions = file.sessions.map((record): IndexedEntry => ({ ms: Date.parse(record.startedAt), localDay: record.localDay, entry: { kind: 'session', record } }));
  const spasms = file.spasms.map((record): IndexedEntry => ({ ms: Date.parse(record.occurredAt), localDay: record.localDay, entry: { kind: 'spasm', record } }));
  return [...sessions, ...spasms].sort(compareNewestFirst);
}
