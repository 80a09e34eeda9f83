import { z } from 'zod';

/**
 * The shape of one exercise file in `exercises/library/`.
 *
 * Doses are bounded by the ranges physiotherapy guidance uses for home
 * programmes (see `dose-guidance.ts`), so a typo such as a 300-second hold
 * fails the build instead of reaching a patient.
 */

export const bodyAreas = ['lower back', 'core', 'hips', 'glutes', 'hamstrings', 'upper back', 'whole body'] as const;
export const startingPositions = ['lying on your back', 'lying on your side', 'lying on your front', 'on hands and knees', 'kneeling', 'sitting', 'standing'] as const;
export const exerciseCategories = ['stretch', 'strength', 'mobility', 'breathing', 'relaxation'] as const;

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);
const text = (max: number) => z.string().trim().min(1).max(max);

/** Hold a position for a number of seconds, possibly several times. */
export const holdDoseSchema = z.strictObject({
  kind: z.literal('hold'),
  holdSeconds: seconds(3, 60),
  /** How many holds make one set (per side when `perSide`). */
  reps: z.number().int().min(1).max(15),
  restBetweenRepsSeconds: seconds(0, 30).default(0),
  sets: z.number().int().min(1).max(4).default(1),
  restBetweenSetsSeconds: seconds(0, 90).default(0),
  perSide: z.boolean().default(false),
});

/** Repeat a movement at a pace the app sets. */
export const repsDoseSchema = z.strictObject({
  kind: z.literal('reps'),
  reps: z.number().int().min(3).max(20),
  secondsPerRep: seconds(2, 10),
  sets: z.number().int().min(1).max(4).default(1),
  restBetweenSetsSeconds: seconds(0, 90).default(0),
  perSide: z.boolean().default(false),
});

/** Paced breathing: the player draws a pacer that grows on the in-breath. */
export const breathingDoseSchema = z.strictObject({
  kind: z.literal('breathing'),
  inhaleSeconds: seconds(2, 8),
  exhaleSeconds: seconds(2, 10),
  breaths: z.number().int().min(3).max(30),
});

export const doseSchema = z.discriminatedUnion('kind', [holdDoseSchema, repsDoseSchema, breathingDoseSchema]);

const exerciseId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens');

export const exerciseSchema = z.strictObject({
  /** Kebab-case id; also the file name and the illustration's file name. */
  id: exerciseId,
  name: text(60),
  category: z.enum(exerciseCategories),
  targetArea: z.enum(bodyAreas),
  startingPosition: z.enum(startingPositions),
  /** One sentence shown under the name. */
  summary: text(160),
  steps: z.array(text(200)).min(2).max(8),
  /** What the person should feel when doing it right. */
  shouldFeel: text(200),
  /** When to stop at once. */
  stopIf: text(200),
  dose: doseSchema,
  /** Optional prompts the player shows and speaks, one per rep or hold, in order. */
  repPrompts: z.array(text(80)).max(15).optional(),
  /**
   * For paced reps: the two halves of every rep, said and shown in time with
   * the pacer ("Tilt" at the start, "and release" halfway).
   */
  repCall: z.strictObject({ go: text(40), back: text(40) }).optional(),
  /**
   * Links to other exercises in the library, checked when content is
   * validated (`validate-content.ts`): each must name another exercise that
   * exists. An easier or harder version starts in the same position, so it can
   * be swapped in mid-routine, and is mirrored: if A's easier version is B,
   * B's harder version is A.
   */
  easierVersion: exerciseId.optional(),
  harderVersion: exerciseId.optional(),
  /**
   * For an exercise that bends the spine forward: one that bends it backward,
   * for people whose pain is worse bending forward. It must not bend forward
   * itself (it has no alternative of its own).
   */
  backwardBendingAlternative: exerciseId.optional(),
  /** File name in `assets/illustrations/`. */
  illustration: z.string().regex(/^[a-z0-9-]+\.svg$/, 'Name an .svg file in assets/illustrations'),
});

export type HoldDose = z.infer<typeof holdDoseSchema>;
export type RepsDose = z.infer<typeof repsDoseSchema>;
export type BreathingDose = z.infer<typeof breathingDoseSchema>;
export type Dose = z.infer<typeof doseSchema>;
export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseCategory = (typeof exerciseCategories)[number];
/** The fields that name another exercise of the library. */
export const exerciseLinkFields = ['easierVersion', 'harderVersion', 'backwardBendingAlternative'] as const;
export type ExerciseLinkField = (typeof exerciseLinkFields)[number];
