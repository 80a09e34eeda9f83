import { onBeforeUnmount, watch, type Ref } from 'vue';
import { useApi } from '../bridge/api-context';

/** Keeps the screen on while `active` is true (Electron's power-save blocker, or the Wake Lock API). */
export function useKeepAwake(active: Ref<boolean>): void {
  const { system } = useApi();
  // Not keeping the screen on is never worth interrupting a routine for.
  const set = (on: boolean) => void system.keepAwake(on).catch(() => undefined);
  watch(active, set, { immediate: true });
  onBeforeUnmount(() => set(false));
}
