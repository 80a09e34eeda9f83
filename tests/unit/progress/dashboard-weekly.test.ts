import { describe, expect, it } from 'vitest';
import { bedtimeEveryDay, calendarFrom, dashboardOf, pause, plan, session, weekOf, weekly } from './histories';

/** Weekly targets and Sunday weeks, each answer worked out by hand. */

const at = (day: string) => session(`${day}T18:00:00+01:00`);
const sessionsOn = (days: string[]) => days.map((day) => at(`2026-11-${day}`));

describe('three sessions a week', () => {
  const threeAWeek = plan([['2026-11-02', weekly(3)]]);
  // Week of the 2nd: four (one too many); the 9th: two, and one that stopped too early to count; the 16th: three; this week: one.
  const sessions = [...sessionsOn(['02', '04', '06', '07', '10', '12', '16', '17', '18', '23']), session('2026-11-11T18:00:00+01:00', { ending: 'ended-early', completedExercises: 1 })];
  const dashboard = dashboardOf({ plan: threeAWeek, sessions, now: '2026-11-25T12:00:00+01:00' });

  it('caps each week at its target and does not let one week make up for another', () => {
    expect(dashboard.weeks.map((w) => [w.weekStart, w.planned, w.done, w.adherencePercent, w.minutes])).toEqual([
      ['2026-11-02', 3, 3, 100, 40],
      ['2026-11-09', 3, 2, 67, 30],
      ['2026-11-16', 3, 3, 100, 30],
      ['2026-11-23', 3, 1, 33, 10],
    ]);
    // 24 days of November in the range, 3 sessions per 7 days: 10.3 → 10; done 3 + 2 + 3 + 1.
    expect(dashboard.months).toMatchObject([{ month: '2026-11', planned: 10, done: 9, adherencePercent: 90, minutes: 110 }]);
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-11-23', done: 1, planned: 3 });
  });

  it('counts the streak in weeks; the week still going does not break it', () => {
    expect(dashboard.streak).toEqual({ current: 1, longest: 1, unit: 'week' });
  });

  it('shows days only as done or free', () => {
    expect(calendarFrom(dashboard, '2026-11-09').slice(0, 4)).toEqual(['2026-11-09 free', '2026-11-10 done', '2026-11-11 free', '2026-11-12 done']);
    expect(calendarFrom(dashboard, '2026-11-25')).toEqual(['2026-11-25 free']);
  });

  it('reaches the first full week on the day of its third session', () => {
    expect(dashboard.milestones.find((m) => m.id === 'first-full-week')?.reachedOn).toBe('2026-11-06');
    expect(dashboard.milestones.some((m) => m.id.startsWith('streak-'))).toBe(false);
  });
});

describe('weekly targets and pauses', () => {
  it('lower the target in proportion to paused days, rounding to the nearest session', () => {
    const paused = plan([['2026-11-02', weekly(3)]], [pause('2026-11-09', '2026-11-12'), pause('2026-11-16', '2026-11-20'), pause('2026-11-23', '2026-11-29')]);
    const dashboard = dashboardOf({ plan: paused, sessions: sessionsOn(['02', '04', '06', '14', '11', '24']), now: '2026-11-25T12:00:00+01:00' });
    expect(dashboard.weeks.map((w) => [w.weekStart, w.planned, w.done, w.adherencePercent])).toEqual([
      ['2026-11-02', 3, 3, 100],
      ['2026-11-09', 1, 1, 100], // 3 × 3/7 = 1.3 → 1; the session on a paused day counts too, capped at 1
      ['2026-11-16', 1, 0, 0], // 3 × 2/7 = 0.9 → 1
      ['2026-11-23', 0, 0, null],
    ]);
    expect(calendarFrom(dashboard, '2026-11-11')[0]).toBe('2026-11-11 paused');
    // The week of the 16th is over and missed; this week asks for nothing.
    expect(dashboard.streak).toEqual({ current: 0, longest: 2, unit: 'week' });
  });

  it('lower it for the days before the plan starts', () => {
    const fromThursday = plan([['2026-11-05', weekly(3)]]);
    const dashboard = dashboardOf({ plan: fromThursday, sessions: sessionsOn(['03', '05', '07', '08']), now: '2026-11-09T12:00:00+01:00' });
    // Thursday to Sunday: 3 × 4/7 = 1.7 → 2. The Tuesday session was before the plan.
    expect(weekOf(dashboard, '2026-11-02')).toMatchObject({ planned: 2, done: 2, adherencePercent: 100, minutes: 40 });
    expect(calendarFrom(dashboard, '2026-11-02').slice(0, 4)).toEqual(['2026-11-02 before-plan', '2026-11-03 before-plan', '2026-11-04 before-plan', '2026-11-05 done']);
    expect(dashboard.streak).toEqual({ current: 1, longest: 1, unit: 'week' });
  });
});

describe('changing between kinds of target', () => {
  it('judges each week by the days under each version, and the streak unit follows today’s version', () => {
    const changed = plan([
      ['2026-11-02', bedtimeEveryDay],
      ['2026-11-12', weekly(2)],
    ]);
    const sessions = sessionsOn(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '14', '20', '23', '24']);
    const dashboard = dashboardOf({ plan: changed, sessions, now: '2026-11-25T12:00:00+01:00' });
    expect(dashboard.weeks.map((w) => [w.weekStart, w.planned, w.done])).toEqual([
      ['2026-11-02', 7, 7],
      ['2026-11-09', 4, 4], // Mon–Wed planned one by one (3), then 2 × 4/7 = 1.1 → 1
      ['2026-11-16', 2, 1],
      ['2026-11-23', 2, 2],
    ]);
    expect(dashboard.streak).toEqual({ current: 1, longest: 2, unit: 'week' });
  });
});

describe('weeks starting on Sunday', () => {
  it('group days from Sunday to Saturday', () => {
    const sessions = sessionsOn(['22', '23', '24']);
    const sunday = dashboardOf({ plan: plan([['2026-11-22', bedtimeEveryDay]]), sessions, now: '2026-11-25T12:00:00+01:00', settings: { weekStartsOn: 'sunday' } });
    expect(sunday.thisWeek).toEqual({ weekStart: '2026-11-22', done: 3, planned: 7 });
    expect(sunday.range.from).toBe('2026-11-01');
    expect(sunday.weeks.map((w) => w.weekStart)).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22']);
    expect(sunday.calendar[0]!.day).toBe('2026-05-31');

    const monday = dashboardOf({ plan: plan([['2026-11-22', bedtimeEveryDay]]), sessions, now: '2026-11-25T12:00:00+01:00' });
    expect(monday.thisWeek).toEqual({ weekStart: '2026-11-23', done: 2, planned: 7 });
    expect(weekOf(monday, '2026-11-16')).toMatchObject({ planned: 1, done: 1 });
  });

  it('can split a weekend between two weeks of a weekly target', () => {
    const twoAWeek = plan([['2026-11-01', weekly(2)]]);
    const sessions = sessionsOn(['07', '08']); // Saturday and Sunday
    const sunday = dashboardOf({ plan: twoAWeek, sessions, now: '2026-11-10T12:00:00+01:00', settings: { weekStartsOn: 'sunday' } });
    expect(sunday.weeks.slice(-2).map((w) => [w.weekStart, w.planned, w.done])).toEqual([
      ['2026-11-01', 2, 1],
      ['2026-11-08', 2, 1],
    ]);
    const monday = dashboardOf({ plan: twoAWeek, sessions, now: '2026-11-10T12:00:00+01:00' });
    // The plan's first day, Sunday 1st, is alone in its Monday week: 2 × 1/7 = 0.3 → nothing asked.
    expect(monday.weeks.slice(-3).map((w) => [w.weekStart, w.planned, w.done])).toEqual([
      ['2026-10-26', 0, 0],
      ['2026-11-02', 2, 2],
      ['2026-11-09', 2, 0],
    ]);
    expect(monday.streak).toEqual({ current: 1, longest: 1, unit: 'week' });
  });
});
