import type { PlayerStatus } from '../../../core/player/routine-player';
import { phaseIndexAt, type RoutinePlan } from '../../../core/player/timeline';
import { tonesBetween, type PlannedTone } from '../../../core/player/tone-plan';
import { createDefaultAudioContext, scheduleTone, wake, type CueAudioContext, type ScheduledSound } from './useCueSounds';

/**
 * The player's beeps and chimes, handed to the audio hardware ahead of time.
 *
 * A tone fired when a tick notices it comes late whenever the main thread
 * stalls. Instead, every frame this looks a little ahead on the routine's
 * plan and schedules each tone due soon on the AudioContext's own clock,
 * which keeps running through a stall, so the hardware plays it on time.
 *
 * Routine time maps to audio time through an anchor measured once per
 * stretch of uninterrupted running (a "segment"). A pause, a jump (next,
 * previous, restart, easier version) or the end starts a new segment: tones
 * not yet sounding for the position left behind are stopped and forgotten.
 * Speech stays with the cues; with no audio device this stays silent (every
 * cue also shows on screen).
 */

/** Where the player is: `positionMs` on the routine's axis, read at `nowMs` (`performance.now()`). */
export interface PlayerClockState {
  plan: RoutinePlan;
  status: PlayerStatus;
  positionMs: number;
  nowMs: number;
}

export interface ScheduledTonesOptions {
  /** Makes the audio context (a fake one in tests); null when there is no audio. */
  createContext?: () => CueAudioContext | null;
  /** The clock `nowMs` is read from; `performance.now` by default. */
  now?: () => number;
  /** Told of each tone handed to the hardware and its audio start time (for benchmarks). */
  onScheduled?: (tone: PlannedTone, atS: number) => void;
}

/** How far ahead tones are scheduled: beyond the longest stall (200 ms) and a hidden window's 1 s timer throttling. */
export const LOOKAHEAD_MS = 1500;
/** Origins of one segment agree within this; a larger move is a pause, resume or jump. */
const ORIGIN_TOLERANCE_MS = 4;
/**
 * A tone this overdue is dropped rather than sounded late (a beep long after
 * its second misleads; the screen still shows it), as the player announces
 * only where it is after a long stall. Also how far back a jump's landing is sought.
 */
const LATE_LIMIT_MS = 300;
/** The audio hardware's output latency is well below this; a larger disagreement means a broken timestamp. */
const MAX_PLAUSIBLE_LATENCY_S = 0.5;

interface Segment {
  plan: RoutinePlan;
  /** The `performance.now()` at which routine position 0 was (or would have been): fixed while running on. */
  originNowMs: number;
  /** Audio seconds = performance ms / 1000 + this. Measured once per segment, so a stall cannot move it. */
  audioOffsetS: number | null;
  /** Tones before this routine time have been dealt with. */
  scheduledUntilMs: number;
  /** Where a jump landed: its chime is sounded however late the first frame after the jump comes. */
  landedAtMs: number | null;
}

interface HandedOver {
  tone: PlannedTone;
  sound: ScheduledSound;
}

const finishedTone = (atMs: number): PlannedTone => ({ atMs, tone: 'finished', key: `finished@${atMs}` });

export function useScheduledTones(isEnabled: () => boolean, options: ScheduledTonesOptions = {}) {
  const now = options.now ?? (() => performance.now());
  let context: CueAudioContext | null = null;
  let noAudio = false;
  let segment: Segment | null = null;
  let last: PlayerClockState | null = null;
  /** Tones handed to the hardware since the position last jumped, by key, so each is scheduled once. */
  const handedOver = new Map<string, HandedOver>();

  function audio(): CueAudioContext | null {
    if (context || noAudio) return context;
    try {
      context = (options.createContext ?? createDefaultAudioContext)();
    } catch {
      context = null;
    }
    noAudio = context === null;
    return context;
  }

  /** Call on every frame with where the player is (after its tick). */
  function update(state: PlayerClockState): void {
    if (!isEnabled()) {
      silence();
    } else {
      const ctx = audio();
      try {
        if (ctx) follow(ctx, state);
      } catch {
        // An audio device that vanished mid-routine: carry on silently.
      }
    }
    last = state;
  }

  function follow(ctx: CueAudioContext, state: PlayerClockState): void {
    const jumped = leftItsPath(state);
    if (state.status === 'running') {
      if (!inSegment(state)) startSegment(ctx, state, jumped);
      scheduleAhead(ctx);
      return;
    }
    if (segment) endSegment(ctx, jumped ? (last?.positionMs ?? -Infinity) : state.positionMs);
    if (jumped) handedOver.clear();
    // Moved while paused ("Next" during a pause, or after "This hurts"): the new phase's chime now.
    if (jumped && state.status === 'paused') soundNow(ctx, tonesBetween(state.plan, state.positionMs, state.positionMs + 1));
    if (state.status === 'finished' && last && last.status !== 'finished') finish(ctx, state);
  }

  /**
   * Whether the position is somewhere running on from the last update could
   * have taken it (pausing or resuming on the way included). If not, the
   * player jumped, or a new plan or run began.
   */
  function leftItsPath(state: PlayerClockState): boolean {
    if (!last || last.plan !== state.plan) return true;
    if (last.status === 'finished') return state.status !== 'finished' || state.positionMs !== last.positionMs;
    const couldRun = last.status === 'running' || state.status === 'running';
    const elapsed = couldRun ? Math.max(0, state.nowMs - last.nowMs) : 0;
    return state.positionMs < last.positionMs - ORIGIN_TOLERANCE_MS || state.positionMs > last.positionMs + elapsed + ORIGIN_TOLERANCE_MS;
  }

  function inSegment(state: PlayerClockState): boolean {
    const originNowMs = state.nowMs - state.positionMs;
    return segment !== null && segment.plan === state.plan && Math.abs(originNowMs - segment.originNowMs) <= ORIGIN_TOLERANCE_MS;
  }

  function startSegment(ctx: CueAudioContext, state: PlayerClockState, jumped: boolean): void {
    if (segment) endSegment(ctx, last?.positionMs ?? -Infinity);
    if (jumped) handedOver.clear();
    const landedAtMs = jumped ? landingOf(state) : null;
    segment = {
      plan: state.plan,
      originNowMs: state.nowMs - state.positionMs,
      audioOffsetS: null,
      // Resuming: on from where the last update saw it (tones already handed over are skipped by key).
      scheduledUntilMs: landedAtMs ?? last?.positionMs ?? state.positionMs,
      landedAtMs,
    };
  }

  /**
   * Where a jump landed. Jumps (and starts) land on a phase start, which the
   * player announces; the first frame after it may come a frame or a stall
   * later, so look back that far for it.
   */
  function landingOf(state: PlayerClockState): number {
    const sinceLast = last ? Math.max(0, state.nowMs - last.nowMs) : LATE_LIMIT_MS;
    const phase = state.plan.phases[phaseIndexAt(state.plan.phases, state.positionMs)];
    const lookBack = Math.min(sinceLast, LATE_LIMIT_MS);
    return phase && phase.startMs >= state.positionMs - lookBack ? phase.startMs : state.positionMs;
  }

  /** Stops what has not started sounding for positions the player never reached, and forgets it. */
  function endSegment(ctx: CueAudioContext, reachedMs: number): void {
    for (const [key, { tone, sound }] of handedOver) {
      if (tone.atMs <= reachedMs || sound.startS <= ctx.currentTime) continue;
      sound.cancel();
      handedOver.delete(key);
    }
    segment = null;
  }

  function scheduleAhead(ctx: CueAudioContext): void {
    const current = segment!;
    // A context still waking (autoplay rules) has a stopped clock: an anchor on it would be wrong.
    if (ctx.state !== 'running') {
      wake(ctx);
      return;
    }
    current.audioOffsetS ??= measureAudioOffset(ctx);
    const offsetS = current.audioOffsetS;
    // From the segment's origin rather than `positionMs`, which may have been read a while ago.
    const positionNowMs = now() - current.originNowMs;
    const untilMs = Math.max(current.scheduledUntilMs, positionNowMs + LOOKAHEAD_MS);
    for (const tone of tonesBetween(current.plan, current.scheduledUntilMs, untilMs)) {
      const tooLate = tone.atMs < positionNowMs - LATE_LIMIT_MS && tone.atMs !== current.landedAtMs;
      if (handedOver.has(tone.key) || tooLate) continue;
      const dueS = (current.originNowMs + tone.atMs) / 1000 + offsetS;
      handOver(ctx, tone, Math.max(dueS, ctx.currentTime));
    }
    current.scheduledUntilMs = untilMs;
    forgetPlayed(ctx, positionNowMs);
  }

  /**
   * The offset from `performance.now()` to the audio clock. The output
   * timestamp pairs the two at the moment a sample is heard, so tones are
   * heard on time despite output latency; where it is missing or implausible,
   * the clock's current time read now stands in.
   */
  function measureAudioOffset(ctx: CueAudioContext): number {
    const byCurrentTime = ctx.currentTime - now() / 1000;
    const stamp = ctx.getOutputTimestamp?.();
    if (!stamp?.contextTime || !stamp.performanceTime) return byCurrentTime;
    const byOutput = stamp.contextTime - stamp.performanceTime / 1000;
    return Math.abs(byOutput - byCurrentTime) <= MAX_PLAUSIBLE_LATENCY_S ? byOutput : byCurrentTime;
  }

  function handOver(ctx: CueAudioContext, tone: PlannedTone, atS: number): void {
    handedOver.set(tone.key, { tone, sound: scheduleTone(ctx, tone.tone, atS) });
    options.onScheduled?.(tone, atS);
  }

  function soundNow(ctx: CueAudioContext, tones: PlannedTone[]): void {
    wake(ctx);
    for (const tone of tones) if (!handedOver.has(tone.key)) handOver(ctx, tone, ctx.currentTime);
  }

  /** Tones behind the player that have played out are never scheduled again: drop them so the map stays small. */
  function forgetPlayed(ctx: CueAudioContext, positionNowMs: number): void {
    for (const [key, { tone, sound }] of handedOver) {
      if (tone.atMs < positionNowMs - LOOKAHEAD_MS && sound.endS < ctx.currentTime) handedOver.delete(key);
    }
  }

  /** Reaching the end on time, the chime was scheduled ahead; ended early (or by "Next" on the last exercise), it sounds now. */
  function finish(ctx: CueAudioContext, state: PlayerClockState): void {
    if (!handedOver.has(finishedTone(state.plan.totalMs).key)) soundNow(ctx, [finishedTone(state.positionMs)]);
  }

  /** Sound turned off: stop everything not yet sounding and start afresh when it is turned on. */
  function silence(): void {
    const ctx = context;
    if (ctx) for (const { sound } of handedOver.values()) if (sound.startS > ctx.currentTime) sound.cancel();
    handedOver.clear();
    segment = null;
  }

  /**
   * Stops what has not started and lets go of the audio device, once any
   * tone already sounding has played out (the finish chime starts just as
   * the player closes).
   */
  function close(): void {
    const ctx = context;
    if (!ctx) return;
    let playingUntilS = ctx.currentTime;
    for (const { sound } of handedOver.values()) if (sound.startS <= ctx.currentTime) playingUntilS = Math.max(playingUntilS, sound.endS);
    silence();
    context = null;
    last = null;
    const release = () => void ctx.close().catch(() => undefined);
    setTimeout(release, (playingUntilS - ctx.currentTime) * 1000);
  }

  return { update, close };
}
