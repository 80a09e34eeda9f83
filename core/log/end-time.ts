/**
 * When a run ended, as the wall clock says, unless the clock jumped back during
 * it (a manual change, a time sync, a wrong clock after sleep). Then the end is
 * put at the start plus the time actually exercised: a run cannot end before it
 * began, nor take less wall time than was exercised, and the session is kept
 * rather than refused.
 */
export function endTimeOfRun(startedAt: string, exercisedMs: number, wallClockEnd: string): string {
  // Whole seconds, rounded up: instants are written to the second.
  const exercisedWholeMs = Math.ceil(Math.max(0, exercisedMs) / 1000) * 1000;
  if (Date.parse(wallClockEnd) >= Date.parse(startedAt) + exercisedWholeMs) return wallClockEnd;
  return shiftKeepingOffset(startedAt, exercisedWholeMs);
}

const offsetPattern = /(Z|[+-]\d{2}:\d{2})$/;

/** `iso` moved by `ms`, written in the same UTC offset, so it reads in the person's own time. */
export function shiftKeepingOffset(iso: string, ms: number): string {
  const offset = offsetPattern.exec(iso)?.[1] ?? 'Z';
  const offsetMs = offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
  // Shift to the wall-clock time in that offset, then write it as if UTC and put the offset back.
  const wallClock = new Date(Date.parse(iso) + ms + offsetMs).toISOString().slice(0, 19);
  return `${wallClock}${offset === 'Z' ? 'Z' : offset}`;
}
