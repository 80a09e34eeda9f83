// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../core/player/clock';
import { RoutinePlayer } from '../../../core/player/routine-player';
import type { RoutinePlan } from '../../../core/player/timeline';
import { tonesBetween } from '../../../core/player/tone-plan';
import type { CueAudioContext, CueAudioNode, CueGain, CueOscillator } from '../../../renderer/src/composables/useCueSounds';
import { useScheduledTones } from '../../../renderer/src/composables/useScheduledTones';
import { makePlan, sampleExercises } from '../core/fixtures';

/**
 * The sample routine: get-ready 0–10 s (beeps at 7, 8, 9 s), a 10 s hold
 * 10–20 s (beeps at 17, 18, 19 s), a 5 s relax 20–25 s, ...; paced reps
 * (8 × 4 s) from 80 s; 219 s in all.
 */
const plan = makePlan(sampleExercises);

/** `performance.now()` when the routine starts, and when the audio clock started (a real context's clock starts at 0 when made). */
const STARTED_AT_MS = 50_000;
const AUDIO_CLOCK_ZERO_AT_MS = 20_000;
const FRAME_MS = 16;

/** The first note of each tone tells which tone it is. */
const toneByFirstFrequency: Record<number, string> = { 880: 'countdown', 660: 'phase-start', 520: 'rep', 523: 'finished' };

class FakeNode implements CueAudioNode {
  disconnected = false;
  connect(destination: CueAudioNode): CueAudioNode {
    return destination;
  }
  disconnect(): void {
    this.disconnected = true;
  }
}

class FakeOscillator extends FakeNode implements CueOscillator {
  type = '';
  frequency = { value: 0 };
  startS: number | null = null;
  /** The audio clock when `start` was called: a tone handed over after its time sounds late. */
  handedOverAtS: number | null = null;
  /** `stop()` with no time: called off. */
  cancelled = false;
  constructor(private readonly ctx: FakeAudioContext) {
    super();
  }
  start(atS: number): void {
    this.startS = atS;
    this.handedOverAtS = this.ctx.currentTime;
  }
  stop(atS?: number): void {
    if (atS === undefined) this.cancelled = true;
  }
}

const fakeParam = () => ({ value: 1, setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined });

/** An audio clock that runs with `performance.now()` (the manual clock), as the hardware's does, whatever the main thread is doing. */
class FakeAudioContext implements CueAudioContext {
  state = 'running';
  readonly destination = new FakeNode();
  readonly oscillators: FakeOscillator[] = [];
  closed = false;
  /** When set, the output timestamp says a sample is heard this long after the clock reaches it. */
  outputLatencyMs: number | null = null;
  /** A real context's clock moves once per block of samples, so a reading may be a few ms behind. */
  readsBehindMs = 0;
  constructor(private readonly clock: ManualClock) {}
  get currentTime(): number {
    return (this.clock.now() - this.readsBehindMs - AUDIO_CLOCK_ZERO_AT_MS) / 1000;
  }
  resume(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
  createOscillator(): FakeOscillator {
    const oscillator = new FakeOscillator(this);
    this.oscillators.push(oscillator);
    return oscillator;
  }
  createGain(): CueGain {
    return Object.assign(new FakeNode(), { gain: fakeParam() });
  }
  get getOutputTimestamp(): CueAudioContext['getOutputTimestamp'] {
    const latencyMs = this.outputLatencyMs;
    if (latencyMs === null) return undefined;
    // The last sample rendered (20 ms back) and when it is heard.
    return () => ({ contextTime: this.currentTime - 0.02, performanceTime: this.clock.now() - 20 + latencyMs });
  }
  /**
   * Tones handed over (from oscillator `since` on) and not called off, as
   * `tone@start`, the start in routine ms through the routine's origin
   * (the `performance.now()` of routine time 0).
   */
  sounding({ origin = STARTED_AT_MS, since = 0 } = {}): string[] {
    return this.described(this.oscillators.slice(since).filter((o) => !o.cancelled), origin);
  }
  cancelled({ origin = STARTED_AT_MS, since = 0 } = {}): string[] {
    return this.described(this.oscillators.slice(since).filter((o) => o.cancelled), origin);
  }
  private described(oscillators: FakeOscillator[], origin: number): string[] {
    return oscillators
      .filter((o) => o.frequency.value in toneByFirstFrequency)
      .map((o) => `${toneByFirstFrequency[o.frequency.value]}@${routineMs(o.startS!, origin)}`);
  }
}

/** Audio seconds back to routine ms, rounded to a microsecond (floating point). */
const routineMs = (audioS: number, originAtMs: number) => Number((audioS * 1000 + AUDIO_CLOCK_ZERO_AT_MS - originAtMs).toFixed(3));

const planned = (p: RoutinePlan, fromMs: number, toMs: number) => tonesBetween(p, fromMs, toMs).map((t) => `${t.tone}@${t.atMs}`);

function setup(options: { createContext?: () => CueAudioContext | null } = {}) {
  const clock = new ManualClock(STARTED_AT_MS);
  const ctx = new FakeAudioContext(clock);
  let player = new RoutinePlayer(plan, clock);
  const sound = { on: true };
  const handedOver: string[] = [];
  const createContext = vi.fn(options.createContext ?? (() => ctx));
  const tones = useScheduledTones(() => sound.on, {
    createContext,
    now: () => clock.now(),
    onScheduled: (tone) => handedOver.push(tone.key),
  });
  /** What PlayerView does each frame after the tick. */
  const update = () => {
    const snapshot = player.snapshot();
    tones.update({ plan: player.plan, status: snapshot.status, positionMs: snapshot.positionMs, nowMs: clock.now() });
  };
  /** Runs `ms` of frames: each advances the clock, ticks the player and updates the tones. */
  const run = (ms: number, frameMs = FRAME_MS) => {
    for (let left = ms; left > 0; left -= frameMs) {
      clock.advance(Math.min(frameMs, left));
      player.tick();
      update();
    }
  };
  const swapPlayer = (next: RoutinePlayer) => (player = next);
  return { clock, ctx, player: () => player, swapPlayer, tones, sound, handedOver, createContext, update, run };
}

/** Started, with the first update in the same frame (so the opening chime is exactly on time). */
function started(options: Parameters<typeof setup>[0] = {}) {
  const t = setup(options);
  t.player().start();
  t.update();
  return t;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('useScheduledTones', () => {
  it('hands every tone of the routine to the audio clock once, at its plan time through the anchor', () => {
    const t = started();
    t.run(plan.totalMs + 1_000);

    const all = planned(plan, 0, plan.totalMs + 1);
    expect(all.slice(0, 6)).toEqual(['phase-start@0', 'countdown@7000', 'countdown@8000', 'countdown@9000', 'phase-start@10000', 'countdown@17000']);
    expect(t.ctx.sounding()).toEqual(all);
    expect(t.ctx.cancelled()).toEqual([]);
    expect(t.handedOver).toEqual(all);
    expect(new Set(t.handedOver).size).toBe(t.handedOver.length);
    // The first beep: routine 7 s after a start at 50 s of page time, on an audio clock that began at 20 s.
    const firstBeep = t.ctx.oscillators.find((o) => o.frequency.value === 880)!;
    expect(firstBeep.startS).toBeCloseTo(37, 9);
    // Each note of each tone: the chime's second note follows its first by 0.16 s.
    const chime = t.ctx.oscillators.filter((o) => o.frequency.value === 990)[1]!;
    expect(chime.startS).toBeCloseTo(40.16, 9);
  });

  it('schedules every tone before it is due while the main thread stalls 200 ms at a time', () => {
    const t = started();
    const stalls: [number, number][] = [];
    let frame = 0;
    while (t.player().snapshot().status === 'running') {
      // Every seventh frame the main thread is stuck for 200 ms: no tick, no update.
      const stuck = ++frame % 7 === 0;
      if (stuck) stalls.push([t.clock.now() - STARTED_AT_MS, t.clock.now() - STARTED_AT_MS + 200]);
      t.run(stuck ? 200 : FRAME_MS, stuck ? 200 : FRAME_MS);
    }
    t.run(500);

    const dueInAStall = planned(plan, 0, plan.totalMs + 1).filter((tone) => {
      const atMs = Number(tone.split('@')[1]);
      return stalls.some(([from, to]) => atMs > from && atMs < to);
    });
    expect(dueInAStall.length).toBeGreaterThan(20);
    expect(t.ctx.sounding()).toEqual(planned(plan, 0, plan.totalMs + 1));
    // Handed over 1.3–1.5 s ahead (the look-ahead less at most one stall and a frame); the opening chime sounds as the routine starts.
    const afterTheOpeningChime = t.ctx.oscillators.slice(2);
    for (const oscillator of afterTheOpeningChime) expect(oscillator.startS! - oscillator.handedOverAtS!).toBeGreaterThan(1.28);
  });

  it('on pause stops the tones not yet sounding and, on resume, schedules them afresh from the new anchor', () => {
    const t = started();
    t.run(8_600);
    expect(t.ctx.sounding()).toEqual(['phase-start@0', 'countdown@7000', 'countdown@8000', 'countdown@9000', 'phase-start@10000']);

    t.player().pause();
    t.run(FRAME_MS);
    expect(t.ctx.cancelled()).toEqual(['countdown@9000', 'phase-start@10000']);
    expect(t.ctx.sounding()).toEqual(['phase-start@0', 'countdown@7000', 'countdown@8000']);
    const cancelledNodes = t.ctx.oscillators.filter((o) => o.cancelled);
    expect(cancelledNodes.every((o) => o.disconnected)).toBe(true);
    expect(cancelledNodes).toHaveLength(3); // one beep, the chime's two notes

    t.run(60_000);
    const handedOverBeforeResuming = t.ctx.oscillators.length;
    expect(handedOverBeforeResuming).toBe(2 + 1 + 1 + 1 + 2); // nothing new while paused

    const resumedAtMs = t.clock.now();
    t.player().resume();
    t.run(2_000);
    // Resumed at 8.6 s: the routine's origin moved on by the pause.
    const resumed = { origin: resumedAtMs - 8_600, since: handedOverBeforeResuming };
    expect(t.ctx.sounding(resumed)).toEqual(['countdown@9000', 'phase-start@10000']);
    expect(t.handedOver.filter((key) => key === 'countdown@8000')).toHaveLength(1);
  });

  it('on a jump stops what was pending, sounds the chime where it landed, and counts down from there', () => {
    const t = started();
    t.run(8_600);
    const jumpedAtMs = t.clock.now();
    t.player().next(); // from the get-ready time into the hold (10 s on the routine's axis)
    t.run(FRAME_MS);
    expect(t.ctx.cancelled()).toEqual(['countdown@9000', 'phase-start@10000']);

    // The hold now started at the jump: its chime sounds with the first frame after it, its beeps 7, 8, 9 s later.
    t.run(10_000);
    expect(t.ctx.sounding({ origin: jumpedAtMs - 10_000, since: 7 })).toEqual([
      `phase-start@${10_000 + FRAME_MS}`,
      'countdown@17000',
      'countdown@18000',
      'countdown@19000',
      'phase-start@20000',
    ]);
  });

  it('going back replays the tones of the part gone back to, once each', () => {
    const t = started();
    t.run(11_000); // 1 s into the hold: its opening chime is still remembered as handed over
    const restartedAtMs = t.clock.now();
    const handedOverBefore = t.ctx.oscillators.length;
    t.player().restart();
    t.update();
    t.run(8_000);

    const afterRestart = t.ctx.sounding({ origin: restartedAtMs - 10_000, since: handedOverBefore });
    expect(afterRestart).toEqual(['phase-start@10000', 'countdown@17000', 'countdown@18000', 'countdown@19000']);
    expect(t.ctx.cancelled()).toEqual([]);
    expect(t.handedOver.filter((key) => key === 'phase-start@10000')).toHaveLength(2);
  });

  it('moved while paused, it chimes at once for the new phase, and not again on resume', () => {
    const t = started();
    t.run(8_600);
    t.player().pause();
    t.run(1_000);
    const movedAtS = t.ctx.currentTime;
    t.player().next();
    t.update();
    const chimes = t.ctx.oscillators.filter((o) => o.frequency.value === 660 && !o.cancelled);
    expect(chimes).toHaveLength(2);
    expect(chimes[0]!.startS).toBeCloseTo(30, 9); // the opening chime
    expect(chimes[1]!.startS).toBeCloseTo(movedAtS, 9);

    t.run(1_000);
    t.player().resume();
    t.run(3_000);
    expect(t.ctx.oscillators.filter((o) => o.frequency.value === 660 && !o.cancelled)).toHaveLength(2);
  });

  it('keeps the finish chime it scheduled ahead when the end comes, though the audio clock reads a little behind', () => {
    const t = started();
    t.run(plan.totalMs - 100);
    t.ctx.readsBehindMs = 20;
    t.run(200); // the frame that sees the end comes 12 ms after it; the audio clock reads 8 ms before it
    expect(t.ctx.cancelled()).toEqual([]);
    expect(t.ctx.sounding().filter((tone) => tone.startsWith('finished'))).toEqual([`finished@${plan.totalMs}`]);
  });

  it('ending early stops pending tones and sounds the finish chime once, at once', () => {
    const t = started();
    t.run(8_600);
    const endedAtS = t.ctx.currentTime;
    t.player().end();
    t.update();
    t.run(5_000);
    expect(t.ctx.cancelled()).toEqual(['countdown@9000', 'phase-start@10000']);
    const finishChimes = t.ctx.oscillators.filter((o) => o.frequency.value === 523);
    expect(finishChimes.map((o) => o.startS)).toEqual([endedAtS]);
  });

  it('a new plan (the easier version) is a jump: the old plan’s pending tones stop', () => {
    const t = started();
    t.run(8_600);
    const swappedAtMs = t.clock.now();
    const easier = new RoutinePlayer(makePlan(sampleExercises), t.clock);
    easier.resumeFrom({ itemIndex: 0, exercisedMs: 8_600, items: [] });
    t.swapPlayer(easier);
    t.update();
    t.run(9_000);
    expect(t.ctx.cancelled()).toEqual(['countdown@9000', 'phase-start@10000']);
    expect(t.ctx.sounding({ origin: swappedAtMs, since: 7 })).toEqual([
      'phase-start@0',
      'countdown@7000',
      'countdown@8000',
      'countdown@9000',
      'phase-start@10000',
    ]);
  });

  it('with sound off schedules nothing; turned off mid-run it stops what is pending; back on, it carries on from there', () => {
    const off = setup();
    off.sound.on = false;
    off.player().start();
    off.run(30_000);
    expect(off.createContext).not.toHaveBeenCalled();
    expect(off.ctx.oscillators).toEqual([]);

    const t = started();
    t.run(8_600);
    t.sound.on = false;
    t.run(FRAME_MS);
    expect(t.ctx.cancelled()).toEqual(['countdown@9000', 'phase-start@10000']);
    t.run(5_000);
    expect(t.ctx.sounding()).toEqual(['phase-start@0', 'countdown@7000', 'countdown@8000']);

    t.sound.on = true;
    t.run(10_000); // to 23.6 s
    expect(t.ctx.sounding()).toEqual(['phase-start@0', 'countdown@7000', 'countdown@8000', 'countdown@17000', 'countdown@18000', 'countdown@19000', 'phase-start@20000', 'countdown@22000', 'countdown@23000', 'countdown@24000', 'phase-start@25000']);
  });

  it('without Web Audio, or when making a context fails, it does nothing and asks only once', () => {
    const none = started({ createContext: () => null });
    expect(() => none.run(20_000)).not.toThrow();
    expect(none.createContext).toHaveBeenCalledTimes(1);

    const failing = started({
      createContext: () => {
        throw new Error('no audio device');
      },
    });
    expect(() => failing.run(20_000)).not.toThrow();
    expect(failing.createContext).toHaveBeenCalledTimes(1);

    // The real default: this test page (happy-dom) has no AudioContext.
    const clock = new ManualClock(0);
    const player = new RoutinePlayer(plan, clock);
    const tones = useScheduledTones(() => true, { now: () => clock.now() });
    player.start();
    expect(() => tones.update({ plan, status: 'running', positionMs: 0, nowMs: 0 })).not.toThrow();
    expect(() => tones.close()).not.toThrow();
  });

  it('carries on silently when the audio device goes away mid-routine', () => {
    const t = started();
    t.run(5_000);
    t.ctx.createOscillator = () => {
      throw new Error('device lost');
    };
    expect(() => t.run(10_000)).not.toThrow();
  });

  it('aims at when a tone is heard when the context reports its output timestamp', () => {
    const t = setup();
    t.ctx.outputLatencyMs = 40;
    t.player().start();
    t.update();
    t.run(7_500);
    const firstBeep = t.ctx.oscillators.find((o) => o.frequency.value === 880)!;
    expect(firstBeep.startS).toBeCloseTo(37 - 0.04, 9);
  });

  it('ignores an output timestamp that is far off and keeps to the clock', () => {
    const t = setup();
    t.ctx.outputLatencyMs = 5_000;
    t.player().start();
    t.update();
    t.run(7_500);
    expect(t.ctx.oscillators.find((o) => o.frequency.value === 880)!.startS).toBeCloseTo(37, 9);
  });

  it('on close stops what has not started and lets go of the device once the tone sounding has played out', () => {
    vi.useFakeTimers();
    const t = started();
    t.run(8_050); // the beep at 8 s is sounding; the one at 9 s is pending
    t.tones.close();
    expect(t.ctx.cancelled()).toEqual(['countdown@9000']);
    expect(t.ctx.closed).toBe(false);
    vi.advanceTimersByTime(100); // the beep lasts 0.14 s: it ends 90 ms after closing
    expect(t.ctx.closed).toBe(true);
  });
});
