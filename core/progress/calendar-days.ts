import type { Weekday } from '../plan/plan-schema';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' days. A day is also a plain number,
 * days since 1970-01-01, which makes ranges and sums cheap. The conversions
 * are plain Gregorian calendar arithmetic (H. Hinnant's days-from-civil and
 * civil-from-days), the same days Date.UTC counts, and never touch the
 * process's own zone, so a day is the same day whatever zone the app or the
 * tests run in. Arithmetic rather than Date because the dashboard converts
 * thousands of days on every view; a test checks both ways against Date.UTC.
 */

/** Days since 1970-01-01 of a calendar date given by its parts (month 1–12, day 1–31). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year; // years counted from March, so February's leap day ends them
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date. */
export function dayNumber(day: string): number {
  return dayNumberOf(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)));
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The 'YYYY-MM-DD' date of a day number (years 0–9999). */
export function dayText(dayNo: number): string {
  const shifted = dayNo + 719_468; // days since 0000-03-01: years then end with February and its leap day
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`;
}

export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOfNumber(dayNo: number): Weekday {
  return (((dayNo + 4) % 7) + 7) % 7;
}

export function weekdayOf(day: string): Weekday {
  return weekdayOfNumber(dayNumber(day));
}

export type WeekStart = 'monday' | 'sunday';

/** The day number of the Monday (or Sunday) on or before `dayNo`. */
export function weekStartNumber(dayNo: number, weekStartsOn: WeekStart): number {
  const weekday = weekdayOfNumber(dayNo);
  return dayNo - (weekStartsOn === 'monday' ? (weekday + 6) % 7 : weekday);
}

export function weekStartOf(day: string, weekStartsOn: WeekStart): string {
  return dayText(weekStartNumber(dayNumber(day), weekStartsOn));
}

/** 'YYYY-MM' of a calendar date. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}
