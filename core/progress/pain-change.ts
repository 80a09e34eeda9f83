import type { PainChange } from './dashboard';

/**
 * How pain changed over a session: by two points or more up ('rose') or down
 * ('eased'); a one-point difference is within what a 0–10 score wobbles by,
 * so it is not called a change. Null when either score is missing.
 */
export function painChange(before: number | null, after: number | null): PainChange {
  if (before === null || after === null) return null;
  const difference = after - before;
  if (difference >= 2) return 'rose';
  if (difference <= -2) return 'eased';
  return null;
}
