/** Something whose last write failed and that can try again. */
export interface Retryable {
  persist(): void;
}

export const RETRY_INTERVAL_MS = 30_000;

/**
 * Files whose last write failed (disk full, no permission, read-only disk).
 * Their data stays in memory; writing is tried again before the next write
 * of any file and every 30 s, on a timer that never keeps the process alive.
 */
export class WriteRetry {
  private readonly failed = new Set<Retryable>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing = false;

  constructor(private readonly intervalMs = RETRY_INTERVAL_MS) {}

  get pendingCount(): number {
    return this.failed.size;
  }

  noteFailure(item: Retryable): void {
    this.failed.add(item);
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  noteSuccess(item: Retryable): void {
    this.failed.delete(item);
    if (this.failed.size === 0) this.stopTimer();
  }

  /** Tries every failed write again, except `skip` (about to be written anyway). */
  flush(skip?: Retryable): void {
    // A failure reported while flushing may itself write (a notice): do not start another round inside this one.
    if (this.flushing) return;
    this.flushing = true;
    try {
      for (const item of [...this.failed]) {
        if (item === skip) continue;
        try {
          item.persist();
        } catch {
          // Still failing: it stays in the set, and its notice is already showing. The others share the
          // disk, so they would fail too; and a refused permission costs conf up to a second per attempt.
          break;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  close(): void {
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
