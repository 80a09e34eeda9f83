import { COUNTDOWN_FROM } from './routine-player';
import { phaseIndexAt, type Phase, type RoutinePlan } from './timeline';

/**
 * The tones a routine will sound, read straight off its plan, so they can be
 * handed to the audio hardware ahead of time instead of fired from the main
 * thread when a tick notices them (a tick after a stall comes late; the audio
 * clock does not). The rules are the player's own (`RoutinePlayer`'s cues):
 * a chime at each phase start, beeps in the last three seconds of a phase
 * longer than that, a tick at each new paced rep, a chime at the end.
 */

export type ToneName = 'countdown' | 'phase-start' | 'rep' | 'finished';

export interface PlannedTone {
  /** When it is due, on the routine's time axis. */
  atMs: number;
  tone: ToneName;
  /** Unique within a plan, so a scheduler can hand each tone over once. */
  key: string;
}

const ONE_SECOND_MS = 1000;

const planned = (tone: ToneName, atMs: number): PlannedTone => ({ atMs, tone, key: `${tone}@${atMs}` });

/** The player's countdown cues: `secondsLeft` 3, 2, 1 fall due 3, 2 and 1 s before the end. */
function countdownTones(phase: Phase): PlannedTone[] {
  if (phase.endMs - phase.startMs <= COUNTDOWN_FROM * ONE_SECOND_MS) return [];
  return Array.from({ length: COUNTDOWN_FROM }, (_, i) => planned('countdown', phase.endMs - (COUNTDOWN_FROM - i) * ONE_SECOND_MS));
}

/** The player's rep cues: one as each rep after the first begins (the first begins with the phase chime). */
function repTones(phase: Phase): PlannedTone[] {
  if (phase.kind !== 'work' || phase.pacing.kind !== 'reps') return [];
  const { reps, msPerRep } = phase.pacing;
  return Array.from({ length: Math.max(0, reps - 1) }, (_, i) => planned('rep', phase.startMs + (i + 1) * msPerRep));
}

function phaseTones(phase: Phase): PlannedTone[] {
  return [planned('phase-start', phase.startMs), ...repTones(phase), ...countdownTones(phase)];
}

/**
 * Every tone due in [fromMs, toMs) on the routine's axis, earliest first.
 * Cheap enough for every animation frame: it looks only at the phases the
 * window touches (found by binary search).
 */
export function tonesBetween(plan: RoutinePlan, fromMs: number, toMs: number): PlannedTone[] {
  const { phases } = plan;
  if (!(toMs > fromMs) || phases.length === 0) return [];
  const tones: PlannedTone[] = [];
  // A phase's tones all lie within it, so phases before the one holding `fromMs` have none in the window.
  for (let i = phaseIndexAt(phases, fromMs); i < phases.length && phases[i]!.startMs < toMs; i++) tones.push(...phaseTones(phases[i]!));
  tones.push(planned('finished', plan.totalMs));
  return tones.filter((t) => t.atMs >= fromMs && t.atMs < toMs).sort((a, b) => a.atMs - b.atMs);
}
