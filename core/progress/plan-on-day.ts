import type { Plan, PlanTarget, PlanVersion } from '../plan/plan-schema';
import { dayNumber, weekdayOf } from './calendar-days';

/**
 * What the plan asked for on a given lived day. Each question has a one-day
 * form (for the UI and the tests) and `planTimeline` answers them for a span
 * of days at once, so the dashboard never searches the versions and pauses
 * again for every day.
 */

/** The version in force on `day`: the latest that started on or before it; null before the plan. */
export function versionOn(plan: Plan, day: string): PlanVersion | null {
  let inForce: PlanVersion | null = null;
  for (const version of plan.versions) if (version.startsOn <= day && (!inForce || version.startsOn > inForce.startsOn)) inForce = version;
  return inForce;
}

/** Whether `day` is inside a pause (both ends included). */
export function isPaused(plan: Plan, day: string): boolean {
  return plan.pauses.some((pause) => pause.from <= day && day <= pause.to);
}

/** The routines a 'routines-on-days' target plans on the weekday of `day`, each once; none for a weekly count. */
export function routinesPlannedOn(target: PlanTarget, day: string): string[] {
  return routinesByWeekday(target)[weekdayOf(day)]!;
}

/** For each weekday (0 Sunday … 6 Saturday), the distinct routine ids planned on it. */
export function routinesByWeekday(target: PlanTarget): string[][] {
  const byWeekday: string[][] = [[], [], [], [], [], [], []];
  if (target.kind !== 'routines-on-days') return byWeekday;
  for (const scheduled of target.routines)
    for (const weekday of scheduled.weekdays) if (!byWeekday[weekday]!.includes(scheduled.routineId)) byWeekday[weekday]!.push(scheduled.routineId);
  return byWeekday;
}

export interface PlanTimeline {
  /** Per day of the span, the version in force (null before the plan). */
  versions: (PlanVersion | null)[];
  /** Per day of the span, whether it is paused. */
  paused: boolean[];
}

/** Version and pause of every day from `firstDay` to `lastDay` (day numbers), in O(days + versions + pauses). */
export function planTimeline(plan: Plan, firstDay: number, lastDay: number): PlanTimeline {
  const length = Math.max(0, lastDay - firstDay + 1);
  const starts = plan.versions.map((version) => dayNumber(version.startsOn));
  const versions: (PlanVersion | null)[] = [];
  let next = 0;
  let inForce: PlanVersion | null = null;
  for (let i = 0; i < length; i++) {
    while (next < starts.length && starts[next]! <= firstDay + i) inForce = plan.versions[next++]!;
    versions.push(inForce);
  }
  // Pauses may overlap: count how many cover each day (+1 where one starts, −1 after it ends).
  const coverChange = new Array<number>(length + 1).fill(0);
  for (const pause of plan.pauses) {
    const from = Math.max(dayNumber(pause.from), firstDay) - firstDay;
    const to = Math.min(dayNumber(pause.to), lastDay) - firstDay;
    if (from > to) continue;
    coverChange[from]!++;
    coverChange[to + 1]!--;
  }
  const paused: boolean[] = [];
  let covering = 0;
  for (let i = 0; i < length; i++) {
    covering += coverChange[i]!;
    paused.push(covering > 0);
  }
  return { versions, paused };
}
