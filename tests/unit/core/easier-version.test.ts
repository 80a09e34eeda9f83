import { describe, expect, it } from 'vitest';
import { buildNewSession } from '../../../core/log/session-from-player';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { planRoutine, withEasierVersion, withEasierVersionsChosen } from '../../../core/player/timeline';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';

const content = loadValidContentDir(bundledContentDir);
const exercisesById = new Map(content.exercises.map((e) => [e.id, e]));
const bedtime = content.routines.find((r) => r.id === 'bedtime-spasm-relief')!;

describe('the easier version of an exercise', () => {
  const plan = planRoutine(bedtime, exercisesById);
  const tilts = plan.items.findIndex((item) => item.exercise.id === 'pelvic-tilt');

  it('swaps just that item, at the easier exercise\'s own dose, and marks what it replaced', () => {
    const easier = withEasierVersion(plan, tilts, exercisesById)!;
    const small = exercisesById.get(exercisesById.get('pelvic-tilt')!.easierVersion!)!;
    expect(easier.items[tilts]).toMatchObject({ exercise: { id: small.id }, dose: small.dose, easierVersionOf: 'pelvic-tilt' });
    easier.items.forEach((item, i) => {
      if (i !== tilts) expect(item).toEqual(plan.items[i]);
    });
    // Twice easier is still recorded against the routine's own exercise.
    const again = withEasierVersion(easier, tilts, exercisesById);
    if (again) expect(again.items[tilts]!.easierVersionOf).toBe('pelvic-tilt');
  });

  it('is not offered where there is none', () => {
    const none = plan.items.findIndex((item) => !item.exercise.easierVersion);
    expect(withEasierVersion(plan, none, exercisesById)).toBeNull();
  });

  /** The exercises a session records (and a run's saved progress keeps) after playing `played`. */
  function recordedExercises(played: typeof plan) {
    const player = new RoutinePlayer(played, { now: () => 0 });
    player.start();
    const session = buildNewSession(
      { plan: played, progress: player.progress(), painEvents: [], exercisedMs: 0, startedAt: '2026-11-24T21:30:00+01:00', timeZone: 'Europe/Paris', painBefore: null },
      '2026-11-24T21:31:00+01:00',
      'ended-early',
    );
    return session.exercises;
  }

  it('is recorded in the session', () => {
    const exercises = recordedExercises(withEasierVersion(plan, tilts, exercisesById)!);
    expect(exercises[tilts]).toMatchObject({ easierVersionOf: 'pelvic-tilt' });
    expect(exercises.filter((e) => e.easierVersionOf)).toHaveLength(1);
  });

  describe('after an interruption', () => {
    const ids = (p: typeof plan) => p.items.map((item) => [item.exercise.id, item.easierVersionOf ?? null]);

    it('the resumed plan plays the easier version chosen before, marked as such', () => {
      const easier = withEasierVersion(plan, tilts, exercisesById)!;
      const resumed = withEasierVersionsChosen(plan, recordedExercises(easier), exercisesById);
      expect(ids(resumed)).toEqual(ids(easier));
      expect(resumed.items[tilts]!.dose).toEqual(easier.items[tilts]!.dose);
      expect(resumed.totalMs).toBe(easier.totalMs);
    });

    it('follows a chain of easier versions to the one chosen', () => {
      // An exercise whose easier version has an easier version of its own (made for the test).
      const small = exercisesById.get('pelvic-tilt')!.easierVersion!;
      const smallest = { ...exercisesById.get(small)!, id: 'smallest-pelvic-tilts', name: 'Smallest pelvic tilts' };
      const chain = new Map(exercisesById).set(small, { ...exercisesById.get(small)!, easierVersion: smallest.id }).set(smallest.id, smallest);
      const twice = withEasierVersion(withEasierVersion(planRoutine(bedtime, chain), tilts, chain)!, tilts, chain)!;
      expect(twice.items[tilts]).toMatchObject({ exercise: { id: 'smallest-pelvic-tilts' }, easierVersionOf: 'pelvic-tilt' });
      expect(ids(withEasierVersionsChosen(planRoutine(bedtime, chain), recordedExercises(twice), chain))).toEqual(ids(twice));
    });

    it('leaves the plan as it is when nothing was swapped, or when the content no longer leads to the saved choice', () => {
      expect(withEasierVersionsChosen(plan, recordedExercises(plan), exercisesById)).toBe(plan);
      const easier = recordedExercises(withEasierVersion(plan, tilts, exercisesById)!);
      const gone = easier.map((exercise, i) => (i === tilts ? { ...exercise, exerciseId: 'an-exercise-since-removed' } : exercise));
      expect(ids(withEasierVersionsChosen(plan, gone, exercisesById))).toEqual(ids(plan));
    });
  });
});
