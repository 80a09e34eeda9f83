import { z } from 'zod';

/** The person's preferences. Every field has a default, so a missing or older file still loads. */
export const settingsSchema = z.strictObject({
  soundCues: z.boolean().default(true),
  voiceCues: z.boolean().default(true),
  /** A speech-synthesis voice name; null lets the system choose. */
  voiceName: z.string().max(200).nullable().default(null),
  voiceRate: z.number().min(0.5).max(2).default(1),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Overrides each routine's own get-ready time; null keeps the routine's. */
  leadInSeconds: z.number().int().min(3).max(30).nullable().default(null),
  askPainScores: z.boolean().default(true),
  /** When the safety screen was acknowledged (ISO 8601), or null before the first time. */
  safetyAcknowledgedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** A change to some settings; unknown keys are refused so typos do not pass silently. */
export const settingsPatchSchema = settingsSchema.partial();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
