import { z } from 'zod';
import { instant, localDay, note, painScore, recordId, timeZone } from './common-fields';

export const spasmDurations = ['under-1-min', '1-5-min', '5-15-min', '15-60-min', 'over-1-hour'] as const;
export const sleepPositions = ['back', 'side', 'stomach'] as const;
export const spasmTriggers = ['long-sitting', 'heavy-lifting', 'stress', 'little-water', 'caffeine-or-alcohol', 'new-mattress-or-pillow', 'other'] as const;
export const spasmReliefs = ['heat', 'cold', 'stretching', 'massage', 'medication', 'nothing'] as const;

const uniqueList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).refine((list) => new Set(list).size === list.length, 'Each choice may appear once');

/** The details of a night spasm; only when and how strong are needed to save one. */
const spasmDetails = {
  occurredAt: instant,
  localDay,
  timeZone,
  intensity: painScore,
  duration: z.enum(spasmDurations).nullable(),
  position: z.enum(sleepPositions).nullable(),
  triggers: uniqueList(spasmTriggers),
  helped: uniqueList(spasmReliefs),
  note,
};

export const newSpasmSchema = z.strictObject(spasmDetails);
export const spasmRecordSchema = newSpasmSchema.extend({ id: recordId, updatedAt: instant });
export const spasmPatchSchema = z.strictObject(spasmDetails).partial();

export type NewSpasm = z.infer<typeof newSpasmSchema>;
export type SpasmRecord = z.infer<typeof spasmRecordSchema>;
export type SpasmPatch = z.infer<typeof spasmPatchSchema>;
