import { z } from 'zod';
import { routineProgressSchema, type RoutineProgress } from '../../core/log/progress-schema';
import type { StoredDocument } from '../storage/stored-document';
import { firstVersionSpec, type DocumentSpec } from '../storage/versioned-document';

const progressFileSchema = z.strictObject({ schemaVersion: z.literal(1), progress: routineProgressSchema.nullable() });
type ProgressFile = z.infer<typeof progressFileSchema>;

/** `progress.json`: the routine being played, or null. */
export const progressFileSpec: DocumentSpec<ProgressFile> = firstVersionSpec({
  name: 'progress',
  label: 'the routine in progress',
  schema: progressFileSchema,
  empty: () => ({ schemaVersion: 1, progress: null }),
});

/** The routine in progress, saved after each exercise and on pause, so a crash loses at most one exercise. */
export class RoutineProgressStore {
  constructor(private readonly doc: StoredDocument<ProgressFile>) {}

  get(): RoutineProgress | null {
    return this.doc.value.progress;
  }

  /** `progress` must already be validated. */
  save(progress: RoutineProgress): void {
    this.doc.write({ schemaVersion: 1, progress });
  }

  clear(): void {
    if (this.doc.value.progress !== null) this.doc.write({ schemaVersion: 1, progress: null });
  }
}
