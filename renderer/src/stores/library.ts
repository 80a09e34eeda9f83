import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ContentBundle, Prescription } from '../../../core/bridge/requests';
import type { Exercise } from '../../../core/content/exercise-schema';
import type { Routine } from '../../../core/content/routine-schema';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';

/** The routine and exercise library (bundled, and routines a therapist prescribed), and each routine laid out on its timeline. */
export const useLibraryStore = defineStore('library', () => {
  const api = useApi();
  const content = shallowRef<ContentBundle | null>(null);

  const routines = computed<Routine[]>(() => content.value?.routines ?? []);
  const exercisesById = computed(() => new Map<string, Exercise>((content.value?.exercises ?? []).map((e) => [e.id, e])));

  let loading: Promise<void> | null = null;

  /** Loads the library once; callers arriving while it loads share the same request. */
  function load(): Promise<void> {
    loading ??= api.request('content:load', null).then(
      (bundle) => {
        content.value = bundle;
      },
      (error: unknown) => {
        loading = null; // let a later screen try again
        throw error;
      },
    );
    return loading;
  }

  /** Who prescribed each routine that came from a therapist, by routine id. */
  const prescriptions = computed(() => new Map<string, Prescription>((content.value?.prescriptions ?? []).map((p) => [p.routineId, p])));

  /** A therapist's routine file checked whole, for the person to see before adding it (throws with what is wrong). */
  const preview = (text: string) => api.request('routines:preview', { text });

  async function addPrescribed(text: string): Promise<void> {
    content.value = await api.request('routines:add', { text });
  }

  async function removePrescribed(routineId: string): Promise<void> {
    content.value = await api.request('routines:remove', { now: nowLocalIso(), routineId });
  }

  function findRoutine(id: string): Routine | undefined {
    return routines.value.find((routine) => routine.id === id);
  }

  /** The routine's plan; `leadInSeconds` (from settings) replaces the routine's own get-ready time. */
  function planFor(routine: Routine, leadInSeconds: number | null = null): RoutinePlan {
    const adjusted = leadInSeconds === null ? routine : { ...routine, leadInSeconds };
    return planRoutine(adjusted, exercisesById.value);
  }

  return { content, routines, exercisesById, prescriptions, load, preview, addPrescribed, removePrescribed, findRoutine, planFor };
});
