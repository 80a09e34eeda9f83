import { z } from 'zod';
import { routineProgressSchema } from '../../core/log/progress-schema';
import type { DocumentSpec } from '../storage/document-spec';

/** `progress.json`: the routine being played, or null. `{ "schemaVersion": 1, "progress": {...} | null }` */
export const progressFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  progress: routineProgressSchema.nullable(),
});

export type ProgressFile = z.infer<typeof progressFileSchema>;

export const progressFileSpec: DocumentSpec<ProgressFile> = {
  name: 'progress',
  label: 'the routine in progress',
  version: 1,
  schema: progressFileSchema,
  migrations: {},
  empty: () => ({ schemaVersion: 1, progress: null }),
};
