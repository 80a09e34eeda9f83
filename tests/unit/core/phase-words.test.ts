import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../core/player/clock';
import { cueWords, movePrompt, phaseAnnouncement, repWords, stageDetail, stageHeading, stageLabel, stageWords } from '../../../core/player/phase-words';
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
    expect(work).toEqual(['sway. 4 reps, with the count. Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right']);
    const workPhase = plan.phases.find((phase) => phase.kind === 'work')!;
    expect([1, 2, 3, 4].map((rep) => stageWords(workPhase, plan.items[0]!, rep).prompt)).toEqual(sway.repPrompts);
  });

  it('show a held exercise’s words for each hold on screen, not only in speech', () => {
    const plan = makePlan([tense]);
    const holds = plan.phases.filter((phase) => phase.kind === 'work');
    expect(holds.map((phase) => stageWords(phase, plan.items[0]!).prompt)).toEqual(tense.repPrompts);
    expect(stageWords(plan.phases[0]!, plan.items[0]!).prompt).toBe(''); // nothing asked while getting ready
  });

  it('call both halves of every rep in time, by ear and on screen, for an exercise with a two-part call', () => {
    const tilt = { ...makeExercise('tilt', { kind: 'reps', reps: 3, secondsPerRep: 4, sets: 1, restBetweenSetsSeconds: 0, perSide: false }), repCall: { go: 'Tilt', back: 'and release' } };
    const clock = new ManualClock(0);
    const plan = makePlan([tilt]);
    const player = new RoutinePlayer(plan, clock);
    player.start();
    const said: string[] = [];
    const shown: string[] = [];
    for (let t = 100; t <= plan.totalMs; t += 100) {
      clock.advance(100);
      for (const cue of player.tick()) {
        if (cue.type === 'phase-start' || cue.type === 'rep' || cue.type === 'rep-turn') said.push(`${t}: ${cueWords(cue)}`);
      }
      const { phase, rep, repTurned } = player.snapshot();
      const prompt = stageWords(phase, plan.items[0]!, rep, repTurned).prompt;
      if (prompt && prompt !== shown.at(-1)) shown.push(prompt);
    }
    // The lead-in is 10 s; then a rep every 4 s, turning at 2 s.
    expect(said).toEqual(['10000: tilt. 3 reps, with the count. 1. Tilt', '12000: and release', '14000: 2. Tilt', '16000: and release', '18000: 3. Tilt', '20000: and release']);
    expect(shown).toEqual(['Tilt', 'and release', 'Tilt', 'and release', 'Tilt', 'and release']);
  });

  it('count a rep with no words of its own by its number', () => {
    const plan = makePlan([makeExercise('bridge', { kind: 'reps', reps: 5, secondsPerRep: 4, sets: 1, restBetweenSetsSeconds: 0, perSide: false })]);
    const work = plan.phases.find((phase) => phase.kind === 'work')!;
    expect(repWords(work, plan.items[0]!, 3)).toEqual({ words: '3', ownWords: false });
    expect(phaseAnnouncement(work, plan.items[0]!)).toBe('bridge. 5 reps, with the count. 1');
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

describe('every phase of every routine, followed by ear', () => {
  const content = loadValidContentDir(bundledContentDir);
  const exercisesById = new Map(content.exercises.map((e) => [e.id, e]));
  const plans = content.routines.map((routine) => planRoutine(routine, exercisesById));
  const seconds = (phase: { startMs: number; endMs: number }) => Math.round((phase.endMs - phase.startMs) / 1000);

  it.each(plans.map((plan) => [plan.routine.id, plan] as const))('%s: each phase says what to do, where and for how long', (_, plan) => {
    for (const phase of plan.phases) {
      const item = plan.items[phase.itemIndex]!;
      const said = phaseAnnouncement(phase, item);
      const where = `${plan.routine.id} phase ${phase.index} (${phase.kind})`;
      expect(said.length, where).toBeGreaterThan(4);
      if (phase.kind === 'prepare') {
        // Name, starting position and the first instruction, before the exercise starts.
        expect(said, where).toContain(`${item.exercise.name}, ${item.exercise.startingPosition}.`);
        expect(said, where).toContain(item.exercise.steps[0]!.split('. ')[0]!.replace(/\.$/, ''));
      }
      if (phase.kind === 'work' && phase.pacing.kind === 'hold') expect(said, where).toContain(`for ${seconds(phase)} seconds`);
      if (phase.kind === 'work' && phase.pacing.kind === 'reps' && phase.set === 1) expect(said, where).toContain(`${phase.pacing.reps} reps`);
      if (phase.kind === 'work' && phase.set === 1 && phase.hold === 1) expect(said, where).toContain(item.exercise.name);
      if (phase.kind === 'work' && phase.side && phase.set === 1 && phase.hold === 1) expect(said, where).toContain(phase.side === 'left' ? 'Left side' : 'Right side');
      if (phase.kind === 'switch-sides') expect(said, where).toBe('Switch sides. Next: right side');
      const prompt = movePrompt(phase, item, 1);
      if (phase.kind === 'work' && prompt) expect(said, where).toContain(prompt);
    }
  });

  it('the spasm-now routine, word for word', () => {
    const plan = plans.find((p) => p.routine.id === 'spasm-now')!;
    expect(plan.phases.map((phase) => phaseAnnouncement(phase, plan.items[phase.itemIndex]!))).toEqual([
      'Get ready. First: Finding a comfortable position, lying on your back. Lie on your back with one or two pillows under your knees, so your knees are bent and your back can sink into the bed.',
      'Finding a comfortable position. Hold for 30 seconds',
      'Rest. Next: Slow paced breathing, lying on your back. Lie on your back with a pillow under your knees, or on your side with a pillow between your knees, or sit comfortably.',
      'Slow paced breathing. Breathe in',
      'Rest. Next: Small pelvic tilts, lying on your back. Lie on your back with your knees bent, either with your feet flat on the bed or with your knees resting over a pillow.',
      'Small pelvic tilts. 8 reps, with the count. 1. Tip',
      'Rest. Next: Small knee rocks, lying on your back. Lie on your back with your knees bent and together and your feet flat on the bed.',
      'Small knee rocks. 10 reps, with the count. A little to the left',
      'Rest. Next: Side-lying waist stretch, lying on your side. Roll onto your side, shoulders and hips turning together, with your knees bent, a pillow between your knees and another under your head.',
      'Side-lying waist stretch. Hold for 20 seconds',
      'Relax',
      'Hold 2 of 2, for 20 seconds',
      'Rest. Next: Log roll: rolling to your side and sitting up, lying on your back. On your back, bend your knees one at a time so your feet are flat on the bed.',
      'Log roll: rolling to your side and sitting up. 5 reps, with the count. Bend your knees, one at a time',
    ]);
  });

  it('say "Stopped" after "This hurts", and "Paused" and "Resuming"', () => {
    expect([cueWords({ type: 'stopped' }), cueWords({ type: 'paused' }), cueWords({ type: 'resumed' })]).toEqual(['Stopped', 'Paused', 'Resuming']);
  });
});
