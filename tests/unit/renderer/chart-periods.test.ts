import { describe, expect, it } from 'vitest';
import type { MonthFigures, PeriodFigures, WeekFigures } from '../../../core/progress/dashboard';
import { chartPeriods, periodColumn } from '../../../renderer/src/components/progress/chart-periods';

const figures = (done: number): PeriodFigures => ({
  planned: 7,
  done,
  adherencePercent: Math.round((done / 7) * 100),
  minutes: done * 10,
  painRose: 0,
  painEased: 1,
  spasmNights: 7 - done,
  spasmAverageIntensity: 4.5,
});

/** `count` weeks from Monday 2 January 2023 (day arithmetic in UTC, so the zone the tests run in cannot shift them). */
function weeks(count: number): WeekFigures[] {
  return Array.from({ length: count }, (_, i) => ({ weekStart: new Date(Date.UTC(2023, 0, 2 + i * 7)).toISOString().slice(0, 10), ...figures(i % 8) }));
}

const months: MonthFigures[] = [
  { month: '2023-01', ...figures(3) },
  { month: '2023-02', ...figures(5) },
];

describe('the period charts’ axis', () => {
  it('draws weeks up to two years of them, labelled by their first day, with their own figures', () => {
    const { unit, periods } = chartPeriods({ weeks: weeks(104), months });
    expect(unit).toBe('week');
    expect(periods).toHaveLength(104);
    expect(periods[0]).toEqual({ label: '2 Jan', heading: '2 Jan', ...figures(0) });
    expect(periods[103]!.label).toBe('23 Dec'); // Monday 23 December 2024
    expect(periodColumn(unit)).toBe('Week starting');
  });

  it('draws months beyond two years of weeks, since a week bar would be thinner than two pixels', () => {
    const { unit, periods } = chartPeriods({ weeks: weeks(105), months });
    expect(unit).toBe('month');
    expect(periods).toEqual([
      { label: 'Jan 2023', heading: 'January 2023', ...figures(3) },
      { label: 'Feb 2023', heading: 'February 2023', ...figures(5) },
    ]);
    expect(periodColumn(unit)).toBe('Month');
  });
});
