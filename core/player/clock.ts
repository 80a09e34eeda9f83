/**
 * A monotonic clock in milliseconds (`performance.now()` in a page or in Node).
 * Injected so tests can drive the player with a fake one, and so wall-clock
 * jumps (sleep, time-zone or daylight-saving changes) never move a countdown.
 */
export interface MonotonicClock {
  now(): number;
}

/** A hand-driven clock for tests and benchmarks. */
export class ManualClock implements MonotonicClock {
  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
