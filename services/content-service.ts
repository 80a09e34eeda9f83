import type { ContentBundle } from '../core/bridge/requests';
import { loadValidContentDir } from '../exercises/load-content';

/** Serves the exercise and routine library, read and validated once at start-up. */
export class ContentService {
  private readonly bundle: ContentBundle;

  constructor(contentDir: string) {
    const { exercises, routines } = loadValidContentDir(contentDir);
    this.bundle = { exercises, routines };
  }

  load(): ContentBundle {
    return this.bundle;
  }
}
