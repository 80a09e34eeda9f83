import { format } from 'date-fns';
import { z } from 'zod';
import { sessionRecordSchema } from '../../core/log/session-schema';
import { spasmRecordSchema } from '../../core/log/spasm-schema';
import type { DocumentSpec } from '../storage/document-spec';

/**
 * `log-YYYY-MM.json`: the sessions and spasm entries whose `localDay` falls
 * in that month. One file per month keeps each file small (conf rewrites and
 * re-reads whole files) and lets old months stay unread until asked for.
 *
 *   { "schemaVersion": 1, "month": "2026-11", "sessions": [...], "spasms": [...] }
 */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthFilePattern = /^log-(\d{4}-(?:0[1-9]|1[0-2]))\.json$/;

export const monthOf = (localDay: string) => localDay.slice(0, 7);
export const monthFileName = (month: string) => `log-${month}`;

const dayOfInstant = (instant: string) => instant.slice(0, 10);

export const logMonthFileSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
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

export function logMonthSpec(month: string): DocumentSpec<LogMonthFile> {
  return {
    name: monthFileName(month),
    label: `your log for ${format(new Date(`${month}-01T12:00:00`), 'MMMM yyyy')}`,
    version: 1,
    schema: logMonthFileSchema.refine((file) => file.month === month, { path: ['month'], message: `Should be ${month}, as the file name says` }),
    migrations: {},
    empty: () => ({ schemaVersion: 1, month, sessions: [], spasms: [] }),
  };
}
