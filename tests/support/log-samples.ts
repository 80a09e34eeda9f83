import { shiftKeepingOffset } from '../../core/log/end-time';
import type { NewSession, SessionExercise } from '../../core/log/session-schema';
import type { NewSpasm } from '../../core/log/spasm-schema';

/** A valid session as the renderer would send it, started at `startedAt` (ISO with offset). */
export function sampleSession(startedAt: string, routine = { id: 'bedtime-spasm-relief', name: 'Bedtime spasm relief', version: 1 }): NewSession {
  return {
    routine,
    startedAt,
    endedAt: shiftKeepingOffset(startedAt, 11 * 60_000),
    localDay: startedAt.slice(0, 10),
    timeZone: 'Europe/London',
    exercisedMs: 600_000,
    ending: 'completed',
    exercises: [
      {
        exerciseId: 'pelvic-tilt',
        name: 'Pelvic tilts',
        outcome: 'completed',
        dose: { kind: 'reps', reps: 10, secondsPerRep: 4, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
        workDone: 1,
        workTotal: 1,
      },
    ],
    painEvents: [],
    painBefore: 6,
    painAfter: 4,
    effort: 'about-right',
    note: '',
  };
}

export function sampleSpasm(occurredAt: string, intensity = 7): NewSpasm {
  return {
    occurredAt,
    localDay: occurredAt.slice(0, 10),
    timeZone: 'Europe/London',
    intensity,
    duration: '1-5-min',
    position: 'side',
    triggers: ['stress'],
    helped: ['heat'],
    note: '',
  };
}

/** One exercise of a session: a set of `reps` slow reps, finished or not. */
export function sampleExercise(exerciseId: string, name: string, outcome: SessionExercise['outcome'], reps = 10): SessionExercise {
  return {
    exerciseId,
    name,
    outcome,
    dose: { kind: 'reps', reps, secondsPerRep: 4, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
    workDone: outcome === 'completed' ? 1 : 0,
    workTotal: 1,
  };
}
