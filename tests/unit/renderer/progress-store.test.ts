// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan, PlanTarget } from '../../../core/plan/plan-schema';
import type { Dashboard, Milestone, RangeKey } from '../../../core/progress/dashboard';
import { defaultSettings, type Settings } from '../../../core/settings/settings-schema';
import { useHistoryStore } from '../../../renderer/src/stores/history';
import { usePlayerPersistenceStore } from '../../../renderer/src/stores/player-persistence';
import { useProgressStore } from '../../../renderer/src/stores/progress';
import { useSettingsStore } from '../../../renderer/src/stores/settings';
import { useSpasmLogStore } from '../../../renderer/src/stores/spasm-log';
import { sampleSession } from '../../support/log-samples';
import { createFakeApi, failWith, installFakeApi, type FakeApi, type FakeHandlers } from './support/fake-api';
import { sessionRecord, testId } from './support/records';

/** A dashboard as the service answers it; only what a test looks at differs between answers. */
function dashboardFor(range: RangeKey, milestones: Milestone[] = [], done = 0): Dashboard {
  return {
    today: '2026-11-18',
    range: { key: range, from: '2026-10-26', to: '2026-11-18' },
    settings: { dayStartHour: 4, weekStartsOn: 'monday' },
    streak: { current: done, longest: done, unit: 'day' },
    thisWeek: { weekStart: '2026-11-16', done, planned: 7 },
    weeks: [],
    months: [],
    calendar: [],
    pain: [],
    painAverage: [],
    exercises: [],
    milestones,
  };
}

const firstSession: Milestone = { id: 'first-session', title: 'Your first session', reachedOn: '2026-11-02' };
const tenSessions: Milestone = { id: 'sessions-10', title: '10 sessions done', reachedOn: '2026-11-17' };
const bedtimeEveryDay: PlanTarget = { kind: 'routines-on-days', routines: [{ routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5, 6] }] };

let api: FakeApi;
let handlers: FakeHandlers;
let settings: Settings;
let plan: Plan;
let milestones: Milestone[];
/** Sessions the fake log holds: the dashboard's streak is their count, so a stale answer shows. */
let sessionsSaved: number;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-18T12:00:00Z') });
  settings = { ...defaultSettings, safetyAcknowledgedAt: '2026-11-01T10:00:00Z' };
  plan = { versions: [{ startsOn: '2026-10-29', target: bedtimeEveryDay }], pauses: [] };
  milestones = [];
  sessionsSaved = 0;
  handlers = {
    'dashboard:get': ({ range }) => dashboardFor(range, milestones, sessionsSaved),
    'settings:get': () => settings,
    'settings:update': (patch) => (settings = { ...settings, ...patch }),
    'plan:get': () => plan,
    'plan:change': ({ target }) => (plan = { ...plan, versions: [...plan.versions, { startsOn: '2026-11-18', target }] }),
    'plan:pause': ({ from, to, reason }) => {
      if (plan.pauses.some((p) => p.from <= to && from <= p.to)) throw failWith('plan:pause: from: This overlaps a pause already planned', 'invalid-request');
      return (plan = { ...plan, pauses: [...plan.pauses, { id: testId(`pause-${from}`), from, to, reason }] });
    },
    'plan:end-pause': ({ id }) => (plan = { ...plan, pauses: plan.pauses.filter((p) => p.id !== id) }),
    'sessions:save': (session) => (sessionsSaved++, { ...session, id: testId(`session-${sessionsSaved}`), updatedAt: session.startedAt }),
    'spasms:create': (spasm) => ({ ...spasm, id: testId('spasm'), updatedAt: spasm.occurredAt }),
    'sessions:update': ({ id }) => ({ ...sessionRecord('edited', '2026-11-17T21:30:00+00:00'), id }),
    'history:list': () => ({ entries: [], nextCursor: null }),
  };
  api = createFakeApi(handlers);
  installFakeApi(api);
});

afterEach(() => {
  vi.useRealTimers();
});

const dashboardCalls = () => api.payloadsOf('dashboard:get');

describe('progress store: the dashboard', () => {
  it('asks for the chosen range with the local time now', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(1);
    const [asked] = dashboardCalls();
    expect(asked!.range).toBe('4-weeks');
    // Local time with its offset, read from this computer's clock.
    expect(Date.parse(asked!.now)).toBe(Date.parse('2026-11-18T12:00:00Z'));
    expect(asked!.now).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    expect(progress.dashboard?.thisWeek).toEqual({ weekStart: '2026-11-16', done: 0, planned: 7 });
  });

  it('does not ask again when shown again with nothing changed', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(1);
  });

  it('asks again once a session has been saved, and shows the new numbers', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    await usePlayerPersistenceStore().saveSession(sampleSession('2026-11-18T07:00:00+00:00'));
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(2);
    expect(progress.dashboard?.thisWeek.done).toBe(1);
  });

  it('asks again after a spasm is logged, or History changes an entry', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    await useSpasmLogStore().logNow(6);
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(2);
    await useHistoryStore().saveSession(testId('s1'), { painAfter: 2 });
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(3);
  });

  it('asks again when the day rules change in settings', async () => {
    const progress = useProgressStore();
    await useSettingsStore().load();
    await progress.refresh();
    await useSettingsStore().update({ weekStartsOn: 'sunday' });
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(2);
  });

  it('asks again after the hour turns, since a new day starts on the hour', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    vi.setSystemTime(new Date('2026-11-18T12:59:00Z'));
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-18T13:00:00Z'));
    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(2);
  });

  it('changes the range, and keeps the newest range when an older answer arrives late', async () => {
    let releaseSlow: () => void = () => undefined;
    handlers['dashboard:get'] = async ({ range }) => {
      if (range === '3-months') await new Promise<void>((resolve) => (releaseSlow = resolve));
      return dashboardFor(range);
    };
    const progress = useProgressStore();
    const slow = progress.setRange('3-months');
    await progress.setRange('12-months');
    releaseSlow();
    await slow;
    expect(progress.range).toBe('12-months');
    expect(progress.dashboard?.range.key).toBe('12-months');
    expect(progress.loading).toBe(false);
    expect(dashboardCalls().map((call) => call.range)).toEqual(['3-months', '12-months']);
  });

  it('says why it could not load, keeps what it showed, and tries again next time', async () => {
    const progress = useProgressStore();
    await progress.refresh();
    handlers['dashboard:get'] = () => {
      throw failWith('The log could not be read.');
    };
    await progress.setRange('all');
    expect(progress.error).toBe('Your progress could not be loaded: The log could not be read.');
    expect(progress.dashboard?.range.key).toBe('4-weeks');
    handlers['dashboard:get'] = ({ range }) => dashboardFor(range);
    await progress.refresh();
    expect(progress.error).toBeNull();
    expect(progress.dashboard?.range.key).toBe('all');
  });
});

describe('progress store: milestones', () => {
  it('celebrates each milestone once, recording it as seen in settings', async () => {
    milestones = [firstSession];
    const progress = useProgressStore();
    await progress.refresh();
    await progress.celebrateNew();
    expect(progress.celebrating.map((m) => m.id)).toEqual(['first-session']);
    expect(settings.milestonesSeen).toEqual(['first-session']);

    // Shown again (the same screen, or another): no second note.
    progress.dismissCelebration();
    await progress.celebrateNew();
    expect(progress.celebrating).toEqual([]);

    milestones = [firstSession, tenSessions];
    progress.markStale();
    await progress.refresh();
    await progress.celebrateNew();
    expect(progress.celebrating.map((m) => m.id)).toEqual(['sessions-10']);
    expect(settings.milestonesSeen).toEqual(['first-session', 'sessions-10']);
  });

  it('shows nothing when settings cannot be read (it cannot know what was seen)', async () => {
    milestones = [firstSession];
    handlers['settings:get'] = () => {
      throw failWith('Settings unreadable.');
    };
    const progress = useProgressStore();
    await progress.refresh();
    await progress.celebrateNew();
    expect(progress.celebrating).toEqual([]);
    expect(api.payloadsOf('settings:update')).toEqual([]);
  });
});

describe('progress store: the plan', () => {
  it('loads the plan, and a change is sent with now and marks the dashboard stale', async () => {
    const progress = useProgressStore();
    await progress.loadPlan();
    expect(progress.plan?.versions).toHaveLength(1);
    await progress.refresh();

    const target: PlanTarget = { kind: 'sessions-per-week', sessionsPerWeek: 3 };
    expect(await progress.changePlan(target)).toBe(true);
    const [sent] = api.payloadsOf('plan:change');
    expect(sent!.target).toEqual(target);
    expect(Date.parse(sent!.now)).toBe(Date.parse('2026-11-18T12:00:00Z'));
    expect(progress.plan?.versions.at(-1)?.target).toEqual(target);

    await progress.refresh();
    expect(dashboardCalls()).toHaveLength(2);
  });

  it('adds and ends pauses, and shows the service message naming the field when refused', async () => {
    const progress = useProgressStore();
    expect(await progress.pause('2026-11-20', '2026-11-27', 'travelling')).toBe(true);
    expect(progress.plan?.pauses).toEqual([{ id: testId('pause-2026-11-20'), from: '2026-11-20', to: '2026-11-27', reason: 'travelling' }]);

    expect(await progress.pause('2026-11-25', '2026-11-30', 'ill')).toBe(false);
    expect(progress.planError).toBe('Not saved: plan:pause: from: This overlaps a pause already planned');
    expect(progress.plan?.pauses).toHaveLength(1);

    expect(await progress.endPause(testId('pause-2026-11-20'))).toBe(true);
    expect(progress.plan?.pauses).toEqual([]);
    expect(progress.planError).toBeNull();
  });
});
