import { shiftKeepingOffset } from '../../../../core/log/end-time';
import type { RoutineProgress } from '../../../../core/log/progress-schema';
import type { NewSession } from '../../../../core/log/session-schema';
import type { NewSpasm } from '../../../../core/log/spasm-schema';

/** Valid payloads as the renderer would send them; tests override what they are about. */

export function sampleSession(overrides: Partial<NewSession> = {}): NewSession {
  const startedAt = overrides.startedAt ?? '2026-11-24T21:30:00+01:00';
  return {
    routine: { id: 'bedtime-spasm-relief', name: 'Bedtime spasm relief', version: 1 },
    startedAt,
    // Twelve minutes after the start unless a test says otherwise, so a moved start keeps a consistent end.
    endedAt: shiftKeepingOffset(startedAt, 12 * 60_000),
    localDay: '2026-11-24',
    timeZone: 'Europe/Paris',
    exercisedMs: 720_000,
    ending: 'completed',
    exercises: [
      {
        exerciseId: 'knee-to-chest',
        name: 'Knee to chest',
        outcome: 'completed',
        dose: { kind: 'hold', holdSeconds: 20, reps: 3, restBetweenRepsSeconds: 10, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
        workDone: 6,
        workTotal: 6,
      },
      {
        exerciseId: 'paced-breathing',
        name: 'Paced breathing',
        outcome: 'completed',
        dose: { kind: 'breathing', inhaleSeconds: 4, exhaleSeconds: 6, breaths: 10 },
        workDone: 10,
        workTotal: 10,
      },
    ],
    painEvents: [],
    painBefore: 5,
    painAfter: 3,
    effort: 'about-right',
    note: '',
    ...overrides,
  };
}

export function sampleSpasm(overrides: Partial<NewSpasm> = {}): NewSpasm {
  return {
    occurredAt: '2026-11-24T03:10:00+01:00',
    localDay: '2026-11-24',
    timeZone: 'Europe/Paris',
    intensity: 7,
    duration: '1-5-min',
    position: 'side',
    triggers: ['long-sitting'],
    helped: ['heat', 'stretching'],
    note: 'Woke up with it',
    ...overrides,
  };
}

export function sampleProgress(overrides: Partial<RoutineProgress> = {}): RoutineProgress {
  const session = sampleSession(overrides.startedAt === undefined ? {} : { startedAt: overrides.startedAt });
  return {
    routine: session.routine,
    startedAt: session.startedAt,
    savedAt: shiftKeepingOffset(session.startedAt, 5 * 60_000),
    itemIndex: 1,
    exercisedMs: 240_000,
    exercises: session.exercises,
    painEvents: [],
    painBefore: 5,
    ...overrides,
  };
}
