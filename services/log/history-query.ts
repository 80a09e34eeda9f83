import type { HistoryPage, HistoryQuery } from '../../core/log/history';
import { decodeCursor, encodeCursor, isAfter, type CursorPosition } from './history-cursor';
import { compareNewestFirst, type IndexedEntry } from './log-entries';
import type { LogMonths } from './log-months';

export const DEFAULT_PAGE_SIZE = 100;

/**
 * A month's entries happened within a day of its UTC bounds: their local day
 * is in the month and UTC offsets are under 24 h. So every entry of an older
 * month happened before `start of this month + 1 day`.
 */
const DAY_MS = 86_400_000;
const monthStartMs = (month: string) => Date.parse(`${month}-01T00:00:00Z`);

type Matcher = (entry: IndexedEntry) => boolean;

function matcherFor(query: HistoryQuery, cursor: CursorPosition | null, isHidden: (id: string) => boolean): Matcher {
  const kinds = query.kinds ? new Set(query.kinds) : null;
  return ({ ms, localDay, entry }) =>
    !isHidden(entry.record.id) &&
    (kinds === null || kinds.has(entry.kind)) &&
    (query.routineId === undefined || (entry.kind === 'session' && entry.record.routine.id === query.routineId)) &&
    (query.from === undefined || localDay >= query.from) &&
    (query.to === undefined || localDay <= query.to) &&
    (cursor === null || isAfter({ ms, id: entry.record.id }, cursor));
}

/** Months that can hold matches, newest first, skipping those wholly before the range or wholly newer than the cursor. */
function candidateMonths(months: string[], query: HistoryQuery, cursor: CursorPosition | null): string[] {
  return months.filter(
    (month) =>
      (query.from === undefined || month >= query.from.slice(0, 7)) &&
      (query.to === undefined || month <= query.to.slice(0, 7)) &&
      (cursor === null || monthStartMs(month) - DAY_MS <= cursor.ms),
  );
}

/** One page of history, newest first, reading older months only as far as the page needs. */
export function listHistory(months: LogMonths, query: HistoryQuery, isHidden: (id: string) => boolean): HistoryPage {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const matches = matcherFor(query, cursor, isHidden);
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
