import { z } from 'zod';
import { instant, recordId } from '../../core/log/common-fields';
import type { DocumentSpec } from '../storage/document-spec';
import { monthPattern } from './log-month-file';

/**
 * `pending-deletions.json`: entries deleted less than 10 s ago, kept on disk
 * so an undo still works after a crash or restart within the window.
 *
 *   { "schemaVersion": 1, "pending": [{ id, kind, summary, deletedAt, expiresAt, month }] }
 */
export const storedPendingSchema = z.strictObject({
  id: recordId,
  kind: z.enum(['session', 'spasm']),
  summary: z.string().max(300),
  deletedAt: instant,
  expiresAt: instant,
  /** The month file holding the entry, so finishing the deletion needs no search. */
  month: z.string().regex(monthPattern),
});

export const pendingDeletionsFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  pending: z.array(storedPendingSchema).max(10_000),
});

export type StoredPending = z.infer<typeof storedPendingSchema>;
export type PendingDeletionsFile = z.infer<typeof pendingDeletionsFileSchema>;

export const pendingDeletionsSpec: DocumentSpec<PendingDeletionsFile> = {
  name: 'pending-deletions',
  label: 'the entries waiting to be deleted',
  version: 1,
  schema: pendingDeletionsFileSchema,
  migrations: {},
  empty: () => ({ schemaVersion: 1, pending: [] }),
};
