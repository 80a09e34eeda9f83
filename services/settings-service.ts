import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../core/settings/settings-schema';
import type { KeyValueStore } from './storage/key-value-store';

const KEY = 'settings';

/** Keeps each stored field that is still valid; anything missing or damaged falls back to its default. */
function readValidFields(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = { ...defaultSettings };
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (key in record && schema.safeParse(record[key]).success) settings[key] = record[key];
  }
  return settings as Settings;
}

/** Reads and writes the person's preferences. */
export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  get(): Settings {
    return readValidFields(this.store.get(KEY));
  }

  /** `patch` must already be validated (the handler table does it); only its keys change. */
  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set(KEY, next);
    return next;
  }
}
