import { z } from 'zod';
import { describeDose } from './describe-dose';
import { checkDoseGuidance, checkExercise } from './dose-guidance';
import { exerciseSchema, type Exercise, type ExerciseCategory } from './exercise-schema';
import { routineItemSchema, routineSchema, type Routine, type RoutineKind } from './routine-schema';
import { planRoutine } from '../player/timeline';

/**
 * A routine file a physiotherapist writes for one patient (documented for
 * therapists in `docs/prescribed-routines.md`). It comes from outside the app,
 * so everything in it is treated as untrusted: it is checked for size, shape,
 * dose limits and hostile text before anything is shown, and its text is only
 * ever displayed as plain text.
 */

export const PRESCRIBED_ROUTINE_FORMAT = 'backcare-prescribed-routine';
export const PRESCRIBED_ROUTINE_FORMAT_VERSION = 1;
export const PRESCRIBED_ROUTINE_MAX_BYTES = 1_048_576;

/**
 * The drawing shown for a therapist's own exercise. Files carry no drawings
 * (an SVG is markup, and markup from a file is never shown), so every custom
 * exercise names this one; until `assets/illustrations/` has it, the player
 * shows an empty frame labelled with the exercise's name.
 */
export const PLACEHOLDER_ILLUSTRATION = 'placeholder.svg';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A calendar date as therapists write it on a letter: YYYY-MM-DD, and a real day. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD, e.g. 2025-03-14')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'This date does not exist');

const prescribedItemSchema = routineItemSchema.extend({
  /** Tidy ids only, so an unknown id can be quoted safely in a message. */
  exerciseId: exerciseSchema.shape.id,
  /** The therapist's words for this patient, shown with the exercise. */
  note: text(200).optional(),
});

const prescribedRoutineBodySchema = routineSchema
  .pick({ name: true, purpose: true, whenToUse: true, startPosition: true, restBetweenExercisesSeconds: true })
  .partial({ whenToUse: true, startPosition: true })
  .extend({ items: z.array(prescribedItemSchema).min(1).max(20) });

/** A therapist's own exercise: every text and dose field of a bundled one, and no drawing. */
// No links to easier or harder versions: the app checks those across its own library only, and would rename the ids.
const customExerciseSchema = exerciseSchema.omit({ illustration: true, easierVersion: true, harderVersion: true, backwardBendingAlternative: true });

export const prescribedRoutineFileSchema = z.strictObject({
  format: z.literal(PRESCRIBED_ROUTINE_FORMAT),
  formatVersion: z.literal(PRESCRIBED_ROUTINE_FORMAT_VERSION),
  /** The therapist's name and clinic, shown as "Prescribed by …". */
  prescribedBy: text(80),
  prescribedOn: isoDate.optional(),
  routine: prescribedRoutineBodySchema,
  exercises: z.array(customExerciseSchema).max(20).optional(),
});

export type PrescribedRoutineFile = z.infer<typeof prescribedRoutineFileSchema>;

export interface PrescribedPreviewItem {
  exerciseId: string;
  name: string;
  /** The dose in plain words, e.g. "Hold 25 s, twice on each side". */
  dose: string;
  note: string | null;
  /** True for an exercise the file defines itself (shown with the placeholder drawing). */
  custom: boolean;
}

export interface PrescribedRoutine {
  routine: Routine;
  /** The therapist's own exercises, ready for the library. */
  exercises: Exercise[];
  prescribedBy: string;
  prescribedOn: string | null;
  /** The therapist's note for each routine item, by item index. */
  notes: (string | null)[];
  preview: { items: PrescribedPreviewItem[]; totalSeconds: number };
}

export type PrescribedRoutineResult = { ok: true; value: PrescribedRoutine } | { ok: false; problem: string };

const refuse = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });
const at = (path: string, message: string) => (path ? `${path}: ${message}` : message);
/** Quotes a name from the file, cut short so a hostile file cannot fill the message. */
const quote = (name: string) => `"${name.length > 40 ? `${name.slice(0, 40)}…` : name}"`;

// --- size, JSON and format: the file as a whole --------------------------------------------------

function checkSize(text: string): string | null {
  // The limit is on the file as stored (UTF-8), which for accented or non-Latin text is more than its length in characters.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes <= PRESCRIBED_ROUTINE_MAX_BYTES) return null;
  const megabytes = (bytes / PRESCRIBED_ROUTINE_MAX_BYTES).toFixed(1);
  return `This file is too large: ${megabytes} MB (${bytes} bytes); a routine file may be at most 1 MB (${PRESCRIBED_ROUTINE_MAX_BYTES} bytes).`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    // The engine's message carries the position ("… at position 12 (line 1 column 13)") where it knows it.
    return refuse(`This file is not valid JSON (${(error as Error).message}).`);
  }
}

function checkFormat(raw: unknown): string | null {
  const file = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (file.format !== PRESCRIBED_ROUTINE_FORMAT) {
    return `This is not a Backcare Coach routine file: its "format" field should be "${PRESCRIBED_ROUTINE_FORMAT}".`;
  }
  const version = file.formatVersion;
  if (typeof version === 'number' && version > PRESCRIBED_ROUTINE_FORMAT_VERSION) {
    return `This routine file was made by a newer version of Backcare Coach (format version ${version}; this app reads version ${PRESCRIBED_ROUTINE_FORMAT_VERSION}). Update the app to import it.`;
  }
  return null;
}

// --- shape: zod, with messages that say what the limit is ----------------------------------------

const countOf = (input: unknown) => (typeof input === 'string' || Array.isArray(input) ? input.length : input);
const entries = (n: number | bigint) => (n === 1 ? '1 entry' : `${n} entries`);

/** Words for the issues a therapist is likely to meet; zod's own words for the rest. */
function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This field is required';
  if (issue.code === 'unrecognized_keys') return `Unknown field ${issue.keys.map(quote).join(', ')}: this format has no such field`;
  if (issue.code === 'too_big') {
    const limit = issue.origin === 'string' ? `${issue.maximum} characters` : issue.origin === 'array' ? entries(issue.maximum) : `${issue.maximum}`;
    return `Too big: the limit is ${limit} (this file has ${countOf(issue.input)})`;
  }
  if (issue.code === 'too_small') {
    if (issue.origin === 'string' && issue.minimum === 1) return 'This text may not be empty';
    const limit = issue.origin === 'string' ? `${issue.minimum} characters` : issue.origin === 'array' ? entries(issue.minimum) : `${issue.minimum}`;
    return `Too small: the minimum is ${limit} (this file has ${countOf(issue.input)})`;
  }
  return undefined;
}

function checkShape(raw: unknown): { ok: true; value: PrescribedRoutineFile } | { ok: false; problem: string } {
  const parsed = prescribedRoutineFileSchema.safeParse(raw, { error: issueMessage });
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0]!;
  return refuse(at(first.path.map(String).join('.'), first.message));
}

// --- hostile text: a second guard behind Vue's plain-text rendering ------------------------------

// Markup starts with "<" and a letter, "/" or "!", so "<5 minutes" is fine.
const markup = /<[a-z/!]/i;
const scriptLink = /javascript\s*:/i;
// Control characters (\p{Cc}) other than newline and tab, and the bidi overrides that can make text read differently from what it is.
const controlCharacter = /(?![\n\t])[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

function textProblem(value: string): string | null {
  const tag = markup.exec(value);
  if (tag) return `Text may not contain markup such as <script> (found "${value.slice(tag.index, tag.index + 8)}")`;
  if (scriptLink.test(value)) return 'Text may not contain a "javascript:" link';
  const control = controlCharacter.exec(value);
  if (control) return `Text may not contain control characters (found U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  return null;
}

/** The first hostile string anywhere in the (already validated, so shallow) file, named by its path. */
function findHostileText(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? at(path, problem) : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value)) {
    const found = findHostileText(child, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

// --- exercise ids and doses ------------------------------------------------------------------------

function checkExerciseIds(file: PrescribedRoutineFile, bundledIds: ReadonlySet<string>): string | null {
  const custom = file.exercises ?? [];
  const customIds = new Set(custom.map((e) => e.id));
  const unknown = file.routine.items.findIndex((item) => !bundledIds.has(item.exerciseId) && !customIds.has(item.exerciseId));
  if (unknown >= 0) {
    const id = file.routine.items[unknown]!.exerciseId;
    return at(`routine.items.${unknown}.exerciseId`, `${quote(id)} is neither a bundled exercise nor defined in this file's "exercises"`);
  }
  const duplicate = custom.findIndex((e, index) => custom.findIndex((other) => other.id === e.id) !== index);
  if (duplicate >= 0) return at(`exercises.${duplicate}.id`, `${quote(custom[duplicate]!.id)} is defined more than once in this file`);
  const colliding = custom.findIndex((e) => bundledIds.has(e.id));
  if (colliding >= 0) {
    return at(`exercises.${colliding}.id`, `${quote(custom[colliding]!.id)} is already the id of a bundled exercise; give this exercise its own id`);
  }
  return null;
}

/** The same physiotherapy ranges bundled content meets (zod has already bounded every number). */
function checkDoses(file: PrescribedRoutineFile, byId: ReadonlyMap<string, { category: ExerciseCategory }>): string | null {
  for (const [index, exercise] of (file.exercises ?? []).entries()) {
    const problem = checkExercise(exercise);
    if (problem) return at(`exercises.${index}.${problem.field}`, problem.message);
  }
  for (const [index, item] of file.routine.items.entries()) {
    const problem = item.dose ? checkDoseGuidance(byId.get(item.exerciseId)!.category, item.dose) : null;
    if (problem) return at(`routine.items.${index}.${problem.field}`, problem.message);
  }
  return null;
}

// --- the routine, ready for the library -------------------------------------------------------------

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // "Café" → "cafe", not "cafe-"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return slug || 'routine';
}

function uniqueRoutineId(name: string, takenIds: readonly string[]): string {
  const base = `prescribed-${slugOf(name)}`;
  const taken = new Set(takenIds);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const kindByCategory: Record<ExerciseCategory, RoutineKind> = {
  stretch: 'mobility',
  mobility: 'mobility',
  strength: 'core-strength',
  breathing: 'relaxation',
  relaxation: 'relaxation',
};

/**
 * The kind is only the label on the library card, and no kind means "from a
 * therapist" (adding one would touch every switch over kinds); the card says
 * "Prescribed by …" from `prescribedBy`. So the kind describes most of the
 * exercises (on a tie, the kind met first in the routine).
 */
function kindOf(exercises: readonly Exercise[]): RoutineKind {
  const counts = new Map<RoutineKind, number>();
  for (const exercise of exercises) counts.set(kindByCategory[exercise.category], (counts.get(kindByCategory[exercise.category]) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function buildRoutine(file: PrescribedRoutineFile, used: readonly Exercise[], takenIds: readonly string[]): Routine {
  const { name, purpose, whenToUse, startPosition, restBetweenExercisesSeconds, items } = file.routine;
  return routineSchema.parse({
    id: uniqueRoutineId(name, takenIds),
    version: 1,
    name,
    kind: kindOf(used),
    purpose,
    whenToUse: whenToUse ?? 'At the times your therapist advised.',
    startPosition: startPosition ?? used[0]!.startingPosition,
    restBetweenExercisesSeconds,
    items: items.map(({ exerciseId, dose }) => (dose ? { exerciseId, dose } : { exerciseId })),
  });
}

function buildPreview(routine: Routine, notes: (string | null)[], byId: ReadonlyMap<string, Exercise>, customIds: ReadonlySet<string>): PrescribedRoutine['preview'] {
  const plan = planRoutine(routine, byId);
  const items = plan.items.map(({ exercise, dose }, index) => ({
    exerciseId: exercise.id,
    name: exercise.name,
    dose: describeDose(dose),
    note: notes[index] ?? null,
    custom: customIds.has(exercise.id),
  }));
  return { items, totalSeconds: Math.round(plan.totalMs / 1000) };
}

function buildPrescribed(file: PrescribedRoutineFile, bundled: readonly Exercise[], takenRoutineIds: readonly string[]): PrescribedRoutine {
  const exercises = (file.exercises ?? []).map((e) => exerciseSchema.parse({ ...e, illustration: PLACEHOLDER_ILLUSTRATION }));
  const byId = new Map([...bundled, ...exercises].map((e) => [e.id, e]));
  const used = file.routine.items.map((item) => byId.get(item.exerciseId)!);
  const routine = buildRoutine(file, used, takenRoutineIds);
  const notes = file.routine.items.map((item) => item.note ?? null);
  return {
    routine,
    exercises,
    prescribedBy: file.prescribedBy,
    prescribedOn: file.prescribedOn ?? null,
    notes,
    preview: buildPreview(routine, notes, byId, new Set(exercises.map((e) => e.id))),
  };
}

/**
 * Reads a therapist's routine file. Checks run from the whole file inwards,
 * and the first problem found is returned in words the therapist can act on,
 * naming the field. `bundledRoutineIds` should hold every routine id already
 * in the library, so the new routine's id is unique.
 */
export function parsePrescribedRoutine(text: string, bundledExercises: Exercise[], bundledRoutineIds: string[]): PrescribedRoutineResult {
  const tooLarge = checkSize(text);
  if (tooLarge) return refuse(tooLarge);
  const json = parseJson(text);
  if (!json.ok) return json;
  const wrongFormat = checkFormat(json.value);
  if (wrongFormat) return refuse(wrongFormat);
  const shape = checkShape(json.value);
  if (!shape.ok) return shape;
  const file = shape.value;
  const problem =
    findHostileText(file, '') ??
    checkExerciseIds(file, new Set(bundledExercises.map((e) => e.id))) ??
    checkDoses(file, new Map([...bundledExercises, ...(file.exercises ?? [])].map((e) => [e.id, e])));
  if (problem) return refuse(problem);
  return { ok: true, value: buildPrescribed(file, bundledExercises, bundledRoutineIds) };
}

/** A prescribed routine as the app keeps it once added (and as a backup carries it). */
export const storedPrescriptionSchema = z.strictObject({
  routine: routineSchema,
  exercises: z.array(exerciseSchema).max(20),
  prescribedBy: z.string().min(1).max(80),
  prescribedOn: z.iso.date().nullable(),
  /** The therapist's note for each item of the routine, in order. */
  notes: z.array(z.string().max(200).nullable()),
  addedAt: z.iso.datetime({ offset: true }),
});
export type StoredPrescription = z.infer<typeof storedPrescriptionSchema>;
