import { watchEffect } from 'vue';
import { useSettingsStore } from '../stores/settings';

/** Applies the theme setting; "system" leaves it to `prefers-color-scheme`. */
export function useTheme(): void {
  const settings = useSettingsStore();
  watchEffect(() => {
    const theme = settings.settings?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  });
}
