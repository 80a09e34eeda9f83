import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryPage, PendingDeletion } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { openHarness, readJson, type Harness } from './support/harness';
import { sampleSession, sampleSpasm } from './support/samples';

let h: Harness;
let saved: SessionRecord;
beforeEach(async () => {
  h = openHarness();
  saved = await h.call<SessionRecord>('sessions:save', sampleSession());
});
afterEach(() => {
  h.services.close();
  vi.useRealTimers();
});

const visibleIds = async () => (await h.call<HistoryPage>('history:list', {})).entries.map((e) => e.record.id);
const storedIds = () => (readJson(`${h.dir}/log-2026-11.json`).sessions as { id: string }[]).map((s) => s.id);
const remove = () => h.call<PendingDeletion>('entries:delete', { kind: 'session', id: saved.id });

describe('deleting with undo', () => {
  it('hides the entry at once and gives 10 s to undo', async () => {
    const pending = await remove();
    expect(pending).toEqual({
      id: saved.id,
      kind: 'session',
      summary: 'Bedtime spasm relief on 24 Nov',
      deletedAt: '2026-11-24T20:00:00.000Z',
      expiresAt: '2026-11-24T20:00:10.000Z',
      remainingMs: 10_000,
    });
    expect(await visibleIds()).toEqual([]);
    expect(storedIds()).toEqual([saved.id]);
    expect(await h.call('entries:pending-deletions', null)).toEqual([pending]);
    // The time left is counted by the service's clock, as of each answer.
    h.clock.advance(4_000);
    expect(await h.call('entries:pending-deletions', null)).toEqual([{ ...pending, remainingMs: 6_000 }]);
  });

  it('brings the entry back on undo', async () => {
    await remove();
    h.clock.advance(9_000);
    await h.call('entries:undo-delete', { id: saved.id });
    expect(await visibleIds()).toEqual([saved.id]);
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
    h.clock.advance(60_000);
    expect(storedIds()).toEqual([saved.id]);
    await h.call('entries:undo-delete', { id: saved.id }); // already back: nothing to do
  });

  it('stays undoable while the undo bar holds it, and ends when the time shown on release runs out', async () => {
    await remove();
    h.clock.advance(8_000);
    // The person reaches Undo with 2 s left: the bar keeps it a full window ahead, renewed every few seconds.
    for (let held = 0; held < 30_000; held += 3_000) {
      await h.call('entries:hold-delete', { id: saved.id, forMs: 10_000 });
      h.clock.advance(3_000);
    }
    expect(await visibleIds()).toEqual([]);
    expect(storedIds()).toEqual([saved.id]);
    // Released with the 2 s the bar showed: 1.9 s on it is still there, at 2 s it is gone for good.
    await h.call('entries:hold-delete', { id: saved.id, forMs: 2_000 });
    h.clock.advance(1_900);
    expect(await h.call<PendingDeletion[]>('entries:pending-deletions', null)).toMatchObject([{ id: saved.id, remainingMs: 100 }]);
    h.clock.advance(100);
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
    expect(storedIds()).toEqual([]);
    // Holding one already gone changes nothing; a window over 10 s is refused.
    await h.call('entries:hold-delete', { id: saved.id, forMs: 5_000 });
    expect(await h.table.handle('entries:hold-delete', { id: saved.id, forMs: 60_000 })).toMatchObject({ ok: false, error: { field: 'forMs' } });
  });

  it('removes it for good on confirm, after which it cannot be undone', async () => {
    await remove();
    await h.call('entries:confirm-delete', { id: saved.id });
    expect(storedIds()).toEqual([]);
    expect(await h.table.handle('entries:undo-delete', { id: saved.id })).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'id' } });
    await h.call('entries:confirm-delete', { id: saved.id }); // confirming twice is harmless
  });

  it('removes it for good once the 10 s have passed', async () => {
    await remove();
    h.clock.advance(9_999);
    expect(storedIds()).toEqual([saved.id]);
    expect(await h.call('entries:pending-deletions', null)).toHaveLength(1);
    h.clock.advance(1);
    expect(await visibleIds()).toEqual([]);
    expect(storedIds()).toEqual([]);
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
  });

  it('keeps the undo across a restart within the window', async () => {
    await remove();
    h = h.restart();
    expect(await visibleIds()).toEqual([]);
    h.clock.advance(5_000);
    await h.call('entries:undo-delete', { id: saved.id });
    expect(await visibleIds()).toEqual([saved.id]);
  });

  it('finishes a deletion whose window ran out while the app was closed', async () => {
    await remove();
    h.services.close();
    h.clock.advance(3_600_000);
    h = h.restart();
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
    expect(storedIds()).toEqual([]);
  });

  it('does not let a clock set back keep a deletion pending: it ends at most 10 s later', async () => {
    await remove();
    h.clock.advance(-86_400_000);
    const [clamped] = await h.call<PendingDeletion[]>('entries:pending-deletions', null);
    expect(Date.parse(clamped!.expiresAt)).toBeLessThanOrEqual(h.clock.now().getTime() + 10_000);
    expect(Date.parse(clamped!.deletedAt)).toBeLessThanOrEqual(h.clock.now().getTime());
    h = h.restart();
    h.clock.advance(10_000);
    expect(await h.call('entries:pending-deletions', null)).toEqual([]);
    expect(storedIds()).toEqual([]);
  });

  it('finishes on its own timer with no request coming in', async () => {
    h.services.close();
    vi.useFakeTimers({ now: new Date('2026-11-24T20:00:00Z') });
    h = openHarness(h.dir, undefined, { now: () => new Date() });
    await remove();
    await vi.advanceTimersByTimeAsync(10_100);
    expect(storedIds()).toEqual([]);
  });

  it('refuses unknown ids, a wrong kind, and edits of an entry being deleted', async () => {
    const spasm = await h.call<{ id: string }>('spasms:create', sampleSpasm());
    expect(await h.table.handle('entries:delete', { kind: 'session', id: crypto.randomUUID() })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await h.table.handle('entries:delete', { kind: 'session', id: spasm.id })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(await h.table.handle('entries:delete', { kind: 'note', id: spasm.id })).toMatchObject({ ok: false, error: { field: 'kind' } });
    await remove();
    expect(await remove()).toMatchObject({ id: saved.id }); // deleting twice returns the same pending deletion
    expect(await h.table.handle('sessions:update', { id: saved.id, patch: { note: 'x' } })).toMatchObject({ ok: false, error: { field: 'id' } });
    expect(readJson(`${h.dir}/pending-deletions.json`)).toMatchObject({ schemaVersion: 1, pending: [{ id: saved.id, month: '2026-11' }] });
  });
});
