import { z } from 'zod';
import { restoreModes, type BackupSummary, type RestoreResult } from '../backup/backup-file';
import type { Exercise } from '../content/exercise-schema';
import { PRESCRIBED_ROUTINE_MAX_BYTES, type PrescribedRoutine } from '../content/prescribed-routine';
import { csvTableNames } from '../export/csv-tables';
import type { ExportFile } from '../export/export-file';
import type { Routine } from '../content/routine-schema';
import { instant, localDay, recordId, timeZone } from '../log/common-fields';
import { UNDO_WINDOW_MS, type HistoryPage, type PendingDeletion, type StorageNotice } from '../log/history';
import { routineProgressSchema, type RoutineProgress } from '../log/progress-schema';
import { morningFeelings, newSessionSchema, sessionPatchSchema, type SessionRecord } from '../log/session-schema';
import { safetyCheckAnswers, type SafetyCheck } from '../safety/safety-check';
import { newSpasmSchema, spasmPatchSchema, type SpasmRecord } from '../log/spasm-schema';
import { planTargetSchema, type Plan } from '../plan/plan-schema';
import { rangeKeys, type Dashboard } from '../progress/dashboard';
import type { ProgressReport } from '../report/progress-report';
import { settingsPatchSchema, type Settings } from '../settings/settings-schema';
import { openFileKinds } from './host-files';
import { checkDayOfInstant, checkPlausible, checkRunSpan, checkTimeZone } from './plausible-dates';

/**
 * Every request the renderer can make of the services, each defined once
 * here: its name, the zod schema of its payload and the type it answers.
 * The client API, the preload's allow-list, the HTTP transport and the
 * handler table are all derived from this object, so adding a request is one
 * entry here and one handler (a missing handler fails to compile).
 */

/** The evening session the morning question asks about. */
export interface MorningQuestion {
  sessionId: string;
  routineName: string;
  startedAt: string;
}

/** Who prescribed a routine of the library that came from a therapist's file. */
export interface Prescription {
  routineId: string;
  prescribedBy: string;
  prescribedOn: string | null;
  /** The therapist's note for each item of the routine, in order. */
  notes: (string | null)[];
}

export interface ContentBundle {
  exercises: Exercise[];
  routines: Routine[];
  prescriptions: Prescription[];
}

/** A request's payload schema and, as a type only, what it answers. */
export interface RequestDefinition<Schema extends z.ZodType = z.ZodType, Response = unknown> {
  schema: Schema;
  /** The largest payload it takes, as JSON bytes, when more than the usual 1 MB (a backup being restored). */
  maxBytes?: number;
  /** Never set at run time: it carries the response type to the client and the handler table. */
  readonly response?: Response;
}

/** What any request may carry unless its definition says more. */
export const DEFAULT_MAX_REQUEST_BYTES = 1_000_000;
const MB = 1_048_576;
/** A backup's text as JSON, with room for escaping. */
const BACKUP_REQUEST_BYTES = openFileKinds.backup.maxBytes + 16 * MB;
const ROUTINE_REQUEST_BYTES = 8 * MB;

/** `answers<Response>()(schema)`: curried so the schema's type is inferred while the response is named. */
const answers =
  <Response>() =>
  <Schema extends z.ZodType>(schema: Schema, maxBytes?: number): RequestDefinition<Schema, Response> => (maxBytes ? { schema, maxBytes } : { schema });

const none = z.null();
const byId = z.strictObject({ id: recordId });

/**
 * Built per clock because "no more than a day ahead" depends on now. Objects
 * are strict: unknown keys are refused so a typo never passes silently.
 */
export function defineRequests(nowMs: () => number) {
  const newSession = newSessionSchema.superRefine((s, ctx) => {
    const at = nowMs();
    checkPlausible(ctx, ['startedAt'], s.startedAt, at);
    checkPlausible(ctx, ['endedAt'], s.endedAt, at);
    checkDayOfInstant(ctx, ['localDay'], s.localDay, s.startedAt);
    checkRunSpan(ctx, s.startedAt, ['endedAt'], s.endedAt, s.exercisedMs);
    checkTimeZone(ctx, ['timeZone'], s.timeZone);
    s.painEvents.forEach((e, i) => checkPlausible(ctx, ['painEvents', i, 'at'], e.at, at));
    s.exercises.forEach((e, i) => {
      if (e.workDone > e.workTotal) ctx.addIssue({ code: 'custom', path: ['exercises', i, 'workDone'], message: 'Cannot be more than workTotal' });
    });
  });

  const newSpasm = newSpasmSchema.superRefine((s, ctx) => {
    checkPlausible(ctx, ['occurredAt'], s.occurredAt, nowMs());
    checkDayOfInstant(ctx, ['localDay'], s.localDay, s.occurredAt);
    checkTimeZone(ctx, ['timeZone'], s.timeZone);
  });

  const sessionPatch = sessionPatchSchema.superRefine((p, ctx) => checkPlausible(ctx, ['startedAt'], p.startedAt, nowMs()));

  const spasmPatch = spasmPatchSchema.superRefine((p, ctx) => {
    checkPlausible(ctx, ['occurredAt'], p.occurredAt, nowMs());
    if (p.localDay !== undefined && p.occurredAt !== undefined) checkDayOfInstant(ctx, ['localDay'], p.localDay, p.occurredAt);
    checkTimeZone(ctx, ['timeZone'], p.timeZone);
  });

  const progress = routineProgressSchema.superRefine((p, ctx) => {
    const at = nowMs();
    checkPlausible(ctx, ['startedAt'], p.startedAt, at);
    checkPlausible(ctx, ['savedAt'], p.savedAt, at);
    checkRunSpan(ctx, p.startedAt, ['savedAt'], p.savedAt, p.exercisedMs);
    p.painEvents.forEach((e, i) => checkPlausible(ctx, ['painEvents', i, 'at'], e.at, at));
  });

  const historyQuery = z
    .strictObject({
      /** Inclusive lived days (core/progress/lived-day): with the day starting at 4 a.m., 00:40 on the 25th is in the 24th. */
      from: localDay.optional(),
      to: localDay.optional(),
      /** Only sessions of this routine (spasm entries are left out when set). */
      routineId: z.string().min(1).max(80).optional(),
      kinds: z.array(z.enum(['session', 'spasm'])).min(1).max(2).refine((k) => new Set(k).size === k.length, 'Each kind may appear once').optional(),
      /** Page size (default 100). */
      limit: z.number().int().min(1).max(500).optional(),
      /** `nextCursor` of the previous page. */
      cursor: z.string().min(1).max(500).optional(),
    })
    .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'Must not be before from' });

  /** The person's local time now (ISO 8601 with their offset): it decides which day is today. */
  const now = instant.superRefine((value, ctx) => checkPlausible(ctx, [], value, nowMs()));
  const pause = z
    .strictObject({ now, from: localDay, to: localDay, reason: z.string().max(200) })
    .refine((p) => p.from <= p.to, { path: ['to'], message: 'Must not be before from' })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { path: ['to'], message: 'A pause can last a year at most' });

  const backupText = z.string().min(1).max(openFileKinds.backup.maxBytes);
  // Longer than the 1 MB limit on purpose: the file's own check then names its size in words.
  const routineText = z.string().min(1).max(2 * PRESCRIBED_ROUTINE_MAX_BYTES);

  const settings = settingsPatchSchema.superRefine((p, ctx) => checkPlausible(ctx, ['safetyAcknowledgedAt'], p.safetyAcknowledgedAt, nowMs()));

  return {
    'content:load': answers<ContentBundle>()(none),
    /** A therapist's routine file checked whole, for a preview before it is added; refused with what is wrong. */
    'routines:preview': answers<PrescribedRoutine>()(z.strictObject({ text: routineText }), ROUTINE_REQUEST_BYTES),
    'routines:add': answers<ContentBundle>()(z.strictObject({ text: routineText }), ROUTINE_REQUEST_BYTES),
    /** Removes a routine from a therapist, unless today's plan asks for it; sessions done with it stay in the log. */
    'routines:remove': answers<ContentBundle>()(z.strictObject({ now, routineId: z.string().min(1).max(120) })),
    'settings:get': answers<Settings>()(none),
    'settings:update': answers<Settings>()(settings),
    /** Records a finished (or ended) routine and clears its saved progress. */
    'sessions:save': answers<SessionRecord>()(newSession),
    'sessions:update': answers<SessionRecord>()(z.strictObject({ id: recordId, patch: sessionPatch })),
    'spasms:create': answers<SpasmRecord>()(newSpasm),
    'spasms:update': answers<SpasmRecord>()(z.strictObject({ id: recordId, patch: spasmPatch })),
    'history:list': answers<HistoryPage>()(historyQuery),
    /** Hides an entry at once; it is removed for good after 10 s or on confirm, and can be undone until then. */
    'entries:delete': answers<PendingDeletion>()(z.strictObject({ kind: z.enum(['session', 'spasm']), id: recordId })),
    'entries:undo-delete': answers<null>()(byId),
    'entries:confirm-delete': answers<null>()(byId),
    /** Keeps a deletion undoable for `forMs` more (at most 10 s): the undo bar's countdown holds while the person is at it. */
    'entries:hold-delete': answers<null>()(z.strictObject({ id: recordId, forMs: z.number().int().min(0).max(UNDO_WINDOW_MS) })),
    'entries:pending-deletions': answers<PendingDeletion[]>()(none),
    /** The routine in progress, saved after each exercise and on pause. */
    'progress:save': answers<null>()(progress),
    'progress:get': answers<RoutineProgress | null>()(none),
    'progress:clear': answers<null>()(none),
    /** The plan (created as the default, the bedtime routine every evening, on first use). */
    'plan:get': answers<Plan>()(z.strictObject({ now })),
    /** A new plan version from today; older days stay judged by the plan then in force. */
    'plan:change': answers<Plan>()(z.strictObject({ now, target: planTargetSchema })),
    'plan:pause': answers<Plan>()(pause),
    'plan:end-pause': answers<Plan>()(z.strictObject({ now, id: recordId })),
    'dashboard:get': answers<Dashboard>()(z.strictObject({ now, range: z.enum(rangeKeys) })),
    /** The therapist's progress report over lived days, from the dashboard's own figures. */
    'report:get': answers<ProgressReport>()(
      z.strictObject({ now, from: localDay, to: localDay }).refine((r) => r.from <= r.to, { path: ['to'], message: 'Must not be before from' }),
    ),
    /** One table of the log as a CSV file (sessions, exercises done, or spasm entries), for a spreadsheet or a therapist. */
    'export:csv': answers<ExportFile>()(z.strictObject({ now, table: z.enum(csvTableNames) })),
    /** Everything (settings, plan, sessions, spasm entries) as one JSON file with a format version. */
    'backup:create': answers<ExportFile>()(z.strictObject({ now })),
    /** What a backup file holds, checked whole; refused with the record and field that are wrong. */
    'backup:check': answers<BackupSummary>()(z.strictObject({ text: backupText }), BACKUP_REQUEST_BYTES),
    /** Replaces everything (after saving the data as it is) or adds what is missing; an invalid file changes nothing. */
    'backup:restore': answers<RestoreResult>()(z.strictObject({ text: backupText, mode: z.enum(restoreModes) }), BACKUP_REQUEST_BYTES),
    /** Whether to ask "Any of these new since you last checked?" before the next routine (every four weeks). */
    'safety-check:due': answers<boolean>()(z.strictObject({ now })),
    'safety-check:answer': answers<SafetyCheck>()(z.strictObject({ now, timeZone, answer: z.enum(safetyCheckAnswers) })),
    /** The evening session to ask about this morning ("Your back this morning compared with usual?"), or null. */
    'morning-question:get': answers<MorningQuestion | null>()(z.strictObject({ now })),
    /** Asked once: any answer, "not now" included, means it is not asked again for that session. */
    'morning-question:answer': answers<null>()(z.strictObject({ sessionId: recordId, answer: z.enum([...morningFeelings, 'not-now']) })),
    'storage:notices': answers<StorageNotice[]>()(none),
    'storage:dismiss-notice': answers<null>()(byId),
  };
}

export type Requests = ReturnType<typeof defineRequests>;
export type RequestName = keyof Requests;
/** What a client sends. */
export type RequestOf<N extends RequestName> = z.input<Requests[N]['schema']>;
/** What a handler receives: the payload after validation. */
export type ValidRequestOf<N extends RequestName> = z.output<Requests[N]['schema']>;
export type ResponseOf<N extends RequestName> = Requests[N] extends RequestDefinition<z.ZodType, infer Response> ? Response : never;
export type HistoryQuery = ValidRequestOf<'history:list'>;

/** The definitions as such (their clock unused), for their names and limits. */
const definitionsForLimits = defineRequests(() => 0);

/** The names alone, for allow-lists (the preload, the HTTP server). */
export const requestNames = Object.keys(definitionsForLimits) as RequestName[];

/** The largest payload a request takes (the browser host refuses a larger body before reading it). */
export function maxRequestBytes(name: RequestName): number {
  const definition: RequestDefinition = definitionsForLimits[name];
  return definition.maxBytes ?? DEFAULT_MAX_REQUEST_BYTES;
}

export function isRequestName(value: unknown): value is RequestName {
  return typeof value === 'string' && (requestNames as string[]).includes(value);
}

/** What crosses the bridge: a value or an error the renderer can show as it is, and any storage notices raised meanwhile. */
export type BridgeResult<T> = ({ ok: true; value: T } | { ok: false; error: BridgeErrorInfo }) & { notices?: StorageNotice[] };

export interface BridgeErrorInfo {
  code: 'invalid-request' | 'unknown-channel' | 'forbidden' | 'storage' | 'internal';
  /** A sentence for the person using the app, naming what was wrong. */
  message: string;
  field?: string;
}
