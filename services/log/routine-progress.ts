import type { RoutineProgress } from '../../core/log/progress-schema';
import type { StoredDocument } from '../storage/stored-document';
import type { ProgressFile } from './progress-file';

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
