// Timer accuracy: our engine (position from a monotonic clock) against a naive
// countdown that decrements once a second on setInterval, both run on real
// timers for the same routine while the main thread is stalled at random.
// In the same run, the tones scheduled ahead on the audio clock (issue 11):
// when each would sound, against when the plan says it is due.
import { performance } from 'node:perf_hooks';
import { exerciseSchema } from '../core/content/exercise-schema';
import { routineSchema } from '../core/content/routine-schema';
import { RoutinePlayer } from '../core/player/routine-player';
import { planRoutine, type RoutinePlan } from '../core/player/timeline';
import type { CueAudioContext, CueAudioNode, CueGain, CueOscillator } from '../renderer/src/composables/useCueSounds';
import { useScheduledTones } from '../renderer/src/composables/useScheduledTones';
import { percentile, summarise } from './stats';

const FRAME_MS = 16;
const STALL_CHANCE_PER_FRAME = 0.04;
const MAX_STALL_MS = 200;

/** A routine of short holds, so a minute holds many phase boundaries and countdown beeps. */
function benchmarkPlan(): RoutinePlan {
  const exercises = Array.from({ length: 12 }, (_, i) =>
    exerciseSchema.parse({
      id: `hold-${i}`, name: `Hold ${i}`, category: 'strength', targetArea: 'core', startingPosition: 'lying on your back',
      summary: 'Bench.', steps: ['a', 'b'], shouldFeel: 'x', stopIf: 'y', illustration: 'x.svg',
      dose: { kind: 'hold', holdSeconds: 4, reps: 3, restBetweenRepsSeconds: 1, perSide: i % 2 === 0 },
    }),
  );
  const routine = routineSchema.parse({
    id: 'bench', version: 1, name: 'Bench', kind: 'core-strength', purpose: 'Bench.', whenToUse: 'Bench.',
    startPosition: 'lying on your back', leadInSeconds: 3, restBetweenExercisesSeconds: 5, items: exercises.map((e) => ({ exerciseId: e.id })),
  });
  return planRoutine(routine, new Map(exercises.map((e) => [e.id, e])));
}

function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Deliberately blocking: this is the stall under test.
  }
}

/** The audio clock runs this far from `performance.now()`, as a real context's (made earlier, on its own crystal) does. */
const AUDIO_CLOCK_OFFSET_MS = 1_234.5;

/**
 * An AudioContext whose clock is the hardware's: it runs on with
 * `performance.now()` whatever the main thread does. Its nodes do nothing;
 * the scheduler's `onScheduled` reports what was handed over and when.
 */
function fakeAudioContext(): CueAudioContext {
  const node = (): CueAudioNode => ({ connect: (destination) => destination, disconnect: () => undefined });
  const param = { value: 0, setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined };
  const oscillator = (): CueOscillator => ({ ...node(), type: 'sine', frequency: { value: 0 }, start: () => undefined, stop: () => undefined });
  const gain = (): CueGain => ({ ...node(), gain: param });
  return {
    get currentTime() {
      return (performance.now() + AUDIO_CLOCK_OFFSET_MS) / 1000;
    },
    state: 'running',
    destination: node(),
    resume: () => Promise.resolve(),
    close: () => Promise.resolve(),
    createOscillator: oscillator,
    createGain: gain,
  };
}

interface Sample {
  scheduledAt: number;
  errorMs: number;
  afterStall: boolean;
  kind?: string;
}

export async function runTimerAccuracy(requestedMs: number): Promise<string[]> {
  // Shorter runs would end before the first boundary and measure nothing.
  const durationMs = Math.max(10_000, requestedMs);
  const plan = benchmarkPlan();
  const phases = plan.phases.filter((p) => p.endMs <= durationMs);
  /** The last time the player read its clock: after `start()`, the routine's own origin. */
  let lastClockRead = 0;
  const clock = { now: () => (lastClockRead = performance.now()) };
  const player = new RoutinePlayer(plan, clock);
  const stalls: [number, number][] = [];
  const ours: Sample[] = [];
  const naive: Sample[] = [];
  /** Each tone handed to the audio clock: when the plan says it is due (`performance.now()` time) and how late it will sound. */
  const audioTones: { dueAt: number; errorMs: number }[] = [];
  const wasStalled = (at: number) => stalls.some(([from, to]) => at >= from - 1 && at <= to + FRAME_MS);
  const dueInStall = (at: number) => stalls.some(([from, to]) => at >= from && at <= to);

  // Each tone sounds at its scheduled audio time, or at once if handed over after it (late).
  const audio = fakeAudioContext();
  let routineOrigin = 0;
  const tones = useScheduledTones(() => true, {
    createContext: () => audio,
    onScheduled: (tone, atS) => {
      const soundsAtMs = Math.max(atS, audio.currentTime) * 1000 - AUDIO_CLOCK_OFFSET_MS;
      const dueAt = routineOrigin + tone.atMs;
      audioTones.push({ dueAt, errorMs: soundsAtMs - dueAt });
    },
  });
  const updateTones = () => {
    const { status, positionMs } = player.snapshot();
    tones.update({ plan, status, positionMs, nowMs: performance.now() });
  };

  const origin = performance.now();
  player.start();
  routineOrigin = lastClockRead;

  // The naive countdown: one decrement per interval callback, however late it comes.
  let naivePhase = 0;
  let naiveRemaining = Math.round((phases[0]!.endMs - phases[0]!.startMs) / 1000);
  const naiveTimer = setInterval(() => {
    naiveRemaining -= 1;
    if (naiveRemaining > 0 || naivePhase >= phases.length - 1) return;
    naivePhase += 1;
    const phase = phases[naivePhase]!;
    const scheduledAt = origin + phase.startMs;
    naive.push({ scheduledAt, errorMs: performance.now() - scheduledAt, afterStall: wasStalled(scheduledAt), kind: 'phase-start' });
    naiveRemaining = Math.round((phase.endMs - phase.startMs) / 1000);
  }, 1000);

  await new Promise<void>((resolve) => {
    const frame = () => {
      const now = () => performance.now();
      for (const cue of player.tick()) {
        // When each cue should have fired, on the routine's own time axis.
        const phase = player.snapshot().phase;
        const scheduled =
          cue.type === 'phase-start' ? phase.startMs : cue.type === 'countdown' ? phase.endMs - cue.secondsLeft * 1000 : null;
        if (scheduled === null || phase.endMs > durationMs) continue;
        const scheduledAt = origin + scheduled;
        ours.push({ scheduledAt, errorMs: now() - scheduledAt, afterStall: wasStalled(scheduledAt), kind: cue.type });
      }
      updateTones();
      if (Math.random() < STALL_CHANCE_PER_FRAME) {
        const start = performance.now();
        busyWait(Math.random() * MAX_STALL_MS);
        stalls.push([start, performance.now()]);
      }
      if (performance.now() - origin < durationMs) setTimeout(frame, FRAME_MS);
      else resolve();
    };
    setTimeout(frame, FRAME_MS);
  });
  clearInterval(naiveTimer);
  const endedAt = performance.now();
  tones.close();

  const clean = (samples: Sample[]) => samples.filter((s) => !s.afterStall).map((s) => s.errorMs);
  const half = (samples: Sample[], first: boolean) =>
    clean(samples.filter((s) => (s.scheduledAt - origin < durationMs / 2) === first));
  const stallTotal = stalls.reduce((sum, [a, b]) => sum + b - a, 0);
  const lastOf = (samples: Sample[]) => samples.filter((s) => s.kind === 'phase-start').at(-1)?.errorMs ?? NaN;
  const phaseChanges = ours.filter((s) => s.kind === 'phase-start');
  // Tones due within the run; the opening chime answers the Start click, and the main-thread lines do not count it either.
  const timedTones = audioTones.filter((s) => s.dueAt > routineOrigin && s.dueAt < endedAt);
  const stalledTones = timedTones.filter((s) => dueInStall(s.dueAt)).map((s) => s.errorMs);
  const stalledCues = ours.filter((s) => dueInStall(s.scheduledAt)).map((s) => s.errorMs);
  return [
    `Ran ${(durationMs / 1000).toFixed(0)} s on real timers, ${phases.length} phase boundaries, ${stalls.length} stalls (up to ${MAX_STALL_MS} ms, ${(stallTotal / 1000).toFixed(1)} s in all).`,
    `Engine, phase changes outside stalls: ${summarise(clean(phaseChanges))}`,
    `Engine, phase changes and countdown beeps outside stalls: ${summarise(clean(ours))}`,
    `Engine, every cue incl. those due during a stall: ${summarise(ours.map((s) => s.errorMs))}`,
    `Engine, p99 first half vs second half: ${percentile(half(ours, true), 99).toFixed(1)} ms vs ${percentile(half(ours, false), 99).toFixed(1)} ms`,
    `Naive setInterval countdown, phase changes: ${summarise(naive.map((s) => s.errorMs))}`,
    `Naive, p99 first half vs second half: ${percentile(half(naive, true), 99).toFixed(1)} ms vs ${percentile(half(naive, false), 99).toFixed(1)} ms`,
    `Error at the last boundary reached: engine ${lastOf(ours).toFixed(1)} ms, naive ${lastOf(naive).toFixed(1)} ms (naive reached ${naive.length} of ${phases.length - 1})`,
    `Fired from the main thread (engine), cues due during a stall: ${summarise(stalledCues)}`,
    `Scheduled ahead on the audio clock, every tone: ${summarise(timedTones.map((s) => s.errorMs))}`,
    `Scheduled ahead on the audio clock, tones due during a stall: ${summarise(stalledTones)}`,
  ];
}
