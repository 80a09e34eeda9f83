import { storeToRefs } from 'pinia';
import { watchEffect } from 'vue';
import { useSettingsStore } from '../stores/settings';

/** Applies the theme setting; "system" leaves it to `prefers-color-scheme`. */
export function useTheme(): void {
  const { settings } = storeToRefs(useSettingsStore());
  watchEffect(() => {
    const theme = settings.value?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  });
}
