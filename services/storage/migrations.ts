/**
 * Our own schema versions, because conf's `migrations` option is documented
 * as unreliable. Every file carries `schemaVersion`; a file without one is
 * version 0. Each migration takes a file of version n and returns the same
 * data as version n + 1. They are pure, so running the chain again on its
 * own output changes nothing (a crash between migrating and writing is safe).
 */

export type JsonObject = Record<string, unknown>;
export type Migration = (file: JsonObject) => JsonObject;
/** Keyed by the version each migration starts from. */
export type Migrations = Readonly<Record<number, Migration>>;

export const versionOf = (file: JsonObject): number => (file.schemaVersion === undefined ? 0 : Number(file.schemaVersion));

export class MigrationError extends Error {}

/** Brings `file` up to `target`; a file already there comes back unchanged. */
export function migrateFile(file: JsonObject, target: number, migrations: Migrations): JsonObject {
  let current = file;
  for (let version = versionOf(current); version < target; version = versionOf(current)) {
    const migration = migrations[version];
    if (!Number.isInteger(version) || version < 0 || !migration) throw new MigrationError(`it has an unknown format (schemaVersion ${String(file.schemaVersion)})`);
    current = migration(current);
    if (versionOf(current) !== version + 1) throw new MigrationError(`the migration from version ${version} did not produce version ${version + 1}`);
  }
  return current;
}
