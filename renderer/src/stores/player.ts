import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { PlayerCue } from '../../../core/player/cues';
import { RoutinePlayer, type ItemProgress, type PainEvent, type PlayerSnapshot } from '../../../core/player/routine-player';
import type { RoutinePlan } from '../../../core/player/timeline';

/** What the summary screen shows once a routine ends. */
export interface SessionResult {
  routineId: string;
  routineName: string;
  finishReason: 'completed' | 'ended-early';
  exercisedMs: number;
  startedAt: string;
  endedAt: string;
  items: (ItemProgress & { name: string })[];
  painEvents: (PainEvent & { at: string })[];
}

type CueListener = (cue: PlayerCue) => void;

const performanceClock = { now: () => performance.now() };

/**
 * The routine being played. The engine does the timing; this store turns
 * its snapshot into reactive state and hands each cue to the sound, speech
 * and caption outputs that subscribed.
 */
export const usePlayerStore = defineStore('player', () => {
  const plan = shallowRef<RoutinePlan | null>(null);
  const snapshot = shallowRef<PlayerSnapshot | null>(null);
  const pendingPain = shallowRef<PainEvent | null>(null);
  const result = shallowRef<SessionResult | null>(null);
  const painTimes = ref<string[]>([]);
  let player: RoutinePlayer | null = null;
  let startedAt = '';
  const listeners = new Set<CueListener>();

  function onCue(listener: CueListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function publish(cues: PlayerCue[]): void {
    if (!player) return;
    for (const cue of cues) for (const listener of listeners) listener(cue);
    const next = player.snapshot();
    const previous = snapshot.value;
    // Re-render only when something visible changes (a tenth of a second is the finest the screen shows).
    if (!previous || cues.length > 0 || Math.floor(next.positionMs / 100) !== Math.floor(previous.positionMs / 100) || next.status !== previous.status) {
      snapshot.value = next;
    }
    if (next.status === 'finished' && !result.value) result.value = summarise(player);
  }

  function summarise(finished: RoutinePlayer): SessionResult {
    const names = finished.plan.items.map((item) => item.exercise.name);
    const final = finished.snapshot();
    return {
      routineId: finished.plan.routine.id,
      routineName: finished.plan.routine.name,
      finishReason: final.finishReason ?? 'ended-early',
      exercisedMs: final.exercisedMs,
      startedAt,
      endedAt: new Date().toISOString(),
      items: finished.progress().map((progress, index) => ({ ...progress, name: names[index]! })),
      painEvents: finished.painEvents.map((event, index) => ({ ...event, at: painTimes.value[index] ?? startedAt })),
    };
  }

  function start(newPlan: RoutinePlan): void {
    plan.value = markRaw(newPlan);
    player = markRaw(new RoutinePlayer(newPlan, performanceClock));
    result.value = null;
    pendingPain.value = null;
    painTimes.value = [];
    startedAt = new Date().toISOString();
    snapshot.value = null;
    publish(player.start());
  }

  const act = (action: (p: RoutinePlayer) => PlayerCue[]) => () => {
    if (player) publish(action(player));
  };

  function reportPain(): void {
    if (!player) return;
    const event = player.reportPain();
    if (event) painTimes.value.push(new Date().toISOString());
    pendingPain.value = event;
    publish([{ type: 'paused' }]);
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
    onCue,
    start,
    leave,
    reportPain,
    tick: act((p) => p.tick()),
    pause: act((p) => p.pause()),
    resume: act((p) => p.resume()),
    togglePause: act((p) => (p.snapshot().status === 'paused' ? p.resume() : p.pause())),
    next: act((p) => p.next()),
    previous: act((p) => p.previous()),
    restart: act((p) => p.restart()),
    end: act((p) => p.end()),
    skipPainfulExercise: act((p) => {
      pendingPain.value = null;
      return p.skipPainfulExercise();
    }),
  };
});
