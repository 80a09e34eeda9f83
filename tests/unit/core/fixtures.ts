import { exerciseSchema, type Exercise } from '../../../core/content/exercise-schema';
import { routineSchema, type Routine } from '../../../core/content/routine-schema';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';

/** Small hand-made content, so each test can see every phase it checks. */
export function makeExercise(id: string, dose: unknown, category: Exercise['category'] = 'strength'): Exercise {
  return exerciseSchema.parse({
    id,
    name: id.replace(/-/g, ' '),
    category,
    targetArea: 'core',
    startingPosition: 'lying on your back',
    summary: 'A test exercise.',
    steps: ['Do this.', 'Then that.'],
    shouldFeel: 'Gentle work.',
    stopIf: 'It hurts.',
    dose,
    illustration: `${id}.svg`,
  });
}

export function makeRoutine(exercises: Exercise[], overrides: Partial<Routine> = {}): Routine {
  return routineSchema.parse({
    id: 'test-routine',
    version: 1,
    name: 'Test routine',
    kind: 'core-strength',
    purpose: 'Testing.',
    whenToUse: 'In tests.',
    startPosition: 'lying on your back',
    leadInSeconds: 10,
    restBetweenExercisesSeconds: 15,
    items: exercises.map((e) => ({ exerciseId: e.id })),
    ...overrides,
  });
}

export function makePlan(exercises: Exercise[], overrides: Partial<Routine> = {}): RoutinePlan {
  return planRoutine(makeRoutine(exercises, overrides), new Map(exercises.map((e) => [e.id, e])));
}

/** hold 10 s × 2 per side (5 s relax), then 3 reps × 4 s, then 3 breaths of 4 s in / 6 s out. */
export const sampleExercises = [
  makeExercise('side-hold', { kind: 'hold', holdSeconds: 10, reps: 2, restBetweenRepsSeconds: 5, perSide: true }),
  makeExercise('bridge', { kind: 'reps', reps: 8, secondsPerRep: 4, sets: 2, restBetweenSetsSeconds: 30 }),
  makeExercise('breathe', { kind: 'breathing', inhaleSeconds: 4, exhaleSeconds: 6, breaths: 3 }, 'breathing'),
];
