import type { PlanVersion } from '../../../core/plan/plan-schema';
import type { HurtChoice, ProgressReport } from '../../../core/report/progress-report';
import { STRONG_SPASM } from '../../../core/report/progress-report';
import { countText, longestText, shortDay, streakText, weekdayName } from './progress-labels';
import { format, parseISO } from 'date-fns';

/**
 * The report's words, for a therapist reading in a minute: figures first,
 * each with what it is out of, changes named as noticeable only when they
 * reach the threshold patients notice (core/report/report-comparisons).
 */

/** "2 Nov 2026". */
export const reportDay = (day: string): string => format(parseISO(day), 'd MMM yyyy');

const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');
const of = (count: number, noun: string, nouns = `${noun}s`) => `${countText(count)} ${count === 1 ? noun : nouns}`;

function adherenceSentence(report: ProgressReport): string {
  const { planned, done, adherencePercent, minutes } = report.totals;
  const time = `${of(minutes, 'minute')} of exercise in ${of(report.totals.sessions, 'session')}`;
  if (planned === 0) return `Nothing was planned in this period; ${time}.`;
  return `Adherence: ${done} of ${planned} planned sessions done (${adherencePercent}\u00a0%); ${time}.`;
}

function streakSentence(report: ProgressReport): string {
  const { current, longest, unit } = report.dashboard.streak;
  return `Streak as of ${reportDay(report.today)}: ${current === 0 ? 'none under way' : streakText(current, unit)}; longest ${longestText(longest, unit)}.`;
}

function painSentence(report: ProgressReport): string {
  const pain = report.pain;
  if (!pain) return 'Pain before sessions: no scores were given in this period.';
  const first = `${pain.first.median}/10 in the week of ${shortDay(pain.first.weekStart)}`;
  if (!pain.last) return `Pain before sessions (weekly median): ${first}, the only week with scores.`;
  const change = pain.change === 0 ? 'no change' : `${signed(pain.change)} ${Math.abs(pain.change) === 1 ? 'point' : 'points'}`;
  const verdict = pain.noticeable ? (pain.change < 0 ? 'a noticeable improvement' : 'a noticeable worsening') : 'less than the 2 points (or 30\u00a0%) patients notice';
  return `Pain before sessions (weekly median): ${first}, ${pain.last.median}/10 in the week of ${shortDay(pain.last.weekStart)}: ${change}, ${verdict}.`;
}

function spasmSentence(report: ProgressReport): string {
  const nights = report.spasmNights;
  if (!nights || nights.totalNights === 0) return 'Night spasms: none logged in this period.';
  const week = (w: { nights: number; days: number; weekStart: string }) => `${w.nights} of ${w.days} nights in the week of ${shortDay(w.weekStart)}`;
  const last = nights.last ? `; ${week(nights.last)}` : '';
  return `Nights with a spasm: ${countText(nights.totalNights)} in all; ${week(nights.first)}${last}.`;
}

const checkAnswerWords = { emergency: 'an emergency sign', today: 'a see-a-doctor-today sign', routine: 'a book-an-appointment sign' } as const;

/** What needs a therapist's eye, or a plain "nothing" so its absence is visible too. */
export function attentionItems(report: ProgressReport): string[] {
  const items: string[] = [];
  for (const check of report.safetyChecks) if (check.answer !== 'none') items.push(`on ${shortDay(check.localDay)} the patient reported ${checkAnswerWords[check.answer]} as new`);
  if (report.hurts.length) items.push(`"This hurts" pressed ${of(report.hurts.length, 'time')}`);
  if (report.painRises.length) items.push(`pain rose by 2 points or more in ${of(report.painRises.length, 'session')}`);
  if (report.mornings.worse > 0) items.push(`back worse than usual the morning after ${of(report.mornings.worse, 'evening session')}`);
  if (report.strongSpasms.length) items.push(`${of(report.strongSpasms.length, 'spasm')} of ${STRONG_SPASM}/10 or more`);
  const stopped = report.exercises.filter((e) => e.stoppedForPain > 0).map((e) => e.name);
  if (stopped.length) items.push(`stopped for pain: ${stopped.join(', ')}`);
  for (const choice of report.easierChoices) items.push(`the easier version (${choice.to}) chosen instead of ${choice.from.replace(/-/g, ' ')} ${of(choice.times, 'time')}`);
  const tooHard = report.exercises.filter((e) => e.effort['too-hard'] > e.effort['about-right'] + e.effort['too-easy']).map((e) => e.name);
  if (tooHard.length) items.push(`felt too hard in most sessions: ${tooHard.join(', ')}`);
  return items;
}

function morningSentence(report: ProgressReport): string | null {
  const { better, same, worse } = report.mornings;
  if (better + same + worse === 0) return null;
  return `The morning after evening sessions, compared with usual: better ${better}, same ${same}, worse ${worse}.`;
}

/** The summary paragraph, as sentences. */
export function summarySentences(report: ProgressReport): string[] {
  const attention = attentionItems(report);
  const needs = attention.length ? `Needs attention: ${attention.join('; ')} (details below).` : 'Nothing needs attention: no "This hurts", no rise in pain of 2 points or more, no spasm of 8/10 or more.';
  const morning = morningSentence(report);
  return [adherenceSentence(report), streakSentence(report), painSentence(report), spasmSentence(report), ...(morning ? [morning] : []), needs];
}

/** "None new", or the tier the patient said had something new. */
export const checkAnswerLabels = {
  none: 'None new',
  emergency: 'Something new in the emergency list',
  today: 'Something new in the see-a-doctor-today list',
  routine: 'Something new in the book-an-appointment list',
} as const;

export const hurtChoiceLabels: Record<HurtChoice, string> = {
  'skipped-and-went-on': 'Skipped the exercise and carried on',
  'ended-the-routine': 'Ended the routine',
  'skipped-the-last-exercise': 'Skipped it (the last exercise)',
};

/** "Bedtime spasm relief: every day", "3 sessions a week, any routine". */
export function planTargetText(target: PlanVersion['target'], routineName: (id: string) => string): string {
  if (target.kind === 'sessions-per-week') return `${of(target.sessionsPerWeek, 'session')} a week, any routine`;
  return target.routines
    .map(({ routineId, weekdays }) => `${routineName(routineId)}: ${weekdays.length === 7 ? 'every day' : [...weekdays].sort().map(weekdayName).join(', ')}`)
    .join('; ');
}


/** "14:05" from an instant with its offset: the person's own clock. */
export const clockTime = (iso: string): string => iso.slice(11, 16);
