import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PendingDeletion } from '../../../core/log/history';
import { routineProgressSchema } from '../../../core/log/progress-schema';
import { sessionRecordSchema, type SessionRecord } from '../../../core/log/session-schema';
import { spasmRecordSchema, type SpasmRecord } from '../../../core/log/spasm-schema';
import { planSchema } from '../../../core/plan/plan-schema';
import { settingsSchema } from '../../../core/settings/settings-schema';
import { openHarness, readJson, storeFiles, type Harness } from './support/harness';
import { mutate, pick, randomValue } from './support/mutate';
import { chooseSeed, seededRandom } from './support/prng';
import { sampleProgress, sampleSession, sampleSpasm } from './support/samples';
import { invalidStoreFiles } from './support/validate-files';

const PER_CHANNEL = 1000;
const seed = chooseSeed();
const random = seededRandom(seed);
let h: Harness;

/** What the fuzzing saved, to check against the files at the end. */
const latest = new Map<string, SessionRecord | SpasmRecord>();
const everDeleted = new Set<string>();
const untracked = new Set<string>();

beforeAll(() => {
  console.log(`fuzz seed: ${seed} (replay with STORAGE_SEED=${seed})`);
  h = openHarness();
});
afterAll(() => h.services.close());

/** A plausible instant in the last few months, written with an offset, and its local day. */
function when(): { at: string; localDay: string } {
  const offset = pick(random, ['+00:00', '+01:00', '-05:00', '+09:30']);
  const ms = h.clock.now().getTime() - Math.floor(random() * 120 * 86_400_000);
  const shifted = new Date(ms + (offset === '+00:00' ? 0 : Number(offset.slice(0, 3)) * 3600_000 + Math.sign(Number(offset.slice(0, 3))) * Number(offset.slice(4)) * 60_000));
  const at = `${shifted.toISOString().slice(0, 19)}${offset}`;
  return { at, localDay: at.slice(0, 10) };
}

const knownId = (kind?: 'session' | 'spasm') => {
  const ids = [...latest.values()].filter((r) => !kind || ('routine' in r) === (kind === 'session')).map((r) => r.id);
  return ids.length > 0 && random() < 0.8 ? pick(random, ids) : crypto.randomUUID();
};

const validPayloads: Record<string, () => unknown> = {
  'sessions:save': () => {
    const { at, localDay } = when();
    return sampleSession({ startedAt: at, localDay, painAfter: Math.floor(random() * 11) });
  },
  'sessions:update': () => ({ id: knownId('session'), patch: { painAfter: Math.floor(random() * 11), note: 'x'.repeat(Math.floor(random() * 50)) } }),
  'spasms:create': () => {
    const { at, localDay } = when();
    return sampleSpasm({ occurredAt: at, localDay, intensity: Math.floor(random() * 11) });
  },
  'spasms:update': () => {
    const { at, localDay } = when();
    return { id: knownId('spasm'), patch: random() < 0.5 ? { intensity: Math.floor(random() * 11) } : { occurredAt: at, localDay } };
  },
  'entries:delete': () => ({ kind: pick(random, ['session', 'spasm']), id: knownId() }),
  'entries:undo-delete': () => ({ id: random() < 0.7 && everDeleted.size > 0 ? pick(random, [...everDeleted]) : knownId() }),
  'entries:confirm-delete': () => ({ id: random() < 0.7 && everDeleted.size > 0 ? pick(random, [...everDeleted]) : knownId() }),
  'progress:save': () => {
    const { at } = when();
    return sampleProgress({ startedAt: at, savedAt: at, itemIndex: Math.floor(random() * 5) });
  },
  'settings:update': () => pick(random, [{ theme: 'dark' }, { voiceRate: 1.5 }, { leadInSeconds: 12 }, { safetyAcknowledgedAt: h.clock.now().toISOString() }, {}]),
  'storage:dismiss-notice': () => ({ id: crypto.randomUUID() }),
  'plan:change': () => ({
    now: when().at,
    target: pick(random, [
      { kind: 'sessions-per-week', sessionsPerWeek: 1 + Math.floor(random() * 7) },
      { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [1, 3, 5] }] },
    ]),
  }),
  'plan:pause': () => {
    const { at, localDay } = when();
    return { now: at, from: localDay, to: localDay, reason: pick(random, ['', 'ill', 'travelling']) };
  },
  'plan:end-pause': () => ({ now: when().at, id: random() < 0.7 && pauseIds.length > 0 ? pick(random, pauseIds) : crypto.randomUUID() }),
  'dashboard:get': () => ({ now: when().at, range: pick(random, ['4-weeks', '3-months', '12-months', 'all']) }),
};

/** Pauses the fuzzing made, so ending one is tried with real ids too. */
const pauseIds: string[] = [];

/** A valid payload (a fifth of the time), a mutated one, or pure noise. */
function payloadFor(channel: string): unknown {
  const roll = random();
  const valid = validPayloads[channel]!();
  if (roll < 0.2) return valid;
  if (roll < 0.9) return mutate(random, valid);
  return randomValue(random);
}

/** Checks an accepted write's answer is a valid stored record, and remembers it. */
async function recordAccepted(channel: string, value: unknown): Promise<void> {
  if (channel === 'sessions:save' || channel === 'sessions:update') latest.set((value as SessionRecord).id, sessionRecordSchema.parse(value));
  if (channel === 'spasms:create' || channel === 'spasms:update') latest.set((value as SpasmRecord).id, spasmRecordSchema.parse(value));
  if (channel === 'settings:update') settingsSchema.parse(value);
  if (channel === 'progress:save') routineProgressSchema.parse(await h.call('progress:get', null));
  if (channel === 'entries:delete') everDeleted.add((value as PendingDeletion).id);
  if (channel.startsWith('plan:')) for (const pause of planSchema.parse(value).pauses) if (!pauseIds.includes(pause.id)) pauseIds.push(pause.id);
}

describe('fuzzing every write channel', () => {
  it.each(Object.keys(validPayloads))(`%s: ${PER_CHANNEL} random or mutated payloads are each refused or stored valid`, { timeout: 120_000 }, async (channel) => {
    let accepted = 0;
    for (let n = 0; n < PER_CHANNEL; n++) {
      const request = payloadFor(channel);
      const result = await h.table.handle(channel, request);
      if (!result.ok) {
        expect(result.error.code, JSON.stringify({ channel, request, error: result.error })).toBe('invalid-request');
        expect(result.error.message).toMatch(new RegExp(`^${channel}: `));
        continue;
      }
      accepted++;
      await recordAccepted(channel, result.value);
      h.clock.advance(Math.floor(random() * 2000)); // lets some deletions run out
    }
    console.log(`fuzz ${channel}: ${accepted} of ${PER_CHANNEL} accepted`);
    expect(invalidStoreFiles(h.dir)).toEqual([]);
  });

  it('2000 more, the channels interleaved at random, with full-disk spells and restarts in between', { timeout: 120_000 }, async () => {
    for (let n = 0; n < 2000; n++) {
      if (n % 500 === 499) h = h.restart();
      if (n % 100 === 0) h.faults.writeError = random() < 0.3 ? 'ENOSPC' : null;
      const channel = pick(random, Object.keys(validPayloads));
      const request = payloadFor(channel) as { id?: unknown };
      const result = await h.table.handle(channel, request);
      if (result.ok) await recordAccepted(channel, result.value);
      else if (result.error.code === 'storage') {
        // Kept in memory and written later, but the answer does not say what the record became.
        if (typeof request?.id === 'string') untracked.add(request.id);
      } else expect(result.error.code, JSON.stringify({ channel, request, error: result.error })).toBe('invalid-request');
      h.clock.advance(Math.floor(random() * 2000));
    }
    h.faults.writeError = null;
    await h.call('settings:update', {}); // the next write retries whatever is still waiting
    expect(invalidStoreFiles(h.dir)).toEqual([]);
  });

  it('leaves every store file valid, holding the latest version of every record not deleted', () => {
    expect(invalidStoreFiles(h.dir)).toEqual([]);
    const stored = new Map<string, unknown>();
    for (const [name, content] of storeFiles(h.dir)) {
      if (!name.startsWith('log-')) continue;
      const file = content as { sessions: { id: string }[]; spasms: { id: string }[] };
      for (const record of [...file.sessions, ...file.spasms]) stored.set(record.id, record);
    }
    for (const [id, record] of latest) if (!everDeleted.has(id) && !untracked.has(id)) expect(stored.get(id)).toEqual(record);
    expect(readJson(`${h.dir}/settings.json`)).toMatchObject({ schemaVersion: 5 });
  });
});
