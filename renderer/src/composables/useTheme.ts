import { storeToRefs } from 'pinia';
import { watchEffect } from 'vue';
import { useNightModeStore } from '../stores/night-mode';
import { useSettingsStore } from '../stores/settings';

/** Applies the theme: night mode when on, else the setting ("system" leaves it to `prefers-color-scheme`). */
export function useTheme(): void {
  const { settings } = storeToRefs(useSettingsStore());
  const { nightOn } = storeToRefs(useNightModeStore());
  watchEffect(() => {
    const theme = nightOn.value ? 'night' : (settings.value?.theme ?? 'system');
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  });
}
