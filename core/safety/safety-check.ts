import { z } from 'zod';
import { instant, localDay, recordId, timeZone } from '../log/common-fields';
import { addDays } from '../progress/calendar-days';
import type { CareNumbers, WarningTierId } from './safety-guidance';

/**
 * Every four weeks, before a routine, the app asks once whether any warning
 * sign is new since the last check. The answer (none, or the most urgent tier
 * with something new) is kept for the therapist's report.
 */

export const SAFETY_CHECK_EVERY_DAYS = 28;

export const safetyCheckAnswers = ['none', 'emergency', 'today', 'routine'] as const;
export type SafetyCheckAnswer = (typeof safetyCheckAnswers)[number];

export const safetyCheckSchema = z.strictObject({
  id: recordId,
  at: instant,
  /** The lived day it was answered on. */
  localDay,
  timeZone,
  answer: z.enum(safetyCheckAnswers),
});
export type SafetyCheck = z.infer<typeof safetyCheckSchema>;

/**
 * Due when 28 days have passed since the last check, or since the safety
 * screen was first acknowledged (which is a check of its own). Never before
 * that screen has been read.
 */
export function isSafetyCheckDue(today: string, lastCheckDay: string | null, acknowledgedDay: string | null): boolean {
  const since = [lastCheckDay, acknowledgedDay].filter((day): day is string => day !== null).sort().at(-1);
  return since !== undefined && today >= addDays(since, SAFETY_CHECK_EVERY_DAYS);
}

/** What to do after a "yes", and whether the routine may go ahead today. */
export function safetyCheckAdvice(answer: Exclude<SafetyCheckAnswer, 'none'>, numbers: CareNumbers): { advice: string; mayExercise: boolean } {
  switch (answer) {
    case 'emergency':
      return {
        advice: `Call ${numbers.emergency ?? 'your local emergency number'} or go to an emergency department now. Do not do this routine.`,
        mayExercise: false,
      };
    case 'today':
      return {
        advice: `Contact a doctor today${numbers.urgentAdviceLine ? ` (or call ${numbers.urgentAdviceLine} for advice)` : ''}. Leave the exercises until you have been checked.`,
        mayExercise: false,
      };
    case 'routine':
      return {
        advice: 'Book an appointment with your doctor or physiotherapist. Gentle exercise is usually fine until then: stop if pain builds or spreads.',
        mayExercise: true,
      };
  }
}

export const tierOfAnswer = (answer: SafetyCheckAnswer): WarningTierId | null => (answer === 'none' ? null : answer);
