import { describe, expect, it } from 'vitest';
import { computeDashboard, type RangeKey } from '../../../core/progress/dashboard';
import { tenYears } from './ten-years';

/**
 * Ten years of history: it finishes, and agrees with the generator's own
 * tally. Speed is measured by the benchmarks, not here.
 */
describe('ten years of history', () => {
  const history = tenYears();
  const dashboardFor = (range: RangeKey) =>
    computeDashboard({ sessions: history.sessions, spasms: history.spasms, plan: history.plan, settings: { dayStartHour: 4, weekStartsOn: 'monday' }, now: history.now, range });
  const all = dashboardFor('all');
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

  it('is about the size of ten real years', () => {
    expect(history.sessions.length).toBeGreaterThan(6_500);
    expect(history.spasms.length).toBeGreaterThan(1_900);
  });

  it('counts the same days done and minutes as the generator made', () => {
    expect(all.range.from).toBe(history.firstDay);
    expect(sum(all.weeks.map((w) => w.done))).toBe(history.daysDone);
    expect(sum(all.months.map((m) => m.done))).toBe(history.daysDone);
    expect(sum(all.weeks.map((w) => w.minutes))).toBe(history.minutes);
    expect(sum(all.months.map((m) => m.minutes))).toBe(history.minutes);
  });

  it('plans every day from the start to the end of this week, and every day to today in the months', () => {
    const daysFrom = (day: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000 + 1;
    expect(sum(all.weeks.map((w) => w.planned))).toBe(daysFrom(history.firstDay, '2026-11-29'));
    expect(sum(all.months.map((m) => m.planned))).toBe(daysFrom(history.firstDay, '2026-11-25'));
    expect(all.months).toHaveLength(121);
  });

  it('has a spasm night for every night the generator logged one', () => {
    const nights = new Set(history.spasms.map((s) => s.occurredAt.slice(0, 10)));
    expect(sum(all.weeks.map((w) => w.spasmNights))).toBe(nights.size);
  });

  it('agrees between ranges on the weeks they share', () => {
    const year = dashboardFor('12-months');
    expect(year.weeks).toEqual(all.weeks.slice(-52));
    expect(year.streak).toEqual(all.streak);
    expect(year.milestones).toEqual(all.milestones);
    expect(year.calendar).toEqual(all.calendar);
    expect(dashboardFor('4-weeks').weeks).toEqual(all.weeks.slice(-4));
  });

  it('keeps every figure within its bounds', () => {
    for (const week of all.weeks) {
      expect(week.done).toBeLessThanOrEqual(week.planned);
      expect(week.spasmNights).toBeLessThanOrEqual(7);
    }
    expect(all.streak.current).toBeLessThanOrEqual(all.streak.longest);
    expect(all.calendar).toHaveLength(51 * 7 + 3);
    expect(all.milestones.map((m) => m.id)).toEqual(['first-session', 'sessions-10', 'streak-7', 'first-full-week', 'sessions-50', 'sessions-100', 'streak-30']);
  });
});
