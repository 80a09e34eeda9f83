import { addDays, dayNumber } from '../progress/calendar-days';
import type { Dashboard, PainPoint } from '../progress/dashboard';

/**
 * First week against last week, as a therapist compares them. On a 0–10
 * pain scale a change of 2 points, or of 30 % of where it started, is about
 * the smallest a patient notices (the threshold most trials use); smaller
 * changes are named as such, not as progress.
 */

export const NOTICEABLE_POINTS = 2;
export const NOTICEABLE_FRACTION = 0.3;

export interface WeekMedian {
  weekStart: string;
  median: number;
  sessions: number;
}

export interface PainComparison {
  first: WeekMedian;
  /** Null when only one week has scores: nothing to compare. */
  last: WeekMedian | null;
  /** last − first (negative: pain went down). */
  change: number;
  noticeable: boolean;
}

export interface WeekNights {
  weekStart: string;
  nights: number;
  /** Days of the week inside the report's span: a part week is compared as such. */
  days: number;
}

export interface SpasmComparison {
  first: WeekNights;
  last: WeekNights | null;
  totalNights: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function isNoticeable(first: number, last: number): boolean {
  const change = Math.abs(last - first);
  return change >= NOTICEABLE_POINTS || (first > 0 && change / first >= NOTICEABLE_FRACTION);
}

/** The weekly median of pain before sessions, first week with scores against the last. */
export function comparePain(points: readonly PainPoint[], weekOf: (day: string) => string): PainComparison | null {
  const byWeek = new Map<string, number[]>();
  for (const point of points) {
    const week = weekOf(point.day);
    byWeek.set(week, [...(byWeek.get(week) ?? []), point.before]);
  }
  const weeks = [...byWeek].map(([weekStart, scores]) => ({ weekStart, median: median(scores), sessions: scores.length }));
  const first = weeks[0];
  if (!first) return null;
  const last = weeks.length > 1 ? weeks[weeks.length - 1]! : null;
  const change = last ? last.median - first.median : 0;
  return { first, last, change, noticeable: last !== null && isNoticeable(first.median, last.median) };
}

/** Nights with a spasm, the span's first week against its last (each over its days inside the span). */
export function compareSpasmNights(weeks: Dashboard['weeks'], span: { from: string; to: string }): SpasmComparison | null {
  const daysIn = (weekStart: string) =>
    Math.min(dayNumber(addDays(weekStart, 6)), dayNumber(span.to)) - Math.max(dayNumber(weekStart), dayNumber(span.from)) + 1;
  const nightsOf = (week: Dashboard['weeks'][number]): WeekNights => ({ weekStart: week.weekStart, nights: week.spasmNights, days: daysIn(week.weekStart) });
  const first = weeks[0];
  if (!first) return null;
  const last = weeks.length > 1 ? weeks[weeks.length - 1]! : null;
  return { first: nightsOf(first), last: last && nightsOf(last), totalNights: weeks.reduce((total, week) => total + week.spasmNights, 0) };
}
