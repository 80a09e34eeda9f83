import { settingsSchema, type Settings, type SettingsPatch } from '../core/settings/settings-schema';
import type { KeyValueStore } from './storage/key-value-store';

const KEY = 'settings';

/** Reads and writes the person's preferences; anything unreadable falls back to defaults field by field. */
export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  get(): Settings {
    const stored = this.store.get(KEY);
    const parsed = settingsSchema.safeParse(stored ?? {});
    if (parsed.success) return parsed.data;
    // Keep every field that is still valid rather than resetting everything.
    const partial = Object.fromEntries(
      Object.entries(typeof stored === 'object' && stored !== null ? stored : {}).filter(
        ([key, value]) => key in settingsSchema.shape && settingsSchema.shape[key as keyof Settings].safeParse(value).success,
      ),
    );
    return settingsSchema.parse(partial);
  }

  /** `patch` must already be validated (the handler table does it). */
  update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...this.get(), ...patch });
    this.store.set(KEY, next);
    return next;
  }
}
