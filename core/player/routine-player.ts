import type { MonotonicClock } from './clock';
import type { PlayerCue } from './cues';
import { phaseIndexAt, type Phase, type RoutinePlan } from './timeline';
import { repWords } from './phase-words';

/**
 * The routine player: a state machine over a `RoutinePlan`.
 *
 * Where we are in the routine is always `clock.now() - origin` while running
 * (or a frozen position while paused). Pausing, resuming and jumping move the
 * origin; ticks only read the clock. A tick that comes five seconds late
 * therefore lands on the right phase, and later boundaries do not shift.
 *
 * Every action returns the cues it caused, for the renderer to turn into
 * sound, speech and visuals. Nothing here touches a timer, the DOM or audio.
 */

export type PlayerStatus = 'ready' | 'running' | 'paused' | 'finished';
export type ItemOutcome = 'completed' | 'skipped' | 'stopped-for-pain' | 'not-reached';
export type FinishReason = 'completed' | 'ended-early';

export interface PainEvent {
  itemIndex: number;
  exerciseId: string;
  /** Where in the routine it happened, and how much exercise time had passed. */
  positionMs: number;
  exercisedMs: number;
}

export interface ItemProgress {
  exerciseId: string;
  outcome: ItemOutcome;
  /** Work phases (holds, sets of reps, breathing blocks) finished, per side. */
  workDone: number;
  workTotal: number;
}

export interface PlayerSnapshot {
  status: PlayerStatus;
  phase: Phase;
  positionMs: number;
  totalMs: number;
  phaseElapsedMs: number;
  phaseRemainingMs: number;
  /** Time spent exercising: pauses excluded. */
  exercisedMs: number;
  /** For paced reps: the rep in progress (1-based), and whether it is past its halfway point. */
  rep: number | null;
  repTurned: boolean;
  /** For paced breathing: which half of the breath, and how far through it (0–1). */
  breath: { direction: 'in' | 'out'; progress: number; count: number } | null;
  finishReason: FinishReason | null;
}

/** What an interrupted run had done, to carry on from. */
export interface ResumeState {
  itemIndex: number;
  exercisedMs: number;
  items: { outcome: ItemOutcome; workDone: number }[];
}

export const COUNTDOWN_FROM = 3;
/** The last seconds of a hold (or a get-ready time) of at least SPOKEN_COUNT_MIN_MS are counted aloud. */
const SPOKEN_COUNT_FROM = 5;
const SPOKEN_COUNT_MIN_MS = 10_000;

export class RoutinePlayer {
  private status: PlayerStatus = 'ready';
  private origin = 0;
  private frozenPosition = 0;
  private phaseIndex = 0;
  private exercisedBeforeMs = 0;
  private runningSince = 0;
  private lastCountdown = Infinity;
  private lastRep = 0;
  private lastRepTurn = 0;
  private lastBreath = '';
  private finishReason: FinishReason | null = null;
  private readonly finishedWork: Set<number>[];
  private readonly outcomes: (ItemOutcome | null)[];
  readonly painEvents: PainEvent[] = [];

  constructor(
    readonly plan: RoutinePlan,
    private readonly clock: MonotonicClock,
  ) {
    if (plan.phases.length === 0) throw new Error('A routine needs at least one timed phase');
    this.finishedWork = plan.items.map(() => new Set<number>());
    this.outcomes = plan.items.map(() => null);
  }

  start(): PlayerCue[] {
    if (this.status !== 'ready') return [];
    const now = this.clock.now();
    this.origin = now;
    this.runningSince = now;
    this.status = 'running';
    return this.enterPhase(0);
  }

  /**
   * Starts at the get-ready time of `itemIndex`, carrying over what an
   * interrupted run had done (its exercise time and each exercise's progress).
   */
  resumeFrom(state: ResumeState): PlayerCue[] {
    if (this.status !== 'ready') return [];
    const itemIndex = Math.min(Math.max(0, state.itemIndex), this.plan.items.length - 1);
    state.items.forEach((item, index) => {
      if (index >= this.plan.items.length) return;
      for (const phase of this.workPhasesOf(index).slice(0, item.workDone)) this.finishedWork[index]!.add(phase.index);
      if (item.outcome === 'skipped' || item.outcome === 'stopped-for-pain') this.outcomes[index] = item.outcome;
    });
    this.exercisedBeforeMs = Math.max(0, state.exercisedMs);
    const first = this.firstPhaseOf(itemIndex, true);
    const now = this.clock.now();
    this.origin = now - this.plan.phases[first]!.startMs;
    this.runningSince = now;
    this.status = 'running';
    return this.enterPhase(first);
  }

  /** Reads the clock and reports what changed since the last call. Safe to call at any rate. */
  tick(): PlayerCue[] {
    if (this.status !== 'running') return [];
    const position = this.position();
    const cues: PlayerCue[] = [];
    const phases = this.plan.phases;
    if (position >= this.plan.totalMs) {
      this.finishPhasesBefore(phases.length);
      return [...cues, ...this.finish('completed')];
    }
    const target = phaseIndexAt(phases, position);
    if (target !== this.phaseIndex) {
      // A stall may cross several phases: record each as done, but announce only where we are now.
      this.finishPhasesBefore(target);
      cues.push(...this.enterPhase(target));
    }
    cues.push(...this.progressCues(position));
    return cues;
  }

  pause(): PlayerCue[] {
    if (this.status !== 'running') return [];
    const cues = this.tick();
    if (this.status !== 'running') return cues;
    const now = this.clock.now();
    this.frozenPosition = now - this.origin;
    this.exercisedBeforeMs += now - this.runningSince;
    this.status = 'paused';
    return [...cues, { type: 'paused' }];
  }

  resume(): PlayerCue[] {
    if (this.status !== 'paused') return [];
    const now = this.clock.now();
    this.origin = now - this.frozenPosition;
    this.runningSince = now;
    this.status = 'running';
    return [{ type: 'resumed' }];
  }

  /** Moves on: from a get-ready phase into its exercise; from an exercise to the get-ready time of the next. */
  next(): PlayerCue[] {
    const cues = this.tick();
    if (this.status === 'finished' || this.status === 'ready') return cues;
    const phase = this.currentPhase();
    if (phase.kind === 'prepare') return [...cues, ...this.jumpTo(this.firstPhaseOf(phase.itemIndex, false))];
    this.leaveItem(phase.itemIndex);
    const nextItem = phase.itemIndex + 1;
    if (nextItem >= this.plan.items.length) return [...cues, ...this.finish('completed')];
    return [...cues, ...this.jumpTo(this.firstPhaseOf(nextItem, true))];
  }

  /** Goes back to the start of the previous exercise, including its get-ready time. */
  previous(): PlayerCue[] {
    const cues = this.tick();
    if (this.status === 'finished' || this.status === 'ready') return cues;
    const phase = this.currentPhase();
    this.leaveItem(phase.itemIndex);
    const targetItem = Math.max(0, phase.itemIndex - 1);
    return [...cues, ...this.jumpTo(this.firstPhaseOf(targetItem, true))];
  }

  /** Starts the current exercise again (or the current get-ready time). */
  restart(): PlayerCue[] {
    const cues = this.tick();
    if (this.status === 'finished' || this.status === 'ready') return cues;
    const phase = this.currentPhase();
    return [...cues, ...this.jumpTo(this.firstPhaseOf(phase.itemIndex, phase.kind === 'prepare'))];
  }

  /**
   * "This hurts": stops at once and records where. The exercise counts as
   * stopped for pain whatever comes next; the caller offers skip or end.
   */
  reportPain(): PainEvent | null {
    if (this.status !== 'running' && this.status !== 'paused') return null;
    this.pause();
    const phase = this.currentPhase();
    // During the rest before an exercise, what hurts is the exercise just done, not the one to come.
    const afterExercise = phase.kind === 'prepare' && phase.itemIndex > 0;
    const itemIndex = afterExercise ? phase.itemIndex - 1 : phase.itemIndex;
    const event: PainEvent = {
      itemIndex,
      exerciseId: this.plan.items[itemIndex]!.exercise.id,
      positionMs: this.position(),
      exercisedMs: this.exercisedMs(),
    };
    // An exercise already done keeps its outcome; the one under way is stopped.
    if (!afterExercise) this.outcomes[itemIndex] = 'stopped-for-pain';
    this.painEvents.push(event);
    return event;
  }

  /**
   * After "This hurts": moves to the get-ready time of the exercise after the
   * painful one and stays paused. Someone in pain chooses when to go on
   * (Resume), rather than being counted down into the next exercise.
   */
  skipPainfulExercise(): PlayerCue[] {
    if (this.status !== 'paused') return [];
    const painful = this.painEvents.at(-1)?.itemIndex ?? this.currentPhase().itemIndex;
    const nextItem = painful + 1;
    if (nextItem >= this.plan.items.length) return this.finish('completed');
    return this.jumpTo(this.firstPhaseOf(nextItem, true));
  }

  /** Ends the routine now; the exercise in progress counts as skipped. */
  end(): PlayerCue[] {
    if (this.status === 'finished') return [];
    if (this.status === 'running') this.tick();
    if (this.status === 'running' || this.status === 'paused') this.leaveItem(this.currentPhase().itemIndex);
    return this.finish('ended-early');
  }

  snapshot(): PlayerSnapshot {
    const phase = this.currentPhase();
    const position = Math.min(this.position(), this.plan.totalMs);
    const phaseElapsedMs = Math.max(0, Math.min(position, phase.endMs) - phase.startMs);
    return {
      status: this.status,
      phase,
      positionMs: position,
      totalMs: this.plan.totalMs,
      phaseElapsedMs,
      phaseRemainingMs: phase.endMs - phase.startMs - phaseElapsedMs,
      exercisedMs: this.exercisedMs(),
      rep: repAt(phase, phaseElapsedMs),
      repTurned: repTurnedAt(phase, phaseElapsedMs),
      breath: breathAt(phase, phaseElapsedMs),
      finishReason: this.finishReason,
    };
  }

  progress(): ItemProgress[] {
    return this.plan.items.map((item, itemIndex) => ({
      exerciseId: item.exercise.id,
      outcome: this.outcomeOf(itemIndex),
      workDone: this.finishedWork[itemIndex]!.size,
      workTotal: this.workPhasesOf(itemIndex).length,
    }));
  }

  // ---- internals ----

  private position(): number {
    if (this.status === 'running') return this.clock.now() - this.origin;
    if (this.status === 'ready') return 0;
    return this.frozenPosition;
  }

  private exercisedMs(): number {
    const running = this.status === 'running' ? this.clock.now() - this.runningSince : 0;
    return this.exercisedBeforeMs + running;
  }

  private currentPhase(): Phase {
    return this.plan.phases[this.phaseIndex]!;
  }

  private workPhasesOf(itemIndex: number): Phase[] {
    return this.plan.phases.filter((p) => p.itemIndex === itemIndex && p.kind === 'work');
  }

  private firstPhaseOf(itemIndex: number, includePrepare: boolean): number {
    return this.plan.phases.findIndex((p) => p.itemIndex === itemIndex && (includePrepare || p.kind !== 'prepare'));
  }

  private outcomeOf(itemIndex: number): ItemOutcome {
    const decided = this.outcomes[itemIndex];
    if (decided === 'stopped-for-pain') return decided;
    if (this.finishedWork[itemIndex]!.size === this.workPhasesOf(itemIndex).length) return 'completed';
    return decided ?? 'not-reached';
  }

  /** Records every work phase before `index` as done (they ran their full time). */
  private finishPhasesBefore(index: number): void {
    for (let i = this.phaseIndex; i < index; i++) {
      const phase = this.plan.phases[i]!;
      if (phase.kind === 'work') this.finishedWork[phase.itemIndex]!.add(phase.index);
    }
  }

  /** Leaving an exercise that was begun but not finished makes it skipped (unless it already stopped for pain). */
  private leaveItem(itemIndex: number): void {
    const begun = this.currentPhase().kind !== 'prepare' || this.finishedWork[itemIndex]!.size > 0;
    if (begun && this.outcomes[itemIndex] !== 'stopped-for-pain' && this.outcomeOf(itemIndex) !== 'completed') {
      this.outcomes[itemIndex] = 'skipped';
    }
  }

  private jumpTo(index: number): PlayerCue[] {
    const target = this.plan.phases[index]!;
    if (this.status === 'running') this.origin = this.clock.now() - target.startMs;
    else this.frozenPosition = target.startMs;
    return this.enterPhase(index);
  }

  private enterPhase(index: number): PlayerCue[] {
    this.phaseIndex = index;
    this.lastCountdown = Infinity;
    this.lastRep = 1;
    this.lastRepTurn = 0;
    this.lastBreath = 'in1';
    const phase = this.currentPhase();
    return [{ type: 'phase-start', phase, item: this.plan.items[phase.itemIndex]! }];
  }

  private progressCues(position: number): PlayerCue[] {
    const phase = this.currentPhase();
    const elapsed = position - phase.startMs;
    return [...this.countdownCues(phase, position), ...this.repCues(phase, elapsed), ...this.breathCues(phase, elapsed)];
  }

  /** Beeps for the last three seconds of any phase longer than that; the last five of a long hold or get-ready time are also said. */
  private countdownCues(phase: Phase, position: number): PlayerCue[] {
    const secondsLeft = Math.ceil((phase.endMs - position) / 1000);
    const durationMs = phase.endMs - phase.startMs;
    const beep = durationMs > COUNTDOWN_FROM * 1000 && secondsLeft <= COUNTDOWN_FROM;
    const countsAloud = durationMs >= SPOKEN_COUNT_MIN_MS && (phase.kind === 'prepare' || (phase.kind === 'work' && phase.pacing.kind === 'hold'));
    const spoken = countsAloud && secondsLeft <= SPOKEN_COUNT_FROM;
    if (!(beep || spoken) || secondsLeft < 1 || secondsLeft >= this.lastCountdown) return [];
    this.lastCountdown = secondsLeft;
    return [{ type: 'countdown', secondsLeft, beep, spoken }];
  }

  private repCues(phase: Phase, elapsed: number): PlayerCue[] {
    const rep = repAt(phase, elapsed);
    if (rep === null || phase.pacing.kind !== 'reps') return [];
    const item = this.plan.items[phase.itemIndex]!;
    const cues: PlayerCue[] = [];
    if (rep > this.lastRep) {
      this.lastRep = rep;
      cues.push({ type: 'rep', rep, of: phase.pacing.reps, ...repWords(phase, item, rep) });
    }
    const call = item.exercise.repCall;
    if (call && repTurnedAt(phase, elapsed) && rep > this.lastRepTurn) {
      this.lastRepTurn = rep;
      cues.push({ type: 'rep-turn', rep, words: call.back });
    }
    return cues;
  }

  private breathCues(phase: Phase, elapsed: number): PlayerCue[] {
    const breath = breathAt(phase, elapsed);
    if (!breath || `${breath.direction}${breath.count}` === this.lastBreath) return [];
    this.lastBreath = `${breath.direction}${breath.count}`;
    return [{ type: 'breath', direction: breath.direction, count: breath.count }];
  }

  private finish(reason: FinishReason): PlayerCue[] {
    if (this.status === 'running') this.exercisedBeforeMs += this.clock.now() - this.runningSince;
    this.frozenPosition = reason === 'completed' ? this.plan.totalMs : this.position();
    this.status = 'finished';
    this.finishReason = reason;
    this.plan.items.forEach((_, itemIndex) => {
      if (this.outcomes[itemIndex] === null && this.outcomeOf(itemIndex) !== 'completed') {
        this.outcomes[itemIndex] = this.finishedWork[itemIndex]!.size > 0 ? 'skipped' : 'not-reached';
      }
    });
    return [{ type: 'finished', reason }];
  }
}

function repAt(phase: Phase, elapsedMs: number): number | null {
  if (phase.kind !== 'work' || phase.pacing.kind !== 'reps') return null;
  return Math.min(phase.pacing.reps, Math.floor(elapsedMs / phase.pacing.msPerRep) + 1);
}

/** Whether the rep under way is past its halfway point (the turn back of a two-part rep). */
function repTurnedAt(phase: Phase, elapsedMs: number): boolean {
  const rep = repAt(phase, elapsedMs);
  if (rep === null || phase.pacing.kind !== 'reps') return false;
  // The last rep stays turned at the phase's very end (the rep count stops at the last rep too).
  return elapsedMs - (rep - 1) * phase.pacing.msPerRep >= phase.pacing.msPerRep / 2;
}

function breathAt(phase: Phase, elapsedMs: number): PlayerSnapshot['breath'] {
  if (phase.kind !== 'work' || phase.pacing.kind !== 'breathing') return null;
  const { inhaleMs, exhaleMs, breaths } = phase.pacing;
  const cycle = inhaleMs + exhaleMs;
  const count = Math.min(breaths, Math.floor(elapsedMs / cycle) + 1);
  const within = Math.min(elapsedMs - (count - 1) * cycle, cycle);
  return within < inhaleMs
    ? { direction: 'in', progress: within / inhaleMs, count }
    : { direction: 'out', progress: (within - inhaleMs) / exhaleMs, count };
}
