import { defineStore, storeToRefs } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Plan, PlanTarget } from '../../../core/plan/plan-schema';
import type { Dashboard, Milestone, RangeKey } from '../../../core/progress/dashboard';
import { useApi } from '../bridge/api-context';
import { nowLocalIso } from '../format/local-time';
import { useSettingsStore } from './settings';

/** What settings keep of milestones already celebrated (the schema's limit). */
const MAX_SEEN = 100;

const reason = (failure: unknown) => (failure as Error).message;

/**
 * The plan and the dashboard computed from it and the log. The dashboard is
 * never kept up to date piece by piece: anything that changes what it counts
 * (a session or spasm saved, edited or deleted, the plan or the day rules
 * changed) only marks it stale, and the screens that show it ask for it
 * again when they are shown. So there is one way the numbers are made, the
 * service's, and History and the dashboard cannot disagree.
 */
export const useProgressStore = defineStore('progress', () => {
  const api = useApi();
  const settingsStore = useSettingsStore();
  const { settings } = storeToRefs(settingsStore);

  const range = ref<RangeKey>('4-weeks');
  const dashboard = shallowRef<Dashboard | null>(null);
  const plan = shallowRef<Plan | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Milestones being celebrated right now (already recorded as seen, so they are shown once). */
  const celebrating = ref<Milestone[]>([]);

  /** Whether something changed since the dashboard was last asked for. */
  let stale = true;
  /** The hour (local, "YYYY-MM-DDTHH") of the last answer: days start on the hour, so a new hour may be a new day. */
  let answeredInHour = '';
  /** Bumped by each request, so a slow answer for an older range never replaces a newer one. */
  let generation = 0;

  const hourNow = () => nowLocalIso().slice(0, 13);

  /** Called by whatever changes what the dashboard counts: a session or spasm saved, edited or deleted. */
  function markStale(): void {
    stale = true;
  }

  // The stores that write the log call markStale(). The day and week rules, which decide every figure,
  // are watched here (their first arrival, as settings load, changes nothing).
  watch(
    () => [settings.value?.dayStartHour, settings.value?.weekStartsOn] as const,
    (_rules, before) => {
      if (before[0] !== undefined) markStale();
    },
  );

  /** Asks for the dashboard of the chosen range now; the one shown stays until the answer comes. */
  async function load(): Promise<void> {
    const asked = ++generation;
    const askedInHour = hourNow();
    loading.value = true;
    stale = false;
    try {
      const answer = await api.request('dashboard:get', { now: nowLocalIso(), range: range.value });
      if (asked !== generation) return;
      dashboard.value = answer;
      answeredInHour = askedInHour;
      error.value = null;
    } catch (failure) {
      if (asked !== generation) return;
      stale = true;
      error.value = `Your progress could not be loaded: ${reason(failure)}`;
    } finally {
      if (asked === generation) loading.value = false;
    }
  }

  /** For a screen being shown: asks again only when something changed, the range differs, or the hour (maybe the day) has turned. */
  function refresh(): Promise<void> {
    const current = dashboard.value;
    if (!stale && current && current.range.key === range.value && answeredInHour === hourNow()) return Promise.resolve();
    return load();
  }

  function setRange(key: RangeKey): Promise<void> {
    if (key === range.value && dashboard.value?.range.key === key && !stale) return Promise.resolve();
    range.value = key;
    return load();
  }

  // ---- milestones ----
  const seen = computed(() => new Set(settings.value?.milestonesSeen ?? []));

  /**
   * Celebrates, once, the milestones the person has not been shown yet: they
   * are recorded as seen at once, so leaving the screen never brings the same
   * note back (no nagging); the note stays until dismissed or the screen is left.
   */
  async function celebrateNew(): Promise<void> {
    const reached = dashboard.value?.milestones ?? [];
    if (!settings.value) await settingsStore.load().catch(() => undefined);
    if (!settings.value) return; // without settings we cannot know what was seen: better no note than a repeated one
    const fresh = reached.filter((milestone) => !seen.value.has(milestone.id));
    if (fresh.length === 0) return;
    celebrating.value = [...celebrating.value, ...fresh.filter((m) => !celebrating.value.some((shown) => shown.id === m.id))];
    const ids = [...settings.value.milestonesSeen, ...fresh.map((milestone) => milestone.id)];
    await settingsStore.update({ milestonesSeen: ids.slice(-MAX_SEEN) });
  }

  function dismissCelebration(): void {
    celebrating.value = [];
  }

  // ---- the plan ----
  const planError = ref<string | null>(null);

  async function loadPlan(): Promise<void> {
    try {
      plan.value = await api.request('plan:get', { now: nowLocalIso() });
      planError.value = null;
    } catch (failure) {
      planError.value = `Your plan could not be loaded: ${reason(failure)}`;
    }
  }

  /** Runs one plan change; true when saved. The message on failure is the service's, naming the field. */
  async function changePlanWith(change: () => Promise<Plan>): Promise<boolean> {
    try {
      plan.value = await change();
      planError.value = null;
      markStale();
      return true;
    } catch (failure) {
      planError.value = `Not saved: ${reason(failure)}`;
      return false;
    }
  }

  /** A new plan from today; earlier days keep the plan then in force. */
  const changePlan = (target: PlanTarget) => changePlanWith(() => api.request('plan:change', { now: nowLocalIso(), target }));
  const pause = (from: string, to: string, why: string) => changePlanWith(() => api.request('plan:pause', { now: nowLocalIso(), from, to, reason: why }));
  const endPause = (id: string) => changePlanWith(() => api.request('plan:end-pause', { now: nowLocalIso(), id }));

  return {
    range,
    dashboard,
    plan,
    loading,
    error,
    planError,
    celebrating,
    markStale,
    load,
    refresh,
    setRange,
    celebrateNew,
    dismissCelebration,
    loadPlan,
    changePlan,
    pause,
    endPause,
  };
});
