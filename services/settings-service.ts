import { settingsSchema, type Settings, type SettingsPatch } from '../core/settings/settings-schema';
import type { SettingsFile } from './settings-file';
import type { StoredDocument } from './storage/stored-document';

/** Reads and writes the person's preferences (`settings.json`, read once and kept in memory). */
export class SettingsService {
  constructor(private readonly doc: StoredDocument<SettingsFile>) {}

  get(): Settings {
    return this.doc.value.settings;
  }

  /** `patch` must already be validated (the handler table does it); only its keys change. */
  update(patch: SettingsPatch): Settings {
    const settings = settingsSchema.parse({ ...this.get(), ...patch });
    this.doc.write({ schemaVersion: 1, settings });
    return settings;
  }
}
