import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../core/progress/calendar-days';
import { isPaused, planTimeline, routinesPlannedOn, versionOn } from '../../../core/progress/plan-on-day';
import { BEDTIME, MORNING, bedtimeEveryDay, pause, plan, weekly } from './histories';

const mondayWednesdayFriday = { kind: 'routines-on-days' as const, routines: [{ routineId: BEDTIME, weekdays: [1, 3, 5] }, { routineId: MORNING, weekdays: [1] }] };
const changing = plan(
  [
    ['2026-11-02', mondayWednesdayFriday],
    ['2026-11-16', bedtimeEveryDay],
    ['2026-11-25', weekly(3)],
  ],
  [pause('2026-11-19', '2026-11-21'), pause('2026-11-21', '2026-11-22')],
);

describe('the plan on a day', () => {
  it('is the latest version that started on or before it', () => {
    expect(versionOn(changing, '2026-11-01')).toBeNull();
    expect(versionOn(changing, '2026-11-02')?.target).toEqual(mondayWednesdayFriday);
    expect(versionOn(changing, '2026-11-15')?.target).toEqual(mondayWednesdayFriday);
    expect(versionOn(changing, '2026-11-16')?.target).toEqual(bedtimeEveryDay);
    expect(versionOn(changing, '2026-12-31')?.target).toEqual(weekly(3));
  });

  it('is paused from the first to the last day of a pause, both included', () => {
    expect(['2026-11-18', '2026-11-19', '2026-11-21', '2026-11-22', '2026-11-23'].map((day) => isPaused(changing, day))).toEqual([false, true, true, true, false]);
  });

  it('plans the routines of the weekday of the date, each once', () => {
    expect(routinesPlannedOn(mondayWednesdayFriday, '2026-11-23')).toEqual([BEDTIME, MORNING]); // Monday
    expect(routinesPlannedOn(mondayWednesdayFriday, '2026-11-24')).toEqual([]); // Tuesday
    expect(routinesPlannedOn(mondayWednesdayFriday, '2026-11-27')).toEqual([BEDTIME]); // Friday
    expect(routinesPlannedOn(weekly(3), '2026-11-27')).toEqual([]);
  });

  it('answers the same for a span at once', () => {
    const first = dayNumber('2026-10-30');
    const timeline = planTimeline(changing, first, dayNumber('2026-11-30'));
    for (let i = 0; i < timeline.versions.length; i++) {
      const day = new Date((first + i) * 86_400_000).toISOString().slice(0, 10);
      expect(timeline.versions[i]).toBe(versionOn(changing, day));
      expect(timeline.paused[i]).toBe(isPaused(changing, day));
    }
  });
});
