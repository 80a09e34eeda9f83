import type { z } from 'zod';
import { checkDoseGuidance, checkExercise } from './dose-guidance';
import { exerciseLinkFields, exerciseSchema, type Exercise } from './exercise-schema';
import { routineSchema, type Routine } from './routine-schema';

/** One problem in one content file, in words a content author can act on. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export interface ContentFile {
  /** Path shown in messages, e.g. `exercises/library/bird-dog.json`. */
  file: string;
  text: string;
}

export interface ValidatedContent {
  exercises: Exercise[];
  routines: Routine[];
  problems: ContentProblem[];
}

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}: ${problem.field || '(file)'}: ${problem.message}`;
}

function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function parseJson(file: ContentFile, problems: ContentProblem[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    problems.push({ file: file.file, field: '', message: `not valid JSON (${(error as Error).message})` });
    return undefined;
  }
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');
}

function validateExercise(file: ContentFile, problems: ContentProblem[]): Exercise | null {
  const raw = parseJson(file, problems);
  if (raw === undefined) return null;
  const parsed = exerciseSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(file.file, parsed.error));
    return null;
  }
  const exercise = parsed.data;
  if (baseName(file.file) !== exercise.id) {
    problems.push({ file: file.file, field: 'id', message: `"${exercise.id}" must match the file name` });
  }
  const guidance = checkExercise(exercise);
  if (guidance) problems.push({ file: file.file, ...guidance });
  return exercise;
}

function validateRoutine(file: ContentFile, known: Map<string, Exercise>, problems: ContentProblem[]): Routine | null {
  const raw = parseJson(file, problems);
  if (raw === undefined) return null;
  const parsed = routineSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(file.file, parsed.error));
    return null;
  }
  const routine = parsed.data;
  if (baseName(file.file) !== routine.id) {
    problems.push({ file: file.file, field: 'id', message: `"${routine.id}" must match the file name` });
  }
  routine.items.forEach((item, index) => {
    const exercise = known.get(item.exerciseId);
    if (!exercise) {
      problems.push({ file: file.file, field: `items.${index}.exerciseId`, message: `no exercise has the id "${item.exerciseId}"` });
      return;
    }
    const guidance = item.dose ? checkDoseGuidance(exercise.category, item.dose) : null;
    if (guidance) problems.push({ file: file.file, field: `items.${index}.${guidance.field}`, message: guidance.message });
  });
  return routine;
}

const mirrorOf = { easierVersion: 'harderVersion', harderVersion: 'easierVersion' } as const;

/**
 * Checks the links between exercises: each names another exercise that
 * exists; an easier or harder version starts in the same position and is
 * mirrored by the other exercise; easier versions never go round in a circle;
 * a backward-bending alternative does not itself need one.
 */
function checkExerciseLinks(byId: ReadonlyMap<string, Exercise>, fileOf: ReadonlyMap<string, string>, problems: ContentProblem[]): void {
  for (const exercise of byId.values()) {
    const file = fileOf.get(exercise.id)!;
    const problem = (field: string, message: string) => problems.push({ file, field, message });
    for (const field of exerciseLinkFields) {
      const targetId = exercise[field];
      if (targetId === undefined) continue;
      const target = byId.get(targetId);
      if (targetId === exercise.id) problem(field, 'names the exercise itself; name another exercise');
      else if (!target) problem(field, `no exercise has the id "${targetId}"`);
      else if (field === 'backwardBendingAlternative') {
        if (target.backwardBendingAlternative !== undefined) {
          problem(field, `"${targetId}" has a backward-bending alternative of its own, so it bends forward; name one that bends backward`);
        }
      } else {
        if (target.startingPosition !== exercise.startingPosition) {
          problem(field, `"${targetId}" starts ${target.startingPosition}, not ${exercise.startingPosition}; a version of an exercise starts in the same position`);
        }
        const mirror = mirrorOf[field];
        if (target[mirror] !== exercise.id) {
          const now = target[mirror] === undefined ? 'it names none' : `it names "${target[mirror]}"`;
          problem(field, `"${targetId}" must name "${exercise.id}" as its ${mirror} (${now})`);
        }
      }
    }
    if (exercise.easierVersion !== undefined && exercise.easierVersion === exercise.harderVersion && exercise.easierVersion !== exercise.id) {
      problem('harderVersion', `"${exercise.harderVersion}" cannot be both the easier and the harder version`);
    }
    // Walk down the easier versions; coming back to the start is a circle (reported once, from its first id).
    const chain = [exercise.id];
    let next = exercise.easierVersion;
    while (next !== undefined && byId.has(next) && !chain.includes(next)) {
      chain.push(next);
      next = byId.get(next)!.easierVersion;
    }
    if (next === exercise.id && chain.length > 1 && chain.every((id) => id >= exercise.id)) {
      problem('easierVersion', `the easier versions go round in a circle (${[...chain, exercise.id].join(' → ')})`);
    }
  }
}

/**
 * Validates every exercise and routine file together, so that a routine or
 * an exercise naming a missing exercise (a dangling id) is caught as well as
 * bad fields.
 */
export function validateContent(exerciseFiles: ContentFile[], routineFiles: ContentFile[]): ValidatedContent {
  const problems: ContentProblem[] = [];
  const exercises: Exercise[] = [];
  const byId = new Map<string, Exercise>();
  const fileOf = new Map<string, string>();
  for (const file of exerciseFiles) {
    const exercise = validateExercise(file, problems);
    if (!exercise) continue;
    if (byId.has(exercise.id)) {
      problems.push({ file: file.file, field: 'id', message: `"${exercise.id}" is used by another exercise` });
      continue;
    }
    byId.set(exercise.id, exercise);
    fileOf.set(exercise.id, file.file);
    exercises.push(exercise);
  }
  checkExerciseLinks(byId, fileOf, problems);
  const routines: Routine[] = [];
  for (const file of routineFiles) {
    const routine = validateRoutine(file, byId, problems);
    if (routine) routines.push(routine);
  }
  return { exercises, routines, problems };
}
