import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateContent, type ContentFile } from '../../../core/content/validate-content';
import { planRoutine } from '../../../core/player/timeline';
import { bundledContentDir, loadContentDir, loadValidContentDir } from '../../../exercises/load-content';

const bundled = loadContentDir(bundledContentDir);
const exercisesById = new Map(bundled.exercises.map((e) => [e.id, e]));
const goodExercise = readFileSync(join(bundledContentDir, 'library', 'bird-dog.json'), 'utf8');

function exerciseFile(patch: (data: Record<string, unknown>) => void, file = 'exercises/library/bird-dog.json'): ContentFile {
  const data = JSON.parse(goodExercise) as Record<string, unknown>;
  patch(data);
  return { file, text: JSON.stringify(data) };
}

const problemsOf = (files: ContentFile[], routines: ContentFile[] = []) => validateContent(files, routines).problems.map(formatProblem);

describe('bundled content', () => {
  it('is all valid', () => {
    expect(bundled.problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 16 distinct exercises and the four routines, each inside its target length', () => {
    expect(bundled.exercises.length).toBeGreaterThanOrEqual(16);
    const minutes = Object.fromEntries(bundled.routines.map((r) => [r.kind, planRoutine(r, exercisesById).totalMs / 60_000]));
    expect(minutes.bedtime).toBeGreaterThanOrEqual(8);
    expect(minutes.bedtime).toBeLessThanOrEqual(12.5);
    expect(minutes['core-strength']).toBeGreaterThanOrEqual(10);
    expect(minutes['core-strength']).toBeLessThanOrEqual(15);
    expect(minutes.mobility).toBeGreaterThanOrEqual(5);
    expect(minutes.mobility).toBeLessThanOrEqual(8);
    expect(minutes.relaxation).toBeGreaterThanOrEqual(4);
    expect(minutes.relaxation).toBeLessThanOrEqual(6.5);
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

  it('fails loading a content folder with one error listing every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    mkdirSync(join(dir, 'library'));
    mkdirSync(join(dir, 'routines'));
    writeFileSync(join(dir, 'library', 'bird-dog.json'), exerciseFile((d) => (d.name = '')).text);
    writeFileSync(join(dir, 'routines', 'broken.json'), '[]');
    expect(() => loadValidContentDir(dir)).toThrow(/2 problems[\s\S]*library\/bird-dog\.json: name: [\s\S]*routines\/broken\.json: \(file\): /);
  });
});
