import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { ContentBundle, Prescription } from '../../../core/bridge/requests';
import type { Exercise } from '../../../core/content/exercise-schema';
import type { Routine } from '../../../core/content/routine-schema';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import type { Settings } from '../../../core/settings/settings-schema';
import { withTimeToSpeak } from '../../../core/player/time-to-speak';
import { planRoutine, withEasierVersion, withEasierVersionsChosen, type RoutinePlan } from '../../../core/player/timeline';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';

/** The settings that shape a routine's timeline. */
type TimelineSettings = Pick<Settings, 'leadInSeconds' | 'voiceCues' | 'voiceRate'>;

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

  /** With spoken cues on (the default), every get-ready lasts as long as what is said in it at the chosen voice speed. */
  const timed = (plan: RoutinePlan, settings: TimelineSettings | null) => ((settings?.voiceCues ?? true) ? withTimeToSpeak(plan, settings?.voiceRate ?? 1) : plan);

  /**
   * The routine's plan as it will play: a lead-in chosen in settings replaces
   * the routine's own, and, for a routine resumed after an interruption, the
   * easier versions its saved run had chosen are chosen again.
   */
  function planFor(routine: Routine, settings: TimelineSettings | null, chosen: RoutineProgress['exercises'] = []): RoutinePlan {
    const leadInSeconds = settings?.leadInSeconds ?? null;
    const plan = planRoutine(leadInSeconds === null ? routine : { ...routine, leadInSeconds }, exercisesById.value);
    return timed(withEasierVersionsChosen(plan, chosen, exercisesById.value), settings);
  }

  /** The plan with item `index` swapped for its easier version, timed as planFor times it; null when it has none. */
  function easierAt(plan: RoutinePlan, index: number, settings: TimelineSettings | null): RoutinePlan | null {
    const swapped = withEasierVersion(plan, index, exercisesById.value);
    return swapped && timed(swapped, settings);
  }

  return { content, routines, exercisesById, prescriptions, load, preview, addPrescribed, removePrescribed, findRoutine, planFor, easierAt };
});
