import type { z } from 'zod';
import type { JsonObject, Migrations } from './migrations';

/** A versioned file the app keeps: its name, its current schema and how older versions become it. */
export interface DocumentSpec<T extends JsonObject> {
  /** The store name: the file is `<dataDir>/<name>.json`. */
  name: string;
  /** How a sentence names it to the person, e.g. "your settings". */
  label: string;
  version: number;
  /** The whole file at `version`, `schemaVersion` included; every write is checked against it. */
  schema: z.ZodType<T>;
  migrations: Migrations;
  /** What a file that does not exist yet holds. */
  empty: () => T;
  /** Its own write failures are not turned into notices (the notices file itself). */
  quiet?: boolean;
}
