import type { SessionExercise, SessionRecord } from '../log/session-schema';
import type { SpasmRecord } from '../log/spasm-schema';
import { countsAsDone } from '../progress/counts-as-done';
import { livedDay } from '../progress/lived-day';
import { painChange } from '../progress/pain-change';

/**
 * The three CSV tables a person can export for a therapist or a spreadsheet,
 * each defined once as its columns: the header name (stable: documented in
 * the README, and a therapist's spreadsheet may depend on it) and how a
 * record fills it. Numbers stay numbers and missing values stay empty; the
 * writer (services/export/csv-export.ts) quotes and guards the text.
 */

export type CsvCell = string | number | boolean | null;

export interface Column<Row> {
  name: string;
  value: (row: Row) => CsvCell;
}

/** What a table needs besides the records: the day-start hour decides the lived day. */
export interface CsvContext {
  dayStartHour: number;
}

const seconds = (ms: number) => Math.round(ms / 1000);
const list = (values: readonly string[]) => values.join('; ');

export const sessionColumns = (context: CsvContext): Column<SessionRecord>[] => [
  { name: 'session_id', value: (s) => s.id },
  { name: 'lived_day', value: (s) => livedDay(s.startedAt, context.dayStartHour) },
  { name: 'started_at', value: (s) => s.startedAt },
  { name: 'ended_at', value: (s) => s.endedAt },
  { name: 'time_zone', value: (s) => s.timeZone },
  { name: 'routine_id', value: (s) => s.routine.id },
  { name: 'routine_name', value: (s) => s.routine.name },
  { name: 'routine_version', value: (s) => s.routine.version },
  { name: 'ending', value: (s) => s.ending },
  { name: 'counts_as_done', value: (s) => countsAsDone(s) },
  { name: 'exercised_seconds', value: (s) => seconds(s.exercisedMs) },
  { name: 'exercises_completed', value: (s) => s.exercises.filter((e) => e.outcome === 'completed').length },
  { name: 'exercises_total', value: (s) => s.exercises.length },
  { name: 'this_hurts_presses', value: (s) => s.painEvents.length },
  { name: 'pain_before', value: (s) => s.painBefore },
  { name: 'pain_after', value: (s) => s.painAfter },
  { name: 'pain_change', value: (s) => painChange(s.painBefore, s.painAfter) },
  { name: 'effort', value: (s) => s.effort },
  { name: 'morning_after', value: (s) => s.morningAfter ?? null },
  { name: 'note', value: (s) => s.note },
];

/** One row per exercise of each session. */
export interface ExerciseRow {
  session: SessionRecord;
  exercise: SessionExercise;
  position: number;
}

export const exerciseColumns = (context: CsvContext): Column<ExerciseRow>[] => [
  { name: 'session_id', value: (r) => r.session.id },
  { name: 'lived_day', value: (r) => livedDay(r.session.startedAt, context.dayStartHour) },
  { name: 'started_at', value: (r) => r.session.startedAt },
  { name: 'routine_id', value: (r) => r.session.routine.id },
  { name: 'position', value: (r) => r.position + 1 },
  { name: 'exercise_id', value: (r) => r.exercise.exerciseId },
  { name: 'exercise_name', value: (r) => r.exercise.name },
  { name: 'outcome', value: (r) => r.exercise.outcome },
  { name: 'easier_version_of', value: (r) => r.exercise.easierVersionOf ?? null },
  { name: 'dose_kind', value: (r) => r.exercise.dose.kind },
  { name: 'work_done', value: (r) => r.exercise.workDone },
  { name: 'work_total', value: (r) => r.exercise.workTotal },
  { name: 'this_hurts_presses', value: (r) => r.session.painEvents.filter((p) => p.exerciseId === r.exercise.exerciseId).length },
];

export const spasmColumns = (context: CsvContext): Column<SpasmRecord>[] => [
  { name: 'spasm_id', value: (s) => s.id },
  { name: 'lived_day', value: (s) => livedDay(s.occurredAt, context.dayStartHour) },
  { name: 'occurred_at', value: (s) => s.occurredAt },
  { name: 'time_zone', value: (s) => s.timeZone },
  { name: 'intensity', value: (s) => s.intensity },
  { name: 'duration', value: (s) => s.duration },
  { name: 'lying_position', value: (s) => s.position },
  { name: 'possible_triggers', value: (s) => list(s.triggers) },
  { name: 'what_helped', value: (s) => list(s.helped) },
  { name: 'note', value: (s) => s.note },
];

export const csvTableNames = ['sessions', 'exercises', 'spasms'] as const;
export type CsvTableName = (typeof csvTableNames)[number];

export const csvHeader = <Row>(columns: Column<Row>[]): string[] => columns.map((c) => c.name);

/** The records as rows of cells, one per record (the header apart). */
export const csvRows = <Row>(columns: Column<Row>[], records: readonly Row[]): CsvCell[][] => records.map((record) => columns.map((c) => c.value(record)));

export const exerciseRowsOf = (sessions: readonly SessionRecord[]): ExerciseRow[] =>
  sessions.flatMap((session) => session.exercises.map((exercise, position) => ({ session, exercise, position })));
