import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import { sessionFromProgress } from '../../../core/log/session-from-player';
import type { NewSession, SessionPatch, SessionRecord } from '../../../core/log/session-schema';
import { useApi } from '../bridge/api-context';
import { currentTimeZone } from '../format/local-time';
import { useProgressStore } from './progress';

/**
 * Where a routine's run is kept: its progress (saved after each exercise and
 * on pause, so an interrupted routine is never lost), the session it becomes,
 * and the offer to pick up a routine the app was closed in the middle of.
 */
export const usePlayerPersistenceStore = defineStore('player-persistence', () => {
  const api = useApi();
  // Named apart from the routine's saved `progress` below: this is the dashboard's store.
  const progressStore = useProgressStore();
  /** A routine interrupted before it ended (the app closed or crashed), offered on the library screen. */
  const interrupted = shallowRef<RoutineProgress | null>(null);
  const offerError = ref<string | null>(null);

  /** Looks for an interrupted routine; until the answer nothing is offered (never an old offer). */
  async function checkInterrupted(): Promise<void> {
    interrupted.value = null;
    offerError.value = null;
    interrupted.value = await api.request('progress:get', null).catch(() => null);
  }

  /** "Save what I did and finish": the interrupted run becomes a session (the service then clears its progress). */
  async function keepInterrupted(): Promise<void> {
    const run = interrupted.value;
    if (!run) return;
    try {
      await api.request('sessions:save', sessionFromProgress(run, currentTimeZone()));
      progressStore.markStale();
      interrupted.value = null;
      offerError.value = null;
    } catch (failure) {
      offerError.value = `Not saved: ${(failure as Error).message}`;
    }
  }

  /** The saved progress of this routine, to carry on from; null when there is none, or it is another routine's. */
  async function progressOf(routineId: string): Promise<RoutineProgress | null> {
    const progress = await api.request('progress:get', null).catch(() => null);
    return progress?.routine.id === routineId ? progress : null;
  }

  async function saveProgress(progress: RoutineProgress): Promise<void> {
    await api.request('progress:save', progress);
  }

  /** Records a run that has ended; the service clears its saved progress. */
  async function saveSession(session: NewSession): Promise<SessionRecord> {
    try {
      return await api.request('sessions:save', session);
    } finally {
      // Even a failed save may land later (a storage failure is retried by the service).
      progressStore.markStale();
    }
  }

  async function updateSession(id: string, patch: SessionPatch): Promise<SessionRecord> {
    const updated = await api.request('sessions:update', { id, patch });
    progressStore.markStale();
    return updated;
  }

  return { interrupted, offerError, checkInterrupted, keepInterrupted, progressOf, saveProgress, saveSession, updateSession };
});
