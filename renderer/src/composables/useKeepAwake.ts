import { onBeforeUnmount, watch, type Ref } from 'vue';
import { api } from '../bridge';

/** Keeps the screen on while `active` is true (Electron's power-save blocker, or the Wake Lock API). */
export function useKeepAwake(active: Ref<boolean>): void {
  const set = (on: boolean) => void api.system.keepAwake(on).catch(() => undefined);
  watch(active, set, { immediate: true });
  onBeforeUnmount(() => set(false));
}
