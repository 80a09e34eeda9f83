import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BackupSummary, RestoreMode, RestoreResult } from '../../../core/backup/backup-file';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';
import { useExportsStore } from './exports';
import { useProgressStore } from './progress';
import { useSettingsStore } from './settings';

/** A backup file picked for restoring, checked whole, waiting for the person's choice. */
export interface PickedBackup {
  name: string;
  text: string;
  summary: BackupSummary;
}

/**
 * The full backup: saved where the person chooses; restored from a file they
 * pick, which the services check whole before anything changes. After a
 * restore every screen's data is read again.
 */
export const useBackupStore = defineStore('backup', () => {
  const api = useApi();
  const exportsStore = useExportsStore();
  const picked = shallowRef<PickedBackup | null>(null);
  const problem = ref<string | null>(null);
  const restored = shallowRef<RestoreResult | null>(null);
  const busy = ref(false);

  function save(): Promise<void> {
    return exportsStore.run('The backup', async () => api.system.saveFile(await api.request('backup:create', { now: nowLocalIso() })));
  }

  async function pick(): Promise<void> {
    problem.value = null;
    restored.value = null;
    picked.value = null;
    busy.value = true;
    try {
      const file = await api.system.openFile('backup');
      if (file) picked.value = { ...file, summary: await api.request('backup:check', { text: file.text }) };
    } catch (failure) {
      problem.value = `This file cannot be restored: ${(failure as Error).message}`;
    } finally {
      busy.value = false;
    }
  }

  async function restore(mode: RestoreMode): Promise<void> {
    const file = picked.value;
    if (!file) return;
    busy.value = true;
    try {
      restored.value = await api.request('backup:restore', { text: file.text, mode });
      picked.value = null;
      useProgressStore().markStale();
      await useSettingsStore().reload();
    } catch (failure) {
      problem.value = `Nothing was restored: ${(failure as Error).message}`;
    } finally {
      busy.value = false;
    }
  }

  function cancel(): void {
    picked.value = null;
  }

  return { picked, problem, restored, busy, save, pick, restore, cancel };
});
