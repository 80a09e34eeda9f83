import { z } from 'zod';
import { localDay } from '../log/common-fields';

/**
 * What "done" means for the person: which routines on which weekdays, or a
 * number of sessions a week. A plan is a list of versions, each in force from
 * its start day until the next one starts, so changing the plan keeps older
 * days judged by the plan that was in force on them. Pauses (illness,
 * travel) are spans of days that neither break nor extend a streak.
 */

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay()` counts. */
export const weekday = z.number().int().min(0).max(6);

export const scheduledRoutineSchema = z.strictObject({
  routineId: z.string().min(1).max(80),
  /** The weekdays it is planned on; all seven for "every evening". */
  weekdays: z.array(weekday).min(1).max(7).refine((days) => new Set(days).size === days.length, 'Each weekday may appear once'),
});

export const planTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('routines-on-days'), routines: z.array(scheduledRoutineSchema).min(1).max(20) }),
  z.strictObject({ kind: z.literal('sessions-per-week'), sessionsPerWeek: z.number().int().min(1).max(21) }),
]);

export const planVersionSchema = z.strictObject({
  /** The lived day (see lived-day.ts) from which this version is in force. */
  startsOn: localDay,
  target: planTargetSchema,
});

export const planPauseSchema = z
  .strictObject({ id: z.uuid(), from: localDay, to: localDay, reason: z.string().max(200) })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'Must not be before from' });

export const planSchema = z.strictObject({
  /** Oldest first; start days strictly increasing. */
  versions: z
    .array(planVersionSchema)
    .min(1)
    .max(500)
    .refine((v) => v.every((version, i) => i === 0 || v[i - 1]!.startsOn < version.startsOn), 'Start days must increase'),
  pauses: z.array(planPauseSchema).max(500),
});

export type Weekday = z.infer<typeof weekday>;
export type PlanTarget = z.infer<typeof planTargetSchema>;
export type PlanVersion = z.infer<typeof planVersionSchema>;
export type PlanPause = z.infer<typeof planPauseSchema>;
export type Plan = z.infer<typeof planSchema>;

export const BEDTIME_ROUTINE_ID = 'bedtime-spasm-relief';
const everyDay: Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** From the first start: the bedtime routine every evening, and nothing else. */
export function defaultPlan(startsOn: string): Plan {
  return { versions: [{ startsOn, target: { kind: 'routines-on-days', routines: [{ routineId: BEDTIME_ROUTINE_ID, weekdays: everyDay }] } }], pauses: [] };
}
