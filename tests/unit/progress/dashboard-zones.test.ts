import { describe, expect, it } from 'vitest';
import { bedtimeEveryDay, calendarFrom, dashboardOf, plan, session, weekOf } from './histories';

/**
 * Daylight-saving changes and travel. Each session is written with the offset
 * the person was in, as the app records it; every answer is per lived day.
 */

const everyDayFrom = (startsOn: string) => plan([[startsOn, bedtimeEveryDay]]);

describe('travel mid-streak', () => {
  it('from Tokyo (+09:00) to New York (−05:00): one session a lived day, no gap', () => {
    // In UTC the 4th has no session (3rd 12:00Z, then 5th 02:00Z): judged by lived days there is none missing.
    const sessions = [
      session('2026-06-01T21:00:00+09:00'),
      session('2026-06-02T21:00:00+09:00'),
      session('2026-06-03T21:00:00+09:00'),
      session('2026-06-04T21:00:00-05:00'),
      session('2026-06-05T21:00:00-05:00'),
      session('2026-06-06T21:00:00-05:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-06-01'), sessions, now: '2026-06-07T10:00:00-05:00' });
    expect(calendarFrom(dashboard, '2026-06-01')).toEqual(['2026-06-01 done', '2026-06-02 done', '2026-06-03 done', '2026-06-04 done', '2026-06-05 done', '2026-06-06 done', '2026-06-07 due']);
    expect(dashboard.streak).toEqual({ current: 6, longest: 6, unit: 'day' });
    expect(weekOf(dashboard, '2026-06-01')).toMatchObject({ planned: 7, done: 6 });
  });

  it('from New York (−05:00) to Tokyo (+09:00): no day counted twice', () => {
    // In UTC the 4th has two sessions (02:00Z and 12:00Z): by lived days each day has one.
    const sessions = [
      session('2026-06-01T21:00:00-05:00'),
      session('2026-06-02T21:00:00-05:00'),
      session('2026-06-03T21:00:00-05:00'),
      session('2026-06-04T21:00:00+09:00'),
      session('2026-06-05T21:00:00+09:00'),
      session('2026-06-06T21:00:00+09:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-06-01'), sessions, now: '2026-06-07T10:00:00+09:00' });
    expect(calendarFrom(dashboard, '2026-06-01')).toEqual(['2026-06-01 done', '2026-06-02 done', '2026-06-03 done', '2026-06-04 done', '2026-06-05 done', '2026-06-06 done', '2026-06-07 due']);
    expect(dashboard.streak).toEqual({ current: 6, longest: 6, unit: 'day' });
    expect(weekOf(dashboard, '2026-06-01')).toMatchObject({ planned: 7, done: 6, minutes: 60 });
  });

  it('"today" follows the offset of now: the same instant is a different day on each side of the world', () => {
    const sessions = [session('2026-06-01T21:00:00+09:00')];
    expect(dashboardOf({ plan: everyDayFrom('2026-06-01'), sessions, now: '2026-06-02T08:00:00+09:00' }).today).toBe('2026-06-02');
    expect(dashboardOf({ plan: everyDayFrom('2026-06-01'), sessions, now: '2026-06-01T18:00:00-05:00' }).today).toBe('2026-06-01');
  });
});

describe('Europe/London', () => {
  it('spring forward on 29 March 2026 (+00:00 → +01:00)', () => {
    const sessions = [
      session('2026-03-26T21:30:00+00:00'),
      session('2026-03-27T21:30:00+00:00'),
      session('2026-03-29T00:40:00+00:00'), // Saturday's, 20 minutes before the clocks go forward
      session('2026-03-30T01:30:00+01:00'), // Sunday's, a short night later
      session('2026-03-30T21:30:00+01:00'),
      session('2026-03-31T21:30:00+01:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-03-26'), sessions, now: '2026-04-01T12:00:00+01:00' });
    expect(calendarFrom(dashboard, '2026-03-26')).toEqual(['2026-03-26 done', '2026-03-27 done', '2026-03-28 done', '2026-03-29 done', '2026-03-30 done', '2026-03-31 done', '2026-04-01 due']);
    expect(dashboard.streak).toEqual({ current: 6, longest: 6, unit: 'day' });
    expect(weekOf(dashboard, '2026-03-23')).toMatchObject({ planned: 4, done: 4 });
  });

  it('fall back on 25 October 2026 (+01:00 → +00:00): both 01:30s belong to the Saturday night', () => {
    const sessions = [
      session('2026-10-23T21:30:00+01:00'),
      session('2026-10-25T01:30:00+01:00'),
      session('2026-10-25T01:30:00+00:00'),
      session('2026-10-25T21:30:00+00:00'),
      session('2026-10-26T21:30:00+00:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-10-23'), sessions, now: '2026-10-27T09:00:00+00:00' });
    expect(calendarFrom(dashboard, '2026-10-23')).toEqual(['2026-10-23 done', '2026-10-24 done', '2026-10-25 done', '2026-10-26 done', '2026-10-27 due']);
    expect(dashboard.streak).toEqual({ current: 4, longest: 4, unit: 'day' });
    expect(weekOf(dashboard, '2026-10-19')).toMatchObject({ planned: 3, done: 3, minutes: 40 });
    expect(weekOf(dashboard, '2026-10-26')).toMatchObject({ planned: 7, done: 1 });
  });
});

describe('America/New_York', () => {
  it('spring forward on 8 March 2026 (−05:00 → −04:00)', () => {
    const sessions = [
      session('2026-03-06T21:00:00-05:00'),
      session('2026-03-08T03:50:00-04:00'), // Saturday's, just after 02:00 became 03:00
      session('2026-03-08T21:00:00-04:00'),
      session('2026-03-09T21:00:00-04:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-03-06'), sessions, now: '2026-03-10T08:00:00-04:00' });
    expect(calendarFrom(dashboard, '2026-03-06')).toEqual(['2026-03-06 done', '2026-03-07 done', '2026-03-08 done', '2026-03-09 done', '2026-03-10 due']);
    expect(dashboard.streak).toEqual({ current: 4, longest: 4, unit: 'day' });
  });

  it('fall back on 1 November 2026 (−04:00 → −05:00)', () => {
    const sessions = [
      session('2026-10-30T21:00:00-04:00'),
      session('2026-11-01T01:30:00-05:00'), // the second 01:30, Saturday's night
      session('2026-11-01T21:00:00-05:00'),
    ];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-10-30'), sessions, now: '2026-11-02T07:00:00-05:00' });
    expect(calendarFrom(dashboard, '2026-10-30')).toEqual(['2026-10-30 done', '2026-10-31 done', '2026-11-01 done', '2026-11-02 due']);
    expect(dashboard.streak).toEqual({ current: 3, longest: 3, unit: 'day' });
    expect(weekOf(dashboard, '2026-10-26')).toMatchObject({ planned: 3, done: 3 });
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-11-02', done: 0, planned: 7 });
  });
});

describe('Australia/Lord_Howe (half-hour daylight saving)', () => {
  it('back half an hour on 5 April 2026 (+11:00 → +10:30): the repeated 01:45 is one night', () => {
    const sessions = [
      session('2026-04-03T21:00:00+11:00'),
      session('2026-04-05T01:45:00+11:00'),
      session('2026-04-05T01:45:00+10:30'),
      session('2026-04-05T21:00:00+10:30'),
    ];
    // 03:59 on Monday is still Sunday's night.
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-04-03'), sessions, now: '2026-04-06T03:59:00+10:30' });
    expect(dashboard.today).toBe('2026-04-05');
    expect(calendarFrom(dashboard, '2026-04-03')).toEqual(['2026-04-03 done', '2026-04-04 done', '2026-04-05 done']);
    expect(dashboard.streak).toEqual({ current: 3, longest: 3, unit: 'day' });
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-03-30', done: 3, planned: 3 });
  });

  it('forward half an hour on 4 October 2026 (+10:30 → +11:00)', () => {
    const sessions = [session('2026-10-02T21:00:00+10:30'), session('2026-10-04T02:45:00+11:00'), session('2026-10-04T21:00:00+11:00')];
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-10-02'), sessions, now: '2026-10-05T08:00:00+11:00' });
    expect(calendarFrom(dashboard, '2026-10-02')).toEqual(['2026-10-02 done', '2026-10-03 done', '2026-10-04 done', '2026-10-05 due']);
    expect(dashboard.streak).toEqual({ current: 3, longest: 3, unit: 'day' });
  });
});
