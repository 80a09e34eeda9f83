import { z } from 'zod';
import { doseSchema } from '../content/exercise-schema';
import { instant, localDay, note, painScore, recordId, timeZone } from './common-fields';

export const exerciseOutcomes = ['completed', 'skipped', 'stopped-for-pain', 'not-reached'] as const;
export const effortRatings = ['too-easy', 'about-right', 'too-hard'] as const;
export const sessionEndings = ['completed', 'ended-early', 'interrupted'] as const;
/** The person's back the morning after an evening session, compared with usual (asked once, optional). */
export const morningFeelings = ['better', 'same', 'worse'] as const;

export const sessionExerciseSchema = z.strictObject({
  exerciseId: z.string().min(1).max(80),
  name: z.string().min(1).max(80),
  outcome: z.enum(exerciseOutcomes),
  dose: doseSchema,
  /** Holds, sets of reps or breathing blocks finished, counting each side. */
  workDone: z.number().int().min(0).max(500),
  workTotal: z.number().int().min(1).max(500),
  /** Present when the person chose this exercise's easier version in the player: the exercise the routine had. */
  easierVersionOf: z.string().min(1).max(80).optional(),
});

export const painEventSchema = z.strictObject({
  exerciseId: z.string().min(1).max(80),
  at: instant,
  /** Where in the routine it happened (ms from the start of the routine's timeline). */
  positionMs: z.number().int().min(0).max(24 * 3600_000),
});

/** What the renderer sends when a routine ends: everything but the id and bookkeeping. */
export const newSessionSchema = z.strictObject({
  routine: z.strictObject({ id: z.string().min(1).max(80), name: z.string().min(1).max(80), version: z.number().int().min(1) }),
  startedAt: instant,
  endedAt: instant,
  localDay,
  timeZone,
  exercisedMs: z.number().int().min(0).max(24 * 3600_000),
  ending: z.enum(sessionEndings),
  exercises: z.array(sessionExerciseSchema).min(1).max(40),
  painEvents: z.array(painEventSchema).max(100),
  painBefore: painScore.nullable(),
  painAfter: painScore.nullable(),
  effort: z.enum(effortRatings).nullable(),
  note,
});

export const sessionRecordSchema = newSessionSchema.extend({
  id: recordId,
  updatedAt: instant,
  /** Absent until answered: the morning after an evening session (log files from version 2 on). */
  morningAfter: z.enum(morningFeelings).optional(),
});

/**
 * What can be edited afterwards: when it started (its end and day follow, see
 * move-session.ts), how it felt, the note, and the back the morning after.
 */
export const sessionPatchSchema = z
  .strictObject({
    startedAt: instant,
    painBefore: painScore.nullable(),
    painAfter: painScore.nullable(),
    effort: z.enum(effortRatings).nullable(),
    note,
    morningAfter: z.enum(morningFeelings),
  })
  .partial();

export type NewSession = z.infer<typeof newSessionSchema>;
export type SessionRecord = z.infer<typeof sessionRecordSchema>;
export type SessionPatch = z.infer<typeof sessionPatchSchema>;
export type SessionExercise = z.infer<typeof sessionExerciseSchema>;
export type EffortRating = (typeof effortRatings)[number];
export type MorningFeeling = (typeof morningFeelings)[number];
