import type { Plan, PlanVersion } from '../plan/plan-schema';
import { weekdayOfNumber } from './calendar-days';
import { countsAsDone } from './counts-as-done';
import type { DayStatus } from './dashboard';
import { livedDayNumber } from './lived-day';
import { planTimeline, routinesByWeekday } from './plan-on-day';
import type { SessionFacts } from './session-facts';

/**
 * Every lived day of a span with what was planned and done on it, built once
 * so weeks, months, streaks and the calendar are sums over days rather than
 * searches through the sessions (ten years is ~3,700 days and ~7,300 sessions).
 */

/** A session placed on its lived day, with whether it counts for the plan. */
export interface LivedSession {
  facts: SessionFacts;
  /** Day number (see calendar-days.ts) of the lived day its start falls in. */
  day: number;
  counts: boolean;
}

/**
 * The sessions on their lived days, oldest first; within a day in the order
 * of their start as written, the person's own clock (which is also the order
 * they happened in, but for an offset change in the middle of a night). A
 * session whose start is not a readable date-time (only possible in a
 * damaged cache) is left out rather than letting it stop the whole dashboard.
 */
export function livedSessions(sessions: readonly SessionFacts[], dayStartHour: number): LivedSession[] {
  const placed: LivedSession[] = [];
  for (const facts of sessions) {
    const day = livedDayNumber(facts.startedAt, dayStartHour);
    if (day !== null) placed.push({ facts, day, counts: countsAsDone(facts) });
  }
  const byStartAsWritten = (a: LivedSession, b: LivedSession) => (a.facts.startedAt < b.facts.startedAt ? -1 : a.facts.startedAt > b.facts.startedAt ? 1 : 0);
  return placed.sort((a, b) => a.day - b.day || byStartAsWritten(a, b));
}

export interface LedgerDay {
  day: number;
  /** The kind of target that judged the day; null before the plan. */
  target: PlanVersion['target']['kind'] | null;
  status: DayStatus;
  /** Routines planned that day by a 'routines-on-days' target (0 when paused), and how many of them were done. */
  planned: number;
  done: number;
  /** Under 'sessions-per-week': the day's share of the weekly count, times 7 (kept whole so sums stay exact). */
  weeklySevenths: number;
  /** Under 'sessions-per-week': sessions that count, on this day. */
  weeklyCounted: number;
  /**
   * Of those, the ones the week still needed: a week's sessions are credited
   * in day order until its target is reached, so any run of days (a month, a
   * week's first days) sums to what was done without extra sessions in one
   * week making up for another.
   */
  weeklyCredited: number;
  /** Every session lived that day, counting or not, oldest first. */
  sessions: LivedSession[];
}

interface DayJudgement {
  status: DayStatus;
  planned: number;
  done: number;
  weeklySevenths: number;
  weeklyCounted: number;
}

// Every judgement is written out whole (no spreads, no filtered copies): ten years is ~3,700 calls per view.
const judgement = (status: DayStatus, planned = 0, done = 0, weeklySevenths = 0, weeklyCounted = 0): DayJudgement => ({ status, planned, done, weeklySevenths, weeklyCounted });

/**
 * What one day was under its plan version. `isOver` is false for today (and
 * later): a day not over yet is 'due', never 'missed'. Days of a weekly count
 * are not planned one by one, so they are only done (a session counted),
 * paused or free.
 */
export function judgeDay(version: PlanVersion | null, plannedRoutines: readonly string[], paused: boolean, sessions: readonly LivedSession[], isOver: boolean): DayJudgement {
  if (!version) return judgement('before-plan');
  if (version.target.kind === 'sessions-per-week') {
    // Sessions on a paused day still count towards the week; the pause only lowers what the week asks for.
    let weeklyCounted = 0;
    for (const session of sessions) if (session.counts) weeklyCounted++;
    const status = paused ? 'paused' : weeklyCounted > 0 ? 'done' : 'free';
    return judgement(status, 0, 0, paused ? 0 : version.target.sessionsPerWeek, weeklyCounted);
  }
  if (paused) return judgement('paused');
  const planned = plannedRoutines.length;
  if (planned === 0) return judgement('free');
  let done = 0;
  for (const routineId of plannedRoutines) if (sessions.some((session) => session.counts && session.facts.routineId === routineId)) done++;
  const status: DayStatus = done === planned ? 'done' : !isOver ? 'due' : done > 0 ? 'partly' : 'missed';
  return judgement(status, planned, done);
}

/**
 * The ledger of whole weeks from `firstDay`, the first day of a week, to
 * `lastDay`, the last day of one (day numbers). `sessions` must be oldest
 * first and lived on or before `today`; days after today are judged as not
 * over, so a week's plan can be read in full while it is still going.
 */
export function buildLedger(plan: Plan, sessions: readonly LivedSession[], firstDay: number, lastDay: number, today: number): LedgerDay[] {
  const timeline = planTimeline(plan, firstDay, lastDay);
  const weekdayRoutines = new Map<PlanVersion, string[][]>();
  const routinesOf = (version: PlanVersion) => {
    let byWeekday = weekdayRoutines.get(version);
    if (!byWeekday) weekdayRoutines.set(version, (byWeekday = routinesByWeekday(version.target)));
    return byWeekday;
  };
  const ledger: LedgerDay[] = [];
  let next = 0;
  while (next < sessions.length && sessions[next]!.day < firstDay) next++;
  for (let i = 0; firstDay + i <= lastDay; i++) {
    const day = firstDay + i;
    const sessionsOfDay: LivedSession[] = [];
    while (next < sessions.length && sessions[next]!.day === day) sessionsOfDay.push(sessions[next++]!);
    const version = timeline.versions[i]!;
    const planned = version ? routinesOf(version)[weekdayOfNumber(day)]! : [];
    const { status, planned: plannedCount, done, weeklySevenths, weeklyCounted } = judgeDay(version, planned, timeline.paused[i]!, sessionsOfDay, day < today);
    const target = version ? version.target.kind : null;
    ledger.push({ day, target, status, planned: plannedCount, done, weeklySevenths, weeklyCounted, weeklyCredited: 0, sessions: sessionsOfDay });
  }
  for (let weekStart = 0; weekStart < ledger.length; weekStart += 7) creditWeeklySessions(ledger.slice(weekStart, weekStart + 7));
  return ledger;
}

/** Credits a week's counting sessions under a weekly count, day by day, until the week's target is met. */
function creditWeeklySessions(week: LedgerDay[]): void {
  let stillNeeded = weeklyTarget(week);
  for (const day of week) {
    day.weeklyCredited = Math.min(day.weeklyCounted, stillNeeded);
    stillNeeded -= day.weeklyCredited;
  }
}

/**
 * Sessions a weekly count asks for over these days: each unpaused day in the
 * plan carries a seventh of it, so pauses and days before the plan lower it
 * in proportion, rounded to the nearest whole session.
 */
export function weeklyTarget(days: readonly Pick<LedgerDay, 'weeklySevenths'>[]): number {
  let sevenths = 0;
  for (const day of days) sevenths += day.weeklySevenths;
  return Math.round(sevenths / 7);
}
