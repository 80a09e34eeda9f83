import type { MorningQuestion } from '../../core/bridge/requests';
import { sessionToAskAbout } from '../../core/log/morning-question';
import type { SessionRecord } from '../../core/log/session-schema';
import { addDays } from '../../core/progress/calendar-days';
import { livedDay } from '../../core/progress/lived-day';
import type { Services } from '../create-services';
import { listHistory } from './history-query';

/** The evening session to ask about this morning, if any (see core/log/morning-question.ts). */
export function morningQuestion(services: Services, now: string): MorningQuestion | null {
  const { dayStartHour, morningAskedFor } = services.settings.get();
  const yesterday = addDays(livedDay(now, dayStartHour), -1);
  const page = listHistory(services.months, services.deletions, { from: yesterday, to: yesterday, kinds: ['session'] }, dayStartHour);
  const sessions = page.entries.flatMap((entry) => (entry.kind === 'session' ? [entry.record] : []));
  const session = sessionToAskAbout(sessions, now, dayStartHour, morningAskedFor);
  return session && { sessionId: session.id, routineName: session.routine.name, startedAt: session.startedAt };
}

/** Asked once: whatever the answer (or none), it is not asked again for this session. */
export function answerMorningQuestion(services: Services, sessionId: string, answer: SessionRecord['morningAfter'] | 'not-now'): null {
  if (answer !== 'not-now' && answer !== undefined) services.sessions.update(sessionId, { morningAfter: answer });
  services.settings.update({ morningAskedFor: sessionId });
  return null;
}
