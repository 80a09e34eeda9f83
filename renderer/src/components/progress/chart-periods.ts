import { format, parseISO } from 'date-fns';
import type { Dashboard, PeriodFigures } from '../../../../core/progress/dashboard';
import { monthName, shortDay } from '../../format/progress-labels';

/**
 * What the two charts sharing an axis (adherence and night spasms) draw one
 * bar for: a week, or over long ranges a month.
 */
export type PeriodUnit = 'week' | 'month';

export interface ChartPeriod extends PeriodFigures {
  /** On the axis: "2 Nov" for a week, "Nov 2026" for a month. */
  label: string;
  /** In the table: "2 Nov" for a week, "November 2026" for a month. */
  heading: string;
}

/**
 * Beyond two years of weeks a bar would be narrower than two pixels on a
 * laptop and under one on a phone: the charts then show months, and the
 * week-by-week table keeps every week.
 */
const MOST_WEEKS_DRAWN = 104;

/** The periods the week charts draw for a dashboard: its weeks, or its months over long ranges. */
export function chartPeriods(dashboard: Pick<Dashboard, 'weeks' | 'months'>): { unit: PeriodUnit; periods: ChartPeriod[] } {
  if (dashboard.weeks.length <= MOST_WEEKS_DRAWN) {
    return { unit: 'week', periods: dashboard.weeks.map(({ weekStart, ...figures }) => ({ ...figures, label: shortDay(weekStart), heading: shortDay(weekStart) })) };
  }
  return {
    unit: 'month',
    periods: dashboard.months.map(({ month, ...figures }) => ({ ...figures, label: format(parseISO(`${month}-01`), 'MMM yyyy'), heading: monthName(month) })),
  };
}

/** The first column's heading in a chart's table. */
export const periodColumn = (unit: PeriodUnit): string => (unit === 'week' ? 'Week starting' : 'Month');
