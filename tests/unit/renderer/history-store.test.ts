// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryQuery } from '../../../core/bridge/requests';
import { entryInstant, type HistoryEntry, type HistoryPage, type PendingDeletion } from '../../../core/log/history';
import { groupByDay, historyQuery, HISTORY_PAGE_SIZE, noHistoryFilters, useHistoryStore } from '../../../renderer/src/stores/history';
import { createFakeApi, failWith, installFakeApi, type FakeApi, type FakeHandlers } from './support/fake-api';
import { nameOf, sessionEntry, spasmEntry, testId } from './support/records';

/**
 * A small history service in memory: newest first, filtered and paged like
 * the real one (the cursor is the offset of the next entry), with deletions
 * that hide an entry until undone or confirmed.
 */
function historyService(initial: HistoryEntry[], remainingMs = 10_000) {
  const shown = [...initial];
  const hidden = new Map<string, { entry: HistoryEntry; deletion: PendingDeletion }>();

  const matches = (entry: HistoryEntry, query: HistoryQuery) =>
    (!query.from || entry.record.localDay >= query.from) &&
    (!query.to || entry.record.localDay <= query.to) &&
    (!query.kinds || query.kinds.includes(entry.kind)) &&
    (!query.routineId || (entry.kind === 'session' && entry.record.routine.id === query.routineId));

  function list(query: HistoryQuery): HistoryPage {
    const start = Number(query.cursor ?? 0);
    const limit = query.limit ?? 100;
    const all = shown.filter((entry) => matches(entry, query));
    const end = start + limit;
    return { entries: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
  }

  const handlers: FakeHandlers = {
    'history:list': list,
    'entries:pending-deletions': () => [...hidden.values()].map((h) => h.deletion),
    'entries:delete': ({ kind, id }) => {
      const index = shown.findIndex((entry) => entry.record.id === id);
      const [entry] = shown.splice(index, 1);
      const deletion = { id, kind, summary: `entry ${nameOf(id)}`, deletedAt: '2026-11-24T12:00:00Z', expiresAt: '2026-11-24T12:00:10Z', remainingMs };
      hidden.set(id, { entry: entry!, deletion });
      return deletion;
    },
    'entries:undo-delete': ({ id }) => {
      const restored = hidden.get(id)!;
      hidden.delete(id);
      shown.push(restored.entry);
      shown.sort((a, b) => Date.parse(entryInstant(b)) - Date.parse(entryInstant(a)));
      return null;
    },
    'entries:confirm-delete': ({ id }) => {
      hidden.delete(id);
      return null;
    },
    'entries:hold-delete': () => null,
    'sessions:update': ({ id, patch }) => {
      const entry = shown.find((e) => e.record.id === id && e.kind === 'session');
      if (!entry || entry.kind !== 'session') throw failWith('No such session.');
      entry.record = { ...entry.record, ...patch };
      return entry.record;
    },
  };
  return { handlers, shown, hidden };
}

/** Three days, newest first: two entries on the 22nd, one on the 20th. */
const threeEntries = () => [
  sessionEntry('s2', '2026-11-22T21:45:00+00:00', 'core-strength'),
  spasmEntry('p1', '2026-11-22T05:10:00+00:00', 8),
  sessionEntry('s1', '2026-11-20T21:30:00+00:00'),
];

/** `count` sessions, one a day going back from 30 November. */
function manySessions(count: number): HistoryEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 30 - i)).toISOString().slice(0, 10);
    return sessionEntry(`s${i}`, `${day}T21:00:00+00:00`);
  });
}

let api: FakeApi;

function setup(entries: HistoryEntry[], remainingMs?: number) {
  const service = historyService(entries, remainingMs);
  api = createFakeApi(service.handlers);
  installFakeApi(api);
  return { store: useHistoryStore(), service };
}

const ids = (entries: HistoryEntry[]) => entries.map((e) => nameOf(e.record.id));
const byId = (name: string) => ({ id: testId(name) });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('history query and grouping', () => {
  it('turns the filters into the service query', () => {
    expect(historyQuery(noHistoryFilters())).toEqual({ limit: HISTORY_PAGE_SIZE });
    expect(historyQuery({ from: '2026-11-01', to: '2026-11-30', show: 'spasms' }, 'c1')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      kinds: ['spasm'],
      limit: HISTORY_PAGE_SIZE,
      cursor: 'c1',
    });
    expect(historyQuery({ from: '', to: '', show: 'core-strength' })).toEqual({ routineId: 'core-strength', limit: HISTORY_PAGE_SIZE });
  });

  it('groups entries by the local day they were lived, keeping newest first', () => {
    // 23:30 in New York on the 21st is already the 22nd in UTC: the local day decides.
    const lateNight = sessionEntry('ny', '2026-11-21T23:30:00-05:00');
    const groups = groupByDay([...threeEntries().slice(0, 2), lateNight, threeEntries()[2]!], 4);
    expect(groups.map((g) => [g.day, ids(g.entries)])).toEqual([
      ['2026-11-22', ['s2', 'p1']],
      ['2026-11-21', ['ny']],
      ['2026-11-20', ['s1']],
    ]);
  });

  it('lists the small hours with the evening before when the day starts at 4, as the dashboard counts them', () => {
    // Newest first, as the service lists them.
    const night = [
      spasmEntry('spasm', '2026-11-25T03:59:00+01:00', 6),
      sessionEntry('late', '2026-11-25T00:40:00+01:00'),
      sessionEntry('evening', '2026-11-24T22:10:00+01:00'),
    ];
    expect(groupByDay(night, 4).map((g) => [g.day, ids(g.entries)])).toEqual([['2026-11-24', ['spasm', 'late', 'evening']]]);
    const atMidnight = groupByDay(night, 0);
    expect(atMidnight.map((g) => [g.day, ids(g.entries)])).toEqual([
      ['2026-11-25', ['spasm', 'late']],
      ['2026-11-24', ['evening']],
    ]);
  });
});

describe('history store: pages and filters', () => {
  it('opens on the first page with no filters, grouped by day', async () => {
    const { store } = setup(threeEntries());
    expect(store.loaded).toBe(false);
    await store.open();
    expect(api.payloadsOf('history:list')).toEqual([{ limit: HISTORY_PAGE_SIZE }]);
    expect(store.loaded).toBe(true);
    expect(store.days.map((d) => [d.day, ids(d.entries)])).toEqual([
      ['2026-11-22', ['s2', 'p1']],
      ['2026-11-20', ['s1']],
    ]);
    expect(store.nextCursor).toBeNull();
  });

  it('pages with the cursor, appending older entries until there are none', async () => {
    const { store } = setup(manySessions(HISTORY_PAGE_SIZE + 5));
    await store.open();
    expect(store.entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(store.nextCursor).toBe(String(HISTORY_PAGE_SIZE));

    await store.loadMore();
    expect(api.payloadsOf('history:list').at(-1)).toEqual({ limit: HISTORY_PAGE_SIZE, cursor: String(HISTORY_PAGE_SIZE) });
    expect(ids(store.entries)).toEqual(ids(manySessions(HISTORY_PAGE_SIZE + 5)));
    expect(store.nextCursor).toBeNull();

    await store.loadMore();
    expect(api.payloadsOf('history:list')).toHaveLength(2);
  });

  it('asks for a page once when "Show older entries" is pressed twice quickly', async () => {
    const { store } = setup(manySessions(HISTORY_PAGE_SIZE + 5));
    await store.open();
    await Promise.all([store.loadMore(), store.loadMore()]);
    expect(api.payloadsOf('history:list')).toHaveLength(2);
    expect(new Set(ids(store.entries)).size).toBe(HISTORY_PAGE_SIZE + 5);
  });

  it('reloads under new filters, and opening again clears them', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.setFilters({ from: '', to: '', show: 'spasms' });
    expect(api.payloadsOf('history:list').at(-1)).toEqual({ kinds: ['spasm'], limit: HISTORY_PAGE_SIZE });
    expect(ids(store.entries)).toEqual(['p1']);
    expect(store.filtered).toBe(true);

    await store.setFilters({ from: '2026-11-21', to: '', show: '' });
    expect(ids(store.entries)).toEqual(['s2', 'p1']);

    await store.open();
    expect(store.filters).toEqual(noHistoryFilters());
    expect(store.filtered).toBe(false);
    expect(store.entries).toHaveLength(3);
  });

  it('keeps the answer for the newest filters when an older answer arrives late', async () => {
    const { store, service } = setup(threeEntries());
    let releaseSlow: () => void = () => undefined;
    const list = service.handlers['history:list']!;
    service.handlers['history:list'] = async (query) => {
      if (query.routineId === 'core-strength') await new Promise<void>((resolve) => (releaseSlow = resolve));
      return list(query);
    };
    const slow = store.setFilters({ from: '', to: '', show: 'core-strength' });
    await store.setFilters({ from: '', to: '', show: 'spasms' });
    releaseSlow();
    await slow;
    expect(store.filters.show).toBe('spasms');
    expect(ids(store.entries)).toEqual(['p1']);
  });

  it('says why the history could not be loaded', async () => {
    const { store, service } = setup(threeEntries());
    service.handlers['history:list'] = () => {
      throw failWith('The history file could not be read.');
    };
    await store.open();
    expect(store.loaded).toBe(true);
    expect(store.error).toBe('Your history could not be loaded: The history file could not be read.');
  });
});

describe('history store: edits', () => {
  it('saves a session change and shows the list as stored', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.saveSession(testId('s1'), { painAfter: 2 });
    expect(api.payloadsOf('sessions:update')).toEqual([{ id: testId('s1'), patch: { painAfter: 2 } }]);
    const s1 = store.entries.find((e) => nameOf(e.record.id) === 's1');
    expect(s1?.kind === 'session' && s1.record.painAfter).toBe(2);
    expect(api.payloadsOf('history:list')).toHaveLength(2);
  });

  it('says what was not saved, and keeps the list', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.saveSession(testId('missing'), { note: 'x' });
    expect(store.error).toBe('Not saved: No such session.');
    expect(store.entries).toHaveLength(3);
  });
});

describe('history store: deletion with undo', () => {
  it('hides the entry and makes the deletion final once the service’s 10 s are up', async () => {
    const { store, service } = setup(threeEntries());
    await store.open();
    await store.remove(store.entries[1]!);

    expect(ids(store.entries)).toEqual(['s2', 's1']);
    expect(store.pending.map((p) => nameOf(p.deletion.id))).toEqual(['p1']);
    expect(store.pending[0]!.deadline - store.now).toBe(10_000);

    await vi.advanceTimersByTimeAsync(9_500);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([]);
    expect(Math.ceil((store.pending[0]!.deadline - store.now) / 1000)).toBe(1);

    await vi.advanceTimersByTimeAsync(500);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([byId('p1')]);
    expect(store.pending).toEqual([]);
    expect(service.hidden.size).toBe(0);

    // Nothing left to count down: the timer stops.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds the countdown while the person is at the undo bar, here and in the service, and resumes from where it stood', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.remove(store.entries[1]!);
    await vi.advanceTimersByTimeAsync(8_000);
    store.holdUndo(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([]);
    expect(Math.round((store.pending[0]!.deadline - store.now) / 100) * 100).toBe(2_000);
    // The service is kept a full window ahead: at once and every 3 s while held.
    const holds = api.payloadsOf('entries:hold-delete');
    expect(holds).toHaveLength(11);
    expect(holds.every((payload) => JSON.stringify(payload) === JSON.stringify({ id: testId('p1'), forMs: 10_000 }))).toBe(true);
    store.holdUndo(false);
    expect(api.payloadsOf('entries:hold-delete').at(-1)).toEqual({ id: testId('p1'), forMs: 2_000 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([byId('p1')]);
  });

  it('counts down from the time the service says is left, not a fresh 10 s', async () => {
    const { store } = setup(threeEntries(), 3_000);
    await store.open();
    await store.remove(store.entries[0]!);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([]);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([byId('s2')]);
  });

  it('brings an entry back on undo, and never confirms it', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.remove(store.entries[0]!);
    await store.undo(testId('s2'));
    expect(api.payloadsOf('entries:undo-delete')).toEqual([byId('s2')]);
    expect(ids(store.entries)).toEqual(['s2', 'p1', 's1']);
    expect(store.pending).toEqual([]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([]);
  });

  it('confirms at once on OK', async () => {
    const { store } = setup(threeEntries());
    await store.open();
    await store.remove(store.entries[0]!);
    await store.confirm(testId('s2'));
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([byId('s2')]);
    expect(store.pending).toEqual([]);
  });

  it('offers deletions still pending from before a restart, with their remaining time', async () => {
    const { store: first, service } = setup(threeEntries(), 4_000);
    await first.open();
    await first.remove(first.entries[2]!);

    // A new page (a reload): a fresh store over the same service.
    api = createFakeApi(service.handlers);
    installFakeApi(api);
    const store = useHistoryStore();
    await store.open();
    expect(store.pending.map((p) => [p.deletion.summary, p.deadline - store.now])).toEqual([['entry s1', 4_000]]);
    expect(ids(store.entries)).toEqual(['s2', 'p1']);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(api.payloadsOf('entries:confirm-delete')).toEqual([byId('s1')]);
  });

  it('says when an entry could not be deleted, and keeps it', async () => {
    const { store, service } = setup(threeEntries());
    await store.open();
    service.handlers['entries:delete'] = () => {
      throw failWith('The disk is full.');
    };
    await store.remove(store.entries[0]!);
    expect(store.error).toBe('Not deleted: The disk is full.');
    expect(store.entries).toHaveLength(3);
    expect(store.pending).toEqual([]);
  });
});
