import { addDays } from '../progress/calendar-days';
import { livedDay } from '../progress/lived-day';
import type { SessionRecord } from './session-schema';

/**
 * "Your back this morning compared with usual?", asked once the morning after
 * an evening session: how the back is the next morning is what the
 * pain-monitoring rule judges a routine by.
 */

/** An evening session starts from 17:00 (or in the small hours, still the evening before). */
const EVENING_FROM_HOUR = 17;
/** Morning: from the day's start until noon. */
const MORNING_UNTIL_HOUR = 12;

const hourOf = (iso: string) => Number(iso.slice(11, 13));

/**
 * The session to ask about at `now` (ISO with offset): the latest evening
 * session lived yesterday with no answer yet, unless it was already asked
 * about (`askedFor`), or it is not morning.
 */
export function sessionToAskAbout(sessions: readonly SessionRecord[], now: string, dayStartHour: number, askedFor: string | null): SessionRecord | null {
  const hour = hourOf(now);
  if (hour < dayStartHour || hour >= MORNING_UNTIL_HOUR) return null;
  const yesterday = addDays(livedDay(now, dayStartHour), -1);
  const evening = sessions.filter((s) => {
    const started = hourOf(s.startedAt);
    return livedDay(s.startedAt, dayStartHour) === yesterday && (started >= EVENING_FROM_HOUR || started < dayStartHour);
  });
  const latest = evening.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)).at(-1);
  return latest && latest.morningAfter === undefined && latest.id !== askedFor ? latest : null;
}
