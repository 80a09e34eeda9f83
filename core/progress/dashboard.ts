import type { Plan } from '../plan/plan-schema';
import { dayNumber, dayText, monthOf, weekStartNumber } from './calendar-days';
import { calendarWeeks, rangeFirstWeek } from './dashboard-range';
import { buildLedger, livedSessions, type LedgerDay, type LivedSession } from './day-ledger';
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
  sessions: readonly SessionFacts[];
  spasms: readonly SpasmFacts[];
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
  /** 'span': any run of lived days, as the therapist's report chooses. */
  range: { key: RangeKey | 'span'; from: string; to: string };
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

/** What the history input is without a range: the dashboard of every range is computed from it. */
export type HistoryInput = Omit<DashboardInput, 'range'>;

/**
 * The whole history judged once, whatever range is shown: every session and
 * spasm placed on its lived day (see lived-day.ts), the plan judged once per
 * day into a ledger (day-ledger.ts) of whole weeks from the earliest day any
 * range needs to the end of this week, and what never depends on the range
 * (streaks, this week, milestones). A caller may keep it while nothing it was
 * made from changes, so switching ranges only sums over its days.
 */
export interface LivedHistory {
  today: string;
  settings: ProgressSettings;
  /** Sessions on their lived days, oldest first, none after today. */
  sessions: LivedSession[];
  /** Spasm intensities by lived day number. */
  spasms: Map<number, number[]>;
  /** Day number of the ledger's first day (a week start). */
  ledgerFrom: number;
  /** The ledger from `ledgerFrom` to today. */
  daysToToday: LedgerDay[];
  /** Every whole week of the ledger, oldest first; the last is the current week. */
  weeks: { weekStart: number; days: LedgerDay[]; planned: number; done: number }[];
  /** The week start of the earliest thing there is (first session, first spasm, or the plan's start). */
  earliestWeek: number;
  streak: Dashboard['streak'];
  thisWeek: Dashboard['thisWeek'];
  milestones: Milestone[];
}

export function livedHistory(input: HistoryInput): LivedHistory {
  const { plan, settings } = input;
  const today = livedDay(input.now, settings.dayStartHour);
  const todayNo = dayNumber(today);
  const weekOf = (dayNo: number) => weekStartNumber(dayNo, settings.weekStartsOn);
  const currentWeek = weekOf(todayNo);

  // A session or spasm lived after today can only come from a wrong clock: it is left out of every figure.
  const sessions = livedSessions(input.sessions, settings.dayStartHour).filter((session) => session.day <= todayNo);
  const spasms = spasmIntensitiesByDay(input.spasms, settings.dayStartHour, todayNo);
  const planStart = dayNumber(plan.versions[0]!.startsOn);
  const firstSession = sessions[0]?.day ?? planStart;
  const earliestWeek = weekOf(Math.min(firstSession, planStart, ...spasms.keys()));

  // Far enough back for every range and the longest calendar; starting no later than the first session
  // also covers the pain average's look 6 days back before any range.
  const ledgerFrom = Math.min(earliestWeek, currentWeek - (calendarWeeks('all') - 1) * 7);
  const ledger = buildLedger(plan, sessions, ledgerFrom, currentWeek + 6, todayNo);
  const daysToToday = ledger.slice(0, todayNo - ledgerFrom + 1);
  const weeks: LivedHistory['weeks'] = [];
  for (let weekStart = ledgerFrom; weekStart <= currentWeek; weekStart += 7) {
    const days = ledger.slice(weekStart - ledgerFrom, weekStart - ledgerFrom + 7);
    weeks.push({ weekStart, days, ...plannedAndDone(days) });
  }
  const thisWeek = weeks[weeks.length - 1]!;

  const unit = (daysToToday[daysToToday.length - 1]!.target ?? plan.versions[0]!.target.kind) === 'routines-on-days' ? 'day' : 'week';
  const steps = unit === 'day' ? daysToToday.map(dayStep) : weeks.map((week) => weekStep(week, week.weekStart === currentWeek));
  return {
    today,
    settings,
    sessions,
    spasms,
    ledgerFrom,
    daysToToday,
    weeks,
    earliestWeek,
    streak: { current: currentStreak(steps), longest: longestStreak(steps), unit },
    thisWeek: { weekStart: dayText(currentWeek), done: thisWeek.done, planned: thisWeek.planned },
    milestones: milestones(sessions, weeks.map((week) => week.days), daysToToday),
  };
}

/** The dashboard of one range, summed over the lived history's days. */
export function dashboardOfRange(history: LivedHistory, key: RangeKey): Dashboard {
  const { sessions, spasms, ledgerFrom, daysToToday } = history;
  const currentWeek = history.weeks[history.weeks.length - 1]!.weekStart;
  const rangeFrom = rangeFirstWeek(key, currentWeek, history.earliestWeek);
  const calendarFrom = currentWeek - (calendarWeeks(key) - 1) * 7;
  const rangeSessions = sessions.filter((session) => session.day >= rangeFrom);
  return {
    today: history.today,
    range: { key, from: dayText(rangeFrom), to: history.today },
    settings: history.settings,
    streak: history.streak,
    thisWeek: history.thisWeek,
    weeks: history.weeks
      .filter((week) => week.weekStart >= rangeFrom)
      .map(({ weekStart, days }) => ({ weekStart: dayText(weekStart), ...periodFigures(days, spasms) })),
    months: monthFigures(daysToToday.slice(rangeFrom - ledgerFrom), spasms),
    calendar: daysToToday.slice(calendarFrom - ledgerFrom).map((day) => ({ day: dayText(day.day), status: day.status })),
    pain: painPoints(rangeSessions),
    painAverage: painAverages(daysToToday, rangeFrom - ledgerFrom),
    exercises: exerciseFigures(rangeSessions),
    milestones: history.milestones,
  };
}

/**
 * The dashboard of any run of lived days (the therapist's report): the same
 * sums as a range, over the days from `from` to `to` (day numbers; no later
 * than today). A week or a month is summed over its days inside the span.
 * A day still 'due' (today, not over) counts only what is done so far, so a
 * report made before the evening routine does not show it as missed.
 */
export function dashboardOfSpan(history: LivedHistory, from: number, to: number): Dashboard {
  const { sessions, spasms, ledgerFrom, daysToToday } = history;
  const first = Math.max(from, ledgerFrom);
  const last = Math.min(to, ledgerFrom + daysToToday.length - 1);
  const days = daysToToday.slice(first - ledgerFrom, last - ledgerFrom + 1).map((day) => (day.status === 'due' ? { ...day, planned: day.done } : day));
  const weekOf = (dayNo: number) => weekStartNumber(dayNo, history.settings.weekStartsOn);
  const calendarFrom = Math.max(weekOf(first), weekOf(last) - (calendarWeeks('all') - 1) * 7, ledgerFrom);
  const spanSessions = sessions.filter((session) => session.day >= first && session.day <= last);
  return {
    today: history.today,
    range: { key: 'span', from: dayText(first), to: dayText(last) },
    settings: history.settings,
    streak: history.streak,
    thisWeek: history.thisWeek,
    weeks: runsOf(days, (day) => dayText(weekOf(day.day))).map(({ key, days: weekDays }) => ({ weekStart: key, ...periodFigures(weekDays, spasms) })),
    months: monthFigures(days, spasms),
    calendar: daysToToday.slice(calendarFrom - ledgerFrom, last - ledgerFrom + 1).map((day) => ({ day: dayText(day.day), status: day.status })),
    pain: painPoints(spanSessions),
    painAverage: painAverages(daysToToday.slice(0, last - ledgerFrom + 1), first - ledgerFrom),
    exercises: exerciseFigures(spanSessions),
    milestones: history.milestones,
  };
}

/** The dashboard for `input.now` and `input.range`: weeks, months, streaks and the calendar are sums over the ledger, so ten years stays fast. */
export function computeDashboard(input: DashboardInput): Dashboard {
  return dashboardOfRange(livedHistory(input), input.range);
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

/** Consecutive days (oldest first) grouped by a key such as their month; each group keeps its days' order. */
function runsOf(days: readonly LedgerDay[], keyOf: (day: LedgerDay) => string): { key: string; days: LedgerDay[] }[] {
  const runs: { key: string; days: LedgerDay[] }[] = [];
  for (const day of days) {
    const key = keyOf(day);
    const last = runs[runs.length - 1];
    if (last?.key === key) last.days.push(day);
    else runs.push({ key, days: [day] });
  }
  return runs;
}

/** The calendar months of the days (consecutive, oldest first), each summed over those days only. */
function monthFigures(days: readonly LedgerDay[], spasms: ReadonlyMap<number, readonly number[]>): MonthFigures[] {
  return runsOf(days, (day) => monthOf(dayText(day.day))).map(({ key, days: monthDays }) => ({ month: key, ...periodFigures(monthDays, spasms) }));
}
