import type { RangeKey } from './dashboard';

const weeksOfRange: Record<Exclude<RangeKey, 'all'>, number> = { '4-weeks': 4, '3-months': 13, '12-months': 52 };

/**
 * The day number of the range's first week start: the range is whole weeks
 * ending with the current week. 'all' goes back to the week of the earliest
 * thing there is (`earliestWeekStart`: of the first session, first spasm, or
 * the plan's start); a plan that only begins later still shows this week.
 */
export function rangeFirstWeek(key: RangeKey, currentWeekStart: number, earliestWeekStart: number): number {
  if (key === 'all') return Math.min(earliestWeekStart, currentWeekStart);
  return currentWeekStart - (weeksOfRange[key] - 1) * 7;
}

/** How many whole weeks the calendar shows: half a year for the short ranges, a year for the long ones. */
export function calendarWeeks(key: RangeKey): number {
  return key === '4-weeks' || key === '3-months' ? 26 : 52;
}
