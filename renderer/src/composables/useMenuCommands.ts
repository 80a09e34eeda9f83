import { onBeforeUnmount, onMounted } from 'vue';
import type { MenuCommand } from '../../../core/bridge/bridge-api';
import { useApi } from '../bridge/api-context';

/** Calls `onCommand` for each app menu choice while the calling component is mounted (the browser host has no menu). */
export function useMenuCommands(onCommand: (command: MenuCommand) => void): void {
  const { system } = useApi();
  let stop: () => void = () => undefined;
  onMounted(() => {
    stop = system.onMenuCommand(onCommand);
  });
  onBeforeUnmount(() => stop());
}
