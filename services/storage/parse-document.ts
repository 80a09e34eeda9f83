import type { z } from 'zod';
import type { DocumentSpec } from './document-spec';
import { MigrationError, migrateFile, versionOf, type JsonObject } from './migrations';

/** What a file's text turned out to hold. */
export type ParsedDocument<T> =
  | { state: 'ok'; doc: T; migratedFrom: number | null }
  | { state: 'damaged'; detail: string }
  | { state: 'newer'; version: number };

function parseJson(text: string): JsonObject | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text.trim() === '' ? 'the file is empty' : 'it is not valid JSON; it may have been cut short';
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : 'it does not hold an object';
}

function describeShapeError(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return `its contents are not in the expected shape (${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'})`;
}

/** Parses, migrates and validates a store file's text (or a backup's). */
export function parseDocument<T extends JsonObject>(spec: DocumentSpec<T>, text: string): ParsedDocument<T> {
  const parsed = parseJson(text);
  if (typeof parsed === 'string') return { state: 'damaged', detail: parsed };
  // conf's own bookkeeping (written only when its `migrations` option is used, which we never do) is not our data.
  const { __internal__: _conf, ...file } = parsed;
  const version = versionOf(file);
  if (Number.isInteger(version) && version > spec.version) return { state: 'newer', version };
  let migrated: JsonObject;
  try {
    migrated = migrateFile(file, spec.version, spec.migrations);
  } catch (error) {
    // A migration meets whatever an old or damaged file holds; any failure means the file cannot be used as it is.
    return { state: 'damaged', detail: error instanceof MigrationError ? error.message : `it could not be converted (${(error as Error).message})` };
  }
  const checked = spec.schema.safeParse(migrated);
  if (!checked.success) return { state: 'damaged', detail: describeShapeError(checked.error) };
  return { state: 'ok', doc: checked.data, migratedFrom: version < spec.version ? version : null };
}
