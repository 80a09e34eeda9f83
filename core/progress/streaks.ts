import type { LedgerDay } from './day-ledger';

/**
 * Streaks over a sequence of steps (days or weeks), oldest first. A step is
 * met, missed, or neutral: neutral steps (a paused or free day, today before
 * it is over, a week with nothing planned) are skipped, so they neither break
 * a streak nor make it longer.
 */
export type StreakStep = 'met' | 'missed' | 'neutral';

/** Met steps in a row ending with the latest step that is not neutral. */
export function currentStreak(steps: readonly StreakStep[]): number {
  let run = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    if (steps[i] === 'missed') break;
    if (steps[i] === 'met') run++;
  }
  return run;
}

export function longestStreak(steps: readonly StreakStep[]): number {
  let longest = 0;
  let run = 0;
  for (const step of steps) {
    if (step === 'met') longest = Math.max(longest, ++run);
    else if (step === 'missed') run = 0;
  }
  return longest;
}

/** The index of the step on which a streak first reached `length`, or null if none has. */
export function firstReached(steps: readonly StreakStep[], length: number): number | null {
  let run = 0;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i] === 'met' && ++run === length) return i;
    if (steps[i] === 'missed') run = 0;
  }
  return null;
}

/**
 * A day's step in the day streak. Only days planned one by one take part:
 * days of a weekly count are neutral here (they have their own week streak),
 * and 'due' — today, not over yet — neither breaks nor extends it.
 */
export function dayStep(day: Pick<LedgerDay, 'target' | 'status'>): StreakStep {
  if (day.target !== 'routines-on-days') return 'neutral';
  if (day.status === 'done') return 'met';
  if (day.status === 'partly' || day.status === 'missed') return 'missed';
  return 'neutral';
}

/** A week's step: met when everything planned was done; the current week can only extend the streak until it is over. */
export function weekStep(week: { planned: number; done: number }, isCurrentWeek: boolean): StreakStep {
  if (week.planned === 0) return 'neutral';
  if (week.done >= week.planned) return 'met';
  return isCurrentWeek ? 'neutral' : 'missed';
}
