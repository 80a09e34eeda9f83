import { sessionFacts, spasmFacts, type SessionFacts, type SpasmFacts } from '../../core/progress/session-facts';
import type { PendingDeletions } from '../log/pending-deletions';
import type { LogMonths } from '../log/log-months';
import { join } from 'node:path';
import { storePath, type StorageFs } from '../storage/data-folder';

/**
 * A cache of each month's progress facts (`progress-cache.json`), so the
 * dashboard can cover ten years without reading 120 month files. It is never
 * the source of truth: an entry is used only while its month file has the
 * size and modification time it was made from, and rebuilt from the month
 * otherwise; a missing or damaged cache is simply rebuilt.
 */

interface MonthFacts {
  /** The month file's size and modification time when these facts were taken from it. */
  key: string;
  sessions: SessionFacts[];
  spasms: SpasmFacts[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isSession = (s: unknown) => isObject(s) && typeof s.id === 'string' && typeof s.startedAt === 'string' && typeof s.exercisedMs === 'number' && Array.isArray(s.exercises) && isObject(s.hurts);
const isSpasm = (s: unknown) => isObject(s) && typeof s.id === 'string' && typeof s.occurredAt === 'string' && typeof s.intensity === 'number';

/**
 * Checked by hand rather than with zod: the cache is ours and only needs to be
 * safe to compute from, and a full schema check of ten years (about 100 ms)
 * would cost more than reading the file.
 */
function readCache(text: string): Record<string, MonthFacts> {
  const parsed: unknown = JSON.parse(text);
  if (!isObject(parsed) || parsed.schemaVersion !== 1 || !isObject(parsed.months)) return {};
  const months: Record<string, MonthFacts> = {};
  for (const [month, facts] of Object.entries(parsed.months)) {
    if (!isObject(facts) || typeof facts.key !== 'string' || !Array.isArray(facts.sessions) || !Array.isArray(facts.spasms)) continue;
    if (facts.sessions.every(isSession) && facts.spasms.every(isSpasm)) months[month] = facts as unknown as MonthFacts;
  }
  return months;
}

/** Beside the stores, in a folder of its own: it is not one of them and has no second copy. */
export const cachePath = (dataDir: string) => join(dataDir, 'cache', 'progress-facts.json');

export interface Facts {
  readonly sessions: readonly SessionFacts[];
  readonly spasms: readonly SpasmFacts[];
}

export class MonthSummaries {
  private cache: Record<string, MonthFacts> | null = null;
  /** The last answer and what it was made from: the month files' keys and the entries being deleted. */
  private latest: { fingerprint: string; facts: Facts } | null = null;

  constructor(
    private readonly months: LogMonths,
    private readonly deletions: PendingDeletions,
    private readonly dataDir: string,
    private readonly fs: StorageFs,
  ) {}

  /**
   * Every session and spasm entry of the log, as facts, leaving out entries
   * being deleted. While no month file and no pending deletion has changed,
   * the answer is the very same object as last time (the dashboard keeps what
   * it judged from it): callers must not change it.
   */
  all(): Facts {
    const cache = this.load();
    let changed = false;
    const months = this.months.months();
    const keys: string[] = [];
    for (const month of months) {
      const key = this.keyOf(month);
      keys.push(`${month}=${key}`);
      if (cache[month]?.key !== key) {
        cache[month] = { key, ...this.factsOf(month) };
        changed = true;
      }
    }
    if (changed) this.save(cache);
    const fingerprint = `${keys.join(',')}|${this.deletions.pendingIds().join(',')}`;
    if (this.latest?.fingerprint === fingerprint) return this.latest.facts;
    const sessions: SessionFacts[] = [];
    const spasms: SpasmFacts[] = [];
    for (const month of months) {
      sessions.push(...cache[month]!.sessions);
      spasms.push(...cache[month]!.spasms);
    }
    const shown = <T extends { id: string }>(list: T[]) => list.filter((item) => !this.deletions.isPending(item.id));
    const facts = { sessions: shown(sessions), spasms: shown(spasms) };
    this.latest = { fingerprint, facts };
    return facts;
  }

  /** What the month file is now: its size and time of last change (a month only in memory has none). */
  private keyOf(month: string): string {
    const path = storePath(this.dataDir, `log-${month}`);
    const size = this.fs.sizeOf(path);
    return size === null ? 'none' : `${size}:${this.fs.modifiedMs(path)}`;
  }

  private factsOf(month: string): Omit<MonthFacts, 'key'> {
    const entries = this.months.entries(month);
    return {
      sessions: entries.flatMap(({ entry }) => (entry.kind === 'session' ? [sessionFacts(entry.record)] : [])),
      spasms: entries.flatMap(({ entry }) => (entry.kind === 'spasm' ? [spasmFacts(entry.record)] : [])),
    };
  }

  private load(): Record<string, MonthFacts> {
    if (this.cache) return this.cache;
    try {
      this.cache = readCache(this.fs.readText(cachePath(this.dataDir)));
    } catch {
      this.cache = {}; // none yet, or damaged: it is only a cache, rebuilt from the months
    }
    return this.cache;
  }

  private save(cache: Record<string, MonthFacts>): void {
    try {
      this.fs.writePrivate(cachePath(this.dataDir), JSON.stringify({ schemaVersion: 1, months: cache }));
    } catch {
      // Only a cache: the next dashboard rebuilds what it needs.
    }
  }
}
