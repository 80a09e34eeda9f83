import { shiftKeepingOffset } from './end-time';
import type { SessionRecord } from './session-schema';

type Timed = Pick<SessionRecord, 'startedAt' | 'endedAt' | 'localDay' | 'painEvents'>;

/**
 * The session moved to start at `startedAt` (a time put right in the history):
 * its end and its "This hurts" moments move with it, so its length and what
 * happened when stay as played. Its day is the date of the new start as written.
 */
export function withStartTime<T extends Timed>(session: T, startedAt: string): T {
  const sinceStart = (instant: string) => Date.parse(instant) - Date.parse(session.startedAt);
  return {
    ...session,
    startedAt,
    localDay: startedAt.slice(0, 10),
    endedAt: shiftKeepingOffset(startedAt, sinceStart(session.endedAt)),
    painEvents: session.painEvents.map((event) => ({ ...event, at: shiftKeepingOffset(startedAt, sinceStart(event.at)) })),
  };
}
