import type { SessionRecord } from '../../core/log/session-schema';
import type { SpasmRecord } from '../../core/log/spasm-schema';
import type { LogMonths } from './log-months';
import type { PendingDeletions } from './pending-deletions';

export interface AllRecords {
  sessions: SessionRecord[];
  spasms: SpasmRecord[];
}

/** Months as 'YYYY-MM', inclusive; either end may be left open. */
export interface MonthSpan {
  first?: string;
  last?: string;
}

/**
 * The sessions and spasm entries of the log (of the month files in `span`,
 * or all), oldest first, as exports and reports read them: entries being
 * deleted (still undoable) are left out, and a record caught in two month
 * files while moving is counted once.
 */
export function allRecords(months: LogMonths, deletions: PendingDeletions, span: MonthSpan = {}): AllRecords {
  const pending = new Set(deletions.pendingIds());
  const sessions: SessionRecord[] = [];
  const spasms: SpasmRecord[] = [];
  const wanted = (month: string) => (span.first === undefined || month >= span.first) && (span.last === undefined || month <= span.last);
  for (const month of months.months().reverse().filter(wanted)) {
    const entries = months.entries(month);
    for (let i = entries.length - 1; i >= 0; i--) {
      const { entry } = entries[i]!;
      if (pending.has(entry.record.id)) continue;
      if (entry.kind === 'session') sessions.push(entry.record);
      else spasms.push(entry.record);
    }
  }
  return { sessions, spasms };
}
