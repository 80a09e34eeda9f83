// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeErrorInfo } from '../../../core/bridge/requests';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import { sessionFromProgress } from '../../../core/log/session-from-player';
import type { SessionRecord } from '../../../core/log/session-schema';
import { usePlayerStore } from '../../../renderer/src/stores/player';
import { usePlayerPersistenceStore } from '../../../renderer/src/stores/player-persistence';
import { makePlan, sampleExercises } from '../core/fixtures';
import { testId } from './support/records';
import { createFakeApi, failWith, installFakeApi, type FakeApi } from './support/fake-api';

/** The routine's timeline: the second exercise's get-ready starts at 65 s. */
const plan = makePlan(sampleExercises);
const SECOND_EXERCISE_MS = 65_000;

let api: FakeApi;
/** What the fake service holds. */
let progress: RoutineProgress | null;
let sessions: SessionRecord[];
let sessionFailure: BridgeErrorInfo['code'] | null;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-24T21:00:00Z') });
  progress = null;
  sessions = [];
  sessionFailure = null;
  api = createFakeApi({
    'progress:save': (saved) => {
      progress = saved;
      return null;
    },
    'progress:get': () => progress,
    'sessions:save': (session) => {
      if (sessionFailure) throw failWith('The log could not be written.', sessionFailure);
      const record = { ...session, id: testId(`session-${sessions.length + 1}`), updatedAt: new Date().toISOString() };
      sessions.push(record);
      progress = null; // as the service does
      return record;
    },
    'sessions:update': ({ id, patch }) => {
      const index = sessions.findIndex((s) => s.id === id);
      if (index < 0) throw failWith('No such session.');
      sessions[index] = { ...sessions[index]!, ...patch };
      return sessions[index];
    },
  });
  installFakeApi(api);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the page's clock on and lets the player act on it, as the frame loop would. */
async function playFor(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  usePlayerStore().tick();
  await vi.advanceTimersByTimeAsync(0);
}

describe('player store: saving a run', () => {
  it('saves progress at the start, as each exercise begins, and on pause', async () => {
    const player = usePlayerStore();
    player.start(plan, { painBefore: 4 });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.payloadsOf('progress:save').map((p) => p.itemIndex)).toEqual([0]);
    expect(progress).toMatchObject({ routine: { id: 'test-routine', version: 1 }, itemIndex: 0, painBefore: 4, exercisedMs: 0 });

    await playFor(30_000);
    expect(api.payloadsOf('progress:save')).toHaveLength(1);

    await playFor(SECOND_EXERCISE_MS - 30_000 + 1);
    expect(api.payloadsOf('progress:save').map((p) => p.itemIndex)).toEqual([0, 1]);
    expect(progress?.exercises[0]).toMatchObject({ exerciseId: 'side-hold', outcome: 'completed' });

    player.pause();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.payloadsOf('progress:save')).toHaveLength(3);
  });

  it('records the session when the routine ends, then saves the answers given on the summary', async () => {
    const player = usePlayerStore();
    player.start(plan, { painBefore: 6 });
    await playFor(20_000);
    player.end();
    await vi.advanceTimersByTimeAsync(0);

    const [session] = api.payloadsOf('sessions:save');
    expect(session).toMatchObject({ routine: { id: 'test-routine' }, ending: 'ended-early', painBefore: 6, painAfter: null });
    expect(player.savedSession).toEqual(sessions[0]);
    expect(player.saveError).toBeNull();

    await player.updateSession({ painAfter: 3 });
    await player.updateSession({ note: 'Easier than yesterday.' });
    expect(api.payloadsOf('sessions:update')).toEqual([
      { id: testId('session-1'), patch: { painAfter: 3 } },
      { id: testId('session-1'), patch: { note: 'Easier than yesterday.' } },
    ]);
    expect(player.savedSession).toMatchObject({ painAfter: 3, note: 'Easier than yesterday.' });
    expect(player.updateError).toBeNull();
  });

  it('says when a summary answer was not saved', async () => {
    const player = usePlayerStore();
    player.start(plan, { painBefore: null });
    player.end();
    await vi.advanceTimersByTimeAsync(0);
    sessions.length = 0;
    await player.updateSession({ effort: 'about-right' });
    expect(player.updateError).toBe('Not saved: No such session.');
    expect(player.savedSession?.effort).toBeNull();
  });

  it('does not offer to retry when the services keep the session to save it themselves', async () => {
    sessionFailure = 'storage';
    const player = usePlayerStore();
    player.start(plan, { painBefore: null });
    player.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(player.saveError).toBe('The log could not be written. Your session is kept and the app will keep trying to save it.');
    expect(player.canRetrySave).toBe(false);
  });

  it('offers a retry after any other failure, and the retry saves it once', async () => {
    sessionFailure = 'internal';
    const player = usePlayerStore();
    player.start(plan, { painBefore: null });
    player.end();
    await vi.advanceTimersByTimeAsync(0);
    expect(player.saveError).toBe('This session could not be saved yet: The log could not be written.');
    expect(player.canRetrySave).toBe(true);

    sessionFailure = null;
    player.retrySave();
    await vi.advanceTimersByTimeAsync(0);
    player.retrySave();
    await vi.advanceTimersByTimeAsync(0);
    expect(sessions).toHaveLength(1);
    expect(player.saveError).toBeNull();
  });

  it('resumes an interrupted run where it was saved, keeping its start and pain score', async () => {
    const first = usePlayerStore();
    first.start(plan, { painBefore: 5 });
    await playFor(SECOND_EXERCISE_MS + 1);
    const saved = progress!;
    first.leave();

    await vi.advanceTimersByTimeAsync(60 * 60_000); // an hour later, after a restart
    const resumed = await usePlayerPersistenceStore().progressOf('test-routine');
    expect(resumed).toEqual(saved);
    const player = usePlayerStore();
    player.start(plan, { painBefore: null, resume: resumed! });
    await vi.advanceTimersByTimeAsync(0);
    expect(player.snapshot?.phase.itemIndex).toBe(1);
    expect(progress).toMatchObject({ startedAt: saved.startedAt, painBefore: 5, itemIndex: 1 });
  });
});

describe('player persistence store: the interrupted-routine offer', () => {
  async function interruptRun(): Promise<RoutineProgress> {
    usePlayerStore().start(plan, { painBefore: 2 });
    await playFor(SECOND_EXERCISE_MS + 1);
    usePlayerStore().leave();
    return progress!;
  }

  it('offers the saved progress, and only for the routine it belongs to', async () => {
    const saved = await interruptRun();
    const persistence = usePlayerPersistenceStore();
    await persistence.checkInterrupted();
    expect(persistence.interrupted).toEqual(saved);
    expect(await persistence.progressOf('another-routine')).toBeNull();
  });

  it('keeps what was done as an interrupted session, and withdraws the offer', async () => {
    const saved = await interruptRun();
    const persistence = usePlayerPersistenceStore();
    await persistence.checkInterrupted();
    await persistence.keepInterrupted();
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(api.payloadsOf('sessions:save')).toEqual([sessionFromProgress(saved, timeZone)]);
    expect(sessions[0]).toMatchObject({ ending: 'interrupted', painBefore: 2 });
    expect(persistence.interrupted).toBeNull();
    await persistence.checkInterrupted();
    expect(persistence.interrupted).toBeNull();
  });

  it('keeps the offer and says why when it cannot be saved', async () => {
    await interruptRun();
    const persistence = usePlayerPersistenceStore();
    await persistence.checkInterrupted();
    sessionFailure = 'storage';
    await persistence.keepInterrupted();
    expect(persistence.offerError).toBe('Not saved: The log could not be written.');
    expect(persistence.interrupted).not.toBeNull();
  });

  it('offers nothing when the progress cannot be read', async () => {
    api = createFakeApi({});
    installFakeApi(api);
    const persistence = usePlayerPersistenceStore();
    await persistence.checkInterrupted();
    expect(persistence.interrupted).toBeNull();
    expect(await persistence.progressOf('test-routine')).toBeNull();
  });
});
