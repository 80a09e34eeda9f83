import { z } from 'zod';
import { instant, recordId } from '../../core/log/common-fields';
import type { DocumentSpec } from './document-spec';

/** `notices.json`: what the person should know about their stored data, until they dismiss it. */
export const MAX_NOTICES = 50;

export const storedNoticeSchema = z.strictObject({
  id: recordId,
  level: z.enum(['info', 'warning', 'error']),
  message: z.string().min(1).max(2000),
  path: z.string().min(1).max(4096).optional(),
  at: instant,
  topic: z.string().max(200).optional(),
});

export const noticesFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  notices: z.array(storedNoticeSchema).max(MAX_NOTICES),
});

export type StoredNotice = z.infer<typeof storedNoticeSchema>;
export type NoticesFile = z.infer<typeof noticesFileSchema>;

export const noticesFileSpec: DocumentSpec<NoticesFile> = {
  name: 'notices',
  label: 'the list of storage notices',
  version: 1,
  schema: noticesFileSchema,
  migrations: {},
  empty: () => ({ schemaVersion: 1, notices: [] }),
  quiet: true,
};
