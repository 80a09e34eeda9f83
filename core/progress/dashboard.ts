import type { Plan } from '../plan/plan-schema';
import { dayNumber, dayText, monthOf, weekStartNumber } from './calendar-days';
import { calendarWeeks, rangeFirstWeek } from './dashboard-range';
import { buildLedger, livedSessions, type LedgerDay } from './day-ledger';
import { exerciseFigures } from './exercise-figures';
import { livedDay } from './lived-day';
import { milestones } from './milestones';
import { painAverages, painPoints } from './pain-trend';
import { adherencePercent, exercisedMinutes, painChanges, plannedAndDone } from './period-figures';
import type { SessionFacts, SpasmFacts } from './session-facts';
import { spasmFigures, spasmIntensitiesByDay } from './spasm-nights';
import { currentStreak, dayStep, longestStreak, weekStep } from './streaks';

/**
 * Everything the dashboard (and the therapist's report) shows, computed from
 * the log and the plan, never stored: it cannot disagree with History.
 */

export const rangeKeys = ['4-weeks', '3-months', '12-months', 'all'] as const;
export type RangeKey = (typeof rangeKeys)[number];

export interface ProgressSettings {
  /** A new day starts at this local hour (0–6): a bedtime routine at 00:40 counts for the evening before. */
  dayStartHour: number;
  weekStartsOn: 'monday' | 'sunday';
}

export interface DashboardInput {
  sessions: SessionFacts[];
  spasms: SpasmFacts[];
  plan: Plan;
  settings: ProgressSettings;
  /** The person's local time now, ISO 8601 with offset: it decides "today". */
  now: string;
  range: RangeKey;
}

/**
 * done: everything planned that day was done; partly: some of it; missed: none and the day is over;
 * due: today, nothing missed yet; paused; free: nothing planned (or a sessions-per-week plan with no session);
 * before-plan: before the first plan version.
 */
export type DayStatus = 'done' | 'partly' | 'missed' | 'due' | 'paused' | 'free' | 'before-plan';

export type PainChange = 'rose' | 'eased' | null;

/** What the charts and tables show for a week or a month. */
export interface PeriodFigures {
  planned: number;
  done: number;
  /** done ÷ planned × 100, rounded; null when nothing was planned (all paused, or before the plan). */
  adherencePercent: number | null;
  minutes: number;
  painRose: number;
  painEased: number;
  /** Lived days with at least one spasm entry. */
  spasmNights: number;
  spasmAverageIntensity: number | null;
}

export interface WeekFigures extends PeriodFigures {
  /** The lived day the week starts on (a Monday, or a Sunday by the setting). */
  weekStart: string;
}

/** A calendar month, over the days of it inside the range only. */
export interface MonthFigures extends PeriodFigures {
  month: string;
}

export interface ExerciseFigures {
  exerciseId: string;
  name: string;
  done: number;
  skipped: number;
  stoppedForPain: number;
  notReached: number;
  /** "This hurts" moments during it. */
  hurts: number;
}

export interface PainPoint {
  sessionId: string;
  day: string;
  startedAt: string;
  routineName: string;
  before: number;
  after: number | null;
  change: PainChange;
}

export interface Milestone {
  id: string;
  title: string;
  reachedOn: string;
}

export interface Dashboard {
  /** Today's lived day. */
  today: string;
  range: { key: RangeKey; from: string; to: string };
  settings: ProgressSettings;
  streak: { current: number; longest: number; unit: 'day' | 'week' };
  thisWeek: { weekStart: string; done: number; planned: number };
  /** Oldest first, every week of the range. */
  weeks: WeekFigures[];
  months: MonthFigures[];
  /** Every day of the last 26 weeks (52 for the 12-month and "all" ranges), oldest first. */
  calendar: { day: string; status: DayStatus }[];
  /** Sessions in the range with a pain score before, oldest first. */
  pain: PainPoint[];
  /** 7-day moving average of pain before and after, per day of the range that has one. */
  painAverage: { day: string; before: number | null; after: number | null }[];
  exercises: ExerciseFigures[];
  /** Every milestone reached so far (not only in the range), oldest first. */
  milestones: Milestone[];
}

/**
 * The dashboard for `input.now`. Every session and spasm is placed once on
 * its lived day (see lived-day.ts), the plan is judged once per day into a
 * ledger (day-ledger.ts), and weeks, months, streaks and the calendar are
 * sums over that ledger, so ten years of history stays fast.
 */
export function computeDashboard(input: DashboardInput): Dashboard {
  const { plan, settings, range: key } = input;
  const today = livedDay(input.now, settings.dayStartHour);
  const todayNo = dayNumber(today);
  const weekOf = (dayNo: number) => weekStartNumber(dayNo, settings.weekStartsOn);
  const currentWeek = weekOf(todayNo);

  // A session or spasm lived after today can only come from a wrong clock: it is left out of every figure.
  const sessions = livedSessions(input.sessions, settings.dayStartHour).filter((session) => session.day <= todayNo);
  const spasms = spasmIntensitiesByDay(input.spasms, settings.dayStartHour, todayNo);
  const planStart = dayNumber(plan.versions[0]!.startsOn);
  const firstSession = sessions[0]?.day ?? planStart;
  const earliest = Math.min(firstSession, planStart, ...spasms.keys());

  const rangeFrom = rangeFirstWeek(key, currentWeek, weekOf(earliest));
  const calendarFrom = currentWeek - (calendarWeeks(key) - 1) * 7;
  // Whole weeks from the earliest day anything needs to the end of this week. Starting no later than the
  // first session also covers the pain average's look 6 days back before the range.
  const ledgerFrom = weekOf(Math.min(rangeFrom, calendarFrom, planStart, firstSession));
  const ledger = buildLedger(plan, sessions, ledgerFrom, currentWeek + 6, todayNo);
  const indexOf = (dayNo: number) => dayNo - ledgerFrom;
  const daysToToday = ledger.slice(0, indexOf(todayNo) + 1);
  const weekDays = (weekStart: number) => ledger.slice(indexOf(weekStart), indexOf(weekStart) + 7);

  const allWeekStarts: number[] = [];
  for (let weekStart = ledgerFrom; weekStart <= currentWeek; weekStart += 7) allWeekStarts.push(weekStart);
  const allWeeks = allWeekStarts.map((weekStart) => {
    const days = weekDays(weekStart);
    return { weekStart, days, ...plannedAndDone(days) };
  });

  const weeks: WeekFigures[] = allWeeks
    .filter((week) => week.weekStart >= rangeFrom)
    .map(({ weekStart, days }) => ({ weekStart: dayText(weekStart), ...periodFigures(days, spasms) }));
  const thisWeek = allWeeks[allWeeks.length - 1]!;

  const unit = (daysToToday[daysToToday.length - 1]!.target ?? plan.versions[0]!.target.kind) === 'routines-on-days' ? 'day' : 'week';
  const steps = unit === 'day' ? daysToToday.map(dayStep) : allWeeks.map((week) => weekStep(week, week.weekStart === currentWeek));

  const rangeDays = daysToToday.slice(indexOf(rangeFrom));
  const rangeSessions = sessions.filter((session) => session.day >= rangeFrom);
  return {
    today,
    range: { key, from: dayText(rangeFrom), to: today },
    settings,
    streak: { current: currentStreak(steps), longest: longestStreak(steps), unit },
    thisWeek: { weekStart: dayText(currentWeek), done: thisWeek.done, planned: thisWeek.planned },
    weeks,
    months: monthFigures(rangeDays, spasms),
    calendar: daysToToday.slice(indexOf(calendarFrom)).map((day) => ({ day: dayText(day.day), status: day.status })),
    pain: painPoints(rangeSessions),
    painAverage: painAverages(daysToToday, indexOf(rangeFrom)),
    exercises: exerciseFigures(rangeSessions),
    milestones: milestones(sessions, allWeeks.map((week) => week.days), daysToToday),
  };
}

/** The figures of a run of consecutive ledger days (a week, or the range's days in a month). */
function periodFigures(days: readonly LedgerDay[], spasms: ReadonlyMap<number, readonly number[]>): PeriodFigures {
  const { planned, done } = plannedAndDone(days);
  return {
    planned,
    done,
    adherencePercent: adherencePercent(done, planned),
    minutes: exercisedMinutes(days),
    ...painChanges(days),
    ...spasmFigures(spasms, days[0]!.day, days.length),
  };
}

/** The calendar months of the days (consecutive, oldest first), each summed over those days only. */
function monthFigures(days: readonly LedgerDay[], spasms: ReadonlyMap<number, readonly number[]>): MonthFigures[] {
  const months: { month: string; days: LedgerDay[] }[] = [];
  for (const day of days) {
    const month = monthOf(dayText(day.day));
    const last = months[months.length - 1];
    if (last?.month === month) last.days.push(day);
    else months.push({ month, days: [day] });
  }
  return months.map(({ month, days: monthDays }) => ({ month, ...periodFigures(monthDays, spasms) }));
}
