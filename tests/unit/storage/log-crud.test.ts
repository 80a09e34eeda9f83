import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../../core/log/session-schema';
import type { SpasmRecord } from '../../../core/log/spasm-schema';
import { openHarness, readJson, type Harness } from './support/harness';
import { sampleProgress, sampleSession, sampleSpasm } from './support/samples';
import { invalidStoreFiles } from './support/validate-files';

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(() => h.services.close());

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sessions', () => {
  it('saves a session with a server-side id and updatedAt, in the file of its month', async () => {
    const saved = await h.call<SessionRecord>('sessions:save', sampleSession());
    expect(saved.id).toMatch(uuid);
    expect(saved.updatedAt).toBe(h.clock.now().toISOString());
    const file = readJson(`${h.dir}/log-2026-11.json`);
    expect(file).toMatchObject({ schemaVersion: 2, month: '2026-11', spasms: [] });
    expect(file.sessions).toEqual([saved]);
  });

  it('refuses an id or updatedAt sent by the renderer', async () => {
    const result = await h.table.handle('sessions:save', { ...sampleSession(), id: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('updates how it felt and the note, and nothing else', async () => {
    const saved = await h.call<SessionRecord>('sessions:save', sampleSession());
    h.clock.advance(60_000);
    const updated = await h.call<SessionRecord>('sessions:update', { id: saved.id, patch: { painAfter: 1, note: 'Much better' } });
    expect(updated).toEqual({ ...saved, painAfter: 1, note: 'Much better', updatedAt: h.clock.now().toISOString() });
    expect(readJson(`${h.dir}/log-2026-11.json`).sessions).toEqual([updated]);
    // What was played is not editable: only when, how it felt and the note.
    const refused = await h.table.handle('sessions:update', { id: saved.id, patch: { exercisedMs: 1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'patch.exercisedMs' } });
  });

  it('moves its start time, with its end, day and "This hurts" moments, keeping its length', async () => {
    const saved = await h.call<SessionRecord>(
      'sessions:save',
      sampleSession({ painEvents: [{ exerciseId: 'knee-to-chest', at: '2026-11-24T21:35:00+01:00', positionMs: 300_000 }] }),
    );
    const updated = await h.call<SessionRecord>('sessions:update', { id: saved.id, patch: { startedAt: '2026-11-23T23:50:00+01:00' } });
    expect(updated).toMatchObject({
      startedAt: '2026-11-23T23:50:00+01:00',
      endedAt: '2026-11-24T00:02:00+01:00',
      localDay: '2026-11-23',
      painEvents: [{ at: '2026-11-23T23:55:00+01:00', positionMs: 300_000 }],
      exercisedMs: saved.exercisedMs,
    });
    h = h.restart();
    const page = await h.call<{ entries: { record: SessionRecord }[] }>('history:list', {});
    expect(page.entries.map((e) => e.record)).toEqual([updated]);
  });

  it('moves to the file of its new month when its start moves to another month', async () => {
    const saved = await h.call<SessionRecord>('sessions:save', sampleSession());
    const updated = await h.call<SessionRecord>('sessions:update', { id: saved.id, patch: { startedAt: '2026-10-31T21:30:00+01:00', painAfter: 2 } });
    expect(readJson(`${h.dir}/log-2026-11.json`).sessions).toEqual([]);
    expect(readJson(`${h.dir}/log-2026-10.json`).sessions).toEqual([updated]);
    expect(updated).toMatchObject({ localDay: '2026-10-31', endedAt: '2026-10-31T21:42:00+01:00', painAfter: 2 });
  });

  it('says which id is unknown', async () => {
    const result = await h.table.handle('sessions:update', { id: crypto.randomUUID(), patch: { note: 'x' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'id' } });
  });

  it('lists sessions newest first and survives a restart', async () => {
    const a = await h.call<SessionRecord>('sessions:save', sampleSession());
    const b = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-10-02T08:00:00+02:00', localDay: '2026-10-02' }));
    h = h.restart();
    const page = await h.call<{ entries: { record: { id: string } }[] }>('history:list', {});
    expect(page.entries.map((e) => e.record.id)).toEqual([a.id, b.id]);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
  });
});

describe('spasm diary', () => {
  it('creates and updates an entry', async () => {
    const created = await h.call<SpasmRecord>('spasms:create', sampleSpasm());
    expect(created.id).toMatch(uuid);
    const updated = await h.call<SpasmRecord>('spasms:update', { id: created.id, patch: { intensity: 4, helped: ['heat'] } });
    expect(updated).toMatchObject({ intensity: 4, helped: ['heat'], occurredAt: created.occurredAt });
    expect(readJson(`${h.dir}/log-2026-11.json`).spasms).toEqual([updated]);
  });

  it('moves an entry to the file of its new month when its day changes', async () => {
    const created = await h.call<SpasmRecord>('spasms:create', sampleSpasm({ occurredAt: '2026-11-01T00:30:00+01:00', localDay: '2026-11-01' }));
    await h.call('spasms:update', { id: created.id, patch: { occurredAt: '2026-10-31T23:50:00+01:00', localDay: '2026-10-31' } });
    expect(readJson(`${h.dir}/log-2026-11.json`).spasms).toEqual([]);
    expect(readJson(`${h.dir}/log-2026-10.json`).spasms).toMatchObject([{ id: created.id, localDay: '2026-10-31' }]);
    h = h.restart();
    const page = await h.call<{ entries: unknown[] }>('history:list', {});
    expect(page.entries).toHaveLength(1);
  });

  it('refuses an edit that would split the day from its instant, naming the field', async () => {
    const created = await h.call<SpasmRecord>('spasms:create', sampleSpasm());
    const onlyDay = await h.table.handle('spasms:update', { id: created.id, patch: { localDay: '2026-11-23' } });
    expect(onlyDay).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'patch.localDay' } });
    const onlyInstant = await h.table.handle('spasms:update', { id: created.id, patch: { occurredAt: '2026-11-23T03:00:00+01:00' } });
    expect(onlyInstant).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'patch.occurredAt' } });
    expect(readJson(`${h.dir}/log-2026-11.json`).spasms).toEqual([created]);
  });

  it('keeps a spasm found in two month files only once, the copy edited last', async () => {
    const created = await h.call<SpasmRecord>('spasms:create', sampleSpasm());
    h.clock.advance(1000);
    const moved = await h.call<SpasmRecord>('spasms:update', { id: created.id, patch: { occurredAt: '2026-10-30T03:00:00+01:00', localDay: '2026-10-30' } });
    // As if the app had been killed between writing October and rewriting November.
    const { openConfStore } = await import('../../../services/storage/document-store');
    const november = openConfStore(h.dir, 'log-2026-11');
    november.store = { ...november.store, spasms: [created] };
    h = h.restart();
    const page = await h.call<{ entries: { record: SpasmRecord }[] }>('history:list', {});
    expect(page.entries.map((e) => e.record)).toEqual([moved]);
    expect(readJson(`${h.dir}/log-2026-11.json`).spasms).toEqual([]);
  });
});

describe('routine progress', () => {
  it('saves, gets and clears the routine in progress, across a restart', async () => {
    expect(await h.call('progress:get', null)).toBeNull();
    await h.call('progress:save', sampleProgress());
    h = h.restart();
    expect(await h.call('progress:get', null)).toEqual(sampleProgress());
    await h.call('progress:clear', null);
    expect(await h.call('progress:get', null)).toBeNull();
    expect(readJson(`${h.dir}/progress.json`)).toEqual({ schemaVersion: 1, progress: null });
  });

  it('is cleared when the session is saved', async () => {
    await h.call('progress:save', sampleProgress());
    await h.call('sessions:save', sampleSession());
    expect(await h.call('progress:get', null)).toBeNull();
  });
});
