import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDoseGuidance } from '../../../core/content/dose-guidance';
import { formatProblem, validateContent, type ContentFile } from '../../../core/content/validate-content';
import { planRoutine } from '../../../core/player/timeline';
import { bundledContentDir, loadContentDir, loadValidContentDir } from '../../../exercises/load-content';

const bundled = loadContentDir(bundledContentDir);
const exercisesById = new Map(bundled.exercises.map((e) => [e.id, e]));
const goodExercise = readFileSync(join(bundledContentDir, 'library', 'bird-dog.json'), 'utf8');

function exerciseFile(patch: (data: Record<string, unknown>) => void, file = 'exercises/library/bird-dog.json'): ContentFile {
  const data = JSON.parse(goodExercise) as Record<string, unknown>;
  // On its own, without the rest of the library to link to.
  delete data.easierVersion;
  patch(data);
  return { file, text: JSON.stringify(data) };
}

const problemsOf = (files: ContentFile[], routines: ContentFile[] = []) => validateContent(files, routines).problems.map(formatProblem);

const libraryDir = join(bundledContentDir, 'library');
/** Every bundled exercise file, with some of them changed. */
function libraryWith(patches: Record<string, (data: Record<string, unknown>) => void>): ContentFile[] {
  return readdirSync(libraryDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const data = JSON.parse(readFileSync(join(libraryDir, name), 'utf8')) as Record<string, unknown>;
      patches[data.id as string]?.(data);
      return { file: `exercises/library/${name}`, text: JSON.stringify(data) };
    });
}

const inBed = ['lying on your back', 'lying on your side', 'lying on your front'];
const routine = (id: string) => bundled.routines.find((r) => r.id === id)!;

describe('bundled content', () => {
  it('is all valid', () => {
    expect(bundled.problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 16 distinct exercises and the five routines, each inside its target length', () => {
    expect(bundled.exercises.length).toBeGreaterThanOrEqual(16);
    expect(bundled.routines.map((r) => r.kind).sort()).toEqual(['bedtime', 'core-strength', 'mobility', 'relaxation', 'spasm-now']);
    const minutes = Object.fromEntries(bundled.routines.map((r) => [r.kind, planRoutine(r, exercisesById).totalMs / 60_000]));
    expect(minutes.bedtime).toBeGreaterThanOrEqual(8);
    expect(minutes.bedtime).toBeLessThanOrEqual(12.5);
    expect(minutes['core-strength']).toBeGreaterThanOrEqual(10);
    expect(minutes['core-strength']).toBeLessThanOrEqual(15);
    expect(minutes.mobility).toBeGreaterThanOrEqual(5);
    expect(minutes.mobility).toBeLessThanOrEqual(8);
    expect(minutes.relaxation).toBeGreaterThanOrEqual(4);
    expect(minutes.relaxation).toBeLessThanOrEqual(6.5);
    expect(minutes['spasm-now']).toBeGreaterThanOrEqual(5);
    expect(minutes['spasm-now']).toBeLessThanOrEqual(8);
  });

  it('has a "Spasm now" routine done in bed: lying down throughout, doses inside guidance, ending with the log roll', () => {
    const spasmNow = routine('spasm-now');
    expect(spasmNow.whenToUse).toMatch(/\bin bed\b/i);
    expect(`${spasmNow.purpose} ${spasmNow.whenToUse}`).toMatch(/during or (just )?after a spasm/i);
    const plan = planRoutine(spasmNow, exercisesById);
    for (const [index, { exercise, dose }] of plan.items.entries()) {
      expect(inBed, exercise.id).toContain(exercise.startingPosition);
      expect(checkDoseGuidance(exercise.category, dose), exercise.id).toBeNull();
      expect(`${exercise.steps.join(' ')} ${exercise.summary}`, exercise.id).not.toMatch(/hands and knees|kneel|floor|stand up straight/i);
      if (index === 0) expect(exercise.steps.join(' ')).toMatch(/pillows? under your knees[\s\S]*side[\s\S]*pillow between your knees/);
    }
    expect(plan.items.map((i) => i.exercise.id)).toContain('paced-breathing');
    expect(plan.items.at(-1)!.exercise.id).toBe('log-roll');
    const breathing = plan.items.find((i) => i.exercise.category === 'breathing')!.dose;
    expect(breathing.kind === 'breathing' && breathing.exhaleSeconds > breathing.inhaleSeconds).toBe(true);
  });

  it('has a bedtime routine done on the bed that ends lying down, with nothing on hands and knees', () => {
    const bedtime = routine('bedtime-spasm-relief');
    expect(bedtime.version).toBeGreaterThanOrEqual(2);
    expect(bedtime.whenToUse).toMatch(/\bbed\b/);
    expect(bedtime.whenToUse).not.toMatch(/floor|mat\b/i);
    const positions = bedtime.items.map((item) => exercisesById.get(item.exerciseId)!.startingPosition);
    for (const position of positions) expect(inBed).toContain(position);
    expect(positions.at(-1)).toMatch(/^lying/);
  });

  it('offers a backward-bending alternative for every forward-bending exercise, and says so in its text', () => {
    const forward = bundled.exercises.filter((e) => e.backwardBendingAlternative);
    expect(forward.map((e) => e.id).sort()).toEqual(['childs-pose', 'double-knee-to-chest', 'single-knee-to-chest']);
    for (const exercise of forward) {
      const alternative = exercisesById.get(exercise.backwardBendingAlternative!)!;
      const text = `${exercise.steps.join(' ')} ${exercise.stopIf}`.toLowerCase();
      expect(text, exercise.id).toContain('bending forward');
      expect(text, exercise.id).toContain(alternative.name.toLowerCase());
    }
  });

  it('links easier and harder versions both ways, where the library has them', () => {
    const pairs = bundled.exercises.filter((e) => e.easierVersion).map((e) => `${e.easierVersion} < ${e.id}`);
    expect(pairs.sort()).toEqual([
      'abdominal-bracing < lying-march',
      'bird-dog-leg-only < bird-dog',
      'knee-rocks < lower-trunk-rotation',
      'lying-march < dead-bug',
      'pelvic-tilt < glute-bridge',
      'prone-lying < prone-on-elbows',
      'single-knee-to-chest < double-knee-to-chest',
      'small-pelvic-tilts < pelvic-tilt',
    ]);
    for (const exercise of bundled.exercises) {
      if (exercise.harderVersion) expect(exercisesById.get(exercise.harderVersion)!.easierVersion).toBe(exercise.id);
    }
  });

  it('has an illustration for every exercise, with no script or fixed colours', () => {
    const illustrations = new Set(readdirSync(join(bundledContentDir, '..', 'assets', 'illustrations')));
    for (const exercise of bundled.exercises) {
      expect(illustrations, exercise.id).toContain(exercise.illustration);
      const svg = readFileSync(join(bundledContentDir, '..', 'assets', 'illustrations', exercise.illustration), 'utf8');
      expect(svg, exercise.illustration).toMatch(/^<svg [^>]*viewBox="0 0 240 160"/);
      expect(svg, exercise.illustration).not.toMatch(/<script|on[a-z]+=|href=|style=|#[0-9a-f]{3,6}\b/i);
    }
  });

  it('plays every phase of every routine back to back, with no gap or overlap', () => {
    for (const routine of bundled.routines) {
      const plan = planRoutine(routine, exercisesById);
      plan.phases.forEach((phase, index) => {
        expect(phase.endMs).toBeGreaterThan(phase.startMs);
        if (index > 0) expect(phase.startMs).toBe(plan.phases[index - 1]!.endMs);
      });
      expect(plan.phases.at(-1)!.endMs).toBe(plan.totalMs);
      expect(new Set(plan.phases.filter((p) => p.kind === 'work').map((p) => p.itemIndex)).size).toBe(routine.items.length);
    }
  });
});

describe('content validation names the file and the field at fault', () => {
  it('rejects invalid JSON', () => {
    expect(problemsOf([{ file: 'exercises/library/bird-dog.json', text: '{ "id": ' }])[0]).toMatch(/^exercises\/library\/bird-dog\.json: \(file\): not valid JSON/);
  });

  it('rejects a missing field, a wrong type and an unknown field', () => {
    expect(problemsOf([exerciseFile((d) => delete d.stopIf)])).toEqual([expect.stringMatching(/^exercises\/library\/bird-dog\.json: stopIf: /)]);
    expect(problemsOf([exerciseFile((d) => (d.steps = 'do it'))])).toEqual([expect.stringMatching(/: steps: /)]);
    expect(problemsOf([exerciseFile((d) => (d.colour = 'red'))])).toEqual([expect.stringMatching(/: \(file\): Unrecognized key.*colour/)]);
  });

  it('rejects doses outside physiotherapy ranges', () => {
    const tooLong = exerciseFile((d) => (d.dose = { kind: 'hold', holdSeconds: 300, reps: 2 }));
    expect(problemsOf([tooLong])).toEqual([expect.stringMatching(/: dose\.holdSeconds: Too big/)]);
    const shortStretch = exerciseFile((d) => {
      d.category = 'stretch';
      d.dose = { kind: 'hold', holdSeconds: 8, reps: 2 };
    });
    expect(problemsOf([shortStretch])).toEqual(['exercises/library/bird-dog.json: dose.holdSeconds: a static stretch is held 20–30 s, not 8 s']);
  });

  it('rejects a two-part rep call on an exercise that is not paced reps (it would never be said)', () => {
    // bird-dog is a held exercise.
    expect(problemsOf([exerciseFile((d) => (d.repCall = { go: 'Reach', back: 'and back' }))])).toEqual([
      "exercises/library/bird-dog.json: repCall: is for paced reps; this exercise's dose is a hold",
    ]);
  });

  it('rejects an id that does not match its file name, and a duplicate id', () => {
    expect(problemsOf([exerciseFile(() => undefined, 'exercises/library/other.json')])).toEqual([
      'exercises/library/other.json: id: "bird-dog" must match the file name',
    ]);
  });

  it('rejects a routine naming an exercise that does not exist (a dangling id)', () => {
    const routine = readFileSync(join(bundledContentDir, 'routines', 'core-strength.json'), 'utf8').replace('"bird-dog"', '"bird-cat"');
    const problems = problemsOf([exerciseFile(() => undefined)], [{ file: 'exercises/routines/core-strength.json', text: routine }]);
    expect(problems.some((p) => /^exercises\/routines\/core-strength\.json: items\.\d+\.exerciseId: no exercise has the id "bird-cat"$/.test(p))).toBe(true);
  });

  it('rejects an easier, harder or backward-bending link to an exercise that does not exist, or to itself', () => {
    expect(problemsOf(libraryWith({ 'bird-dog': (d) => (d.easierVersion = 'bird-cat') }))).toEqual([
      'exercises/library/bird-dog-leg-only.json: harderVersion: "bird-dog" must name "bird-dog-leg-only" as its easierVersion (it names "bird-cat")',
      'exercises/library/bird-dog.json: easierVersion: no exercise has the id "bird-cat"',
    ]);
    expect(problemsOf(libraryWith({ 'cat-cow': (d) => (d.harderVersion = 'cat-cow') }))).toEqual([
      'exercises/library/cat-cow.json: harderVersion: names the exercise itself; name another exercise',
    ]);
    expect(problemsOf(libraryWith({ 'childs-pose': (d) => (d.backwardBendingAlternative = 'cobra') }))).toEqual([
      'exercises/library/childs-pose.json: backwardBendingAlternative: no exercise has the id "cobra"',
    ]);
    expect(problemsOf(libraryWith({ 'childs-pose': (d) => (d.backwardBendingAlternative = 'childs-pose') }))).toEqual([
      'exercises/library/childs-pose.json: backwardBendingAlternative: names the exercise itself; name another exercise',
    ]);
    expect(problemsOf([exerciseFile((d) => (d.easierVersion = 'Bird Dog'))])).toEqual([expect.stringMatching(/: easierVersion: Use lowercase words/)]);
  });

  it('rejects an easier or harder version that is not mirrored, or starts in another position', () => {
    // cat-cow names child's pose as its easier version, but child's pose does not name cat-cow as its harder one.
    expect(problemsOf(libraryWith({ 'cat-cow': (d) => (d.easierVersion = 'childs-pose') }))).toEqual([
      'exercises/library/cat-cow.json: easierVersion: "childs-pose" must name "cat-cow" as its harderVersion (it names none)',
    ]);
    expect(problemsOf(libraryWith({ 'childs-pose': (d) => (d.harderVersion = 'cat-cow') }))).toEqual([
      'exercises/library/childs-pose.json: harderVersion: "cat-cow" must name "childs-pose" as its easierVersion (it names none)',
    ]);
    // Mirrored, but one starts lying down and the other standing: the player could not swap one for the other mid-routine.
    const standing = libraryWith({
      'pelvic-tilt': (d) => (d.harderVersion = 'pelvic-circles'),
      'pelvic-circles': (d) => (d.easierVersion = 'pelvic-tilt'),
      'glute-bridge': (d) => delete d.easierVersion,
    });
    expect(problemsOf(standing)).toEqual([
      'exercises/library/pelvic-circles.json: easierVersion: "pelvic-tilt" starts lying on your back, not standing; a version of an exercise starts in the same position',
      'exercises/library/pelvic-tilt.json: harderVersion: "pelvic-circles" starts standing, not lying on your back; a version of an exercise starts in the same position',
    ]);
  });

  it('rejects easier versions that go round in a circle, and one exercise as both easier and harder version', () => {
    // Each link is mirrored, yet the three go round: pelvic tilt < glute bridge < small pelvic tilts < pelvic tilt.
    const circle = libraryWith({
      'glute-bridge': (d) => (d.harderVersion = 'small-pelvic-tilts'),
      'small-pelvic-tilts': (d) => (d.easierVersion = 'glute-bridge'),
    });
    expect(problemsOf(circle)).toEqual([
      'exercises/library/glute-bridge.json: easierVersion: the easier versions go round in a circle (glute-bridge → pelvic-tilt → small-pelvic-tilts → glute-bridge)',
    ]);
    const both = libraryWith({
      'knee-rocks': (d) => (d.easierVersion = 'lower-trunk-rotation'),
      'lower-trunk-rotation': (d) => (d.harderVersion = 'knee-rocks'),
    });
    expect(problemsOf(both)).toEqual([
      'exercises/library/knee-rocks.json: harderVersion: "lower-trunk-rotation" cannot be both the easier and the harder version',
      'exercises/library/knee-rocks.json: easierVersion: the easier versions go round in a circle (knee-rocks → lower-trunk-rotation → knee-rocks)',
      'exercises/library/lower-trunk-rotation.json: harderVersion: "knee-rocks" cannot be both the easier and the harder version',
    ]);
  });

  it('rejects a backward-bending alternative that itself bends forward', () => {
    expect(problemsOf(libraryWith({ 'childs-pose': (d) => (d.backwardBendingAlternative = 'single-knee-to-chest') }))).toEqual([
      'exercises/library/childs-pose.json: backwardBendingAlternative: "single-knee-to-chest" has a backward-bending alternative of its own, so it bends forward; name one that bends backward',
    ]);
  });

  it('fails loading a content folder with one error listing every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, 'library'));
    mkdirSync(join(dir, 'routines'));
    writeFileSync(join(dir, 'library', 'bird-dog.json'), exerciseFile((d) => (d.name = '')).text);
    writeFileSync(join(dir, 'routines', 'broken.json'), '[]');
    expect(() => loadValidContentDir(dir)).toThrow(/2 problems[\s\S]*library\/bird-dog\.json: name: [\s\S]*routines\/broken\.json: \(file\): /);
  });
});
