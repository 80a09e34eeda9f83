import { describe, expect, it } from 'vitest';
import { bedtimeEveryDay, calendarFrom, dashboardOf, plan, session, spasm, weekOf } from './histories';

/** Ranges, months, pain, spasms, exercises and milestones, each answer worked out by hand. */

const evening = (day: string, options: Parameters<typeof session>[1] = {}) => session(`${day}T21:30:00+01:00`, options);
const everyDayFrom = (startsOn: string) => plan([[startsOn, bedtimeEveryDay]]);

/** Every evening from 1 August to 24 November 2026: 116 sessions. */
function everyEvening(): ReturnType<typeof session>[] {
  const sessions = [];
  for (let day = Date.UTC(2026, 7, 1); day <= Date.UTC(2026, 10, 24); day += 86_400_000) sessions.push(evening(new Date(day).toISOString().slice(0, 10)));
  return sessions;
}

describe('ranges', () => {
  it("'all' starts with the week of the earliest entry, here a spasm before the first session and the plan", () => {
    const sessions = [evening('2026-10-20'), ...['16', '17', '18', '19', '20', '21', '22', '23', '24'].map((d) => evening(`2026-11-${d}`))];
    const spasms = [spasm('2026-10-07T03:10:00+01:00', 5)]; // Tuesday the 6th's night
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-16'), sessions, spasms, now: '2026-11-25T12:00:00+01:00', range: 'all' });
    expect(dashboard.range).toEqual({ key: 'all', from: '2026-10-05', to: '2026-11-25' });
    expect(dashboard.weeks.map((w) => w.weekStart)).toEqual(['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(weekOf(dashboard, '2026-10-05')).toMatchObject({ spasmNights: 1, spasmAverageIntensity: 5, planned: 0 });
    expect(weekOf(dashboard, '2026-10-19')).toMatchObject({ planned: 0, done: 0, adherencePercent: null, minutes: 10 });
    expect(dashboard.months).toMatchObject([
      { month: '2026-10', planned: 0, done: 0, adherencePercent: null, minutes: 10, spasmNights: 1, spasmAverageIntensity: 5, painRose: 0, painEased: 0 },
      { month: '2026-11', planned: 10, done: 9, adherencePercent: 90, minutes: 90, spasmNights: 0, spasmAverageIntensity: null, painRose: 0, painEased: 0 },
    ]);
    expect(calendarFrom(dashboard, '2026-10-20')[0]).toBe('2026-10-20 before-plan');
    expect(dashboard.calendar[0]!.day).toBe('2025-12-01');
    expect(dashboard.calendar).toHaveLength(51 * 7 + 3);
  });

  it("'all' starts with the plan's week when the plan came first", () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-09-09'), sessions: [evening('2026-11-24')], now: '2026-11-25T12:00:00+01:00', range: 'all' });
    expect(dashboard.range.from).toBe('2026-09-07');
    expect(dashboard.weeks).toHaveLength(12);
  });

  it("'3-months' is 13 weeks, with each month summed over its days in the range", () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-08-01'), sessions: everyEvening(), now: '2026-11-25T12:00:00+01:00', range: '3-months' });
    expect(dashboard.range).toEqual({ key: '3-months', from: '2026-08-31', to: '2026-11-25' });
    expect(dashboard.weeks).toHaveLength(13);
    expect(dashboard.months).toMatchObject([
      { month: '2026-08', planned: 1, done: 1, adherencePercent: 100, minutes: 10 },
      { month: '2026-09', planned: 30, done: 30, adherencePercent: 100, minutes: 300 },
      { month: '2026-10', planned: 31, done: 31, adherencePercent: 100, minutes: 310 },
      { month: '2026-11', planned: 25, done: 24, adherencePercent: 96, minutes: 240 },
    ]);
    expect(dashboard.calendar[0]!.day).toBe('2026-06-01');
  });

  it("'12-months' is 52 weeks, and so is its calendar", () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-08-01'), sessions: everyEvening(), now: '2026-11-25T12:00:00+01:00', range: '12-months' });
    expect(dashboard.range.from).toBe('2025-12-01');
    expect(dashboard.weeks).toHaveLength(52);
    expect(dashboard.calendar).toHaveLength(51 * 7 + 3);
    expect(dashboard.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });
});

describe('pain', () => {
  const sessions = [
    evening('2026-10-30', { painBefore: 8 }), // before the range: only in the first days' averages
    evening('2026-11-20', { painBefore: 4, painAfter: 2 }),
    evening('2026-11-21', { painBefore: 3, painAfter: 5 }),
    evening('2026-11-22', { painBefore: 6 }),
    evening('2026-11-23', { painBefore: 4, painAfter: 5 }),
    evening('2026-11-24', { painAfter: 3 }),
    evening('2026-11-25', { painBefore: 3, painAfter: 3 }),
  ];
  const dashboard = dashboardOf({ plan: everyDayFrom('2026-10-26'), sessions, now: '2026-11-25T21:45:00+01:00' });

  it('lists sessions with a score before, calling 2 points a change and 1 point none', () => {
    expect(dashboard.pain.map((p) => [p.day, p.before, p.after, p.change])).toEqual([
      ['2026-11-20', 4, 2, 'eased'],
      ['2026-11-21', 3, 5, 'rose'],
      ['2026-11-22', 6, null, null],
      ['2026-11-23', 4, 5, null],
      ['2026-11-25', 3, 3, null],
    ]);
    expect(dashboard.pain[0]).toMatchObject({ startedAt: '2026-11-20T21:30:00+01:00', routineName: 'Bedtime spasm relief' });
    expect(weekOf(dashboard, '2026-11-16')).toMatchObject({ painRose: 1, painEased: 1 });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ painRose: 0, painEased: 0 });
  });

  it('averages over the day and the six before it, to one decimal', () => {
    expect(dashboard.painAverage).toEqual([
      { day: '2026-11-02', before: 8, after: null },
      { day: '2026-11-03', before: 8, after: null },
      { day: '2026-11-04', before: 8, after: null },
      { day: '2026-11-05', before: 8, after: null },
      { day: '2026-11-20', before: 4, after: 2 },
      { day: '2026-11-21', before: 3.5, after: 3.5 },
      { day: '2026-11-22', before: 4.3, after: 3.5 },
      { day: '2026-11-23', before: 4.3, after: 4 },
      { day: '2026-11-24', before: 4.3, after: 3.8 },
      { day: '2026-11-25', before: 4, after: 3.6 },
    ]);
  });
});

describe('spasms', () => {
  const spasms = [
    spasm('2026-11-17T03:10:00+01:00', 6),
    spasm('2026-11-17T23:00:00+01:00', 4),
    spasm('2026-11-18T02:00:00+01:00', 5),
    spasm('2026-11-23T03:10:00+01:00', 7),
    spasm('2026-11-24T05:00:00+01:00', 2),
  ];

  it('belong to the night that began the evening before when the day starts at 4', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-16'), spasms, now: '2026-11-25T12:00:00+01:00' });
    // Nights of the 16th, 17th (twice) and Sunday 22nd; then the 24th.
    expect(weekOf(dashboard, '2026-11-16')).toMatchObject({ spasmNights: 3, spasmAverageIntensity: 5.5 });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ spasmNights: 1, spasmAverageIntensity: 2 });
    expect(weekOf(dashboard, '2026-11-09')).toMatchObject({ spasmNights: 0, spasmAverageIntensity: null });
  });

  it('belong to the calendar date when the day starts at midnight', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-16'), spasms, now: '2026-11-25T12:00:00+01:00', settings: { dayStartHour: 0 } });
    expect(weekOf(dashboard, '2026-11-16')).toMatchObject({ spasmNights: 2, spasmAverageIntensity: 5 });
    expect(weekOf(dashboard, '2026-11-23')).toMatchObject({ spasmNights: 2, spasmAverageIntensity: 4.5 });
  });
});

describe('exercises', () => {
  const exercises = (list: [string, string, 'completed' | 'skipped' | 'stopped-for-pain' | 'not-reached'][]) => list.map(([exerciseId, name, outcome]) => ({ exerciseId, name, outcome }));
  const sessions = [
    evening('2026-10-01', { exercises: exercises([['bridge', 'Bridge', 'stopped-for-pain']]) }), // before the range
    evening('2026-11-20', {
      exercises: exercises([
        ['cat-cow', 'Cat-cow', 'completed'],
        ['bird-dog', 'Bird dog', 'stopped-for-pain'],
        ['bridge', 'Bridge', 'skipped'],
      ]),
      hurts: { 'bird-dog': 2 },
    }),
    evening('2026-11-21', {
      exercises: exercises([
        ['cat-cow', 'Cat-cow', 'completed'],
        ['bird-dog', 'Bird dog', 'completed'],
        ['bridge', 'Bridge', 'not-reached'],
      ]),
      hurts: { 'bird-dog': 1 },
    }),
    evening('2026-11-22', {
      exercises: exercises([
        ['cat-cow', 'Cat-cow', 'skipped'],
        ['bird-dog', 'Bird dog (easier)', 'completed'],
        ['child-pose', "Child's pose", 'completed'],
      ]),
    }),
  ];

  it('counts outcomes and "This hurts" moments, troubles first, under the latest name', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-09-01'), sessions, now: '2026-11-25T12:00:00+01:00' });
    expect(dashboard.exercises).toEqual([
      { exerciseId: 'bird-dog', name: 'Bird dog (easier)', done: 2, skipped: 0, stoppedForPain: 1, notReached: 0, hurts: 3 },
      { exerciseId: 'bridge', name: 'Bridge', done: 0, skipped: 1, stoppedForPain: 0, notReached: 1, hurts: 0 },
      { exerciseId: 'cat-cow', name: 'Cat-cow', done: 2, skipped: 1, stoppedForPain: 0, notReached: 0, hurts: 0 },
      { exerciseId: 'child-pose', name: "Child's pose", done: 1, skipped: 0, stoppedForPain: 0, notReached: 0, hurts: 0 },
    ]);
  });
});

describe('milestones', () => {
  it('are reached on the lived day, oldest first, over the whole history', () => {
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-08-01'), sessions: everyEvening(), now: '2026-11-25T12:00:00+01:00' });
    expect(dashboard.streak).toEqual({ current: 116, longest: 116, unit: 'day' });
    expect(dashboard.milestones).toEqual([
      { id: 'first-session', title: 'Your first session', reachedOn: '2026-08-01' },
      // Saturday 1 August and Sunday 2 August: the whole first (short) week.
      { id: 'first-full-week', title: 'First full week of your plan', reachedOn: '2026-08-02' },
      { id: 'streak-7', title: '7 planned days in a row', reachedOn: '2026-08-07' },
      { id: 'sessions-10', title: '10 sessions done', reachedOn: '2026-08-10' },
      { id: 'streak-30', title: '30 planned days in a row', reachedOn: '2026-08-30' },
      { id: 'sessions-50', title: '50 sessions done', reachedOn: '2026-09-19' },
      { id: 'sessions-100', title: '100 sessions done', reachedOn: '2026-11-08' },
    ]);
  });

  it('count only sessions that count as done, and nothing that did not happen', () => {
    const sessions = ['10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20'].map((d) =>
      d === '12' || d === '13' ? evening(`2026-11-${d}`, { ending: 'ended-early', completedExercises: 1 }) : evening(`2026-11-${d}`),
    );
    const dashboard = dashboardOf({ plan: everyDayFrom('2026-11-10'), sessions, now: '2026-11-21T12:00:00+01:00' });
    expect(dashboard.milestones).toEqual([
      { id: 'first-session', title: 'Your first session', reachedOn: '2026-11-10' },
      { id: 'streak-7', title: '7 planned days in a row', reachedOn: '2026-11-20' },
    ]);
  });
});
