import { weeklyTarget, type LedgerDay } from './day-ledger';
import { painChange } from './pain-change';

/**
 * Planned and done over a run of days (a week, or the range's days in a
 * month). Days of a 'routines-on-days' target add up one by one. Days of a
 * 'sessions-per-week' target each carry a seventh of the weekly count (see
 * `weeklyTarget`), and only sessions the week needed are credited, so a
 * fourth session in a three-a-week plan does not make up for another week.
 * A month holding only part of a week can still have had more of its sessions
 * than its sevenths ask for, so done is capped at planned there too.
 */
export function plannedAndDone(days: readonly LedgerDay[]): { planned: number; done: number } {
  let planned = 0;
  let done = 0;
  let weeklyCredited = 0;
  for (const day of days) {
    planned += day.planned;
    done += day.done;
    weeklyCredited += day.weeklyCredited;
  }
  const weeklyPlanned = weeklyTarget(days);
  return { planned: planned + weeklyPlanned, done: done + Math.min(weeklyCredited, weeklyPlanned) };
}

/** done ÷ planned as a whole percentage; null when nothing was planned (there is nothing to adhere to). */
export function adherencePercent(done: number, planned: number): number | null {
  return planned > 0 ? Math.round((done / planned) * 100) : null;
}

/** Minutes exercised in every session of the days, counting or not, rounded once at the end. */
export function exercisedMinutes(days: readonly LedgerDay[]): number {
  let ms = 0;
  for (const day of days) for (const session of day.sessions) ms += session.facts.exercisedMs;
  return Math.round(ms / 60_000);
}

/** Sessions of the days whose pain rose, and whose pain eased, by two points or more. */
export function painChanges(days: readonly LedgerDay[]): { painRose: number; painEased: number } {
  let painRose = 0;
  let painEased = 0;
  for (const day of days)
    for (const { facts } of day.sessions) {
      const change = painChange(facts.painBefore, facts.painAfter);
      if (change === 'rose') painRose++;
      if (change === 'eased') painEased++;
    }
  return { painRose, painEased };
}
