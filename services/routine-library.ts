import { z } from 'zod';
import type { ContentBundle, Prescription } from '../core/bridge/requests';
import { parsePrescribedRoutine, storedPrescriptionSchema, type PrescribedRoutine, type StoredPrescription } from '../core/content/prescribed-routine';
import { loadValidContentDir } from '../exercises/load-content';
import { RequestError } from './storage/storage-errors';
import type { StoredDocument } from './storage/stored-document';
import { firstVersionSpec, type DocumentSpec } from './storage/versioned-document';


const prescribedFileSchema = z.strictObject({ schemaVersion: z.literal(1), prescribed: z.array(storedPrescriptionSchema).max(100) });
type PrescribedFile = z.infer<typeof prescribedFileSchema>;

/** `prescribed-routines.json`: routines a therapist wrote, as imported (checked again on every read). */
export const prescribedFileSpec: DocumentSpec<PrescribedFile> = firstVersionSpec({
  name: 'prescribed-routines',
  label: 'the routines from your therapist',
  schema: prescribedFileSchema,
  empty: () => ({ schemaVersion: 1, prescribed: [] }),
});

/**
 * The library the app shows: the bundled exercises and routines (read and
 * validated once at start-up) and the routines a therapist prescribed. A
 * therapist's file is checked whole (core/content/prescribed-routine.ts)
 * before it is previewed and again before it is added; its own exercises get
 * ids prefixed with the routine's, so two prescriptions can each define a
 * "knee hug" of their own.
 */
export class RoutineLibrary {
  private readonly bundled: ContentBundle;

  constructor(
    contentDir: string,
    private readonly doc: StoredDocument<PrescribedFile>,
    private readonly now: () => Date,
  ) {
    const { exercises, routines } = loadValidContentDir(contentDir);
    this.bundled = { exercises, routines, prescriptions: [] };
  }

  /** The library: bundled content first, then the prescribed routines, oldest first. */
  content(): ContentBundle {
    const prescribed = this.doc.value.prescribed;
    return {
      exercises: [...this.bundled.exercises, ...prescribed.flatMap((p) => p.exercises)],
      routines: [...this.bundled.routines, ...prescribed.map((p) => p.routine)],
      prescriptions: prescribed.map(({ routine, prescribedBy, prescribedOn, notes }): Prescription => ({ routineId: routine.id, prescribedBy, prescribedOn, notes })),
    };
  }

  /** What the file holds, for the person to see before adding it; a RequestError says what is wrong with it. */
  preview(text: string): PrescribedRoutine {
    return this.parse(text, 'routines:preview');
  }

  add(text: string): ContentBundle {
    const parsed = this.parse(text, 'routines:add');
    const entry: StoredPrescription = {
      routine: parsed.routine,
      exercises: parsed.exercises,
      prescribedBy: parsed.prescribedBy,
      prescribedOn: parsed.prescribedOn,
      notes: parsed.notes,
      addedAt: this.now().toISOString(),
    };
    this.doc.write({ schemaVersion: 1, prescribed: [...this.doc.value.prescribed, entry] });
    return this.content();
  }

  /** Removes a prescribed routine (never a bundled one); sessions done with it stay in the log. */
  remove(routineId: string): ContentBundle {
    const prescribed = this.doc.value.prescribed;
    if (!prescribed.some((p) => p.routine.id === routineId)) throw new RequestError('routineId', 'routines:remove: routineId: No routine from a therapist has this id');
    this.doc.write({ schemaVersion: 1, prescribed: prescribed.filter((p) => p.routine.id !== routineId) });
    return this.content();
  }

  private parse(text: string, channel: string): PrescribedRoutine {
    const routineIds = [...this.bundled.routines, ...this.doc.value.prescribed.map((p) => p.routine)].map((r) => r.id);
    const result = parsePrescribedRoutine(text, this.bundled.exercises, routineIds);
    if (!result.ok) throw new RequestError('text', `${channel}: text: ${result.problem}`);
    return withOwnExerciseIds(result.value);
  }
}

/** The prescription's own exercises, renamed `<routine id>-<exercise id>` everywhere they appear. */
function withOwnExerciseIds(prescribed: PrescribedRoutine): PrescribedRoutine {
  const renamed = new Map(prescribed.exercises.map((e) => [e.id, `${prescribed.routine.id}-${e.id}`]));
  const rename = (id: string) => renamed.get(id) ?? id;
  return {
    ...prescribed,
    routine: { ...prescribed.routine, items: prescribed.routine.items.map((item) => ({ ...item, exerciseId: rename(item.exerciseId) })) },
    exercises: prescribed.exercises.map((e) => ({ ...e, id: rename(e.id) })),
    preview: { ...prescribed.preview, items: prescribed.preview.items.map((item) => ({ ...item, exerciseId: rename(item.exerciseId) })) },
  };
}
