import { z } from 'zod';
import { instant, painScore } from './common-fields';
import { painEventSchema, sessionExerciseSchema } from './session-schema';

/**
 * A routine still being played, saved after each exercise and on pause, so a
 * crash or a killed process loses at most the exercise in progress. On the
 * next start the person may resume at `itemIndex` or keep what was done.
 */
export const routineProgressSchema = z.strictObject({
  routine: z.strictObject({ id: z.string().min(1).max(80), name: z.string().min(1).max(80), version: z.number().int().min(1) }),
  startedAt: instant,
  savedAt: instant,
  /** The exercise to resume at (its get-ready time). */
  itemIndex: z.number().int().min(0).max(40),
  exercisedMs: z.number().int().min(0).max(24 * 3600_000),
  exercises: z.array(sessionExerciseSchema).min(1).max(40),
  painEvents: z.array(painEventSchema).max(100),
  painBefore: painScore.nullable(),
});

export type RoutineProgress = z.infer<typeof routineProgressSchema>;
