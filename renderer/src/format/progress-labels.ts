import { format, parseISO } from 'date-fns';
import type { Weekday } from '../../../core/plan/plan-schema';
import type { Dashboard, DayStatus, RangeKey } from '../../../core/progress/dashboard';

/**
 * Plain words for the progress screens. Kept apart from the components so
 * the dashboard, the home screen and (later) the therapist's report say the
 * same thing the same way. Nothing here judges: a day not done is "not
 * done", never "failed" or "missed out".
 */

export interface RangeChoice {
  key: RangeKey;
  /** On the range buttons. */
  label: string;
}

/** The renderer's own copy of the range keys: importing the core list would pull the whole dashboard computation into the bundle. */
export const rangeChoices: readonly RangeChoice[] = [
  { key: '4-weeks', label: '4 weeks' },
  { key: '3-months', label: '3 months' },
  { key: '12-months', label: '12 months' },
  { key: 'all', label: 'All' },
];

/** "in the last 4 weeks", or "since 2 March 2026" for everything: ends a summary sentence. */
export function rangePhrase(range: Dashboard['range']): string {
  switch (range.key) {
    case '4-weeks':
      return 'in the last 4 weeks';
    case '3-months':
      return 'in the last 3 months';
    case '12-months':
      return 'in the last 12 months';
    case 'all':
      return `since ${longDay(range.from)}`;
    case 'span':
      return `from ${longDay(range.from)} to ${longDay(range.to)}`;
  }
}

const shortDays = new Map<string, string>();

/**
 * "2 Nov" for a YYYY-MM-DD day (read as a calendar day, never shifted by a
 * time zone). Remembered, since the long ranges label the same 500 weeks in
 * two charts and a table; a day's label never changes.
 */
export function shortDay(day: string): string {
  let label = shortDays.get(day);
  if (label === undefined) shortDays.set(day, (label = format(parseISO(day), 'd MMM')));
  return label;
}

/** "2 November 2026". */
export const longDay = (day: string): string => format(parseISO(day), 'd MMMM yyyy');

/** "Wednesday 18 November". */
export const weekdayAndDay = (day: string): string => format(parseISO(day), 'EEEE d MMMM');

/** "November 2026" for a YYYY-MM month. */
export const monthName = (month: string): string => format(parseISO(`${month}-01`), 'MMMM yyyy');

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface WeekdayLabel {
  /** 0 = Sunday … 6 = Saturday, as the plan stores them. */
  day: Weekday;
  name: string;
  short: string;
}

/** The seven weekdays in the order the person's week runs. */
export function weekdaysInOrder(weekStartsOn: 'monday' | 'sunday'): WeekdayLabel[] {
  const order: Weekday[] = weekStartsOn === 'monday' ? [1, 2, 3, 4, 5, 6, 0] : [0, 1, 2, 3, 4, 5, 6];
  return order.map((day) => ({ day, name: weekdayNames[day]!, short: weekdayNames[day]!.slice(0, 3) }));
}

export const weekdayName = (day: Weekday): string => weekdayNames[day]!;

/** "midnight", "1 a.m." … "6 a.m.": the hour a new day starts. */
export const dayStartLabel = (hour: number): string => (hour === 0 ? 'midnight' : `${hour} a.m.`);

/** The rules the numbers follow, said on screen so nobody has to guess them. */
export function rulesSentences(settings: Dashboard['settings']): string[] {
  const start = settings.dayStartHour;
  const example = start === 0 ? '' : ', so a routine at 00:40 counts for the evening before';
  return [`Weeks start on ${settings.weekStartsOn === 'monday' ? 'Monday' : 'Sunday'}.`, `A new day starts at ${dayStartLabel(start)}${example}.`];
}

export const countsAsDoneSentence = 'A session counts as done when you finished it, or when you did at least half of its exercises.';

/** A count as words read it: "1,619" rather than "1619" over years of sessions. */
export const countText = (count: number): string => count.toLocaleString('en-GB');

const plural = (count: number, one: string, many: string) => `${countText(count)} ${count === 1 ? one : many}`;

/** "3 planned days in a row", "2 weeks in a row with your plan done". */
export function streakText(count: number, unit: 'day' | 'week'): string {
  if (count === 0) return unit === 'day' ? 'Starts with your next planned day' : 'Starts with your next full week';
  return unit === 'day' ? `${plural(count, 'planned day', 'planned days')} in a row` : `${plural(count, 'week', 'weeks')} in a row with your plan done`;
}

/** The longest run, as a count of its own. */
export function longestText(count: number, unit: 'day' | 'week'): string {
  return unit === 'day' ? plural(count, 'planned day', 'planned days') : plural(count, 'full week', 'full weeks');
}

/** "4 of 6 planned sessions" (this week's, under a "This week" label). */
export function thisWeekText(week: Dashboard['thisWeek']): string {
  if (week.planned === 0) return 'Nothing planned';
  return `${week.done} of ${week.planned} planned ${week.planned === 1 ? 'session' : 'sessions'}`;
}

export const dayStatusLabels: Record<DayStatus, string> = {
  done: 'Done',
  partly: 'Partly done',
  missed: 'Not done',
  due: 'Due today',
  paused: 'Paused',
  free: 'Free day',
  'before-plan': 'Before your plan',
};

/** "75 %", or a dash when nothing was planned (there is nothing to measure against). */
export const percentText = (percent: number | null): string => (percent === null ? '–' : `${percent} %`);

/** A number or a dash for "none" in a table. */
export const orDash = (value: number | null): string => (value === null ? '–' : String(value));

export { plural };
