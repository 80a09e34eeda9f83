import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { RoutineProgress } from '../../../core/log/progress-schema';
import { buildNewSession, buildProgress, type RunFacts } from '../../../core/log/session-from-player';
import type { SessionPatch, SessionRecord } from '../../../core/log/session-schema';
import type { PlayerCue } from '../../../core/player/cues';
import { RoutinePlayer, type ItemProgress, type PainEvent, type PlayerSnapshot, type ResumeState } from '../../../core/player/routine-player';
import type { RoutinePlan } from '../../../core/player/timeline';
import { BridgeError } from '../../../core/bridge/bridge-api';
import { currentTimeZone, nowLocalIso } from '../format/local-time';
import { usePlayerPersistenceStore } from './player-persistence';

/** What the summary screen shows once a routine ends. */
export interface SessionResult {
  routineId: string;
  routineName: string;
  finishReason: 'completed' | 'ended-early';
  exercisedMs: number;
  items: (ItemProgress & { name: string })[];
  painEvents: RunFacts['painEvents'];
}

type CueListener = (cue: PlayerCue) => void;

const performanceClock = { now: () => performance.now() };

export interface StartOptions {
  painBefore: number | null;
  /** Carry on from a run that was interrupted (the app was closed or crashed). */
  resume?: RoutineProgress;
}

/**
 * The routine being played. The engine does the timing; this store turns
 * its snapshot into reactive state, hands each cue to the sound, speech and
 * caption outputs, and saves progress after each exercise and on pause so an
 * interrupted routine is never lost (through the player-persistence store).
 */
export const usePlayerStore = defineStore('player', () => {
  const persistence = usePlayerPersistenceStore();
  const plan = shallowRef<RoutinePlan | null>(null);
  const snapshot = shallowRef<PlayerSnapshot | null>(null);
  const pendingPain = shallowRef<PainEvent | null>(null);
  const result = shallowRef<SessionResult | null>(null);
  /** The stored record of the routine just finished, once saved. */
  const savedSession = shallowRef<SessionRecord | null>(null);
  const saveError = ref<string | null>(null);
  /** After a disk failure the app keeps the session and retries by itself; asking again would save it twice. */
  const canRetrySave = ref(false);
  /** Why the last change to the saved session (pain after, effort, note) was not saved. */
  const updateError = ref<string | null>(null);
  let player: RoutinePlayer | null = null;
  /** Facts fixed at the start; `painEvents` holds those carried over from an interrupted run. */
  let facts: Omit<RunFacts, 'progress' | 'exercisedMs' | 'plan'> | null = null;
  /** Wall-clock time of each "This hurts" in this run, in the engine's order. */
  const painTimes: string[] = [];
  const listeners = new Set<CueListener>();

  function onCue(listener: CueListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function runFacts(current: RoutinePlayer): RunFacts {
    return {
      ...facts!,
      plan: current.plan,
      progress: current.progress(),
      exercisedMs: current.snapshot().exercisedMs,
      painEvents: [
        ...facts!.painEvents,
        ...current.painEvents.map((event, index) => ({
          exerciseId: event.exerciseId,
          positionMs: event.positionMs,
          at: painTimes[index] ?? facts!.startedAt,
        })),
      ],
    };
  }

  async function saveProgress(current: RoutinePlayer): Promise<void> {
    try {
      await persistence.saveProgress(buildProgress(runFacts(current), current.snapshot().phase.itemIndex, nowLocalIso()));
    } catch (error) {
      saveError.value = `Progress could not be saved: ${(error as Error).message}`;
    }
  }

  async function saveSession(current: RoutinePlayer): Promise<void> {
    const reason = current.snapshot().finishReason ?? 'ended-early';
    try {
      savedSession.value = await persistence.saveSession(buildNewSession(runFacts(current), nowLocalIso(), reason));
      saveError.value = null;
    } catch (error) {
      const keptForRetry = error instanceof BridgeError && error.info.code === 'storage';
      canRetrySave.value = !keptForRetry;
      saveError.value = keptForRetry
        ? `${error.message} Your session is kept and the app will keep trying to save it.`
        : `This session could not be saved yet: ${(error as Error).message}`;
    }
  }

  /**
   * Progress is worth saving when the player moves to another exercise and when paused.
   * (After a stall the player announces only the phase it landed in, so any phase of a new exercise counts.)
   */
  function isSavePoint(cue: PlayerCue, previous: PlayerSnapshot | null): boolean {
    if (cue.type === 'paused' || cue.type === 'stopped') return true;
    return cue.type === 'phase-start' && previous !== null && previous.phase.itemIndex !== cue.phase.itemIndex;
  }

  function publish(cues: PlayerCue[]): void {
    const current = player;
    if (!current) return;
    const previous = snapshot.value;
    for (const cue of cues) for (const listener of listeners) listener(cue);
    if (cues.some((cue) => isSavePoint(cue, previous))) void saveProgress(current);
    const next = current.snapshot();
    // Re-render only when something visible changes (a tenth of a second is the finest the screen shows).
    if (!previous || cues.length > 0 || Math.floor(next.positionMs / 100) !== Math.floor(previous.positionMs / 100) || next.status !== previous.status) {
      snapshot.value = next;
    }
    if (next.status === 'finished' && !result.value) {
      result.value = summarise(current);
      void saveSession(current);
    }
  }

  function summarise(finished: RoutinePlayer): SessionResult {
    const final = finished.snapshot();
    return {
      routineId: finished.plan.routine.id,
      routineName: finished.plan.routine.name,
      finishReason: final.finishReason ?? 'ended-early',
      exercisedMs: final.exercisedMs,
      items: finished.progress().map((progress, index) => ({ ...progress, name: finished.plan.items[index]!.exercise.name })),
      painEvents: runFacts(finished).painEvents,
    };
  }

  function resumeState(progress: RoutineProgress): ResumeState {
    return {
      itemIndex: progress.itemIndex,
      exercisedMs: progress.exercisedMs,
      items: progress.exercises.map((exercise) => ({ outcome: exercise.outcome, workDone: exercise.workDone })),
    };
  }

  function start(newPlan: RoutinePlan, options: StartOptions): void {
    plan.value = markRaw(newPlan);
    player = markRaw(new RoutinePlayer(newPlan, performanceClock));
    result.value = null;
    savedSession.value = null;
    saveError.value = null;
    updateError.value = null;
    pendingPain.value = null;
    painTimes.length = 0;
    const resume = options.resume;
    facts = {
      startedAt: resume?.startedAt ?? nowLocalIso(),
      timeZone: currentTimeZone(),
      painBefore: resume ? resume.painBefore : options.painBefore,
      painEvents: resume?.painEvents ?? [],
    };
    snapshot.value = null;
    publish(resume ? player.resumeFrom(resumeState(resume)) : player.start());
    void saveProgress(player);
  }

  const act = (action: (p: RoutinePlayer) => PlayerCue[]) => () => {
    if (player) publish(action(player));
  };

  function reportPain(): void {
    if (!player) return;
    const event = player.reportPain();
    if (event) painTimes.push(nowLocalIso());
    pendingPain.value = event;
    publish([{ type: 'stopped' }]);
  }

  /** Each answer on the summary is saved at once onto the session already stored, so closing the app loses nothing. */
  async function updateSession(patch: SessionPatch): Promise<void> {
    const session = savedSession.value;
    if (!session) return;
    try {
      savedSession.value = await persistence.updateSession(session.id, patch);
      updateError.value = null;
    } catch (error) {
      updateError.value = `Not saved: ${(error as Error).message}`;
    }
  }

  /**
   * "Easier version": the current exercise is swapped for its easier version
   * (`easierAt` makes the new plan, timed as the library times every plan)
   * and starts again from its get-ready time; what was done before stays
   * done, and the session records which exercise it replaced.
   */
  function switchToEasier(easierAt: (plan: RoutinePlan, index: number) => RoutinePlan | null): void {
    const current = player;
    if (!current || !facts) return;
    const position = current.snapshot();
    const index = position.phase.itemIndex;
    const swapped = easierAt(current.plan, index);
    if (!swapped) return;
    const done = current.progress();
    facts = { ...facts, painEvents: runFacts(current).painEvents };
    painTimes.length = 0;
    plan.value = markRaw(swapped);
    player = markRaw(new RoutinePlayer(swapped, performanceClock));
    const items = done.map((item, i) => (i === index ? { outcome: 'not-reached' as const, workDone: 0 } : { outcome: item.outcome, workDone: item.workDone }));
    publish(player.resumeFrom({ itemIndex: index, exercisedMs: position.exercisedMs, items }));
    void saveProgress(player);
  }

  function retrySave(): void {
    if (player && result.value && !savedSession.value) void saveSession(player);
  }

  function leave(): void {
    player = null;
    plan.value = null;
    snapshot.value = null;
  }

  return {
    plan,
    snapshot,
    pendingPain,
    result,
    savedSession,
    saveError,
    canRetrySave,
    updateError,
    onCue,
    start,
    leave,
    reportPain,
    retrySave,
    updateSession,
    tick: act((p) => p.tick()),
    pause: act((p) => p.pause()),
    resume: act((p) => p.resume()),
    togglePause: act((p) => (p.snapshot().status === 'paused' ? p.resume() : p.pause())),
    next: act((p) => p.next()),
    previous: act((p) => p.previous()),
    restart: act((p) => p.restart()),
    switchToEasier,
    end: act((p) => p.end()),
    skipPainfulExercise: act((p) => {
      pendingPain.value = null;
      return p.skipPainfulExercise();
    }),
  };
});
