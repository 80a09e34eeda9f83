import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/player/clock';
import type { PlayerCue } from '../../../core/player/cues';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { makePlan, sampleExercises } from './fixtures';

function setup() {
  const clock = new ManualClock(1_000_000);
  const player = new RoutinePlayer(makePlan(sampleExercises), clock);
  return { clock, player };
}

const kinds = (cues: PlayerCue[]) => cues.map((c) => c.type);
const phaseStarts = (cues: PlayerCue[]) => cues.flatMap((c) => (c.type === 'phase-start' ? [c.phase.index] : []));

describe('timeline', () => {
  it('lays out prepare, holds, relax, side switch, sets, rests and breathing back to back', () => {
    const plan = makePlan(sampleExercises);
    const summary = plan.phases.map((p) => `${p.kind}:${p.itemIndex}:${p.side ?? '-'}:${p.set}/${p.hold}:${p.startMs}-${p.endMs}`);
    expect(summary).toEqual([
      'prepare:0:left:1/1:0-10000',
      'work:0:left:1/1:10000-20000',
      'rest:0:left:1/2:20000-25000',
      'work:0:left:1/2:25000-35000',
      'switch-sides:0:right:1/1:35000-40000',
      'work:0:right:1/1:40000-50000',
      'rest:0:right:1/2:50000-55000',
      'work:0:right:1/2:55000-65000',
      'prepare:1:-:1/1:65000-80000',
      'work:1:-:1/1:80000-112000',
      'rest:1:-:2/1:112000-142000',
      'work:1:-:2/1:142000-174000',
      'prepare:2:-:1/1:174000-189000',
      'work:2:-:1/1:189000-219000',
    ]);
    expect(plan.totalMs).toBe(219_000);
  });
});

describe('RoutinePlayer', () => {
  it('walks every phase in order and announces each one once', () => {
    const { clock, player } = setup();
    const seen = phaseStarts(player.start());
    for (let t = 0; t < 230_000; t += 100) {
      clock.advance(100);
      seen.push(...phaseStarts(player.tick()));
    }
    expect(seen).toEqual(player.plan.phases.map((p) => p.index));
    expect(player.snapshot().status).toBe('finished');
    expect(player.progress().map((p) => p.outcome)).toEqual(['completed', 'completed', 'completed']);
    expect(player.progress().map((p) => `${p.workDone}/${p.workTotal}`)).toEqual(['4/4', '2/2', '1/1']);
  });

  it('beeps 3, 2, 1 before each boundary, and counts the last five seconds of a 10-second get-ready time or hold aloud', () => {
    const { clock, player } = setup();
    player.start();
    const counts: string[] = [];
    for (let t = 100; t <= 20_000; t += 100) {
      clock.advance(100);
      for (const cue of player.tick()) {
        if (cue.type === 'countdown') counts.push(`${t}: ${cue.secondsLeft}${cue.beep ? ' beep' : ''}${cue.spoken ? ' said' : ''}`);
      }
    }
    // Lead-in ends at 10 s, the first hold (10 s) at 20 s.
    expect(counts).toEqual([
      '5000: 5 said', '6000: 4 said', '7000: 3 beep said', '8000: 2 beep said', '9000: 1 beep said',
      '15000: 5 said', '16000: 4 said', '17000: 3 beep said', '18000: 2 beep said', '19000: 1 beep said',
    ]);
  });

  it('counts paced reps and breaths', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(80_000);
    player.tick();
    const reps: number[] = [];
    for (let t = 0; t < 32_000; t += 250) {
      clock.advance(250);
      for (const cue of player.tick()) if (cue.type === 'rep') reps.push(cue.rep);
    }
    expect(reps).toEqual([2, 3, 4, 5, 6, 7, 8]);
    clock.advance(189_000 - 112_000 + 500);
    player.tick();
    expect(player.snapshot().breath).toMatchObject({ direction: 'in', count: 1 });
    clock.advance(4_000);
    expect(player.tick()).toContainEqual({ type: 'breath', direction: 'out', count: 1 });
    expect(player.snapshot().breath?.progress).toBeCloseTo(500 / 6000, 5);
  });

  it('pause freezes the countdown exactly and resume keeps the remaining time', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(12_345);
    player.tick();
    expect(kinds(player.pause())).toContain('paused');
    const frozen = player.snapshot();
    expect(frozen.phaseRemainingMs).toBe(7_655);
    clock.advance(600_000);
    expect(player.tick()).toEqual([]);
    expect(player.snapshot().phaseRemainingMs).toBe(7_655);
    expect(player.snapshot().exercisedMs).toBe(12_345);
    player.resume();
    clock.advance(7_654);
    player.tick();
    expect(player.snapshot().phase.index).toBe(1);
    clock.advance(1);
    player.tick();
    expect(player.snapshot().phase.index).toBe(2);
    expect(player.snapshot().exercisedMs).toBe(20_000);
  });

  it('a stalled clock (5 s between ticks) does not shift later boundaries', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(18_000);
    player.tick();
    clock.advance(5_000); // stall across the end of the first hold
    const cues = player.tick();
    expect(phaseStarts(cues)).toEqual([2]);
    expect(player.snapshot().phaseRemainingMs).toBe(2_000);
    clock.advance(2_000);
    expect(phaseStarts(player.tick())).toEqual([3]);
    // A stall across several short phases records every hold done and lands on the right one.
    clock.advance(20_000);
    expect(phaseStarts(player.tick())).toEqual([5]);
    expect(player.snapshot().phaseElapsedMs).toBe(5_000);
    expect(player.progress()[0]!.workDone).toBe(2);
  });

  it('next moves from get-ready into the exercise, then to the next get-ready; skipped exercises say so', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(2_000);
    expect(phaseStarts(player.next())).toEqual([1]);
    expect(player.snapshot().phaseRemainingMs).toBe(10_000);
    clock.advance(3_000);
    expect(phaseStarts(player.next())).toEqual([8]);
    expect(player.progress()[0]!.outcome).toBe('skipped');
    clock.advance(1_000);
    player.tick();
    expect(player.snapshot().phaseElapsedMs).toBe(1_000);
  });

  it('previous returns to the get-ready time of the exercise before; restart replays the current one', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(85_000); // 5 s into the bridge's first set
    player.tick();
    expect(phaseStarts(player.restart())).toEqual([9]);
    expect(player.snapshot().phaseElapsedMs).toBe(0);
    clock.advance(1_000);
    expect(phaseStarts(player.previous())).toEqual([0]);
    expect(player.snapshot().positionMs).toBe(0);
    // While paused, moving keeps the player paused at the new place.
    player.pause();
    expect(phaseStarts(player.next())).toEqual([1]);
    clock.advance(5_000);
    expect(player.snapshot()).toMatchObject({ status: 'paused', phaseElapsedMs: 0 });
  });

  it('"This hurts" stops at once, records the exercise, and skipping waits, paused, at the next until resumed', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(15_000);
    const pain = player.reportPain();
    expect(pain).toMatchObject({ itemIndex: 0, exerciseId: 'side-hold', positionMs: 15_000, exercisedMs: 15_000 });
    expect(player.snapshot().status).toBe('paused');
    clock.advance(60_000);
    const cues = player.skipPainfulExercise();
    expect(phaseStarts(cues)).toEqual([8]);
    expect(player.snapshot()).toMatchObject({ status: 'paused', phase: { index: 8 }, phaseElapsedMs: 0 });
    clock.advance(30_000);
    expect(player.snapshot()).toMatchObject({ status: 'paused', phaseElapsedMs: 0 });
    player.resume();
    clock.advance(1_000);
    expect(player.snapshot()).toMatchObject({ status: 'running', phase: { index: 8 }, phaseElapsedMs: 1_000 });
    expect(player.progress()[0]!.outcome).toBe('stopped-for-pain');
  });

  it('ending early keeps what was done and marks the rest', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(90_000);
    player.tick();
    expect(player.end()).toEqual([{ type: 'finished', reason: 'ended-early' }]);
    expect(player.progress().map((p) => p.outcome)).toEqual(['completed', 'skipped', 'not-reached']);
    expect(player.snapshot()).toMatchObject({ status: 'finished', finishReason: 'ended-early', exercisedMs: 90_000 });
    expect(player.tick()).toEqual([]);
  });

  it('ending after "This hurts" keeps the exercise as stopped for pain', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(100_000);
    player.reportPain();
    player.end();
    expect(player.progress().map((p) => p.outcome)).toEqual(['completed', 'stopped-for-pain', 'not-reached']);
    expect(player.painEvents).toHaveLength(1);
  });

  it('pressing next on the last exercise finishes the routine', () => {
    const { clock, player } = setup();
    player.start();
    clock.advance(190_000);
    player.tick();
    expect(kinds(player.next())).toEqual(['finished']);
    expect(player.snapshot().finishReason).toBe('completed');
    expect(player.progress()[2]!.outcome).toBe('skipped');
  });

  it('does nothing before start or after finish', () => {
    const { player } = setup();
    expect(player.tick()).toEqual([]);
    expect(player.next()).toEqual([]);
    expect(player.pause()).toEqual([]);
    expect(player.reportPain()).toBeNull();
    player.start();
    player.end();
    expect(player.resume()).toEqual([]);
    expect(player.end()).toEqual([]);
  });

  it('resumes an interrupted run at an exercise, keeping what was done before', () => {
    const { clock, player } = setup();
    const cues = player.resumeFrom({
      itemIndex: 1,
      exercisedMs: 70_000,
      items: [
        { outcome: 'completed', workDone: 4 },
        { outcome: 'not-reached', workDone: 1 },
        { outcome: 'not-reached', workDone: 0 },
      ],
    });
    expect(phaseStarts(cues)).toEqual([8]);
    expect(player.snapshot()).toMatchObject({ positionMs: 65_000, exercisedMs: 70_000, status: 'running' });
    // The exercise is replayed from its get-ready time: 15 s, set 1 (32 s), rest (30 s), set 2 (32 s).
    clock.advance(15_000 + 32_000);
    player.tick();
    expect(player.progress()[1]).toMatchObject({ workDone: 1, outcome: 'not-reached' });
    clock.advance(30_000 + 32_000);
    player.tick();
    expect(player.progress()[1]).toMatchObject({ workDone: 2, outcome: 'completed' });
    expect(player.progress()[0]!.outcome).toBe('completed');
    expect(player.snapshot().exercisedMs).toBe(70_000 + 109_000);
  });
});

describe('"This hurts" during a rest', () => {
  it('is recorded against the exercise just done, leaves the one to come alone, and skipping goes on to it, paused', () => {
    const { clock, player } = setup();
    player.start();
    // Into the rest before the second exercise.
    const restBefore = player.plan.phases.find((phase) => phase.kind === 'prepare' && phase.itemIndex === 1)!;
    clock.advance(restBefore.startMs + 2_000);
    player.tick();
    expect(player.snapshot().phase.index).toBe(restBefore.index);
    const pain = player.reportPain();
    expect(pain).toMatchObject({ itemIndex: 0, exerciseId: player.plan.items[0]!.exercise.id });
    const cues = player.skipPainfulExercise();
    expect(phaseStarts(cues)).toEqual([restBefore.index]);
    expect(player.snapshot()).toMatchObject({ status: 'paused', phaseElapsedMs: 0 });
    expect(player.progress()[1]!.outcome).not.toBe('stopped-for-pain');
  });
});
