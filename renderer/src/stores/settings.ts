import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Settings, SettingsPatch } from '../../../core/settings/settings-schema';
import { useApi } from '../bridge/api-context';

/** The person's preferences, loaded once and saved on every change. */
export const useSettingsStore = defineStore('settings', () => {
  const api = useApi();
  const settings = ref<Settings | null>(null);
  const saveError = ref<string | null>(null);

  const safetyAcknowledged = computed(() => Boolean(settings.value?.safetyAcknowledgedAt));

  let loading: Promise<void> | null = null;

  /** Loads settings once; callers arriving while it loads share the same request. */
  function load(): Promise<void> {
    loading ??= api.request('settings:get', null).then(
      (loaded) => {
        settings.value = loaded;
      },
      (error: unknown) => {
        loading = null; // let a later screen try again
        throw error;
      },
    );
    return loading;
  }

  /** Reads them again: a restored backup has replaced them. */
  function reload(): Promise<void> {
    loading = null;
    return load();
  }

  async function update(patch: SettingsPatch): Promise<void> {
    try {
      settings.value = await api.request('settings:update', patch);
      saveError.value = null;
    } catch (error) {
      saveError.value = `Your change was not saved: ${(error as Error).message}`;
    }
  }

  function acknowledgeSafety(): Promise<void> {
    return update({ safetyAcknowledgedAt: new Date().toISOString() });
  }

  return { settings, saveError, safetyAcknowledged, load, reload, update, acknowledgeSafety };
});
