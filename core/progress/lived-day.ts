import { dayNumberOf, dayText } from './calendar-days';

/**
 * The lived day of an instant: the day the person would name for it. It is
 * read from the wall-clock text of the ISO string as written, with the offset
 * the person was in, and never converted to another zone: 21:00 in Tokyo and
 * 21:00 in New York are both "that evening", and a daylight-saving change or
 * a flight cannot move a session to a neighbouring day. Before `dayStartHour`
 * the night still belongs to the evening before, so a bedtime routine at 00:40
 * counts for the day that was ending.
 */

/** Where a new day starts unless the person chooses otherwise (Settings): late enough for a bedtime routine past midnight. */
export const DEFAULT_DAY_START_HOUR = 4;

const ZERO = 48;

/** The number written by `length` digits of `text` from `from`, or NaN if any is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The lived day as a day number (see calendar-days.ts), or null when `iso`
 * does not start 'YYYY-MM-DDTHH:'. Read digit by digit rather than with a
 * regular expression: the dashboard reads thousands of these on every view.
 */
export function livedDayNumber(iso: string, dayStartHour: number): number | null {
  if (iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':') return null;
  const year = digitsAt(iso, 0, 4);
  const month = digitsAt(iso, 5, 2);
  const day = digitsAt(iso, 8, 2);
  const hour = digitsAt(iso, 11, 2);
  if (Number.isNaN(year + month + day + hour)) return null;
  const calendarDay = dayNumberOf(year, month, day);
  return hour < dayStartHour ? calendarDay - 1 : calendarDay;
}

/** The lived day, 'YYYY-MM-DD', of an ISO 8601 date-time with its offset. */
export function livedDay(iso: string, dayStartHour: number): string {
  const dayNo = livedDayNumber(iso, dayStartHour);
  if (dayNo === null) throw new RangeError(`Not an ISO 8601 date-time: ${iso}`);
  return dayText(dayNo);
}
