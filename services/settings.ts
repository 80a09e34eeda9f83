import { z } from 'zod';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../core/settings/settings-schema';
import type { StoredDocument } from './storage/stored-document';
import type { DocumentSpec, JsonObject } from './storage/versioned-document';

/**
 * `settings.json`. Version 0 (the first releases) was `{ "settings": {...} }`
 * with no version and fields checked only when read; version 1 added
 * `schemaVersion` and holds a complete, valid set of settings; version 2 adds
 * the day's start hour, the first day of the week and the milestones seen;
 * version 3 adds where the person is, for the emergency numbers; version 4
 * the last day of the last therapist's report ("since the last report") and
 * the session the morning question last asked about; version 5 night mode and
 * the hour it comes on by itself.
 */
const SETTINGS_VERSION = 5;
const settingsFileSchema = z.strictObject({ schemaVersion: z.literal(SETTINGS_VERSION), settings: settingsSchema });
type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Keeps each stored field that is still valid; anything missing or damaged falls back to its default. */
function readValidFields(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (Object.hasOwn(record, key) && schema.safeParse(record[key]).success) settings[key] = record[key];
  }
  return settings as Settings;
}

/** v0 → v1: repair the fields the old reader tolerated, and stamp the version. */
export function migrateSettingsV0(file: JsonObject): JsonObject {
  return { schemaVersion: 1, settings: readValidFields(file.settings) };
}

/** v1 → v2: the new fields take their defaults; every other field is kept. */
export function migrateSettingsV1(file: JsonObject): JsonObject {
  return { schemaVersion: 2, settings: readValidFields(file.settings) };
}

/** v2 → v3: the region is taken from the system until the person picks one; every other field is kept. */
export function migrateSettingsV2(file: JsonObject): JsonObject {
  return { schemaVersion: 3, settings: readValidFields(file.settings) };
}

/** v3 → v4: no report made yet; every other field is kept. */
export function migrateSettingsV3(file: JsonObject): JsonObject {
  return { schemaVersion: 4, settings: readValidFields(file.settings) };
}

/** v4 → v5: night mode starts off; every other field is kept. */
export function migrateSettingsV4(file: JsonObject): JsonObject {
  return { schemaVersion: 5, settings: readValidFields(file.settings) };
}

export const settingsFileSpec: DocumentSpec<SettingsFile> = {
  name: 'settings',
  label: 'your settings',
  version: SETTINGS_VERSION,
  schema: settingsFileSchema,
  migrations: { 0: migrateSettingsV0, 1: migrateSettingsV1, 2: migrateSettingsV2, 3: migrateSettingsV3, 4: migrateSettingsV4 },
  empty: () => ({ schemaVersion: SETTINGS_VERSION, settings: { ...defaultSettings } }),
};

/** Reads and writes the person's preferences (read once and kept in memory). */
export class SettingsService {
  constructor(private readonly doc: StoredDocument<SettingsFile>) {}

  get(): Settings {
    return this.doc.value.settings;
  }

  /** `patch` must already be validated (the handler table does it); only its keys change. */
  update(patch: SettingsPatch): Settings {
    const settings = settingsSchema.parse({ ...this.get(), ...patch });
    this.doc.write({ schemaVersion: SETTINGS_VERSION, settings });
    return settings;
  }
}
