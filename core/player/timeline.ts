import type { Dose, Exercise } from '../content/exercise-schema';
import type { Routine } from '../content/routine-schema';

/**
 * A routine laid out as a flat list of timed phases, each with its start and
 * end on the routine's own time axis. The player never counts down: it asks
 * "which phase holds this instant?", so a late tick cannot add drift.
 */

/** `prepare` is the lead-in before the first exercise and the rest before each later one. */
export type PhaseKind = 'prepare' | 'work' | 'rest' | 'switch-sides';
export type Side = 'left' | 'right';

export type Pacing =
  | { kind: 'hold' }
  | { kind: 'reps'; reps: number; msPerRep: number }
  | { kind: 'breathing'; breaths: number; inhaleMs: number; exhaleMs: number };

export interface Phase {
  index: number;
  kind: PhaseKind;
  /** The routine item this phase belongs to; a `prepare` phase belongs to the exercise it prepares for. */
  itemIndex: number;
  startMs: number;
  endMs: number;
  side: Side | null;
  set: number;
  setCount: number;
  /** Which hold of the set (1-based) for hold doses; 1 otherwise. */
  hold: number;
  holdCount: number;
  pacing: Pacing;
}

/** One exercise as the routine prescribes it (the routine may override the dose). */
export interface PlannedItem {
  exercise: Exercise;
  dose: Dose;
  /** Set when the person switched to this easier version mid-routine: the exercise the routine had. */
  easierVersionOf?: string;
}

export interface RoutinePlan {
  routine: Routine;
  items: PlannedItem[];
  phases: Phase[];
  totalMs: number;
}

export const SWITCH_SIDES_MS = 5_000;

type PhaseDraft = Omit<Phase, 'index' | 'startMs' | 'endMs' | 'itemIndex'> & { durationMs: number };

const seconds = (value: number) => value * 1000;
const repeat = <T>(count: number, make: (n: number) => T[]): T[] => Array.from({ length: count }, (_, i) => make(i + 1)).flat();

function sidesOf(perSide: boolean): (Side | null)[] {
  return perSide ? ['left', 'right'] : [null];
}

function holdPhases(dose: Extract<Dose, { kind: 'hold' }>, side: Side | null): PhaseDraft[] {
  const base = { side, setCount: dose.sets, holdCount: dose.reps, pacing: { kind: 'hold' } as const };
  return repeat(dose.sets, (set) => [
    ...(set > 1 ? [{ ...base, kind: 'rest' as const, set, hold: 1, durationMs: seconds(dose.restBetweenSetsSeconds) }] : []),
    ...repeat(dose.reps, (hold) => [
      ...(hold > 1 ? [{ ...base, kind: 'rest' as const, set, hold, durationMs: seconds(dose.restBetweenRepsSeconds) }] : []),
      { ...base, kind: 'work' as const, set, hold, durationMs: seconds(dose.holdSeconds) },
    ]),
  ]);
}

function repsPhases(dose: Extract<Dose, { kind: 'reps' }>, side: Side | null): PhaseDraft[] {
  const pacing = { kind: 'reps', reps: dose.reps, msPerRep: seconds(dose.secondsPerRep) } as const;
  const base = { side, setCount: dose.sets, hold: 1, holdCount: 1, pacing };
  return repeat(dose.sets, (set) => [
    ...(set > 1 ? [{ ...base, kind: 'rest' as const, set, durationMs: seconds(dose.restBetweenSetsSeconds) }] : []),
    { ...base, kind: 'work' as const, set, durationMs: dose.reps * seconds(dose.secondsPerRep) },
  ]);
}

function breathingPhases(dose: Extract<Dose, { kind: 'breathing' }>): PhaseDraft[] {
  const pacing = { kind: 'breathing', breaths: dose.breaths, inhaleMs: seconds(dose.inhaleSeconds), exhaleMs: seconds(dose.exhaleSeconds) } as const;
  const durationMs = dose.breaths * (pacing.inhaleMs + pacing.exhaleMs);
  return [{ kind: 'work', side: null, set: 1, setCount: 1, hold: 1, holdCount: 1, pacing, durationMs }];
}

function exercisePhases(dose: Dose): PhaseDraft[] {
  if (dose.kind === 'breathing') return breathingPhases(dose);
  const sides = sidesOf(dose.perSide);
  return sides.flatMap((side, sideIndex) => {
    const perSide = dose.kind === 'hold' ? holdPhases(dose, side) : repsPhases(dose, side);
    if (sideIndex === 0) return perSide;
    const switchSides: PhaseDraft = { ...perSide[0]!, kind: 'switch-sides', durationMs: SWITCH_SIDES_MS };
    return [switchSides, ...perSide];
  });
}

function prepareFor(routine: Routine, itemIndex: number, firstWork: PhaseDraft): PhaseDraft {
  const prepareSeconds = itemIndex === 0 ? routine.leadInSeconds : routine.restBetweenExercisesSeconds;
  return { ...firstWork, kind: 'prepare', durationMs: seconds(prepareSeconds) };
}

/** Lays a routine out on its time axis. `exercisesById` must hold every exercise the routine names. */
export function planRoutine(routine: Routine, exercisesById: ReadonlyMap<string, Exercise>): RoutinePlan {
  const items: PlannedItem[] = routine.items.map((item) => {
    const exercise = exercisesById.get(item.exerciseId);
    if (!exercise) throw new Error(`Routine "${routine.id}" names an unknown exercise "${item.exerciseId}"`);
    return { exercise, dose: item.dose ?? exercise.dose };
  });
  const phases: Phase[] = [];
  let cursor = 0;
  items.forEach((item, itemIndex) => {
    const work = exercisePhases(item.dose);
    for (const draft of [prepareFor(routine, itemIndex, work[0]!), ...work]) {
      if (draft.durationMs <= 0) continue;
      const { durationMs, ...phase } = draft;
      phases.push({ ...phase, index: phases.length, itemIndex, startMs: cursor, endMs: cursor + durationMs });
      cursor += durationMs;
    }
  });
  return { routine, items, phases, totalMs: cursor };
}

/** The index of the phase holding `positionMs` (binary search; phases are contiguous). */
export function phaseIndexAt(phases: readonly Phase[], positionMs: number): number {
  let low = 0;
  let high = phases.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (phases[middle]!.startMs <= positionMs) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The plan with item `index` swapped for its exercise's easier version, at
 * that exercise's own dose (its doses are the ones checked for it), marked as
 * such; earlier swaps are kept. Null when the exercise has no easier version.
 */
export function withEasierVersion(plan: RoutinePlan, index: number, exercisesById: ReadonlyMap<string, Exercise>): RoutinePlan | null {
  const current = plan.items[index];
  const easier = current?.exercise.easierVersion ? exercisesById.get(current.exercise.easierVersion) : undefined;
  if (!current || !easier) return null;
  const exercises = new Map(exercisesById);
  for (const item of plan.items) exercises.set(item.exercise.id, item.exercise);
  exercises.set(easier.id, easier);
  const items = plan.items.map((item, i) => (i === index ? { exerciseId: easier.id } : { exerciseId: item.exercise.id, dose: item.dose }));
  const swapped = planRoutine({ ...plan.routine, items }, exercises);
  swapped.items.forEach((item, i) => {
    const originally = i === index ? (current.easierVersionOf ?? current.exercise.id) : plan.items[i]!.easierVersionOf;
    if (originally) item.easierVersionOf = originally;
  });
  return swapped;
}

/**
 * The plan with the easier versions a saved run had chosen chosen again, item
 * by item, so a routine resumed after a crash plays what the person had
 * switched to rather than the exercise they had found too hard. A saved
 * choice the content no longer leads to (an exercise renamed or its easier
 * version changed since) is dropped, and that item plays the routine's own
 * exercise.
 */
export function withEasierVersionsChosen(
  plan: RoutinePlan,
  saved: readonly { exerciseId: string; easierVersionOf?: string | undefined }[],
  exercisesById: ReadonlyMap<string, Exercise>,
): RoutinePlan {
  let chosen = plan;
  saved.forEach(({ exerciseId, easierVersionOf }, index) => {
    if (!easierVersionOf || chosen.items[index]?.exercise.id !== easierVersionOf) return;
    // Step by step, as the person chose them: an easier version may have an easier version of its own.
    let step = withEasierVersion(chosen, index, exercisesById);
    for (let steps = 1; step && steps <= exercisesById.size; steps++) {
      if (step.items[index]!.exercise.id === exerciseId) {
        chosen = step;
        return;
      }
      step = withEasierVersion(step, index, exercisesById);
    }
  });
  return chosen;
}
