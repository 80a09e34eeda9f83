import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../../../core/log/spasm-schema';
import { useApi } from '../bridge/api-context';
import { currentTimeZone, nowLocalIso } from '../format/local-time';
import { useProgressStore } from './progress';

/** A spasm of this strength happening now: the rest is optional and added afterwards. */
function spasmNow(intensity: number): NewSpasm {
  const occurredAt = nowLocalIso();
  return {
    occurredAt,
    localDay: occurredAt.slice(0, 10),
    timeZone: currentTimeZone(),
    intensity,
    duration: null,
    position: null,
    triggers: [],
    helped: [],
    note: '',
  };
}

/**
 * The night spasm being logged, in two taps: its strength saves it at once
 * with the time now, then details can be added to the same entry.
 */
export const useSpasmLogStore = defineStore('spasm-log', () => {
  const api = useApi();
  const progress = useProgressStore();
  /** The entry as stored, once the first tap has saved it. */
  const saved = ref<SpasmRecord | null>(null);
  const detailsSaved = ref(false);
  const error = ref<string | null>(null);

  /** A fresh log: each time the dialog opens it is a new spasm. */
  function begin(): void {
    saved.value = null;
    detailsSaved.value = false;
    error.value = null;
  }

  async function logNow(intensity: number): Promise<void> {
    try {
      saved.value = await api.request('spasms:create', spasmNow(intensity));
      progress.markStale();
      error.value = null;
    } catch (failure) {
      error.value = `Not saved: ${(failure as Error).message}`;
    }
  }

  async function saveDetails(patch: SpasmPatch): Promise<void> {
    const current = saved.value;
    if (!current) return;
    try {
      saved.value = await api.request('spasms:update', { id: current.id, patch });
      progress.markStale();
      detailsSaved.value = true;
      error.value = null;
    } catch (failure) {
      error.value = `Details not saved: ${(failure as Error).message}`;
    }
  }

  return { saved, detailsSaved, error, begin, logNow, saveDetails };
});
