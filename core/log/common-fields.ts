import { z } from 'zod';

/**
 * Fields shared by every stored record. Instants are ISO 8601 with the UTC
 * offset the person was in; `localDay` is the calendar day they lived it,
 * so history groups correctly across time zones and daylight-saving changes.
 */
export const recordId = z.uuid();
export const instant = z.iso.datetime({ offset: true });
export const localDay = z.iso.date();
/** An IANA zone such as "Europe/London"; kept so a day can be explained later. */
export const timeZone = z.string().min(1).max(64);
export const painScore = z.number().int().min(0).max(10);
export const note = z.string().max(2000);

/** Dates a person could really mean: not before 2000, not more than a day ahead of now. */
export function isPlausibleInstant(value: string, nowMs: number): boolean {
  const ms = Date.parse(value);
  return ms >= Date.UTC(2000, 0, 1) && ms <= nowMs + 24 * 3600_000;
}
