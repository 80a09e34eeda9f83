import { defineStore } from 'pinia';
import { onScopeDispose, ref } from 'vue';
import type { StorageNotice } from '../../../core/log/history';
import { useApi } from '../bridge/api-context';

/**
 * What happened to stored data that the person should know: a recovery from
 * a backup, a failed write. Any reply may carry the changed list (a damaged
 * file found while a screen read its data), and it replaces ours at once, so
 * the notice shows on the screen that found it rather than on the next visit.
 */
export const useNoticesStore = defineStore('notices', () => {
  const api = useApi();
  const notices = ref<StorageNotice[]>([]);

  onScopeDispose(
    api.onNotices((list) => {
      notices.value = list;
    }),
  );

  async function refresh(): Promise<void> {
    // On failure keep what is shown: an error reading notices must not hide the ones we have.
    notices.value = await api.request('storage:notices', null).catch(() => notices.value);
  }

  async function dismiss(id: string): Promise<void> {
    await api.request('storage:dismiss-notice', { id }).catch(() => undefined);
    await refresh();
  }

  return { notices, refresh, dismiss };
});
