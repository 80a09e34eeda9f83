import type { Dose, Exercise, ExerciseCategory } from './exercise-schema';

type Problem = { field: string; message: string };

/**
 * Physiotherapy guidance for home programmes, as checks on a dose.
 * Static stretches are held about 20–30 s; endurance holds for the trunk
 * about 10 s, repeated; strengthening movements about 8–15 reps.
 * Returns a message naming the field at fault, or null when the dose fits.
 */
export function checkDoseGuidance(category: ExerciseCategory, dose: Dose): Problem | null {
  if (category === 'stretch' && dose.kind === 'hold' && (dose.holdSeconds < 20 || dose.holdSeconds > 30)) {
    return { field: 'dose.holdSeconds', message: `a static stretch is held 20–30 s, not ${dose.holdSeconds} s` };
  }
  if (category === 'strength' && dose.kind === 'hold' && (dose.holdSeconds < 5 || dose.holdSeconds > 15)) {
    return { field: 'dose.holdSeconds', message: `an endurance hold lasts 5–15 s, not ${dose.holdSeconds} s` };
  }
  if ((category === 'strength' || category === 'mobility') && dose.kind === 'reps' && (dose.reps < 5 || dose.reps > 15)) {
    return { field: 'dose.reps', message: `a ${category} movement is repeated 5–15 times, not ${dose.reps}` };
  }
  if ((category === 'breathing' || category === 'relaxation') && dose.kind === 'reps') {
    return { field: 'dose.kind', message: `a ${category} exercise is paced by breaths or holds, not reps` };
  }
  return null;
}

/** A two-part rep call only means something for paced reps: on a hold or a breathing dose it would never be said. */
function checkRepCall(exercise: Pick<Exercise, 'repCall' | 'dose'>): Problem | null {
  if (!exercise.repCall || exercise.dose.kind === 'reps') return null;
  return { field: 'repCall', message: `is for paced reps; this exercise's dose is a ${exercise.dose.kind}` };
}

/** What an exercise, bundled or prescribed, must meet beyond its schema: its own dose within guidance, and a rep call only on paced reps. */
export const checkExercise = (exercise: Pick<Exercise, 'category' | 'dose' | 'repCall'>): Problem | null =>
  checkDoseGuidance(exercise.category, exercise.dose) ?? checkRepCall(exercise);
