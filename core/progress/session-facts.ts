import type { SessionRecord } from '../log/session-schema';
import type { SpasmRecord } from '../log/spasm-schema';

/**
 * The few facts of a session or spasm entry that progress is computed from.
 * Kept per month as a derived summary (never the source of truth) so the
 * dashboard can cover ten years without reading every month file.
 */
export interface SessionFacts {
  id: string;
  routineId: string;
  routineName: string;
  /** ISO 8601 with the offset the person was in: its wall-clock text is the time they lived. */
  startedAt: string;
  timeZone: string;
  exercisedMs: number;
  ending: SessionRecord['ending'];
  painBefore: number | null;
  painAfter: number | null;
  exercises: { exerciseId: string; name: string; outcome: SessionRecord['exercises'][number]['outcome'] }[];
  /** How many "This hurts" moments it had, per exercise id. */
  hurts: Record<string, number>;
}

export interface SpasmFacts {
  id: string;
  occurredAt: string;
  intensity: number;
}

export function sessionFacts(record: SessionRecord): SessionFacts {
  const hurts: Record<string, number> = {};
  for (const event of record.painEvents) hurts[event.exerciseId] = (hurts[event.exerciseId] ?? 0) + 1;
  return {
    id: record.id,
    routineId: record.routine.id,
    routineName: record.routine.name,
    startedAt: record.startedAt,
    timeZone: record.timeZone,
    exercisedMs: record.exercisedMs,
    ending: record.ending,
    painBefore: record.painBefore,
    painAfter: record.painAfter,
    exercises: record.exercises.map(({ exerciseId, name, outcome }) => ({ exerciseId, name, outcome })),
    hurts,
  };
}

export const spasmFacts = (record: SpasmRecord): SpasmFacts => ({ id: record.id, occurredAt: record.occurredAt, intensity: record.intensity });
