import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { isNightModeOn, toggleNightMode, type NightOverride } from '../../../core/settings/night-mode';
import { useSettingsStore } from './settings';

/** How often the automatic night mode looks at the clock: it changes on the hour, so a minute late is fine. */
const CLOCK_CHECK_MS = 60_000;

/**
 * Night mode: whether it is on now, and the one-tap switch shown in the
 * header and the player. The rules live in core/settings/night-mode.ts.
 */
export const useNightModeStore = defineStore('night-mode', () => {
  const settingsStore = useSettingsStore();
  const { settings } = storeToRefs(settingsStore);
  const now = shallowRef(new Date());
  const override = ref<NightOverride | null>(null);
  setInterval(() => (now.value = new Date()), CLOCK_CHECK_MS);

  const nightOn = computed(() => (settings.value ? isNightModeOn(settings.value, now.value, override.value) : false));

  function toggle(): void {
    if (!settings.value) return;
    now.value = new Date();
    const change = toggleNightMode(settings.value, now.value, override.value);
    override.value = change.override;
    if (change.nightMode) void settingsStore.update({ nightMode: change.nightMode });
  }

  return { nightOn, toggle };
});
