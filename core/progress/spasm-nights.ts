import { livedDayNumber } from './lived-day';
import { meanToTenth } from './mean-to-tenth';
import type { SpasmFacts } from './session-facts';

/**
 * Spasm entries by lived day: a spasm at 03:10 with the day starting at 4
 * belongs to the night that began the evening before, the same night as that
 * evening's bedtime routine.
 */
export function spasmIntensitiesByDay(spasms: readonly SpasmFacts[], dayStartHour: number, lastDay: number): Map<number, number[]> {
  const byDay = new Map<number, number[]>();
  for (const spasm of spasms) {
    const day = livedDayNumber(spasm.occurredAt, dayStartHour);
    // An unreadable time (only a damaged cache has one) must not stop the dashboard.
    if (day === null || day > lastDay) continue;
    const intensities = byDay.get(day);
    if (intensities) intensities.push(spasm.intensity);
    else byDay.set(day, [spasm.intensity]);
  }
  return byDay;
}

/** Over `days` days from `firstDay`: nights with any spasm, and the mean intensity of all the entries. */
export function spasmFigures(byDay: ReadonlyMap<number, readonly number[]>, firstDay: number, days: number): { spasmNights: number; spasmAverageIntensity: number | null } {
  let spasmNights = 0;
  let sum = 0;
  let count = 0;
  for (let day = firstDay; day < firstDay + days; day++) {
    const intensities = byDay.get(day);
    if (!intensities) continue;
    spasmNights++;
    for (const intensity of intensities) sum += intensity;
    count += intensities.length;
  }
  return { spasmNights, spasmAverageIntensity: meanToTenth(sum, count) };
}
