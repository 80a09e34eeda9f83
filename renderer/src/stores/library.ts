import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ContentBundle } from '../../../core/bridge/requests';
import type { Exercise } from '../../../core/content/exercise-schema';
import type { Routine } from '../../../core/content/routine-schema';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';
import { useApi } from '../bridge/api-context';

/** The routine and exercise library, and each routine laid out on its timeline. */
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

  function findRoutine(id: string): Routine | undefined {
    return routines.value.find((routine) => routine.id === id);
  }

  /** The routine's plan; `leadInSeconds` (from settings) replaces the routine's own get-ready time. */
  function planFor(routine: Routine, leadInSeconds: number | null = null): RoutinePlan {
    const adjusted = leadInSeconds === null ? routine : { ...routine, leadInSeconds };
    return planRoutine(adjusted, exercisesById.value);
  }

  return { content, routines, exercisesById, load, findRoutine, planFor };
});
