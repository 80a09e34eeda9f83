import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/player/clock';
import type { PlayerCue } from '../../../core/player/cues';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';
import { tonesBetween } from '../../../core/player/tone-plan';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';
import { makeExercise, makePlan, sampleExercises } from './fixtures';

const bundled = loadValidContentDir(bundledContentDir);

/** The bundled "Core strength" routine: holds, then paced reps (the glute bridge's work starts at 275 s). */
function coreStrengthPlan(): RoutinePlan {
  const routine = bundled.routines.find((r) => r.id === 'core-strength')!;
  return planRoutine(routine, new Map(bundled.exercises.map((e) => [e.id, e])));
}

const keys = (plan: RoutinePlan, fromMs: number, toMs: number) => tonesBetween(plan, fromMs, toMs).map((t) => t.key);

/** Plays the routine on a hand-driven clock in `stepMs` ticks, returning each cue that has a tone as `type@when`. */
function cuesHeardFromThePlayer(plan: RoutinePlan, stepMs: number): string[] {
  const clock = new ManualClock(0);
  const player = new RoutinePlayer(plan, clock);
  const heard: string[] = [];
  const note = (cues: PlayerCue[]) => {
    for (const cue of cues) if (hasTone(cue)) heard.push(`${cue.type}@${clock.now()}`);
  };
  note(player.start());
  while (player.snapshot().status === 'running') {
    clock.advance(stepMs);
    note(player.tick());
  }
  return heard;
}

/** Spoken-only counts (the 5 and 4 of a long hold), breaths and the like have no tone. */
const hasTone = (cue: PlayerCue) =>
  cue.type === 'phase-start' || cue.type === 'rep' || cue.type === 'finished' || (cue.type === 'countdown' && cue.beep);

describe('tonesBetween', () => {
  it('lists the lead-in and first hold of a real routine: chimes at phase starts, beeps 3, 2, 1 s before each end', () => {
    expect(keys(coreStrengthPlan(), 0, 25_000)).toEqual([
      'phase-start@0',
      'countdown@7000',
      'countdown@8000',
      'countdown@9000',
      'phase-start@10000',
      'countdown@17000',
      'countdown@18000',
      'countdown@19000',
      'phase-start@20000',
      'countdown@22000',
      'countdown@23000',
      'countdown@24000',
    ]);
  });

  it('ticks at each rep after the first of paced reps (10 reps of 4 s from 275 s)', () => {
    expect(keys(coreStrengthPlan(), 275_000, 315_000)).toEqual([
      'phase-start@275000',
      ...[279, 283, 287, 291, 295, 299, 303, 307, 311].map((s) => `rep@${s * 1000}`),
      'countdown@312000',
      'countdown@313000',
      'countdown@314000',
    ]);
  });

  it('has no countdown in a phase of 3 s or less, and ends with the finish chime at the total time', () => {
    const plan = makePlan([makeExercise('short-hold', { kind: 'hold', holdSeconds: 3, reps: 1, restBetweenRepsSeconds: 0 })], { leadInSeconds: 4 });
    expect(plan.totalMs).toBe(7_000);
    expect(keys(plan, 0, 10_000)).toEqual(['phase-start@0', 'countdown@1000', 'countdown@2000', 'countdown@3000', 'phase-start@4000', 'finished@7000']);
  });

  it('includes the start of the window and excludes its end', () => {
    const plan = coreStrengthPlan();
    expect(keys(plan, 10_000, 17_000)).toEqual(['phase-start@10000']);
    expect(keys(plan, 9_000, 10_000)).toEqual(['countdown@9000']);
    expect(keys(plan, plan.totalMs, plan.totalMs + 1)).toEqual([`finished@${plan.totalMs}`]);
    expect(keys(plan, 12_000, 12_000)).toEqual([]);
    expect(keys(plan, 12_000, 11_000)).toEqual([]);
  });

  it('gives every tone once when the routine is read in overlapping-free consecutive windows of any size', () => {
    const plan = coreStrengthPlan();
    const whole = keys(plan, 0, plan.totalMs + 1);
    for (const windowMs of [16, 250, 1_000, 7_777]) {
      const pieced: string[] = [];
      for (let from = 0; from <= plan.totalMs; from += windowMs) pieced.push(...keys(plan, from, from + windowMs));
      expect(pieced).toEqual(whole);
    }
    expect(new Set(whole).size).toBe(whole.length);
  });

  it('follows the same rules as the player: its tones are exactly the cues the player gives, at the same times', () => {
    // Quick reps per side: a rep tick and a countdown beep fall due together at 4 s into each set.
    const quickReps = makeExercise('quick-reps', { kind: 'reps', reps: 3, secondsPerRep: 2, sets: 2, restBetweenSetsSeconds: 3, perSide: true });
    for (const plan of [coreStrengthPlan(), makePlan([quickReps, ...sampleExercises])]) {
      // 50 ms ticks land exactly on every tone time (all whole seconds here), so the player announces each one on time.
      const fromPlayer = cuesHeardFromThePlayer(plan, 50);
      const fromPlan = tonesBetween(plan, 0, plan.totalMs + 1).map((t) => `${t.tone}@${t.atMs}`);
      expect([...fromPlan].sort()).toEqual([...fromPlayer].sort());
      expect(fromPlan.length).toBeGreaterThan(50);
    }
  });
});
