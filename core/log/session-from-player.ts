import { endTimeOfRun } from './end-time';
import type { ItemProgress } from '../player/routine-player';
import type { RoutinePlan } from '../player/timeline';
import type { RoutineProgress } from './progress-schema';
import type { NewSession, SessionExercise } from './session-schema';

/** What the player knows about a run, plus the wall-clock facts the page adds. */
export interface RunFacts {
  plan: RoutinePlan;
  progress: ItemProgress[];
  /** "This hurts" moments: which exercise, when (ISO with offset) and where in the routine. */
  painEvents: { exerciseId: string; at: string; positionMs: number }[];
  exercisedMs: number;
  /** ISO 8601 with the person's own offset, e.g. 2026-11-24T22:05:00+01:00. */
  startedAt: string;
  timeZone: string;
  painBefore: number | null;
}

function routineRef(plan: RoutinePlan) {
  return { id: plan.routine.id, name: plan.routine.name, version: plan.routine.version };
}

export function sessionExercises(plan: RoutinePlan, progress: ItemProgress[]): SessionExercise[] {
  return plan.items.map((item, index) => {
    const done = progress[index]!;
    return {
      exerciseId: item.exercise.id,
      name: item.exercise.name,
      outcome: done.outcome,
      dose: item.dose,
      workDone: done.workDone,
      workTotal: done.workTotal,
      ...(item.easierVersionOf ? { easierVersionOf: item.easierVersionOf } : {}),
    };
  });
}

function painEventsOf(facts: RunFacts) {
  return facts.painEvents.map((event) => ({ exerciseId: event.exerciseId, at: event.at, positionMs: Math.round(event.positionMs) }));
}

/** The session record for a run that has ended. `localDay` is the day the person lived when it started. */
export function buildNewSession(facts: RunFacts, endedAt: string, ending: NewSession['ending']): NewSession {
  return {
    routine: routineRef(facts.plan),
    startedAt: facts.startedAt,
    endedAt: endTimeOfRun(facts.startedAt, facts.exercisedMs, endedAt),
    localDay: facts.startedAt.slice(0, 10),
    timeZone: facts.timeZone,
    exercisedMs: Math.round(facts.exercisedMs),
    ending,
    exercises: sessionExercises(facts.plan, facts.progress),
    painEvents: painEventsOf(facts),
    painBefore: facts.painBefore,
    painAfter: null,
    effort: null,
    note: '',
  };
}

/** A snapshot of a run still in progress, to resume at `itemIndex` after a crash. */
export function buildProgress(facts: RunFacts, itemIndex: number, savedAt: string): RoutineProgress {
  return {
    routine: routineRef(facts.plan),
    startedAt: facts.startedAt,
    savedAt: endTimeOfRun(facts.startedAt, facts.exercisedMs, savedAt),
    itemIndex,
    exercisedMs: Math.round(facts.exercisedMs),
    exercises: sessionExercises(facts.plan, facts.progress),
    painEvents: painEventsOf(facts),
    painBefore: facts.painBefore,
  };
}

/** Turns saved progress into the session it stands for, when the person keeps what was done. */
export function sessionFromProgress(progress: RoutineProgress, timeZone: string): NewSession {
  return {
    routine: progress.routine,
    startedAt: progress.startedAt,
    endedAt: endTimeOfRun(progress.startedAt, progress.exercisedMs, progress.savedAt),
    localDay: progress.startedAt.slice(0, 10),
    timeZone,
    exercisedMs: progress.exercisedMs,
    ending: 'interrupted',
    exercises: progress.exercises.map((exercise) => ({
      ...exercise,
      outcome: exercise.outcome === 'not-reached' && exercise.workDone > 0 ? 'skipped' : exercise.outcome,
    })),
    painEvents: progress.painEvents,
    painBefore: progress.painBefore,
    painAfter: null,
    effort: null,
    note: '',
  };
}
