import { describe, expect, it } from 'vitest';
import { MORNING, bedtimeEveryDay, calendarFrom, dashboardOf, pause, plan, session, weekOf } from './histories';

/**
 * Day plans: each history is small and its answer worked out by hand.
 * Wednesday 2026-11-25 is "today" unless a test says otherwise; the day starts at 04:00.
 */

const evening = (day: string, offset = '+01:00') => session(`${day}T21:30:00${offset}`);
const evenings = (days: string[]) => days.map((day) => evening(day));
const everyDayFrom = (startsOn: string) => plan([[startsOn, bedtimeEveryDay]]);

describe('an empty history', () => {
  const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-25'), now: '2026-11-25T12:00:00+01:00' });

  it('has today due, nothing done and no streak', () => {
    expect(dashboard.today).toBe('2026-11-25');
    expect(dashboard.streak).toEqual({ current: 0, longest: 0, unit: 'day' });
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-11-23', done: 0, planned: 5 });
    expect(dashboard.pain).toEqual([]);
    expect(dashboard.painAverage).toEqual([]);
    expect(dashboard.exercises).toEqual([]);
    expect(dashboard.milestones).toEqual([]);
  });

  it('covers the four weeks ending this week, with nothing planned before the plan', () => {
    expect(dashboard.range).toEqual({ key: '4-weeks', from: '2026-11-02', to: '2026-11-25' });
    expect(dashboard.weeks.map((w) => [w.weekStart, w.planned, w.done, w.adherencePercent, w.minutes])).toEqual([
      ['2026-11-02', 0, 0, null, 0],
      ['2026-11-09', 0, 0, null, 0],
      ['2026-11-16', 0, 0, null, 0],
      ['2026-11-23', 5, 0, 0, 0],
    ]);
    expect(dashboard.months).toMatchObject([{ month: '2026-11', planned: 1, done: 0, adherencePercent: 0, minutes: 0 }]);
  });

  it('shows 26 whole weeks in the calendar, up to today', () => {
    expect(dashboard.calendar).toHaveLength(25 * 7 + 3);
    expect(dashboard.calendar[0]).toEqual({ day: '2026-06-01', status: 'before-plan' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 before-plan', '2026-11-24 before-plan', '2026-11-25 due']);
  });
});

describe('the first day', () => {
  const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-25'), sessions: [evening('2026-11-25')], now: '2026-11-25T21:45:00+01:00' });

  it('is done, starts the streak and is the first milestone', () => {
    expect(calendarFrom(dashboard, '2026-11-25')).toEqual(['2026-11-25 done']);
    expect(dashboard.streak).toEqual({ current: 1, longest: 1, unit: 'day' });
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-11-23', done: 1, planned: 5 });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ planned: 5, done: 1, adherencePercent: 20, minutes: 10 });
    expect(dashboard.months).toMatchObject([{ month: '2026-11', planned: 1, done: 1, adherencePercent: 100, minutes: 10 }]);
    expect(dashboard.milestones).toEqual([{ id: 'first-session', title: 'Your first session', reachedOn: '2026-11-25' }]);
  });
});

describe('sessions after midnight', () => {
  const sessions = [evening('2026-11-23'), session('2026-11-25T00:40:00+01:00')];

  it('count a session at 00:40 for the evening before', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-23'), sessions, now: '2026-11-25T09:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 done', '2026-11-25 due']);
    expect(dashboard.streak).toEqual({ current: 2, longest: 2, unit: 'day' });
  });

  it('count it for the new day when the day starts at midnight', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-23'), sessions, now: '2026-11-25T09:00:00+01:00', settings: { dayStartHour: 0 } });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 missed', '2026-11-25 done']);
    expect(dashboard.streak).toEqual({ current: 1, longest: 1, unit: 'day' });
  });

  it('count a session from 03:50 to 04:20 for the night it started in', () => {
    const started = session('2026-11-25T03:50:00+01:00', { exercisedMs: 30 * 60_000 });
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-23'), sessions: [evening('2026-11-23'), started], now: '2026-11-25T20:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 done', '2026-11-25 due']);
    expect(dashboard.pain).toEqual([]);
    expect(weekOf(dashboard, '2026-11-23').minutes).toBe(40);
  });

  it('keep a 05:30 session on the night before when the day starts at 6, and "now" at 05:00 is still yesterday', () => {
    const dashboard = dashboardOf({
      plan: everyDayFrom('2026-11-23'),
      sessions: [evening('2026-11-23'), session('2026-11-25T05:30:00+01:00')],
      now: '2026-11-26T05:00:00+01:00',
      settings: { dayStartHour: 6 },
    });
    expect(dashboard.today).toBe('2026-11-25');
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 done', '2026-11-25 due']);
  });
});

describe('today and yesterday', () => {
  const plan16 = everyDayFrom('2026-11-16');

  it('today not done yet does not break the streak', () => {
    const dashboard = dashboardOf({ plan: plan16, sessions: evenings(['16', '17', '18', '19', '20', '21', '22', '23', '24'].map((d) => `2026-11-${d}`)), now: '2026-11-25T12:00:00+01:00' });
    expect(dashboard.streak).toEqual({ current: 9, longest: 9, unit: 'day' });
    expect(calendarFrom(dashboard, '2026-11-24')).toEqual(['2026-11-24 done', '2026-11-25 due']);
  });

  it('yesterday missed breaks it, and today done starts a new one', () => {
    const days = ['16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-11-${d}`);
    expect(dashboardOf({ plan: plan16, sessions: evenings(days), now: '2026-11-25T12:00:00+01:00' }).streak).toEqual({ current: 0, longest: 8, unit: 'day' });
    const laterToday = dashboardOf({ plan: plan16, sessions: evenings([...days, '2026-11-25']), now: '2026-11-25T21:45:00+01:00' });
    expect(laterToday.streak).toEqual({ current: 1, longest: 8, unit: 'day' });
    expect(calendarFrom(laterToday, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 missed', '2026-11-25 done']);
  });

  it('a session that does not count leaves the day missed, but its minutes count', () => {
    const shortOne = session('2026-11-24T21:30:00+01:00', { ending: 'ended-early', completedExercises: 1, exercisedMs: 4 * 60_000 });
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-23'), sessions: [evening('2026-11-23'), shortOne], now: '2026-11-25T12:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 missed', '2026-11-25 due']);
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ planned: 7, done: 1, adherencePercent: 14, minutes: 14 });
  });
});

describe('pauses', () => {
  const paused = plan([['2026-11-16', bedtimeEveryDay]], [pause('2026-11-19', '2026-11-21')]);
  const days = ['16', '17', '18', '22', '23', '24'].map((d) => `2026-11-${d}`);

  it('show as paused, and neither break nor extend the streak', () => {
    const dashboard = dashboardOf({ plan: paused, sessions: evenings(days), now: '2026-11-25T12:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-16')).toEqual([
      '2026-11-16 done',
      '2026-11-17 done',
      '2026-11-18 done',
      '2026-11-19 paused',
      '2026-11-20 paused',
      '2026-11-21 paused',
      '2026-11-22 done',
      '2026-11-23 done',
      '2026-11-24 done',
      '2026-11-25 due',
    ]);
    expect(dashboard.streak).toEqual({ current: 6, longest: 6, unit: 'day' });
  });

  it('leave paused days out of what was planned, even with a session on one', () => {
    const dashboard = dashboardOf({ plan: paused, sessions: [...evenings(days), evening('2026-11-20')], now: '2026-11-25T12:00:00+01:00' });
    expect(weekOf(dashboard, '2026-11-16')).toMatchObject({ planned: 4, done: 4, adherencePercent: 100, minutes: 50 });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ planned: 7, done: 2, adherencePercent: 29 });
    expect(calendarFrom(dashboard, '2026-11-20')[0]).toBe('2026-11-20 paused');
    expect(dashboard.streak.current).toBe(6);
  });

  it('make a week with nothing planned have no adherence at all', () => {
    const dashboard = dashboardOf({ plan: plan([['2026-11-09', bedtimeEveryDay]], [pause('2026-11-16', '2026-11-22')]), sessions: evenings(['2026-11-13', '2026-11-14', '2026-11-15', '2026-11-23']), now: '2026-11-24T12:00:00+01:00' });
    expect(weekOf(dashboard, '2026-11-16')).toMatchObject({ planned: 0, done: 0, adherencePercent: null });
    // Monday 9th to Thursday 12th missed, then 13–15 done, a paused week, 23 done, today due.
    expect(dashboard.streak).toEqual({ current: 4, longest: 4, unit: 'day' });
  });
});

describe('plan changes', () => {
  const mondayWednesdayFriday = { kind: 'routines-on-days' as const, routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [1, 3, 5] }] };
  const changed = plan([
    ['2026-11-02', mondayWednesdayFriday],
    ['2026-11-16', bedtimeEveryDay],
  ]);
  const days = ['02', '04', '06', '09', '11', '13', '16', '17', '18', '19', '20', '21', '22', '23', '24'].map((d) => `2026-11-${d}`);
  const dashboard = dashboardOf({ plan: changed, sessions: evenings(days), now: '2026-11-25T12:00:00+01:00' });

  it('judge each day by the version in force on it', () => {
    // Under the first version, Tuesdays were free: under the second they would have been missed.
    expect(calendarFrom(dashboard, '2026-11-02').slice(0, 8)).toEqual([
      '2026-11-02 done',
      '2026-11-03 free',
      '2026-11-04 done',
      '2026-11-05 free',
      '2026-11-06 done',
      '2026-11-07 free',
      '2026-11-08 free',
      '2026-11-09 done',
    ]);
    expect(dashboard.weeks.map((w) => [w.weekStart, w.planned, w.done])).toEqual([
      ['2026-11-02', 3, 3],
      ['2026-11-09', 3, 3],
      ['2026-11-16', 7, 7],
      ['2026-11-23', 7, 2],
    ]);
  });

  it('keep the streak going across the change', () => {
    expect(dashboard.streak).toEqual({ current: 15, longest: 15, unit: 'day' });
  });

  it('give the milestones on the days they were reached', () => {
    expect(dashboard.milestones).toEqual([
      { id: 'first-session', title: 'Your first session', reachedOn: '2026-11-02' },
      { id: 'first-full-week', title: 'First full week of your plan', reachedOn: '2026-11-06' },
      { id: 'streak-7', title: '7 planned days in a row', reachedOn: '2026-11-16' },
      { id: 'sessions-10', title: '10 sessions done', reachedOn: '2026-11-19' },
    ]);
  });
});

describe('two routines a day', () => {
  const both = plan([['2026-11-23', { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] }, { routineId: MORNING, weekdays: [1, 2, 3, 4, 5] }] }]]);
  const morning = (day: string) => session(`${day}T07:30:00+01:00`, { routineId: MORNING });

  it('are partly done with one of them, due today, and extra or unplanned sessions add minutes but not adherence', () => {
    const sessions = [morning('2026-11-23'), evening('2026-11-23'), evening('2026-11-24'), session('2026-11-24T22:30:00+01:00'), session('2026-11-24T12:00:00+01:00', { routineId: 'desk-break' }), morning('2026-11-25')];
    const dashboard = dashboardOf({ plan: both, sessions, now: '2026-11-25T12:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 partly', '2026-11-25 due']);
    // Mon–Fri two each, Saturday and Sunday one each.
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ planned: 12, done: 4, adherencePercent: 33, minutes: 60 });
    expect(dashboard.streak).toEqual({ current: 0, longest: 1, unit: 'day' });
  });
});

describe('edits and deletions', () => {
  const plan23 = everyDayFrom('2026-11-23');

  it('a session moved to another day counts there only', () => {
    // Tuesday's session was put right: it was really on Monday morning.
    const dashboard = dashboardOf({ plan: plan23, sessions: [evening('2026-11-23'), session('2026-11-23T07:30:00+01:00')], now: '2026-11-25T12:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 missed', '2026-11-25 due']);
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ done: 1, minutes: 20 });
    expect(dashboard.streak).toEqual({ current: 0, longest: 1, unit: 'day' });
  });

  it('a deleted session is simply gone', () => {
    const dashboard = dashboardOf({ plan: plan23, sessions: evenings(['2026-11-23', '2026-11-25']), now: '2026-11-25T21:45:00+01:00' });
    expect(calendarFrom(dashboard, '2026-11-23')).toEqual(['2026-11-23 done', '2026-11-24 missed', '2026-11-25 done']);
    expect(dashboard.streak).toEqual({ current: 1, longest: 1, unit: 'day' });
  });

  it('a session dated after today (a wrong clock) is left out', () => {
    const dashboard = dashboardOf({ plan: plan23, sessions: evenings(['2026-11-23', '2026-11-26']), now: '2026-11-25T12:00:00+01:00' });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ done: 1, minutes: 10 });
    expect(dashboard.milestones).toHaveLength(1);
  });
});
