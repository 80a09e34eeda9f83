import { z } from 'zod';
import type { HistoryQuery } from '../../core/bridge/requests';
import type { HistoryPage } from '../../core/log/history';
import { addDays } from '../../core/progress/calendar-days';
import { livedDay } from '../../core/progress/lived-day';
import { RequestError } from '../storage/storage-errors';
import { compareNewestFirst, type IndexedEntry } from './log-month-file';
import type { LogMonths } from './log-months';
import type { PendingDeletions } from './pending-deletions';

export const DEFAULT_PAGE_SIZE = 100;

/**
 * A month's entries happened within a day of its UTC bounds: their local day
 * is in the month and UTC offsets are under 24 h. So every entry of an older
 * month happened before `start of this month + 1 day`.
 */
const DAY_MS = 86_400_000;
const monthStartMs = (month: string) => Date.parse(`${month}-01T00:00:00Z`);

/**
 * Where the previous page ended: the last entry's instant and id. Opaque to
 * the renderer (base64url JSON) so the format can change without it noticing.
 */
interface CursorPosition {
  ms: number;
  id: string;
}

const positionSchema = z.strictObject({ ms: z.number().int(), id: z.string().min(1).max(100) });

const encodeCursor = (position: CursorPosition) => Buffer.from(JSON.stringify(position)).toString('base64url');

function decodeCursor(cursor: string): CursorPosition {
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new RequestError('cursor', 'history:list: cursor: Not a cursor this app gave out; start again from the first page');
  }
}

/** True when `entry` comes after the cursor in newest-first order. */
const isAfter = (entry: { ms: number; id: string }, cursor: CursorPosition) => entry.ms < cursor.ms || (entry.ms === cursor.ms && entry.id < cursor.id);

type Matcher = (entry: IndexedEntry) => boolean;

/**
 * The days of `from` and `to` are lived days, as History groups them and the
 * dashboard counts them: before `dayStartHour` an entry belongs to the
 * evening before.
 */
function matcherFor(query: HistoryQuery, cursor: CursorPosition | null, dayStartHour: number, isHidden: (id: string) => boolean): Matcher {
  const kinds = query.kinds ? new Set(query.kinds) : null;
  const lived = ({ entry }: IndexedEntry) => livedDay(entry.kind === 'session' ? entry.record.startedAt : entry.record.occurredAt, dayStartHour);
  return (indexed) =>
    !isHidden(indexed.entry.record.id) &&
    (kinds === null || kinds.has(indexed.entry.kind)) &&
    (query.routineId === undefined || (indexed.entry.kind === 'session' && indexed.entry.record.routine.id === query.routineId)) &&
    (query.from === undefined || lived(indexed) >= query.from) &&
    (query.to === undefined || lived(indexed) <= query.to) &&
    (cursor === null || isAfter({ ms: indexed.ms, id: indexed.entry.record.id }, cursor));
}

/**
 * Months that can hold matches, newest first, skipping those wholly before the
 * range or wholly newer than the cursor. Month files go by calendar day, and
 * the small hours after `to` are lived on `to`: the month of the day after it counts too.
 */
function candidateMonths(months: string[], query: HistoryQuery, cursor: CursorPosition | null): string[] {
  const lastMonth = query.to === undefined ? undefined : addDays(query.to, 1).slice(0, 7);
  return months.filter(
    (month) =>
      (query.from === undefined || month >= query.from.slice(0, 7)) &&
      (lastMonth === undefined || month <= lastMonth) &&
      (cursor === null || monthStartMs(month) - DAY_MS <= cursor.ms),
  );
}

/** One page of history, newest first, reading older months only as far as the page needs; entries being deleted are hidden. */
export function listHistory(months: LogMonths, deletions: PendingDeletions, query: HistoryQuery, dayStartHour: number): HistoryPage {
  deletions.sweep();
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const matches = matcherFor(query, cursor, dayStartHour, (id) => deletions.isPending(id));
  let found: IndexedEntry[] = [];
  for (const month of candidateMonths(months.months(), query, cursor)) {
    found.push(...months.entries(month).filter(matches));
    // Reading this month may have shown an entry read earlier to be a stale copy (see LogMonths).
    found = found.filter((entry) => months.holds(entry));
    // Entries at or after this bound cannot be overtaken by anything in the months not read yet.
    const bound = monthStartMs(month) + DAY_MS;
    if (found.filter((entry) => entry.ms >= bound).length > limit) break;
  }
  found.sort(compareNewestFirst);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((e) => e.entry),
    nextCursor: found.length > limit && last ? encodeCursor({ ms: last.ms, id: last.entry.record.id }) : null,
  };
}
