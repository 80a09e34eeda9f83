import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/plan/plan-schema';
import { computeDashboard, rangeKeys, type Dashboard } from '../../../core/progress/dashboard';
import { sessionFacts, spasmFacts } from '../../../core/progress/session-facts';
import type { HistoryPage } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { cachePath } from '../../../services/progress/month-summaries';
import { openHarness, type Harness } from '../storage/support/harness';
import { sampleSession, sampleSpasm } from '../storage/support/samples';

let h: Harness;
afterEach(() => h.services.close());

/** A bedtime session started at `local` (wall-clock time in Paris, +01:00 in November). */
const bedtime = (local: string) => sampleSession({ startedAt: `${local}+01:00`, localDay: local.slice(0, 10) });
const everyEvening = { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] }] };

describe('the plan', () => {
  it('starts as the bedtime routine every evening, from the lived day of first use (before 4 a.m. is still yesterday)', async () => {
    h = openHarness();
    const plan = await h.call<Plan>('plan:get', { now: '2026-11-25T01:30:00+01:00' });
    expect(plan).toEqual({ versions: [{ startsOn: '2026-11-24', target: everyEvening }], pauses: [] });
    h = h.restart();
    h.clock.advance(2 * 86_400_000);
    expect(await h.call<Plan>('plan:get', { now: '2026-11-26T20:00:00+01:00' })).toEqual(plan);
  });

  it('keeps older days under the version then in force; a second change the same day replaces that day\'s', async () => {
    h = openHarness();
    await h.call('plan:get', { now: '2026-11-20T20:00:00+01:00' });
    const weekly = { kind: 'sessions-per-week', sessionsPerWeek: 3 };
    await h.call('plan:change', { now: '2026-11-24T20:00:00+01:00', target: weekly });
    const plan = await h.call<Plan>('plan:change', { now: '2026-11-24T21:00:00+01:00', target: { ...weekly, sessionsPerWeek: 4 } });
    expect(plan.versions).toEqual([
      { startsOn: '2026-11-20', target: everyEvening },
      { startsOn: '2026-11-24', target: { kind: 'sessions-per-week', sessionsPerWeek: 4 } },
    ]);
  });

  it('pauses for a span, refuses an overlapping pause by name, and ends a pause under way yesterday', async () => {
    h = openHarness();
    const now = '2026-11-24T20:00:00+01:00';
    const paused = await h.call<Plan>('plan:pause', { now, from: '2026-11-22', to: '2026-11-30', reason: 'flu' });
    expect(paused.pauses).toMatchObject([{ from: '2026-11-22', to: '2026-11-30', reason: 'flu' }]);
    expect(await h.table.handle('plan:pause', { now, from: '2026-11-29', to: '2026-12-02', reason: '' })).toMatchObject({ ok: false, error: { field: 'from', message: expect.stringMatching(/overlaps a pause/) } });
    expect(await h.table.handle('plan:pause', { now, from: '2026-11-29', to: '2026-11-28', reason: '' })).toMatchObject({ ok: false, error: { field: 'to' } });
    const ended = await h.call<Plan>('plan:end-pause', { now, id: paused.pauses[0]!.id });
    expect(ended.pauses).toMatchObject([{ from: '2026-11-22', to: '2026-11-23' }]);
    const future = await h.call<Plan>('plan:pause', { now, from: '2026-12-10', to: '2026-12-12', reason: 'travel' });
    expect((await h.call<Plan>('plan:end-pause', { now, id: future.pauses[1]!.id })).pauses).toHaveLength(1);
  });
});

describe('the dashboard', () => {
  it('counts a streak of three evenings, one of them finished at 00:40 after midnight', async () => {
    h = openHarness();
    await h.call('plan:get', { now: '2026-11-21T20:00:00+01:00' });
    await h.call('sessions:save', bedtime('2026-11-21T21:30:00'));
    await h.call('sessions:save', { ...bedtime('2026-11-23T00:40:00'), localDay: '2026-11-23' }); // the evening of the 22nd, lived
    await h.call('sessions:save', bedtime('2026-11-23T22:00:00'));
    const dashboard = await h.call<Dashboard>('dashboard:get', { now: '2026-11-24T12:00:00+01:00', range: '4-weeks' });
    // The 24th is today and not over: it neither breaks nor extends the streak.
    expect(dashboard.streak).toEqual({ current: 3, longest: 3, unit: 'day' });
    expect(dashboard.today).toBe('2026-11-24');
    // The week of Monday 23 Nov plans all seven evenings; only the 23rd's is done (the 00:40 one counts for Sunday the 22nd).
    expect(dashboard.thisWeek).toEqual({ weekStart: '2026-11-23', done: 1, planned: 7 });
  });

  it('leaves out entries being deleted, and agrees with a full recompute from the month files', async () => {
    h = openHarness();
    const kept = await h.call<SessionRecord>('sessions:save', bedtime('2026-11-21T21:30:00'));
    const gone = await h.call<SessionRecord>('sessions:save', bedtime('2026-11-22T21:30:00'));
    await h.call('sessions:save', sampleSession({ startedAt: '2026-10-12T21:30:00+02:00', localDay: '2026-10-12' }));
    await h.call('spasms:create', sampleSpasm());
    await h.call('sessions:update', { id: kept.id, patch: { painAfter: 9 } });
    await h.call('entries:delete', { kind: 'session', id: gone.id });
    const cached = h.services.summaries.all();
    const history = await h.call<HistoryPage>('history:list', { limit: 500 });
    const recomputed = {
      sessions: history.entries.flatMap((e) => (e.kind === 'session' ? [sessionFacts(e.record)] : [])),
      spasms: history.entries.flatMap((e) => (e.kind === 'spasm' ? [spasmFacts(e.record)] : [])),
    };
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...cached.sessions].sort(byId)).toEqual(recomputed.sessions.sort(byId));
    expect(cached.spasms).toEqual(recomputed.spasms);
    expect(cached.sessions.find((s) => s.id === kept.id)?.painAfter).toBe(9);
  });

  it('answers the same facts object while nothing changed, and new facts after a save, a deletion and its undo', async () => {
    h = openHarness();
    await h.call('sessions:save', bedtime('2026-11-21T21:30:00'));
    const first = h.services.summaries.all();
    expect(h.services.summaries.all()).toBe(first);
    const saved = await h.call<SessionRecord>('sessions:save', bedtime('2026-11-22T21:30:00'));
    const afterSave = h.services.summaries.all();
    expect(afterSave).not.toBe(first);
    expect(afterSave.sessions).toHaveLength(2);
    await h.call('entries:delete', { kind: 'session', id: saved.id });
    expect(h.services.summaries.all().sessions).toHaveLength(1);
    await h.call('entries:undo-delete', { id: saved.id });
    expect(h.services.summaries.all().sessions).toHaveLength(2);
  });

  it('keeps the judged history between ranges, and every answer equals a fresh computation after each change', async () => {
    h = openHarness();
    let now = '2026-11-24T21:00:00+01:00';
    await h.call('plan:get', { now: '2026-11-01T20:00:00+01:00' });
    /** Every range through the service, each compared with computeDashboard over facts rebuilt from History. */
    const expectFresh = async () => {
      const history = await h.call<HistoryPage>('history:list', { limit: 500 });
      const facts = {
        sessions: history.entries.flatMap((e) => (e.kind === 'session' ? [sessionFacts(e.record)] : [])).reverse(),
        spasms: history.entries.flatMap((e) => (e.kind === 'spasm' ? [spasmFacts(e.record)] : [])).reverse(),
      };
      const plan = await h.call<Plan>('plan:get', { now });
      const { dayStartHour, weekStartsOn } = h.services.settings.get();
      for (const range of rangeKeys) {
        const answer = await h.call<Dashboard>('dashboard:get', { now, range });
        expect(answer, range).toEqual(computeDashboard({ ...facts, plan, settings: { dayStartHour, weekStartsOn }, now, range }));
      }
    };
    await h.call('sessions:save', bedtime('2026-11-22T21:30:00'));
    await expectFresh();
    const late = await h.call<SessionRecord>('sessions:save', { ...bedtime('2026-11-24T01:10:00'), localDay: '2026-11-24' });
    await expectFresh();
    await h.call('spasms:create', sampleSpasm({ occurredAt: '2026-11-23T03:00:00+01:00', localDay: '2026-11-23' }));
    await expectFresh();
    await h.call('entries:delete', { kind: 'session', id: late.id });
    await expectFresh();
    await h.call('settings:update', { dayStartHour: 0 });
    await expectFresh();
    await h.call('settings:update', { weekStartsOn: 'sunday' });
    await expectFresh();
    await h.call('plan:pause', { now, from: '2026-11-10', to: '2026-11-12', reason: 'flu' });
    await expectFresh();
    now = '2026-11-25T21:00:00+01:00'; // a new day: yesterday is over
    await expectFresh();
  });

  it('rebuilds a month whose file changed behind its back, and a damaged cache, from the months', async () => {
    h = openHarness();
    const saved = await h.call<SessionRecord>('sessions:save', bedtime('2026-11-21T21:30:00'));
    expect(h.services.summaries.all().sessions).toHaveLength(1);
    h = h.restart();
    // Another copy of the data (a restore, a sync) changed the month while this one was closed.
    const monthPath = `${h.dir}/log-2026-11.json`;
    writeFileSync(monthPath, readFileSync(monthPath, 'utf8').replace('"painAfter":3', '"painAfter":8'));
    writeFileSync(`${h.dir}/backups/log-2026-11.json`, readFileSync(monthPath));
    h = h.restart();
    expect(h.services.summaries.all().sessions.find((s) => s.id === saved.id)?.painAfter).toBe(8);
    writeFileSync(cachePath(h.dir), '{"schemaVersion":1,"months":{"2026-11":{"key":"x","sessions":[{"id":1}]}}}');
    h = h.restart();
    expect(h.services.summaries.all().sessions.map((s) => s.id)).toEqual([saved.id]);
  });
});
