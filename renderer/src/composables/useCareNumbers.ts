import { storeToRefs } from 'pinia';
import { computed, type ComputedRef } from 'vue';
import { careNumbers, type CareNumbers } from '../../../core/safety/safety-guidance';
import { useSettingsStore } from '../stores/settings';

/** The region of the system's locale ("en-GB" → "GB"), or null when it names none. */
export function systemRegion(): string | null {
  try {
    return new Intl.Locale(navigator.language).region ?? null;
  } catch {
    return null; // an odd locale string: name no number rather than a wrong one
  }
}

/** The emergency and advice numbers to name: the place chosen in Settings, or the system's own. */
export function useCareNumbers(): ComputedRef<CareNumbers> {
  const { settings } = storeToRefs(useSettingsStore());
  return computed(() => careNumbers(settings.value?.careRegion ?? systemRegion()));
}
