import { format } from 'date-fns';
import { z } from 'zod';
import { sessionRecordSchema } from '../../core/log/session-schema';
import { spasmRecordSchema } from '../../core/log/spasm-schema';
import type { HistoryEntry } from '../../core/log/history';
import type { DocumentSpec, JsonObject } from '../storage/versioned-document';

/**
 * `log-YYYY-MM.json`: the sessions and spasm entries whose `localDay` falls
 * in that month. One file per month keeps each file small (conf rewrites and
 * re-reads whole files) and lets old months stay unread until asked for.
 *
 *   { "schemaVersion": 2, "month": "2026-11", "sessions": [...], "spasms": [...] }
 *
 * Version 2 lets a session carry `morningAfter`; a version 1 file is the same
 * data. The version says so to an older app, which then keeps the file as
 * "made by a newer version" instead of taking the new field for damage.
 */
export const LOG_MONTH_VERSION = 2;
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthFilePattern = /^log-(\d{4}-(?:0[1-9]|1[0-2]))\.json$/;

export const monthOf = (localDay: string) => localDay.slice(0, 7);
export const monthFileName = (month: string) => `log-${month}`;

const dayOfInstant = (instant: string) => instant.slice(0, 10);

export const logMonthFileSchema = z
  .strictObject({
    schemaVersion: z.literal(LOG_MONTH_VERSION),
    month: z.string().regex(monthPattern),
    sessions: z.array(sessionRecordSchema),
    spasms: z.array(spasmRecordSchema),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    const check = (list: 'sessions' | 'spasms', index: number, id: string, localDay: string, at: string) => {
      if (monthOf(localDay) !== file.month) ctx.addIssue({ code: 'custom', path: [list, index, 'localDay'], message: `Belongs to another month than ${file.month}` });
      if (dayOfInstant(at) !== localDay) ctx.addIssue({ code: 'custom', path: [list, index, 'localDay'], message: 'Does not match the date of the instant' });
      if (ids.has(id)) ctx.addIssue({ code: 'custom', path: [list, index, 'id'], message: 'Appears twice' });
      ids.add(id);
    };
    file.sessions.forEach((s, i) => check('sessions', i, s.id, s.localDay, s.startedAt));
    file.spasms.forEach((s, i) => check('spasms', i, s.id, s.localDay, s.occurredAt));
  });

export type LogMonthFile = z.infer<typeof logMonthFileSchema>;

/** v1 → v2: nothing to change but the version (the new field is optional). */
export const migrateLogMonthV1 = (file: JsonObject): JsonObject => ({ ...file, schemaVersion: 2 });

export const emptyMonth = (month: string): LogMonthFile => ({ schemaVersion: LOG_MONTH_VERSION, month, sessions: [], spasms: [] });

export function logMonthSpec(month: string): DocumentSpec<LogMonthFile> {
  return {
    name: monthFileName(month),
    label: `your log for ${format(new Date(`${month}-01T12:00:00`), 'MMMM yyyy')}`,
    version: LOG_MONTH_VERSION,
    schema: logMonthFileSchema.refine((file) => file.month === month, { path: ['month'], message: `Should be ${month}, as the file name says` }),
    migrations: { 1: migrateLogMonthV1 },
    empty: () => emptyMonth(month),
  };
}

/** A history entry with what sorting and filtering need, worked out once per month rather than per query. */
export interface IndexedEntry {
  /** When it happened, in ms since the epoch: the sort key. */
  ms: number;
  localDay: string;
  entry: HistoryEntry;
}

/** Newest first; equal instants in a fixed order (by id) so paging never skips or repeats one. */
export function compareNewestFirst(a: { ms: number; entry: HistoryEntry }, b: { ms: number; entry: HistoryEntry }): number {
  if (a.ms !== b.ms) return b.ms - a.ms;
  const [idA, idB] = [a.entry.record.id, b.entry.record.id];
  return idA < idB ? 1 : idA > idB ? -1 : 0;
}

export function indexMonth(file: LogMonthFile): IndexedEntry[] {
  const sessions = file.sessions.map((record): IndexedEntry => ({ ms: Date.parse(record.startedAt), localDay: record.localDay, entry: { kind: 'session', record } }));
  const spasms = file.spasms.map((record): IndexedEntry => ({ ms: Date.parse(record.occurredAt), localDay: record.localDay, entry: { kind: 'spasm', record } }));
  return [...sessions, ...spasms].sort(compareNewestFirst);
}
