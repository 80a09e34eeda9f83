import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentBundle, MorningQuestion } from '../../../core/bridge/requests';
import type { ExportFile } from '../../../core/export/export-file';
import type { SessionRecord } from '../../../core/log/session-schema';
import { isSafetyCheckDue } from '../../../core/safety/safety-check';
import { openHarness, type Harness } from '../storage/support/harness';
import { sampleSession } from '../storage/support/samples';

let h: Harness;
afterEach(() => h.services.close());

describe('the four-weekly warning-sign check', () => {
  it('is due 28 days after the safety screen was read or the last check, never before the screen', () => {
    h = openHarness();
    expect(isSafetyCheckDue('2026-11-24', null, null)).toBe(false);
    expect(isSafetyCheckDue('2026-11-24', null, '2026-10-28')).toBe(false);
    expect(isSafetyCheckDue('2026-11-25', null, '2026-10-28')).toBe(true);
    expect(isSafetyCheckDue('2026-11-25', '2026-11-20', '2026-10-01')).toBe(false);
    expect(isSafetyCheckDue('2026-12-18', '2026-11-20', '2026-10-01')).toBe(true);
  });

  it('is asked once: an answer is kept, with the day it was given, and the next one is four weeks on', async () => {
    h = openHarness();
    await h.call('settings:update', { safetyAcknowledgedAt: '2026-10-20T20:00:00+01:00' });
    const now = '2026-11-24T21:00:00+01:00';
    expect(await h.call('safety-check:due', { now })).toBe(true);
    expect(await h.call('safety-check:answer', { now, timeZone: 'Europe/Paris', answer: 'routine' })).toMatchObject({ localDay: '2026-11-24', answer: 'routine' });
    expect(await h.call('safety-check:due', { now })).toBe(false);
    h = h.restart();
    h.clock.set('2026-12-23T12:00:00Z');
    expect(await h.call('safety-check:due', { now: '2026-12-21T21:00:00+01:00' })).toBe(false);
    expect(await h.call('safety-check:due', { now: '2026-12-22T21:00:00+01:00' })).toBe(true);
    expect(await h.table.handle('safety-check:answer', { now, timeZone: 'Europe/Paris', answer: 'maybe' })).toMatchObject({ ok: false, error: { field: 'answer' } });
  });
});

describe('the morning question', () => {
  const ask = (now: string) => h.call<MorningQuestion | null>('morning-question:get', { now });

  it('asks the morning after an evening session, once, and keeps the answer with the session', async () => {
    h = openHarness();
    h.clock.set('2026-11-25T12:00:00Z');
    const evening = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-24T21:30:00+01:00' }));
    expect(await ask('2026-11-25T07:30:00+01:00')).toEqual({ sessionId: evening.id, routineName: 'Bedtime spasm relief', startedAt: evening.startedAt });
    // Not in the afternoon, nor before the day has started.
    expect(await ask('2026-11-25T13:00:00+01:00')).toBeNull();
    expect(await ask('2026-11-25T03:00:00+01:00')).toBeNull();
    await h.call('morning-question:answer', { sessionId: evening.id, answer: 'worse' });
    expect(await ask('2026-11-25T08:00:00+01:00')).toBeNull();
    const history = await h.call<{ entries: { record: SessionRecord }[] }>('history:list', {});
    expect(history.entries[0]!.record.morningAfter).toBe('worse');
  });

  it('counts a bedtime routine after midnight as the evening before, and asks about nothing else', async () => {
    h = openHarness();
    h.clock.set('2026-11-26T12:00:00Z');
    await h.call('sessions:save', sampleSession({ startedAt: '2026-11-24T10:00:00+01:00' }));
    expect(await ask('2026-11-25T08:00:00+01:00')).toBeNull(); // a morning session is not an evening one
    const late = await h.call<SessionRecord>('sessions:save', sampleSession({ startedAt: '2026-11-26T00:40:00+01:00', localDay: '2026-11-26' }));
    expect(await ask('2026-11-26T09:00:00+01:00')).toMatchObject({ sessionId: late.id });
    await h.call('morning-question:answer', { sessionId: late.id, answer: 'not-now' });
    expect(await ask('2026-11-26T09:05:00+01:00')).toBeNull();
    const history = await h.call<{ entries: { record: SessionRecord }[] }>('history:list', {});
    expect(history.entries.find((e) => e.record.id === late.id)!.record.morningAfter).toBeUndefined();
  });
});

describe('the backup carries them', () => {
  it('restores the routines from a therapist and the warning-sign checks into an empty app', async () => {
    h = openHarness();
    await h.call('routines:add', { text: readFileSync('exercises/prescribed/example-prescribed-routine.json', 'utf8') });
    const now = '2026-11-24T21:00:00+01:00';
    await h.call('safety-check:answer', { now, timeZone: 'Europe/Paris', answer: 'none' });
    const backup = await h.call<ExportFile>('backup:create', { now });
    const source = h;
    h = openHarness();
    await h.call('backup:restore', { text: backup.text, mode: 'replace' });
    expect((await h.call<ContentBundle>('content:load', null)).prescriptions).toEqual((await source.call<ContentBundle>('content:load', null)).prescriptions);
    expect(h.services.safetyChecks.list()).toEqual(source.services.safetyChecks.list());
    source.services.close();
  });
});
