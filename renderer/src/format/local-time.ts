import { format, formatISO, parseISO } from 'date-fns';

/** Now, as ISO 8601 with this computer's current offset (the date part is the local calendar day). */
export function nowLocalIso(date: Date = new Date()): string {
  return formatISO(date);
}

export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Tuesday 24 November 2026" for a YYYY-MM-DD local day (parsed as a calendar day, not an instant). */
export function dayHeading(localDay: string): string {
  return format(parseISO(localDay), 'EEEE d MMMM yyyy');
}

/** "22:05" in the offset the moment was recorded in, so it reads as the person lived it. */
export function wallClockTime(isoWithOffset: string): string {
  return isoWithOffset.slice(11, 16);
}

/** Value for an <input type="datetime-local"> from an ISO instant (its own wall-clock time). */
export function toDateTimeLocal(isoWithOffset: string): string {
  return isoWithOffset.slice(0, 16);
}

/** An <input type="datetime-local"> value read as this computer's local time, back to ISO with offset. */
export function fromDateTimeLocal(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : formatISO(date);
}

/**
 * Milliseconds of local midnight starting a YYYY-MM-DD day, where a chart's
 * time axis draws it. Plain arithmetic rather than parseISO: a ten-year
 * chart converts some 20,000 days each time it is drawn.
 */
export function localMidnightMs(day: string): number {
  return new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))).getTime();
}
