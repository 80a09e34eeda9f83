import { format } from 'date-fns';
import type { HistoryEntry } from '../../core/log/history';

/** The local calendar day as the person lived it, e.g. "24 Nov" (no time zone maths: it is already their day). */
const shortDay = (localDay: string) => format(new Date(`${localDay}T12:00:00`), 'd MMM');

/** Words for the undo bar, e.g. "Bedtime spasm relief on 24 Nov" or "Night spasm (7/10) on 24 Nov". */
export function summarise(entry: HistoryEntry): string {
  if (entry.kind === 'session') return `${entry.record.routine.name} on ${shortDay(entry.record.localDay)}`;
  return `Night spasm (${entry.record.intensity}/10) on ${shortDay(entry.record.localDay)}`;
}
