import type { SessionRecord } from '../../../../core/log/session-schema';
import type { SpasmRecord } from '../../../../core/log/spasm-schema';
import type { Harness } from '../../storage/support/harness';
import { sampleSession, sampleSpasm } from '../../storage/support/samples';

/** When the varied log is built: its last entries are from the evening before. */
export const BUILT_AT = '2026-12-05T09:00:00Z';

/** A session started at `startedAt` (as written, with its offset) in `timeZone`, living on the date written. */
const session = (startedAt: string, timeZone: string, extra: Partial<SessionRecord> = {}) => sampleSession({ startedAt, localDay: startedAt.slice(0, 10), timeZone, ...extra });
const spasm = (occurredAt: string, timeZone: string, extra: Partial<SpasmRecord> = {}) => sampleSpasm({ occurredAt, localDay: occurredAt.slice(0, 10), timeZone, ...extra });

export interface VariedLog {
  sessions: SessionRecord[];
  spasms: SpasmRecord[];
  /** Deleted, with its undo still open: left out of a backup. */
  beingDeleted: string;
}

/**
 * Four months of use across time zones (a trip to New York and one to
 * Lord Howe Island, a night at +14:00), spasm entries, an edited session and
 * one moved to the month before, a plan changed twice with two pauses, and
 * settings away from their defaults.
 */
export async function buildVariedLog(h: Harness): Promise<VariedLog> {
  h.clock.set(BUILT_AT);
  const now = (day: string) => `${day}T20:00:00+01:00`;
  await h.call('plan:get', { now: now('2026-09-01') });
  await h.call('plan:change', { now: now('2026-10-05'), target: { kind: 'sessions-per-week', sessionsPerWeek: 3 } });
  await h.call('plan:pause', { now: now('2026-10-05'), from: '2026-10-20', to: '2026-10-24', reason: 'flu' });
  await h.call('plan:change', {
    now: now('2026-11-02'),
    target: { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] }, { routineId: 'core-strength', weekdays: [1, 3, 5] }] },
  });
  await h.call('plan:pause', { now: now('2026-11-02'), from: '2026-12-20', to: '2026-12-27', reason: 'travel' });
  await h.call('settings:update', { theme: 'dark', dayStartHour: 3, weekStartsOn: 'sunday', voiceRate: 1.25, careRegion: 'GB', milestonesSeen: ['first-session'], safetyAcknowledgedAt: '2026-09-01T19:00:00+01:00' });

  const sessions: SessionRecord[] = [];
  const spasms: SpasmRecord[] = [];
  const save = async (input: ReturnType<typeof session>) => sessions.push(await h.call<SessionRecord>('sessions:save', input));
  const log = async (input: ReturnType<typeof spasm>) => spasms.push(await h.call<SpasmRecord>('spasms:create', input));

  await save(session('2026-09-01T21:30:00+02:00', 'Europe/Paris'));
  await save(session('2026-09-02T00:40:00+02:00', 'Europe/Paris', { painBefore: null, painAfter: null, effort: null, note: 'Late one — après minuit 🌙' }));
  await save(session('2026-09-15T22:05:00-04:00', 'America/New_York', { ending: 'ended-early', painEvents: [{ exerciseId: 'knee-to-chest', at: '2026-09-15T22:09:00-04:00', positionMs: 240_000 }] }));
  await save(session('2026-10-01T07:15:00+10:30', 'Australia/Lord_Howe', { routine: { id: 'morning-mobility', name: 'Morning mobility', version: 1 }, painBefore: 7, painAfter: 4 }));
  await save(session('2026-10-31T23:59:00+14:00', 'Pacific/Kiritimati', { effort: 'too-hard' }));
  await save(session('2026-11-01T00:30:00Z', 'UTC'));
  await save(session('2026-11-24T21:30:00+01:00', 'Europe/Paris', { routine: { id: 'core-strength', name: 'Core strength', version: 2 } }));
  await save(session('2026-12-04T21:00:00+01:00', 'Europe/Paris', { note: 'x'.repeat(2000) }));
  await log(spasm('2026-09-03T03:10:00+02:00', 'Europe/Paris'));
  await log(spasm('2026-10-12T02:00:00-04:00', 'America/New_York', { intensity: 10, duration: null, position: null, triggers: [], helped: [], note: '' }));
  await log(spasm('2026-11-30T04:45:00+01:00', 'Europe/Paris', { intensity: 0, duration: 'over-1-hour', triggers: ['stress', 'other'], helped: ['nothing'] }));

  // Edited afterwards, and one moved from 1 November back to 31 October (another month file).
  const edited = await h.call<SessionRecord>('sessions:update', { id: sessions[6]!.id, patch: { painAfter: 9, note: 'edited' } });
  const moved = await h.call<SessionRecord>('sessions:update', { id: sessions[5]!.id, patch: { startedAt: '2026-10-31T23:00:00Z' } });
  sessions[6] = edited;
  sessions[5] = moved;

  // Being deleted: left out of a backup.
  const doomed = await h.call<SessionRecord>('sessions:save', session('2026-12-03T21:00:00+01:00', 'Europe/Paris'));
  await h.call('entries:delete', { kind: 'session', id: doomed.id });
  return { sessions, spasms, beingDeleted: doomed.id };
}
