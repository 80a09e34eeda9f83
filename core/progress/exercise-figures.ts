import type { ExerciseFigures } from './dashboard';
import type { LivedSession } from './day-ledger';

/**
 * How each exercise went over the sessions (oldest first): outcomes and "This
 * hurts" moments. The exercises that were stopped for pain or skipped most
 * come first, since those are the ones to talk over with a therapist.
 */
export function exerciseFigures(sessions: readonly LivedSession[]): ExerciseFigures[] {
  const byId = new Map<string, ExerciseFigures>();
  for (const { facts } of sessions) {
    for (const exercise of facts.exercises) {
      let figures = byId.get(exercise.exerciseId);
      if (!figures) byId.set(exercise.exerciseId, (figures = { exerciseId: exercise.exerciseId, name: exercise.name, done: 0, skipped: 0, stoppedForPain: 0, notReached: 0, hurts: 0 }));
      figures.name = exercise.name; // oldest first: the latest session's name wins
      countOutcome(figures, exercise.outcome);
    }
    for (const exerciseId in facts.hurts) {
      const figures = byId.get(exerciseId);
      if (figures) figures.hurts += facts.hurts[exerciseId]!;
    }
  }
  const troubles = (figures: ExerciseFigures) => figures.stoppedForPain + figures.skipped;
  return [...byId.values()].sort((a, b) => troubles(b) - troubles(a) || a.name.localeCompare(b.name, 'en') || (a.exerciseId < b.exerciseId ? -1 : a.exerciseId > b.exerciseId ? 1 : 0));
}

/** A switch rather than a lookup table: this runs for every exercise of ten years of sessions. */
function countOutcome(figures: ExerciseFigures, outcome: string): void {
  switch (outcome) {
    case 'completed':
      figures.done++;
      break;
    case 'skipped':
      figures.skipped++;
      break;
    case 'stopped-for-pain':
      figures.stoppedForPain++;
      break;
    case 'not-reached':
      figures.notReached++;
      break;
    default: // an unknown outcome could only come from a damaged cache: not counted
  }
}
