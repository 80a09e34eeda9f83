import { describe, expect, it } from 'vitest';
import { phaseAnnouncement } from '../../../core/player/phase-words';
import { secondsToSay, withTimeToSpeak } from '../../../core/player/time-to-speak';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';

const content = loadValidContentDir(bundledContentDir);
const exercisesById = new Map(content.exercises.map((e) => [e.id, e]));
const planOf = (id: string, leadInSeconds?: number) => {
  const routine = content.routines.find((r) => r.id === id)!;
  return planRoutine(leadInSeconds === undefined ? routine : { ...routine, leadInSeconds }, exercisesById);
};
const lengths = (plan: RoutinePlan) => plan.phases.map((phase) => phase.endMs - phase.startMs);

describe('time to say a get-ready announcement', () => {
  it('counts words at 150 a minute, scaled by the voice speed, rounded up to whole seconds', () => {
    expect(secondsToSay('one two three four five', 1)).toBe(2);
    expect(secondsToSay('one two three four five six', 1)).toBe(3);
    expect(secondsToSay('one two three four five', 0.5)).toBe(4);
    expect(secondsToSay('  spaced   out  ', 2)).toBe(1);
  });

  it('spasm help: the first get-ready grows from 10 s to the 15 s its 36 words take, and everything after moves by 5 s', () => {
    const plan = planOf('spasm-now');
    const first = plan.phases[0]!;
    expect(first.kind).toBe('prepare');
    expect(phaseAnnouncement(first, plan.items[0]!).split(/\s+/)).toHaveLength(36);
    const timed = withTimeToSpeak(plan, 1);
    expect(timed.phases[0]).toMatchObject({ startMs: 0, endMs: 15_000 });
    expect(timed.phases[1]!.startMs).toBe(plan.phases[1]!.startMs + 5_000);
  });

  for (const routine of content.routines) {
    for (const rate of [0.5, 1, 2]) {
      it(`${routine.id} at voice speed ${rate}: every get-ready fits its words, nothing else changes length, and no gap opens`, () => {
        const plan = planOf(routine.id, 3);
        const timed = withTimeToSpeak(plan, rate);
        timed.phases.forEach((phase, i) => {
          const before = lengths(plan)[i]!;
          const after = phase.endMs - phase.startMs;
          if (phase.kind === 'prepare') {
            expect(after).toBe(Math.max(before, secondsToSay(phaseAnnouncement(phase, timed.items[phase.itemIndex]!), rate) * 1000));
          } else expect(after).toBe(before);
          expect(phase.startMs).toBe(i === 0 ? 0 : timed.phases[i - 1]!.endMs);
          expect(phase).toMatchObject({ kind: plan.phases[i]!.kind, itemIndex: plan.phases[i]!.itemIndex, index: i });
        });
        expect(timed.totalMs).toBe(timed.phases.at(-1)!.endMs);
        expect(timed.items).toBe(plan.items);
      });
    }
  }

  it('leaves a plan whose get-ready times are long enough as it is', () => {
    const plan = planOf('bedtime-spasm-relief', 30);
    expect(withTimeToSpeak(plan, 2)).toBe(plan);
  });
});
