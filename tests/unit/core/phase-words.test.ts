import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/player/clock';
import { cueWords, phaseAnnouncement, stageDetail, stageHeading, stageLabel, stageWords } from '../../../core/player/phase-words';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { planRoutine, type RoutinePlan } from '../../../core/player/timeline';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';
import { makeExercise, makePlan, sampleExercises } from './fixtures';

/** Each phase as the player's stage shows it: label | heading | detail. */
const stageLines = (plan: RoutinePlan) =>
  plan.phases.map((phase) => {
    const words = stageWords(phase, plan.items[phase.itemIndex]!);
    return `${phase.kind}: ${words.label} | ${words.heading} | ${words.detail}`;
  });

describe('stage words', () => {
  it('name what to do, the exercise, and the side, set and hold, phase by phase', () => {
    expect(stageLines(makePlan(sampleExercises))).toEqual([
      'prepare: Get ready | Next: side hold | Start lying on your back',
      'work: Hold | side hold | Left side · Hold 1 of 2',
      'rest: Relax | side hold | Left side · Next: hold 2 of 2',
      'work: Hold | side hold | Left side · Hold 2 of 2',
      'switch-sides: Switch sides | side hold | Right side · Hold 1 of 2',
      'work: Hold | side hold | Right side · Hold 1 of 2',
      'rest: Relax | side hold | Right side · Next: hold 2 of 2',
      'work: Hold | side hold | Right side · Hold 2 of 2',
      'prepare: Rest | Next: bridge | Start lying on your back',
      'work: Move with the count | bridge | Set 1 of 2',
      'rest: Rest | bridge | Set 2 of 2',
      'work: Move with the count | bridge | Set 2 of 2',
      'prepare: Rest | Next: breathe | Start lying on your back',
      'work: Breathe | breathe | ',
    ]);
  });

  it('say "Rest" between sets of holds, naming the set and its first hold', () => {
    const plank = makeExercise('plank', { kind: 'hold', holdSeconds: 10, reps: 3, sets: 2, restBetweenRepsSeconds: 5, restBetweenSetsSeconds: 20 });
    const plan = makePlan([plank]);
    const betweenSets = plan.phases.find((p) => p.kind === 'rest' && p.set === 2 && p.hold === 1)!;
    const item = plan.items[0]!;
    expect([stageLabel(betweenSets, item), stageHeading(betweenSets, item), stageDetail(betweenSets, item)]).toEqual([
      'Rest',
      'plank',
      'Set 2 of 2 · Hold 1 of 3',
    ]);
  });

  it('leave the detail empty for a single hold on both sides at once', () => {
    const hug = makeExercise('knee-hug', { kind: 'hold', holdSeconds: 20, reps: 1 });
    const plan = makePlan([hug]);
    const work = plan.phases.find((p) => p.kind === 'work')!;
    expect(stageWords(work, plan.items[0]!)).toEqual({ label: 'Hold', heading: 'knee hug', detail: '', prompt: '' });
  });
});

describe('words rep by rep and hold by hold', () => {
  const sway = { ...makeExercise('sway', { kind: 'reps', reps: 4, secondsPerRep: 5, sets: 1, restBetweenSetsSeconds: 0, perSide: false }, 'mobility'), repPrompts: ['Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right'] };
  const tense = { ...makeExercise('tense', { kind: 'hold', holdSeconds: 5, reps: 2, sets: 1, restBetweenRepsSeconds: 5, restBetweenSetsSeconds: 0 }, 'relaxation'), repPrompts: ['Feet: gently curl your toes', 'Calves: point your toes'] };

  it('are spoken and shown for each rep in turn, not the first rep’s words every time', () => {
    const clock = new ManualClock(0);
    const plan = makePlan([sway]);
    const player = new RoutinePlayer(plan, clock);
    const cues = [...player.start()];
    for (let t = 0; t < plan.totalMs + 1000; t += 100) {
      clock.advance(100);
      cues.push(...player.tick());
    }
    const work = cues.flatMap((cue) => (cue.type === 'rep' || (cue.type === 'phase-start' && cue.phase.kind === 'work') ? [cueWords(cue)] : []));
    expect(work).toEqual(['Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right']);
    const workPhase = plan.phases.find((phase) => phase.kind === 'work')!;
    expect([1, 2, 3, 4].map((rep) => stageWords(workPhase, plan.items[0]!, rep).prompt)).toEqual(sway.repPrompts);
  });

  it('show a held exercise’s words for each hold on screen, not only in speech', () => {
    const plan = makePlan([tense]);
    const holds = plan.phases.filter((phase) => phase.kind === 'work');
    expect(holds.map((phase) => stageWords(phase, plan.items[0]!).prompt)).toEqual(tense.repPrompts);
    expect(stageWords(plan.phases[0]!, plan.items[0]!).prompt).toBe(''); // nothing asked while getting ready
  });

  it('leave a bare rep count to the counter and the tone', () => {
    expect(cueWords({ type: 'rep', rep: 3, of: 10, prompt: null })).toBe('3');
  });
});

describe('paced breathing', () => {
  it('opens with "Breathe in": the first breath starts with the phase, so no cue of its own says it', () => {
    const content = loadValidContentDir(bundledContentDir);
    const plan = planRoutine(content.routines.find((r) => r.id === 'relaxation')!, new Map(content.exercises.map((e) => [e.id, e])));
    const breathing = plan.phases.find((p) => p.kind === 'work' && p.pacing.kind === 'breathing')!;
    expect(phaseAnnouncement(breathing, plan.items[breathing.itemIndex]!)).toMatch(/\. Breathe in$/);
  });
});
