import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../core/progress/calendar-days';
import { dashboardOfRange, dashboardOfSpan, livedHistory, rangeKeys } from '../../../core/progress/dashboard';
import { comparePain, isNoticeable, median } from '../../../core/report/report-comparisons';
import { tenYears } from './ten-years';

/**
 * The report's span is the dashboard's sums over other days: over the days of
 * a dashboard range, up to the end of last week (this week is not over, and a
 * range counts its plan in full), both give the same figures.
 */
describe('the report span', () => {
  const history = tenYears();
  const lived = livedHistory({ sessions: history.sessions, spasms: history.spasms, plan: history.plan, settings: { dayStartHour: 4, weekStartsOn: 'monday' }, now: history.now });

  it.each(rangeKeys)('equals the %s range week by week and month by month over its whole weeks', (key) => {
    const range = dashboardOfRange(lived, key);
    const lastWeek = range.weeks.at(-2)!;
    const lastDay = dayNumber(lastWeek.weekStart) + 6;
    const span = dashboardOfSpan(lived, dayNumber(range.range.from), lastDay);
    expect(span.weeks).toEqual(range.weeks.slice(0, -1));
    expect(span.exercises.reduce((n, e) => n + e.done, 0)).toBe(
      range.exercises.reduce((n, e) => n + e.done, 0) - dashboardOfSpan(lived, lastDay + 1, dayNumber(range.today)).exercises.reduce((n, e) => n + e.done, 0),
    );
    expect(span.pain.length + dashboardOfSpan(lived, lastDay + 1, dayNumber(range.today)).pain.length).toBe(range.pain.length);
  });

  it('sums a part week over its own days, and never runs past today', () => {
    const today = dayNumber(lived.today);
    const span = dashboardOfSpan(lived, today - 9, today + 30);
    expect(span.range.to).toBe(lived.today);
    const days = span.weeks.reduce((n, w) => n + w.planned, 0);
    // The plan is the bedtime routine every day: planned is one a day, today counting only once done.
    const todayDone = lived.daysToToday.at(-1)!.done;
    expect(days).toBe(9 + todayDone);
  });
});

describe('first week against last', () => {
  it('takes the median and calls 2 points or 30 % noticeable', () => {
    expect(median([7, 3, 5])).toBe(5);
    expect(median([4, 6])).toBe(5);
    expect(isNoticeable(6, 4)).toBe(true);
    expect(isNoticeable(3, 2)).toBe(true); // 33 %
    expect(isNoticeable(6, 5)).toBe(false); // 17 %
    expect(isNoticeable(0, 1)).toBe(false);
    const points = (day: string, before: number) => ({ day, startedAt: `${day}T21:00:00+00:00`, routineName: 'x', before, after: null, change: null });
    const weekOf = (day: string) => (day < '2026-11-09' ? '2026-11-02' : '2026-11-09');
    expect(comparePain([points('2026-11-02', 7), points('2026-11-03', 5), points('2026-11-04', 6), points('2026-11-10', 4)], weekOf)).toEqual({
      first: { weekStart: '2026-11-02', median: 6, sessions: 3 },
      last: { weekStart: '2026-11-09', median: 4, sessions: 1 },
      change: -2,
      noticeable: true,
    });
    expect(comparePain([points('2026-11-02', 7)], weekOf)).toMatchObject({ last: null, change: 0, noticeable: false });
  });
});
