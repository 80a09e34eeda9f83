import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, HistoryPage } from '../../../core/log/history';
import { entryInstant } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { openHarness, type Harness } from './support/harness';
import { sampleSession, sampleSpasm } from './support/samples';

let h: Harness;
beforeEach(() => {
  h = openHarness();
  h.clock.set('2026-12-15T12:00:00Z');
});
afterEach(() => h.services.close());

const session = (startedAt: string, routineId = 'bedtime-spasm-relief', timeZone = 'Europe/London') =>
  h.call<SessionRecord>('sessions:save', sampleSession({ startedAt, localDay: startedAt.slice(0, 10), timeZone, routine: { id: routineId, name: routineId, version: 1 } }));
const spasm = (occurredAt: string, timeZone = 'Europe/London') => h.call<{ id: string }>('spasms:create', sampleSpasm({ occurredAt, localDay: occurredAt.slice(0, 10), timeZone }));
const list = (query: object) => h.call<HistoryPage>('history:list', query);
const instants = (page: HistoryPage) => page.entries.map(entryInstant);

async function allPages(query: object): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (let cursor: string | null | undefined = undefined, n = 0; n < 100; n++) {
    const page: HistoryPage = await list({ ...query, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return entries;
}

describe('history', () => {
  it('lists sessions and spasms together, newest first by when they happened', async () => {
    await session('2026-11-20T21:00:00+00:00');
    await spasm('2026-11-21T03:00:00+00:00');
    await session('2026-11-19T21:00:00+00:00');
    const page = await list({});
    expect(instants(page)).toEqual(['2026-11-21T03:00:00+00:00', '2026-11-20T21:00:00+00:00', '2026-11-19T21:00:00+00:00']);
    expect(page.entries.map((e) => e.kind)).toEqual(['spasm', 'session', 'session']);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by inclusive lived days (the small hours belong to the evening before), routine (leaving out spasms) and kind', async () => {
    await session('2026-11-01T07:00:00+00:00', 'morning-mobility');
    await session('2026-11-02T21:00:00+00:00');
    await spasm('2026-11-02T03:00:00+00:00'); // before 4 a.m.: the night of 1 November
    await session('2026-11-03T21:00:00+00:00');
    expect(instants(await list({ from: '2026-11-02', to: '2026-11-02' }))).toEqual(['2026-11-02T21:00:00+00:00']);
    expect(instants(await list({ from: '2026-11-02' }))).toHaveLength(2);
    expect(instants(await list({ to: '2026-11-01' }))).toEqual(['2026-11-02T03:00:00+00:00', '2026-11-01T07:00:00+00:00']);
    await h.call('settings:update', { dayStartHour: 0 }); // days cut at midnight: the spasm is on the 2nd again
    expect(instants(await list({ from: '2026-11-02', to: '2026-11-02' }))).toEqual(['2026-11-02T21:00:00+00:00', '2026-11-02T03:00:00+00:00']);
    expect(instants(await list({ to: '2026-11-01' }))).toEqual(['2026-11-01T07:00:00+00:00']);
    expect(instants(await list({ routineId: 'bedtime-spasm-relief' }))).toEqual(['2026-11-03T21:00:00+00:00', '2026-11-02T21:00:00+00:00']);
    expect((await list({ kinds: ['spasm'] })).entries.map((e) => e.kind)).toEqual(['spasm']);
    expect((await list({ kinds: ['session', 'spasm'] })).entries).toHaveLength(4);
  });

  it('pages with an opaque cursor, never skipping or repeating an entry, equal instants included', async () => {
    const days = Array.from({ length: 250 }, (_, i) => new Date(Date.UTC(2026, 5, 1) + Math.floor(i / 2) * 86_400_000 + 3600_000).toISOString().replace('.000Z', '+00:00'));
    for (const [i, at] of days.entries()) await (i % 5 === 0 ? spasm(at) : session(at));
    const pages: HistoryPage[] = [];
    for (let cursor: string | null = null; pages.length === 0 || cursor; ) {
      const page: HistoryPage = await list({ limit: 100, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor;
    }
    expect(pages.map((p) => p.entries.length)).toEqual([100, 100, 50]);
    const ids = pages.flatMap((p) => p.entries.map((e) => e.record.id));
    expect(new Set(ids).size).toBe(250);
    const all = pages.flatMap((p) => p.entries.map(entryInstant));
    expect(all).toEqual([...days].sort().reverse());
    expect(pages[0]!.nextCursor).not.toMatch(/[{}"]/);
  });

  it('uses 100 entries as the default page and refuses bad paging', async () => {
    for (let i = 0; i < 105; i++) await spasm(new Date(Date.UTC(2026, 10, 1, 3) + i * 3600_000).toISOString());
    expect((await list({})).entries).toHaveLength(100);
    for (const [query, field] of [[{ limit: 0 }, 'limit'], [{ limit: 501 }, 'limit'], [{ limit: 2.5 }, 'limit'], [{ cursor: 'bm9wZQ' }, 'cursor'], [{ from: '2026-11-05', to: '2026-11-01' }, 'to'], [{ kinds: [] }, 'kinds'], [{ colour: 'red' }, 'colour']] as const) {
      expect(await h.table.handle('history:list', query), JSON.stringify(query)).toMatchObject({ ok: false, error: { code: 'invalid-request', field } });
    }
  });

  it('groups by the day the person lived across a daylight-saving change', async () => {
    await h.call('settings:update', { dayStartHour: 0 }); // calendar days, to see the change of offset alone
    // Europe/London leaves summer time at 02:00 on 25 Oct 2026: 01:30 happens twice.
    await session('2026-10-24T23:30:00+01:00');
    await spasm('2026-10-25T00:30:00+01:00'); // 24 Oct in UTC, but lived on the 25th
    await session('2026-10-25T01:30:00+01:00');
    await spasm('2026-10-25T01:30:00+00:00'); // the second 01:30, an hour later
    const day = await list({ from: '2026-10-25', to: '2026-10-25' });
    expect(instants(day)).toEqual(['2026-10-25T01:30:00+00:00', '2026-10-25T01:30:00+01:00', '2026-10-25T00:30:00+01:00']);
    expect(instants(await list({ to: '2026-10-24' }))).toEqual(['2026-10-24T23:30:00+01:00']);
    await h.call('settings:update', { dayStartHour: 4 }); // the default: all four are the night of the 24th
    expect(instants(await list({ from: '2026-10-24', to: '2026-10-24' }))).toHaveLength(4);
  });

  it('finds the small hours of the next month when asked for the last day of this one', async () => {
    await session('2026-11-30T21:00:00+00:00');
    await spasm('2026-12-01T02:30:00+00:00'); // in December's file, lived on 30 November
    await session('2026-12-01T21:00:00+00:00');
    h = h.restart(); // cold, so December's file is read only if the query asks for it
    expect(instants(await list({ from: '2026-11-30', to: '2026-11-30' }))).toEqual(['2026-12-01T02:30:00+00:00', '2026-11-30T21:00:00+00:00']);
  });

  it('keeps days and order right when the person changes time zone, even across a month boundary', async () => {
    await session('2026-11-30T23:30:00-05:00', 'bedtime-spasm-relief', 'America/New_York'); // 1 Dec 04:30 UTC, lived on 30 Nov
    await session('2026-12-01T08:00:00+01:00', 'morning-mobility', 'Europe/Paris'); // 1 Dec 07:00 UTC
    await spasm('2026-11-30T23:00:00-10:00', 'Pacific/Honolulu'); // 1 Dec 09:00 UTC: newest, yet in November's file
    expect(instants(await list({ to: '2026-11-30' }))).toEqual(['2026-11-30T23:00:00-10:00', '2026-11-30T23:30:00-05:00']);
    expect(instants(await list({ from: '2026-12-01' }))).toEqual(['2026-12-01T08:00:00+01:00']);
    h = h.restart(); // cold: months are read only as far as each page needs
    expect(instants(await list({ limit: 1 }))).toEqual(['2026-11-30T23:00:00-10:00']);
    const all = await allPages({ limit: 1 });
    expect(all.map(entryInstant)).toEqual(['2026-11-30T23:00:00-10:00', '2026-12-01T08:00:00+01:00', '2026-11-30T23:30:00-05:00']);
  });

  it('reads only the months the first page needs', async () => {
    for (let month = 1; month <= 11; month++) await session(`2026-${String(month).padStart(2, '0')}-10T21:00:00+00:00`);
    h = h.restart();
    const page = await list({ limit: 2 });
    expect(instants(page)).toEqual(['2026-11-10T21:00:00+00:00', '2026-10-10T21:00:00+00:00']);
    const months = h.services.months;
    expect(['2026-11', '2026-10', '2026-09', '2026-08'].map((m) => months.isLoaded(m))).toEqual([true, true, true, false]);
    expect(await allPages({ limit: 3 })).toHaveLength(11);
  });
});
