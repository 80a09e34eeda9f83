import { dayText } from './calendar-days';
import type { PainPoint } from './dashboard';
import type { LedgerDay, LivedSession } from './day-ledger';
import { meanToTenth } from './mean-to-tenth';
import { painChange } from './pain-change';

/** Sessions with a pain score before, oldest first, as points for the pain chart. */
export function painPoints(sessions: readonly LivedSession[]): PainPoint[] {
  const points: PainPoint[] = [];
  for (const { facts, day } of sessions) {
    if (facts.painBefore === null) continue;
    const { startedAt, routineName, painBefore: before, painAfter: after } = facts;
    points.push({ day: dayText(day), startedAt, routineName, before, after, change: painChange(before, after) });
  }
  return points;
}

const WINDOW_DAYS = 7;

/**
 * The 7-day moving average of pain before and after, for each ledger day from
 * `firstShown` on (an index into `days`) that has a score in its window (the
 * day and the six before it). The window may reach back before the first
 * shown day: the average on the range's first day is over its own week too.
 */
export function painAverages(days: readonly LedgerDay[], firstShown: number): { day: string; before: number | null; after: number | null }[] {
  const sums = { before: 0, beforeCount: 0, after: 0, afterCount: 0 };
  const addDay = (index: number, sign: 1 | -1) => {
    for (const { facts } of days[index]!.sessions) {
      if (facts.painBefore !== null) {
        sums.before += sign * facts.painBefore;
        sums.beforeCount += sign;
      }
      if (facts.painAfter !== null) {
        sums.after += sign * facts.painAfter;
        sums.afterCount += sign;
      }
    }
  };
  const averages: { day: string; before: number | null; after: number | null }[] = [];
  const firstInWindow = Math.max(0, firstShown - (WINDOW_DAYS - 1));
  for (let i = firstInWindow; i < days.length; i++) {
    addDay(i, 1);
    if (i - WINDOW_DAYS >= firstInWindow) addDay(i - WINDOW_DAYS, -1);
    if (i < firstShown || sums.beforeCount + sums.afterCount === 0) continue;
    averages.push({ day: dayText(days[i]!.day), before: meanToTenth(sums.before, sums.beforeCount), after: meanToTenth(sums.after, sums.afterCount) });
  }
  return averages;
}
