/** "1:05" for 65 000 ms: the countdown and time-left format. */
export function clockTime(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** "about 9 min" for a routine's length, rounded to the nearest minute. */
export function roughMinutes(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return `about ${minutes} min`;
}

/** "3 min 20 s" for time actually spent. */
export function spokenDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
