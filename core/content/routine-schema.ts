import { z } from 'zod';
import { doseSchema, startingPositions } from './exercise-schema';

export const routineKinds = ['bedtime', 'spasm-now', 'core-strength', 'mobility', 'relaxation'] as const;

export const routineItemSchema = z.strictObject({
  exerciseId: z.string().min(1),
  /** A therapist may prescribe a different dose than the exercise's default. */
  dose: doseSchema.optional(),
});

export const routineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens'),
  /** Bumped whenever the content changes, so logged sessions say which version was done. */
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(routineKinds),
  /** One line: why someone would choose this routine. */
  purpose: z.string().trim().min(1).max(160),
  /** When in the day it fits, and what to have at hand. */
  whenToUse: z.string().trim().min(1).max(240),
  startPosition: z.enum(startingPositions),
  leadInSeconds: z.number().int().min(3).max(30).default(10),
  /** Rest and "get into position" time between two exercises. */
  restBetweenExercisesSeconds: z.number().int().min(5).max(60).default(15),
  items: z.array(routineItemSchema).min(1).max(20),
});

export type RoutineItem = z.infer<typeof routineItemSchema>;
export type Routine = z.infer<typeof routineSchema>;
export type RoutineKind = (typeof routineKinds)[number];
