import type { SessionFacts } from './session-facts';

/**
 * Whether a session counts as done for the plan: it was completed, or it was
 * ended early or interrupted after at least half of its exercises were
 * completed. Half is the line so that a session cut short near its end (a
 * phone call, falling asleep in the last stretch) still counts, while one
 * abandoned after the first exercise does not. Its minutes count either way.
 */
export function countsAsDone(session: Pick<SessionFacts, 'ending' | 'exercises'>): boolean {
  if (session.ending === 'completed') return true;
  const completed = session.exercises.filter((exercise) => exercise.outcome === 'completed').length;
  return session.exercises.length > 0 && completed * 2 >= session.exercises.length;
}
