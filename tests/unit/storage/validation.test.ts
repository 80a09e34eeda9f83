import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionFromProgress } from '../../../core/log/session-from-player';
import { openHarness, type Harness } from './support/harness';
import { sampleProgress, sampleSession, sampleSpasm } from './support/samples';

let h: Harness;
let sessionId: string;
let spasmId: string;
beforeEach(async () => {
  h = openHarness();
  sessionId = (await h.call<{ id: string }>('sessions:save', sampleSession())).id;
  spasmId = (await h.call<{ id: string }>('spasms:create', sampleSpasm())).id;
});
afterEach(() => h.services.close());

const long = (n: number) => 'x'.repeat(n);
const farFuture = '2026-11-26T20:00:00Z'; // the test clock is 24 Nov, 20:00 UTC
type Case = [string, unknown, string];

const sessionCases: Case[] = [
  ['routine id too long', { routine: { id: long(81), name: 'x', version: 1 } }, 'routine.id'],
  ['routine version 0', { routine: { id: 'a', name: 'x', version: 0 } }, 'routine.version'],
  ['startedAt not a date', { startedAt: 'yesterday' }, 'startedAt'],
  ['startedAt without offset', { startedAt: '2026-11-24T21:30:00' }, 'startedAt'],
  ['startedAt 30 February', { startedAt: '2026-02-30T21:30:00+01:00', localDay: '2026-02-30' }, 'startedAt'],
  ['startedAt before 2000', { startedAt: '1999-12-31T21:30:00+01:00', endedAt: '1999-12-31T21:40:00+01:00', localDay: '1999-12-31' }, 'startedAt'],
  ['startedAt two days ahead', { startedAt: farFuture, localDay: '2026-11-26' }, 'startedAt'],
  ['endedAt two days ahead', { endedAt: farFuture }, 'endedAt'],
  ['endedAt a second before startedAt', { endedAt: '2026-11-24T21:29:59+01:00' }, 'endedAt'],
  ['exercisedMs longer than startedAt to endedAt', { exercisedMs: 12 * 60_000 + 1001 }, 'exercisedMs'],
  ['localDay of another day', { localDay: '2026-11-25' }, 'localDay'],
  ['localDay in UTC rather than as lived', { startedAt: '2026-11-25T00:30:00+01:00', endedAt: '2026-11-25T00:40:00+01:00', localDay: '2026-11-24' }, 'localDay'],
  ['timeZone unknown', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
  ['timeZone too long', { timeZone: long(65) }, 'timeZone'],
  ['exercisedMs negative', { exercisedMs: -1 }, 'exercisedMs'],
  ['ending unknown', { ending: 'exploded' }, 'ending'],
  ['no exercises', { exercises: [] }, 'exercises'],
  ['workDone above workTotal', { exercises: [{ ...sampleSession().exercises[0]!, workDone: 7 }] }, 'exercises.0.workDone'],
  ['dose out of range', { exercises: [{ ...sampleSession().exercises[0]!, dose: { kind: 'hold', holdSeconds: 300, reps: 3 } }] }, 'exercises.0.dose.holdSeconds'],
  ['pain event in the future', { painEvents: [{ exerciseId: 'a', at: farFuture, positionMs: 0 }] }, 'painEvents.0.at'],
  ['painBefore 11', { painBefore: 11 }, 'painBefore'],
  ['painAfter -1', { painAfter: -1 }, 'painAfter'],
  ['painAfter 2.5', { painAfter: 2.5 }, 'painAfter'],
  ['effort unknown', { effort: 'meh' }, 'effort'],
  ['note too long', { note: long(2001) }, 'note'],
  ['unknown key', { mood: 'happy' }, 'mood'],
];

const spasmCases: Case[] = [
  ['occurredAt not a date', { occurredAt: 'last night' }, 'occurredAt'],
  ['occurredAt before 2000', { occurredAt: '1990-01-01T03:00:00+01:00', localDay: '1990-01-01' }, 'occurredAt'],
  ['occurredAt two days ahead', { occurredAt: farFuture, localDay: '2026-11-26' }, 'occurredAt'],
  ['localDay mismatched', { localDay: '2026-11-23' }, 'localDay'],
  ['localDay not a date', { localDay: '2026-11-31' }, 'localDay'],
  ['intensity 11', { intensity: 11 }, 'intensity'],
  ['intensity missing', { intensity: undefined }, 'intensity'],
  ['duration unknown', { duration: 'forever' }, 'duration'],
  ['position unknown', { position: 'standing on head' }, 'position'],
  ['trigger repeated', { triggers: ['stress', 'stress'] }, 'triggers'],
  ['relief unknown', { helped: ['magic'] }, 'helped.0'],
  ['note too long', { note: long(2001) }, 'note'],
  ['unknown key', { id: crypto.randomUUID() }, 'id'],
];

const progressCases: Case[] = [
  ['savedAt in the future', { savedAt: farFuture }, 'savedAt'],
  ['savedAt before startedAt', { savedAt: '2026-11-24T21:00:00+01:00' }, 'savedAt'],
  ['exercisedMs longer than startedAt to savedAt', { exercisedMs: 5 * 60_000 + 1001 }, 'exercisedMs'],
  ['startedAt before 2000', { startedAt: '1980-01-01T00:00:00Z' }, 'startedAt'],
  ['itemIndex too big', { itemIndex: 41 }, 'itemIndex'],
  ['painBefore 12', { painBefore: 12 }, 'painBefore'],
  ['unknown key', { secret: 1 }, 'secret'],
];

function filesSnapshot(): string {
  return readdirSync(h.dir).sort().join(',');
}

async function expectRejected(channel: string, request: unknown, field: string): Promise<void> {
  const before = filesSnapshot();
  const result = await h.table.handle(channel, request);
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field } });
  expect(!result.ok && result.error.message).toMatch(new RegExp(`^${channel}: ${field ? `${field.replace(/\./g, '\\.')}: ` : ''}`));
  expect(filesSnapshot()).toBe(before);
}

describe('every write is validated first, naming the field', () => {
  it.each(sessionCases)('sessions:save: %s', (_, change, field) => expectRejected('sessions:save', { ...sampleSession(), ...(change as object) }, field));
  it.each(spasmCases)('spasms:create: %s', (_, change, field) => expectRejected('spasms:create', { ...sampleSpasm(), ...(change as object) }, field));
  it.each(spasmCases.filter(([name]) => !['intensity missing', 'localDay mismatched', 'unknown key'].includes(name)))('spasms:update: %s', (_, change, field) =>
    expectRejected('spasms:update', { id: spasmId, patch: { ...sampleSpasm(), ...(change as object) } }, `patch.${field}`.replace(/\.$/, '')),
  );
  it.each(progressCases)('progress:save: %s', (_, change, field) => expectRejected('progress:save', { ...sampleProgress(), ...(change as object) }, field));

  it.each([
    ['sessions:update', { id: 'not-a-uuid', patch: {} }, 'id'],
    ['sessions:update', { id: 'SESSION', patch: { painAfter: 11 } }, 'patch.painAfter'],
    ['sessions:update', { id: 'SESSION', patch: { startedAt: farFuture } }, 'patch.startedAt'],
    ['sessions:update', { id: 'SESSION', patch: { startedAt: '2026-11-24 21:30' } }, 'patch.startedAt'],
    ['sessions:update', { id: 'SESSION', patch: { endedAt: '2026-11-24T22:00:00+01:00' } }, 'patch.endedAt'],
    ['sessions:update', { id: 'SESSION', patch: {}, extra: 1 }, 'extra'],
    ['spasms:update', { id: 'SPASM', patch: { id: crypto.randomUUID() } }, 'patch.id'],
    ['entries:delete', { kind: 'session', id: 42 }, 'id'],
    ['entries:delete', { kind: 'mood', id: crypto.randomUUID() }, 'kind'],
    ['entries:undo-delete', { id: '' }, 'id'],
    ['entries:confirm-delete', { id: 'x'.repeat(1000) }, 'id'],
    ['storage:dismiss-notice', { id: null }, 'id'],
    ['settings:update', { safetyAcknowledgedAt: '2035-01-01T00:00:00Z' }, 'safetyAcknowledgedAt'],
    ['settings:update', { voiceName: long(201) }, 'voiceName'],
    ['progress:save', null, ''],
    ['sessions:save', [], ''],
  ] as Case[])('%s %j is refused (field "%s")', (channel, request, field) => {
    // The ids exist only once beforeEach has run.
    const withIds = JSON.parse(JSON.stringify(request ?? null).replace('"SESSION"', JSON.stringify(sessionId)).replace('"SPASM"', JSON.stringify(spasmId))) as unknown;
    return expectRejected(channel, withIds, field);
  });

  it('accepts the same records once the bad field is fixed, with dates up to a day ahead', async () => {
    await h.call('sessions:save', sampleSession({ startedAt: '2026-11-25T19:00:00Z', endedAt: '2026-11-25T19:30:00Z', localDay: '2026-11-25' }));
    // Ends at an earlier wall-clock time in another offset, yet later in fact (20:30Z → 20:42:01Z): accepted, as is a second of rounding.
    await h.call('sessions:save', sampleSession({ endedAt: '2026-11-24T20:42:01+00:00', exercisedMs: 12 * 60_000 + 1000 }));
    // Progress saved after the clock jumped back an hour is still kept as a session, its end put after its exercise.
    const jumped = sessionFromProgress(sampleProgress({ savedAt: '2026-11-24T20:35:00+01:00', exercisedMs: 240_000 }), 'Europe/Paris');
    expect(jumped.endedAt).toBe('2026-11-24T21:34:00+01:00');
    await h.call('sessions:save', jumped);
    await h.call('spasms:update', { id: spasmId, patch: { occurredAt: '2026-11-25T02:00:00-05:00', localDay: '2026-11-25', timeZone: 'America/New_York' } });
  });
});
