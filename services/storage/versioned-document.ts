import type { z } from 'zod';

/**
 * A versioned JSON document the app keeps: its schema, and how files written
 * by older versions become it. Every file carries `schemaVersion` (a file
 * without one is version 0). Our own migrations, because conf's are
 * documented as unreliable; each is pure, so running the chain again on its
 * own output changes nothing (a crash between migrating and writing is safe).
 */

export type JsonObject = Record<string, unknown>;
/** Takes a file of version n and returns the same data as version n + 1. */
export type Migration = (file: JsonObject) => JsonObject;

export interface DocumentSpec<T extends JsonObject> {
  /** The store name: the file is `<dataDir>/<name>.json`. */
  name: string;
  /** How a sentence names it to the person, e.g. "your settings". */
  label: string;
  version: number;
  /** The whole file at `version`, `schemaVersion` included; every write is checked against it. */
  schema: z.ZodType<T>;
  /** Keyed by the version each migration starts from. */
  migrations: Readonly<Record<number, Migration>>;
  /** What a file that does not exist yet holds. */
  empty: () => T;
  /** Its own write failures are not turned into notices (the notices file itself). */
  quiet?: boolean;
}

/** A document still in its first format: version 1, nothing to migrate yet. */
export const firstVersionSpec = <T extends JsonObject>(spec: Omit<DocumentSpec<T>, 'version' | 'migrations'>): DocumentSpec<T> => ({ ...spec, version: 1, migrations: {} });

/** What a file's text turned out to hold. */
export type ParsedDocument<T> =
  | { state: 'ok'; doc: T; migratedFrom: number | null }
  | { state: 'damaged'; detail: string }
  | { state: 'newer'; version: number };

const versionOf = (file: JsonObject): number => (file.schemaVersion === undefined ? 0 : Number(file.schemaVersion));

/** Brings `file` up to the spec's version, or returns why it cannot. */
function migrate(spec: DocumentSpec<JsonObject>, file: JsonObject): JsonObject | string {
  let current = file;
  for (let version = versionOf(current); version < spec.version; version = versionOf(current)) {
    const migration = spec.migrations[version];
    if (!Number.isInteger(version) || version < 0 || !migration) return `it has an unknown format (schemaVersion ${String(file.schemaVersion)})`;
    try {
      current = migration(current);
    } catch (error) {
      // A migration meets whatever an old or damaged file holds; any failure means the file cannot be used as it is.
      return `it could not be converted (${(error as Error).message})`;
    }
    if (versionOf(current) !== version + 1) return `the migration from version ${version} did not produce version ${version + 1}`;
  }
  return current;
}

function parseJson(text: string): JsonObject | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'the file is empty' : 'it is not valid JSON; it may have been cut short';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : 'it does not hold an object';
}

/**
 * A text the app wrote itself and checked before (see validated-texts.ts):
 * the schema would pass it unchanged, so only the JSON is parsed.
 */
export const parseTrustedText = <T>(text: string): ParsedDocument<T> => ({ state: 'ok', doc: JSON.parse(text) as T, migratedFrom: null });

/** Parses, migrates and validates a store file's text (or its copy's). */
export function parseDocument<T extends JsonObject>(spec: DocumentSpec<T>, text: string): ParsedDocument<T> {
  const parsed = parseJson(text);
  if (typeof parsed === 'string') return { state: 'damaged', detail: parsed };
  // conf's own bookkeeping (written only when its `migrations` option is used, which we never do) is not our data.
  const { __internal__: _conf, ...file } = parsed;
  const version = versionOf(file);
  if (Number.isInteger(version) && version > spec.version) return { state: 'newer', version };
  const migrated = migrate(spec as DocumentSpec<JsonObject>, file);
  if (typeof migrated === 'string') return { state: 'damaged', detail: migrated };
  const checked = spec.schema.safeParse(migrated);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    return { state: 'damaged', detail: `its contents are not in the expected shape (${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'})` };
  }
  return { state: 'ok', doc: checked.data, migratedFrom: version < spec.version ? version : null };
}
