import { describe, expect, it } from 'vitest';
import { buildNewSession } from '../../../core/log/session-from-player';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { planRoutine, withEasierVersion } from '../../../core/player/timeline';
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

  it('is recorded in the session', () => {
    const easier = withEasierVersion(plan, tilts, exercisesById)!;
    const player = new RoutinePlayer(easier, { now: () => 0 });
    player.start();
    const session = buildNewSession(
      { plan: easier, progress: player.progress(), painEvents: [], exercisedMs: 0, startedAt: '2026-11-24T21:30:00+01:00', timeZone: 'Europe/Paris', painBefore: null },
      '2026-11-24T21:31:00+01:00',
      'ended-early',
    );
    expect(session.exercises[tilts]).toMatchObject({ easierVersionOf: 'pelvic-tilt' });
    expect(session.exercises.filter((e) => e.easierVersionOf)).toHaveLength(1);
  });
});
