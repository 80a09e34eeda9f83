import { dayText } from './calendar-days';
import type { Milestone } from './dashboard';
import type { LedgerDay, LivedSession } from './day-ledger';
import { plannedAndDone } from './period-figures';
import { dayStep, firstReached } from './streaks';

/**
 * Milestones over the whole history, only for what really happened, each on
 * the lived day it was reached, oldest first.
 */

const sessionCounts = [10, 50, 100];
const streakLengths = [7, 30];

/** The first session played, and the 10th, 50th and 100th that counted as done. `sessions` oldest first. */
export function sessionMilestones(sessions: readonly LivedSession[]): Milestone[] {
  const reached: Milestone[] = [];
  const first = sessions[0];
  if (first) reached.push({ id: 'first-session', title: 'Your first session', reachedOn: dayText(first.day) });
  const counting = sessions.filter((session) => session.counts);
  for (const count of sessionCounts) {
    const session = counting[count - 1];
    if (session) reached.push({ id: `sessions-${count}`, title: `${count} sessions done`, reachedOn: dayText(session.day) });
  }
  return reached;
}

/**
 * The first week whose plan was all done, reached on the day its last needed
 * session was done. `weeks` are whole weeks of ledger days, oldest first.
 */
export function firstFullWeek(weeks: readonly (readonly LedgerDay[])[]): Milestone | null {
  for (const days of weeks) {
    const { planned, done } = plannedAndDone(days);
    if (planned === 0 || done < planned) continue;
    let doneSoFar = 0;
    for (const day of days) {
      doneSoFar += day.done + day.weeklyCredited;
      if (doneSoFar >= planned) return { id: 'first-full-week', title: 'First full week of your plan', reachedOn: dayText(day.day) };
    }
  }
  return null;
}

/** The days the day streak first reached 7 and 30 planned days in a row. `days` end with today. */
export function streakMilestones(days: readonly LedgerDay[]): Milestone[] {
  const steps = days.map(dayStep);
  return streakLengths.flatMap((length) => {
    const index = firstReached(steps, length);
    return index === null ? [] : [{ id: `streak-${length}`, title: `${length} planned days in a row`, reachedOn: dayText(days[index]!.day) }];
  });
}

/** All of them, oldest first (the order above on the same day). */
export function milestones(sessions: readonly LivedSession[], weeks: readonly (readonly LedgerDay[])[], daysToToday: readonly LedgerDay[]): Milestone[] {
  const fullWeek = firstFullWeek(weeks);
  const all = [...sessionMilestones(sessions), ...(fullWeek ? [fullWeek] : []), ...streakMilestones(daysToToday)];
  const order = ['first-session', 'first-full-week', 'streak-7', 'streak-30', 'sessions-10', 'sessions-50', 'sessions-100'];
  return all.sort((a, b) => (a.reachedOn < b.reachedOn ? -1 : a.reachedOn > b.reachedOn ? 1 : order.indexOf(a.id) - order.indexOf(b.id)));
}
