import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exerciseSchema } from '../../../core/content/exercise-schema';
import {
  PLACEHOLDER_ILLUSTRATION,
  PRESCRIBED_ROUTINE_MAX_BYTES,
  parsePrescribedRoutine,
  prescribedRoutineFileSchema,
  type PrescribedRoutine,
} from '../../../core/content/prescribed-routine';
import { routineSchema } from '../../../core/content/routine-schema';
import { ManualClock } from '../../../core/player/clock';
import { RoutinePlayer } from '../../../core/player/routine-player';
import { planRoutine } from '../../../core/player/timeline';
import { bundledContentDir, loadValidContentDir } from '../../../exercises/load-content';

const bundled = loadValidContentDir(bundledContentDir);
const bundledRoutineIds = bundled.routines.map((r) => r.id);
const exampleText = readFileSync(join(bundledContentDir, 'prescribed', 'example-prescribed-routine.json'), 'utf8');

type Json = Record<string, unknown>;
type Items = Json[];

const parse = (text: string) => parsePrescribedRoutine(text, bundled.exercises, bundledRoutineIds);

function parsedExample(): PrescribedRoutine {
  const result = parse(exampleText);
  if (!result.ok) throw new Error(result.problem);
  return result.value;
}

/** The example file, changed by `patch`, parsed; returns the problem (or fails the test if it parsed). */
function problemWith(patch: (file: Json) => void): string {
  const file = JSON.parse(exampleText) as Json;
  patch(file);
  return problemOf(JSON.stringify(file));
}

function problemOf(text: string): string {
  const result = parse(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem;
}

const routineOf = (file: Json) => file.routine as Json;
const itemsOf = (file: Json) => routineOf(file).items as Items;
const customOf = (file: Json) => (file.exercises as Json[])[0]!;

describe('the example prescribed routine', () => {
  it('parses into a routine and exercises the library accepts, marked as prescribed', () => {
    const value = parsedExample();
    expect(routineSchema.parse(value.routine)).toEqual(value.routine);
    for (const exercise of value.exercises) expect(exerciseSchema.parse(exercise)).toEqual(exercise);
    expect(value.routine.id).toBe('prescribed-evening-routine-from-jo-smith');
    expect(value.routine.kind).toBe('mobility');
    expect(value.exercises.map((e) => [e.id, e.illustration])).toEqual([['side-lying-knee-hug', PLACEHOLDER_ILLUSTRATION]]);
    expect(value.prescribedBy).toBe('Jo Smith, physiotherapist, Riverside Physio Clinic');
    expect(value.prescribedOn).toBe('2025-03-14');
    expect(value.notes).toHaveLength(5);
    expect(value.notes[2]).toBeNull();
  });

  it('previews each exercise with its dose in words, and the total time', () => {
    const { preview } = parsedExample();
    expect(preview.items.map((i) => `${i.name}: ${i.dose}${i.custom ? ' (own)' : ''}`)).toEqual([
      'Diaphragmatic breathing: 8 breaths: in for 4 s, out for 6 s',
      expect.stringMatching(/: 8 slow reps$/),
      'Single knee-to-chest stretch: Hold 25 s, twice on each side',
      'Lower-trunk rotation: 8 slow reps',
      'Side-lying knee hug: Hold 20 s, twice on each side (own)',
    ]);
    // 10 lead-in + 80 breathing, then 20 rest before each: 32 tilts, 115 knee-to-chest (2 × 55 + 5 switch), 40 rotations, 95 knee hug (2 × 45 + 5).
    expect(preview.totalSeconds).toBe(452);
  });

  it('plays from start to finish like any routine', () => {
    const value = parsedExample();
    const byId = new Map([...bundled.exercises, ...value.exercises].map((e) => [e.id, e]));
    const clock = new ManualClock(5_000);
    const player = new RoutinePlayer(planRoutine(value.routine, byId), clock);
    player.start();
    for (let t = 0; t <= 460_000; t += 500) {
      clock.advance(500);
      player.tick();
    }
    expect(player.snapshot().status).toBe('finished');
    expect(player.snapshot().totalMs).toBe(452_000);
    expect(player.progress().map((p) => p.outcome)).toEqual(Array(5).fill('completed'));
  });

  it('is not loaded as bundled content, and gets a fresh id when its name is taken', () => {
    expect(bundled.routines.map((r) => r.id)).not.toContain('prescribed-evening-routine-from-jo-smith');
    const again = parsePrescribedRoutine(exampleText, bundled.exercises, [...bundledRoutineIds, 'prescribed-evening-routine-from-jo-smith']);
    expect(again.ok && again.value.routine.id).toBe('prescribed-evening-routine-from-jo-smith-2');
  });

  it('parses a minimal file using bundled exercises only', () => {
    const minimal = {
      format: 'backcare-prescribed-routine',
      formatVersion: 1,
      prescribedBy: 'Dr Ana Lima',
      routine: { name: 'Café break', purpose: 'A short break.', items: [{ exerciseId: 'cat-cow' }] },
    };
    expect(prescribedRoutineFileSchema.safeParse(minimal).success).toBe(true);
    const result = parse(JSON.stringify(minimal));
    expect(result.ok && [result.value.routine.id, result.value.routine.startPosition, result.value.exercises]).toEqual([
      'prescribed-cafe-break',
      'on hands and knees',
      [],
    ]);
  });
});

describe('a bad routine file is refused with a message naming the problem', () => {
  const cases: [string, () => string, RegExp][] = [
    ['over 1 MB', () => problemOf(' '.repeat(PRESCRIBED_ROUTINE_MAX_BYTES) + exampleText), /too large: 1\.\d MB .*at most 1 MB \(1048576 bytes\)/],
    ['multi-byte text over 1 MB', () => problemOf('é'.repeat(PRESCRIBED_ROUTINE_MAX_BYTES / 2 + 1)), /too large: .*\(1048578 bytes\)/],
    ['not JSON', () => problemOf('{ "format": '), /^This file is not valid JSON \(.*\)/],
    ['wrong format', () => problemOf(readFileSync(join(bundledContentDir, 'routines', 'relaxation.json'), 'utf8')), /^This is not a Backcare Coach routine file/],
    ['newer version', () => problemWith((f) => (f.formatVersion = 2)), /made by a newer version of Backcare Coach \(format version 2; this app reads version 1\)/],
    ['unknown key', () => problemWith((f) => (itemsOf(f)[1]!.repeats = 3)), /^routine\.items\.1: Unknown field "repeats"/],
    ['missing required field', () => problemWith((f) => delete routineOf(f).purpose), /^routine\.purpose: This field is required$/],
    ['absurd hold', () => problemWith((f) => ((itemsOf(f)[2]!.dose as Json).holdSeconds = 7200)), /^routine\.items\.2\.dose\.holdSeconds: Too big: the limit is 60 \(this file has 7200\)$/],
    ['absurd reps', () => problemWith((f) => ((itemsOf(f)[1]!.dose as Json).reps = 500)), /^routine\.items\.1\.dose\.reps: Too big: the limit is 20 \(this file has 500\)$/],
    ['dose outside guidance', () => problemWith((f) => ((itemsOf(f)[2]!.dose as Json).holdSeconds = 45)), /^routine\.items\.2\.dose\.holdSeconds: a static stretch is held 20–30 s, not 45 s$/],
    ['rep call on a held exercise', () => problemWith((f) => (customOf(f).repCall = { go: 'Hug', back: 'and let go' })), /^exercises\.0\.repCall: is for paced reps; this exercise's dose is a hold$/],
    ['markup in a step', () => problemWith((f) => ((customOf(f).steps as string[])[1] = 'Bend <img src=x onerror=alert(1)>')), /^exercises\.0\.steps\.1: Text may not contain markup such as <script> \(found "<img src"\)$/],
    ['script in the name', () => problemWith((f) => (f.prescribedBy = '<script>alert(1)</script>')), /^prescribedBy: Text may not contain markup/],
    ['javascript: in a note', () => problemWith((f) => (itemsOf(f)[3]!.note = 'See javascript:alert(1)')), /^routine\.items\.3\.note: Text may not contain a "javascript:" link$/],
    ['control characters', () => problemWith((f) => (routineOf(f).purpose = 'Calm\u0007 down')), /^routine\.purpose: Text may not contain control characters \(found U\+0007\)$/],
    ['unknown exercise id', () => problemWith((f) => (itemsOf(f)[0]!.exerciseId = 'back-flip')), /^routine\.items\.0\.exerciseId: "back-flip" is neither a bundled exercise nor defined in this file/],
    ['custom id colliding with bundled', () => problemWith((f) => (customOf(f).id = itemsOf(f)[4]!.exerciseId = 'cat-cow')), /^exercises\.0\.id: "cat-cow" is already the id of a bundled exercise/],
    ['duplicate custom ids', () => problemWith((f) => (f.exercises as Json[]).push(customOf(f))), /^exercises\.1\.id: "side-lying-knee-hug" is defined more than once/],
    ['empty items', () => problemWith((f) => (routineOf(f).items = [])), /^routine\.items: Too small: the minimum is 1 entry \(this file has 0\)$/],
    ['impossible date', () => problemWith((f) => (f.prescribedOn = '2025-02-30')), /^prescribedOn: This date does not exist$/],
  ];

  it.each(cases)('%s', (_name, problem, expected) => {
    expect(problem()).toMatch(expected);
  });

  it('gives each kind of bad file its own message', () => {
    const messages = cases.map(([, problem]) => problem());
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('refuses a bidi override, and keeps text that only looks like markup, newlines and tabs', () => {
    expect(problemWith((f) => (itemsOf(f)[0]!.note = 'Breathe \u202Eslowly'))).toBe('routine.items.0.note: Text may not contain control characters (found U+202E)');
    const result = parse(exampleText.replace('Small movements only', 'Fewer than <5 reps if sore, and 3 < 4.\\n\\tThen rest'));
    expect(result.ok && result.value.notes[1]).toMatch(/^Fewer than <5 reps if sore, and 3 < 4\.\n\tThen rest/);
  });
});
