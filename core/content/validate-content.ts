import type { z } from 'zod';
import { checkDoseGuidance } from './dose-guidance';
import { exerciseSchema, type Exercise } from './exercise-schema';
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
  const guidance = checkDoseGuidance(exercise.category, exercise.dose);
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

/**
 * Validates every exercise and routine file together, so that a routine
 * naming a missing exercise (a dangling id) is caught as well as bad fields.
 */
export function validateContent(exerciseFiles: ContentFile[], routineFiles: ContentFile[]): ValidatedContent {
  const problems: ContentProblem[] = [];
  const exercises: Exercise[] = [];
  const byId = new Map<string, Exercise>();
  for (const file of exerciseFiles) {
    const exercise = validateExercise(file, problems);
    if (!exercise) continue;
    if (byId.has(exercise.id)) {
      problems.push({ file: file.file, field: 'id', message: `"${exercise.id}" is used by another exercise` });
      continue;
    }
    byId.set(exercise.id, exercise);
    exercises.push(exercise);
  }
  const routines: Routine[] = [];
  for (const file of routineFiles) {
    const routine = validateRoutine(file, byId, problems);
    if (routine) routines.push(routine);
  }
  return { exercises, routines, problems };
}
