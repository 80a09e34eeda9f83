// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpasmRecord } from '../../../core/log/spasm-schema';
import { useSpasmLogStore } from '../../../renderer/src/stores/spasm-log';
import { testId } from './support/records';
import { createFakeApi, failWith, installFakeApi, type FakeApi } from './support/fake-api';

let api: FakeApi;
let stored: SpasmRecord[];
let readOnly: boolean;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-24T03:10:00Z') });
  stored = [];
  readOnly = false;
  api = createFakeApi({
    'spasms:create': (spasm) => {
      if (readOnly) throw failWith('The diary file is read-only.');
      const record = { ...spasm, id: testId(`spasm-${stored.length + 1}`), updatedAt: new Date().toISOString() };
      stored.push(record);
      return record;
    },
    'spasms:update': ({ id, patch }) => {
      const index = stored.findIndex((s) => s.id === id);
      if (index < 0) throw failWith('No such spasm.');
      stored[index] = { ...stored[index]!, ...patch };
      return stored[index];
    },
  });
  installFakeApi(api);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('spasm log store', () => {
  it('saves a spasm at the time now from its strength alone', async () => {
    const log = useSpasmLogStore();
    await log.logNow(7);

    const [sent] = api.payloadsOf('spasms:create');
    expect(sent).toMatchObject({ intensity: 7, duration: null, position: null, triggers: [], helped: [], note: '' });
    // The local wall-clock time with its offset, and the day the person lived it.
    expect(Date.parse(sent!.occurredAt)).toBe(Date.parse('2026-11-24T03:10:00Z'));
    expect(sent!.occurredAt).toMatch(/([+-]\d\d:\d\d|Z)$/);
    expect(sent!.localDay).toBe(sent!.occurredAt.slice(0, 10));
    expect(sent!.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(log.saved).toEqual(stored[0]);
    expect(log.detailsSaved).toBe(false);
  });

  it('adds details to the same entry', async () => {
    const log = useSpasmLogStore();
    await log.logNow(5);
    await log.saveDetails({ position: 'back', triggers: ['stress'] });

    expect(api.payloadsOf('spasms:update')).toEqual([{ id: testId('spasm-1'), patch: { position: 'back', triggers: ['stress'] } }]);
    expect(stored).toHaveLength(1);
    expect(log.saved).toMatchObject({ id: testId('spasm-1'), intensity: 5, position: 'back', triggers: ['stress'] });
    expect(log.detailsSaved).toBe(true);
  });

  it('sends no details before the spasm itself is saved', async () => {
    const log = useSpasmLogStore();
    await log.saveDetails({ note: 'early' });
    expect(api.calls).toEqual([]);
  });

  it('says what was not saved', async () => {
    const log = useSpasmLogStore();
    readOnly = true;
    await log.logNow(6);
    expect(log.error).toBe('Not saved: The diary file is read-only.');
    expect(log.saved).toBeNull();
    readOnly = false;
    await log.logNow(6);
    expect(log.error).toBeNull();
    expect(log.saved?.intensity).toBe(6);
  });

  it('keeps the saved spasm when its details fail, and starts afresh on begin', async () => {
    const log = useSpasmLogStore();
    await log.logNow(4);
    stored.length = 0; // the update now finds nothing
    await log.saveDetails({ note: 'x' });
    expect(log.error).toBe('Details not saved: No such spasm.');
    expect(log.saved?.intensity).toBe(4);
    expect(log.detailsSaved).toBe(false);

    log.begin();
    expect([log.saved, log.detailsSaved, log.error]).toEqual([null, false, null]);
  });
});
