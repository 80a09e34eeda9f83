import type { z } from 'zod';
import { isPlausibleInstant } from '../log/common-fields';

/**
 * Checks a schema cannot express alone: dates a person could really mean,
 * a local day that is the date of its instant as written with its offset
 * (that IS the calendar day they lived), and a time zone the system knows.
 */

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

export function checkPlausible(ctx: Ctx, path: Path, value: string | null | undefined, nowMs: number): void {
  if (value == null || isPlausibleInstant(value, nowMs)) return;
  ctx.addIssue({ code: 'custom', path, message: 'Must be a real date from 2000 on and no more than a day ahead of now' });
}

export function checkDayOfInstant(ctx: Ctx, path: Path, localDay: string, instant: string): void {
  if (localDay === instant.slice(0, 10)) return;
  ctx.addIssue({ code: 'custom', path, message: `Must be the date of the instant as written with its offset (${instant.slice(0, 10)}), not ${localDay}` });
}

/**
 * A run cannot end before it started, nor hold more exercise than the time it
 * spanned (the renderer guarantees both even when the clock jumps; see
 * core/log/end-time.ts). A second of slack covers instants written to the second.
 */
export function checkRunSpan(ctx: Ctx, startedAt: string, endPath: Path, endedAt: string, exercisedMs: number): void {
  const spanMs = Date.parse(endedAt) - Date.parse(startedAt);
  if (Number.isNaN(spanMs)) return; // an unreadable date is reported by its own check
  if (spanMs < 0) {
    ctx.addIssue({ code: 'custom', path: endPath, message: 'Must not be before startedAt' });
  } else if (exercisedMs > spanMs + 1000) {
    ctx.addIssue({ code: 'custom', path: ['exercisedMs'], message: `Cannot be longer than the ${Math.round(spanMs / 1000)} s from startedAt to ${String(endPath[0])}` });
  }
}

const knownZones = new Map<string, boolean>();
const zoneShape = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      known = zoneShape.test(zone) && Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }));
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}

export function checkTimeZone(ctx: Ctx, path: Path, zone: string | undefined): void {
  if (zone === undefined || isKnownTimeZone(zone)) return;
  ctx.addIssue({ code: 'custom', path, message: 'Must be a time zone name such as "Europe/London"' });
}
