import type { z } from 'zod';
import { isPlausibleInstant } from '../../core/log/common-fields';

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
