import { z } from 'zod';
import { DEFAULT_DAY_START_HOUR } from '../progress/lived-day';

/**
 * The person's preferences. The fields carry no zod defaults on purpose: in
 * zod 4 a default also fills a missing key of a `.partial()` schema, which
 * would turn a one-field change into a reset of every other setting.
 */
const settingsFields = {
  soundCues: z.boolean(),
  voiceCues: z.boolean(),
  /** A speech-synthesis voice name; null lets the system choose. */
  voiceName: z.string().max(200).nullable(),
  voiceRate: z.number().min(0.5).max(2),
  theme: z.enum(['system', 'light', 'dark']),
  /** Night mode (see core/settings/night-mode.ts): off, on, or on by itself from `nightFromHour` until morning. */
  nightMode: z.enum(['off', 'on', 'auto']),
  /** The local hour night mode comes on by itself when `nightMode` is 'auto' (6 p.m. to 11 p.m.). */
  nightFromHour: z.number().int().min(18).max(23),
  /** Overrides each routine's own get-ready time; null keeps the routine's. */
  leadInSeconds: z.number().int().min(3).max(30).nullable(),
  askPainScores: z.boolean(),
  /** When the safety screen was acknowledged (ISO 8601), or null before the first time. */
  safetyAcknowledgedAt: z.iso.datetime({ offset: true }).nullable(),
  /** A new day starts at this local hour (midnight to 6 a.m.): a bedtime routine at 00:40 counts for the evening before. */
  dayStartHour: z.number().int().min(0).max(6),
  /** Calendar weeks for the plan, streaks and charts. */
  weekStartsOn: z.enum(['monday', 'sunday']),
  /** Milestones already shown once (their ids), so each is celebrated only once. */
  milestonesSeen: z.array(z.string().min(1).max(40)).max(100),
  /** Where the person is, for the emergency numbers the safety text names (see core/safety); null takes it from the system's locale. */
  careRegion: z.enum(['GB', 'IE', 'US', 'CA', 'AU', 'NZ', 'EU', 'other']).nullable(),
  /** The last lived day the last therapist's report covered, for "since the last report"; null before the first. */
  lastReportTo: z.iso.date().nullable(),
  /** The session the morning question last asked about, so it is asked once (answered or not). */
  morningAskedFor: z.uuid().nullable(),
};

export const settingsSchema = z.strictObject(settingsFields);

/** A change to some settings; unknown keys are refused so typos do not pass silently. */
export const settingsPatchSchema = z.strictObject(settingsFields).partial();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const defaultSettings: Settings = {
  soundCues: true,
  voiceCues: true,
  voiceName: null,
  voiceRate: 1,
  theme: 'system',
  nightMode: 'off',
  nightFromHour: 21,
  leadInSeconds: null,
  askPainScores: true,
  safetyAcknowledgedAt: null,
  dayStartHour: DEFAULT_DAY_START_HOUR,
  weekStartsOn: 'monday',
  milestonesSeen: [],
  careRegion: null,
  lastReportTo: null,
  morningAskedFor: null,
};
