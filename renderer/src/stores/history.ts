import { defineStore, storeToRefs } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { HistoryQuery } from '../../../core/bridge/requests';
import { UNDO_WINDOW_MS, type HistoryEntry, type PendingDeletion } from '../../../core/log/history';
import type { SessionPatch } from '../../../core/log/session-schema';
import type { SpasmPatch } from '../../../core/log/spasm-schema';
import { DEFAULT_DAY_START_HOUR, livedDay } from '../../../core/progress/lived-day';
import { useApi } from '../bridge/api-context';
import { useProgressStore } from './progress';
import { useSettingsStore } from './settings';

export const HISTORY_PAGE_SIZE = 50;
/** How often the undo countdown is redrawn and expired deletions are made final. */
const TICK_MS = 500;
/** While the undo countdown is held, the service's window is renewed this often (well inside its 10 s). */
const HOLD_RENEWAL_MS = 3_000;

export interface HistoryFilterValues {
  /** Inclusive local days (YYYY-MM-DD), '' for no limit. */
  from: string;
  to: string;
  /** '' for everything, 'spasms' for the diary only, or a routine id. */
  show: string;
}

/** A deletion and the moment (on the page's monotonic clock) its undo runs out. */
export interface UndoableDeletion {
  deletion: PendingDeletion;
  deadline: number;
}

export interface HistoryDay {
  /** The day the person lived the entries (YYYY-MM-DD): before the day-start hour, the night still belongs to the evening before. */
  day: string;
  entries: HistoryEntry[];
}

export const noHistoryFilters = (): HistoryFilterValues => ({ from: '', to: '', show: '' });

/** The service's query for these filters; `cursor` asks for the page after the last one. */
export function historyQuery(filters: HistoryFilterValues, cursor?: string): HistoryQuery {
  const { from, to, show } = filters;
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(show === 'spasms' ? { kinds: ['spasm'] } : show ? { routineId: show } : {}),
    limit: HISTORY_PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * Entries grouped by the day the person lived them, keeping the service's
 * order (newest first). It is the dashboard's day (core/progress/lived-day):
 * with the day starting at 4 a.m., a bedtime routine at 00:40 is listed with
 * the evening before, where the calendar of progress counts it.
 */
export function groupByDay(entries: readonly HistoryEntry[], dayStartHour: number): HistoryDay[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const day = livedDay(entry.kind === 'session' ? entry.record.startedAt : entry.record.occurredAt, dayStartHour);
    const group = groups.get(day);
    if (group) group.push(entry);
    else groups.set(day, [entry]);
  }
  return [...groups].map(([day, list]) => ({ day, entries: list }));
}

/** Counts down from when the answer arrived, on this page's own monotonic clock (the service's clock may differ). */
const undoable = (deletion: PendingDeletion): UndoableDeletion => ({ deletion, deadline: performance.now() + deletion.remainingMs });

const reason = (failure: unknown) => (failure as Error).message;

/**
 * The History screen's data: pages of entries under the chosen filters,
 * edits to them, and deletions that can be undone for 10 s (made final when
 * the time is up, or at once on "OK").
 */
export const useHistoryStore = defineStore('history', () => {
  const api = useApi();
  const progress = useProgressStore();
  const { settings } = storeToRefs(useSettingsStore());
  const filters = ref<HistoryFilterValues>(noHistoryFilters());
  const entries = shallowRef<HistoryEntry[]>([]);
  const nextCursor = ref<string | null>(null);
  /** False until the first answer (or failure), so "nothing here yet" never flashes before it. */
  const loaded = ref(false);
  const error = ref<string | null>(null);
  const pending = ref<UndoableDeletion[]>([]);
  /** The clock the undo countdown is drawn against, advanced while deletions are pending. */
  const now = ref(performance.now());

  const days = computed(() => groupByDay(entries.value, settings.value?.dayStartHour ?? DEFAULT_DAY_START_HOUR));
  const filtered = computed(() => Boolean(filters.value.from || filters.value.to || filters.value.show));

  /** Bumped by each fresh load, so a slow answer for older filters never replaces a newer one. */
  let generation = 0;
  /** The cursor of the page being fetched, so a double click does not append it twice. */
  let pagingFrom: string | null = null;

  async function read(fetchAndShow: () => Promise<void>): Promise<void> {
    try {
      await fetchAndShow();
      error.value = null;
    } catch (failure) {
      error.value = `Your history could not be loaded: ${reason(failure)}`;
    } finally {
      loaded.value = true;
    }
  }

  /** The first page again, under the current filters. */
  function reload(): Promise<void> {
    const asked = ++generation;
    return read(async () => {
      const page = await api.request('history:list', historyQuery(filters.value));
      if (asked !== generation) return;
      entries.value = page.entries;
      nextCursor.value = page.nextCursor;
    });
  }

  /** The next older page, after those shown. */
  async function loadMore(): Promise<void> {
    const cursor = nextCursor.value;
    if (!cursor || cursor === pagingFrom) return;
    const asked = generation;
    pagingFrom = cursor;
    await read(async () => {
      const page = await api.request('history:list', historyQuery(filters.value, cursor));
      if (asked !== generation) return;
      entries.value = [...entries.value, ...page.entries];
      nextCursor.value = page.nextCursor;
    });
    pagingFrom = null;
  }

  function setFilters(values: HistoryFilterValues): Promise<void> {
    filters.value = { ...values };
    return reload();
  }

  // ---- deletions that can still be undone ----
  let ticker: ReturnType<typeof setInterval> | undefined;

  /** Runs the countdown only while something can be undone. */
  function setPending(list: UndoableDeletion[]): void {
    pending.value = list;
    now.value = performance.now();
    if (list.length > 0 && ticker === undefined) ticker = setInterval(tick, TICK_MS);
    if (list.length === 0 && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
  }

  function tick(): void {
    now.value = performance.now();
    addHeldTime();
    for (const item of pending.value) if (item.deadline <= now.value) void confirm(item.deletion.id);
  }
  onScopeDispose(() => clearInterval(ticker));

  // ---- holding the countdown while the person is at the undo bar ----
  /** While held: the clock reading up to which held time has been added to the deadlines. */
  let heldUpTo: number | null = null;
  let holdRenewal: ReturnType<typeof setInterval> | undefined;

  /** The time spent held does not count: every deadline moves on by it. */
  function addHeldTime(): void {
    if (heldUpTo === null || now.value <= heldUpTo) return;
    const held = now.value - heldUpTo;
    heldUpTo = now.value;
    pending.value = pending.value.map((item) => ({ ...item, deadline: item.deadline + held }));
  }

  /** Tells the service how long each deletion must stay undoable (it ends them itself otherwise). */
  function keepOnService(forMs: (item: UndoableDeletion) => number): void {
    for (const item of pending.value) {
      const ms = Math.round(Math.min(UNDO_WINDOW_MS, Math.max(0, forMs(item))));
      void api.request('entries:hold-delete', { id: item.deletion.id, forMs: ms }).catch(() => undefined);
    }
  }

  /**
   * Holds the undo countdown while focus or the pointer is on the undo bar, so
   * reaching Undo by keyboard never costs the undo. The service is asked to
   * keep the deletions a full window ahead, renewed while held; on release it
   * gets the time left as shown, so both end together.
   */
  function holdUndo(held: boolean): void {
    if (held === (heldUpTo !== null)) return;
    now.value = performance.now();
    if (held) {
      heldUpTo = now.value;
      keepOnService(() => UNDO_WINDOW_MS);
      holdRenewal = setInterval(() => keepOnService(() => UNDO_WINDOW_MS), HOLD_RENEWAL_MS);
      return;
    }
    addHeldTime();
    heldUpTo = null;
    clearInterval(holdRenewal);
    keepOnService((item) => item.deadline - now.value);
  }
  onScopeDispose(() => clearInterval(holdRenewal));

  const withoutPending = (id: string) => pending.value.filter((item) => item.deletion.id !== id);

  async function remove(entry: HistoryEntry): Promise<void> {
    try {
      const deletion = await api.request('entries:delete', { kind: entry.kind, id: entry.record.id });
      // The entry is out of every figure at once (the service hides it until confirmed or undone).
      progress.markStale();
      setPending([...pending.value, undoable(deletion)]);
      entries.value = entries.value.filter((e) => e.record.id !== entry.record.id);
    } catch (failure) {
      error.value = `Not deleted: ${reason(failure)}`;
    }
  }

  /** Makes a deletion final now (on "OK", or once its time is up). The service does so itself anyway, so a failure is not shown. */
  async function confirm(id: string): Promise<void> {
    setPending(withoutPending(id));
    await api.request('entries:confirm-delete', { id }).catch(() => undefined);
  }

  async function undo(id: string): Promise<void> {
    setPending(withoutPending(id));
    await edit(() => api.request('entries:undo-delete', { id }));
  }

  // ---- edits ----
  /** Saves a change, then shows the list again as the service now orders it (a moved start time can change its day). */
  async function edit(change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
    } catch (failure) {
      error.value = `Not saved: ${reason(failure)}`;
      return;
    }
    progress.markStale();
    await reload();
  }

  const saveSession = (id: string, patch: SessionPatch) => edit(() => api.request('sessions:update', { id, patch }));
  const saveSpasm = (id: string, patch: SpasmPatch) => edit(() => api.request('spasms:update', { id, patch }));

  /**
   * The screen opens with no filters, as before, and asks for the first page and for
   * deletions still pending at once: those from before a restart can be undone within their 10 s.
   */
  async function open(): Promise<void> {
    filters.value = noHistoryFilters();
    const [deletions] = await Promise.all([api.request('entries:pending-deletions', null).catch(() => null), reload()]);
    if (!deletions) return;
    const known = new Set(deletions.map((deletion) => deletion.id));
    // The service's list wins; a deletion made while it was being fetched is kept.
    setPending([...deletions.map(undoable), ...pending.value.filter((item) => !known.has(item.deletion.id))]);
  }

  return {
    filters,
    entries,
    nextCursor,
    loaded,
    error,
    pending,
    now,
    days,
    filtered,
    open,
    reload,
    loadMore,
    setFilters,
    saveSession,
    saveSpasm,
    remove,
    undo,
    confirm,
    holdUndo,
  };
});
