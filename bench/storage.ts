// Storage: ten years of daily use synthesised (two sessions a day, a spasm
// entry most nights), then the figures that matter to a person: how long the
// app takes to read its data at start-up, to save a session, and to show the
// first page of history; and how much disk it all takes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { shiftKeepingOffset } from '../core/log/end-time';
import type { SessionExercise, SessionRecord } from '../core/log/session-schema';
import type { SpasmRecord } from '../core/log/spasm-schema';
import { bundledContentDir, loadValidContentDir } from '../exercises/load-content';
import { createServices } from '../services/create-services';
import { createHandlerTable, type HandlerTable } from '../services/handler-table';
import { emptyMonth } from '../services/log/log-month-file';
import { logMonthFileSchema, monthFileName, monthOf, type LogMonthFile } from '../services/log/log-month-file';
import { copyPath, nodeStorageFs } from '../services/storage/data-folder';
import { openConfStore, serialize } from '../services/storage/document-store';
import { median, percentile } from './stats';

const DAY_MS = 86_400_000;
const NOW = Date.parse('2026-11-24T22:00:00Z');

/** How much to do: the full run gives the figures; the quick one (in `npm test`) only keeps the code paths working. */
export interface BenchScale {
  years: number;
  runs: number;
  appends: number;
}

export const fullScale: BenchScale = { years: 10, runs: 5, appends: 240 };
export const quickScale: BenchScale = { years: 1, runs: 2, appends: 10 };

/** A repeatable generator, so every run synthesises the same history. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/** `2026-11-24T21:30:00+00:00` as the person's clock in Europe/London showed it, and that local day. */
function londonInstant(ms: number): { at: string; localDay: string } {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const hours = offset === 'GMT' ? 0 : Number(offset.slice(3, 6));
  const at = `${new Date(ms + hours * 3600_000).toISOString().slice(0, 19)}${hours ? '+01:00' : '+00:00'}`;
  return { at, localDay: at.slice(0, 10) };
}

function synthesise(random: () => number, years: number): Map<string, LogMonthFile> {
  const { routines, exercises } = loadValidContentDir(bundledContentDir);
  const byId = new Map(exercises.map((e) => [e.id, e]));
  const months = new Map<string, LogMonthFile>();
  const fileFor = (localDay: string) => {
    const month = monthOf(localDay);
    if (!months.has(month)) months.set(month, emptyMonth(month));
    return months.get(month)!;
  };
  const start = NOW - years * 365 * DAY_MS;
  for (let day = start; day < NOW - DAY_MS; day += DAY_MS) {
    for (const hour of [7.5, 21.5]) {
      const routine = routines[Math.floor(random() * routines.length)]!;
      const items = routine.items.slice(0, 6 + Math.floor(random() * 3));
      const sessionExercises: SessionExercise[] = items.map((item) => {
        const exercise = byId.get(item.exerciseId)!;
        return { exerciseId: exercise.id, name: exercise.name, outcome: 'completed', dose: item.dose ?? exercise.dose, workDone: 6, workTotal: 6 };
      });
      const { at, localDay } = londonInstant(day + hour * 3600_000);
      const session: SessionRecord = {
        id: crypto.randomUUID(), updatedAt: new Date(day).toISOString(), routine: { id: routine.id, name: routine.name, version: routine.version },
        startedAt: at, endedAt: at, localDay, timeZone: 'Europe/London', exercisedMs: 600_000, ending: 'completed', exercises: sessionExercises,
        painEvents: [], painBefore: Math.floor(random() * 8), painAfter: Math.floor(random() * 6), effort: 'about-right', note: random() < 0.2 ? 'Felt stiff in the morning, easier after the stretches.' : '',
      };
      fileFor(localDay).sessions.push(session);
    }
    if (random() < 0.55) {
      const { at, localDay } = londonInstant(day + 3.2 * 3600_000);
      const spasm: SpasmRecord = {
        id: crypto.randomUUID(), updatedAt: new Date(day).toISOString(), occurredAt: at, localDay, timeZone: 'Europe/London', intensity: 1 + Math.floor(random() * 9),
        duration: '1-5-min', position: 'side', triggers: ['long-sitting'], helped: ['heat', 'stretching'], note: random() < 0.3 ? 'Woke at 3, eased with heat.' : '',
      };
      fileFor(localDay).spasms.push(spasm);
    }
  }
  return months;
}

/** Each month file and its second copy, as the app itself writes them. */
function writeHistory(dir: string, months: Map<string, LogMonthFile>): { sessions: number; spasms: number } {
  let sessions = 0;
  let spasms = 0;
  for (const [month, file] of months) {
    const valid = logMonthFileSchema.parse(file);
    openConfStore(dir, monthFileName(month)).store = valid;
    nodeStorageFs.writePrivate(copyPath(dir, monthFileName(month)), serialize(valid));
    sessions += file.sessions.length;
    spasms += file.spasms.length;
  }
  return { sessions, spasms };
}

/** Writes years of daily use (the same every time) into `dir`, for benchmarks that need a full store. */
export function writeYears(dir: string, years: number): { sessions: number; spasms: number } {
  return writeHistory(dir, synthesise(seeded(20261124), years));
}

function open(dir: string, clock: () => Date): { table: HandlerTable; close: () => void } {
  const services = createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dir, name), dataDir: dir, now: clock });
  return { table: createHandlerTable(services, console.error), close: () => services.close() };
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

async function must(table: HandlerTable, channel: string, request: unknown): Promise<unknown> {
  const result = await table.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Each run opens a new repository over the folder, as a restart would. */
async function coldRuns(dir: string, runs: number, action: (table: HandlerTable) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const clock = () => new Date(NOW);
    times.push(await timed(async () => {
      const instance = open(dir, clock);
      await action(instance.table);
      instance.close();
    }));
  }
  return times;
}

const startUp = async (table: HandlerTable) => {
  for (const channel of ['settings:get', 'storage:notices', 'progress:get', 'entries:pending-deletions']) await must(table, channel, null);
};

function diskUsage(dir: string): { total: number; largest: { name: string; size: number }; files: number } {
  let total = 0;
  let files = 0;
  let largest = { name: '', size: 0 };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stats = statSync(join(dir, name));
    if (!stats.isFile()) continue;
    total += stats.size;
    files++;
    if (stats.size > largest.size) largest = { name, size: stats.size };
  }
  return { total, largest, files };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Appends sessions round the last 24 months (as a year of use would), returning each append's time. */
async function appendTimes(table: HandlerTable, count: number, clockMs: { value: number }): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < count; n++) {
    const { at, localDay } = londonInstant(NOW - (n % 24) * 30 * DAY_MS - 3 * 3600_000);
    clockMs.value += 1000;
    const endedAt = shiftKeepingOffset(at, 600_000);
    const session = { routine: { id: 'bedtime-spasm-relief', name: 'Bedtime spasm relief', version: 1 }, startedAt: at, endedAt, localDay, timeZone: 'Europe/London', exercisedMs: 600_000, ending: 'completed', exercises: [{ exerciseId: 'pelvic-tilt', name: 'Pelvic tilt', outcome: 'completed', dose: { kind: 'reps', reps: 10, secondsPerRep: 4, sets: 1, restBetweenSetsSeconds: 0, perSide: false }, workDone: 10, workTotal: 10 }], painEvents: [], painBefore: 4, painAfter: 2, effort: 'about-right', note: '' };
    times.push(await timed(() => must(table, 'sessions:save', session)));
  }
  return times;
}

/**
 * A damaged month, found by the check at start: opening the app recovers it
 * from its second copy. Timed as the whole open, against the same open with
 * nothing damaged (the floor) in the same run.
 */
async function recoveryTimes(dir: string, runs: number): Promise<{ damaged: number[]; sound: number[] }> {
  const month = join(dir, 'log-2026-06.json');
  const damaged: number[] = [];
  const sound: number[] = [];
  for (let run = 0; run < runs; run++) {
    writeFileSync(month, readFileSync(month, 'utf8').slice(0, 5000));
    damaged.push(await timed(async () => open(dir, () => new Date(NOW)).close()));
    sound.push(await timed(async () => open(dir, () => new Date(NOW)).close()));
  }
  return { damaged, sound };
}

export async function runStorageBench(scale: BenchScale = fullScale): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'storage-bench-'));
  try {
    const synthStart = performance.now();
    const { sessions, spasms } = writeHistory(dir, synthesise(seeded(42), scale.years));
    const synthMs = performance.now() - synthStart;
    const monthFiles = readdirSync(dir).filter((f) => f.startsWith('log-')).length;
    const { runs } = scale;

    const startUpTimes = await coldRuns(dir, runs, startUp);
    const firstPageCold = await coldRuns(dir, runs, async (table) => (await startUp(table), must(table, 'history:list', { limit: 100 })));
    const everything = await coldRuns(dir, runs, (table) => must(table, 'history:list', { routineId: 'no-such-routine' }));

    const clockMs = { value: NOW };
    const warm = open(dir, () => new Date(clockMs.value));
    await must(warm.table, 'history:list', { routineId: 'no-such-routine' }); // reads every month once
    const appends = await appendTimes(warm.table, scale.appends, clockMs);
    const pageTimes: number[] = [];
    for (let run = 0; run < runs * 4; run++) pageTimes.push(await timed(() => must(warm.table, 'history:list', { limit: 100 })));
    warm.close();
    const recovery = await recoveryTimes(dir, runs);

    const disk = diskUsage(dir);
    return [
      `Synthesised ${scale.years} year(s): ${sessions} sessions (6–8 exercises each) and ${spasms} spasm entries in ${monthFiles} month files, each with its second copy (${(synthMs / 1000).toFixed(1)} s to write).`,
      `Start-up read (new services over the folder, incl. the damage check: settings, notices, progress, pending deletions; median of ${runs}): ${ms(median(startUpTimes))} (runs: ${startUpTimes.map((t) => t.toFixed(0)).join(', ')}). Goal < 150 ms.`,
      `Start-up plus first history page of 100 (cold, median of ${runs}; only the newest month files are read): ${ms(median(firstPageCold))}.`,
      `Reading all ${monthFiles} month files (a routine filter over all history, cold, median of ${runs}): ${ms(median(everything))}; this is why months are read lazily.`,
      `Append one session, written to the month file and its second copy, both fsynced before the answer (last 24 months in turn, ${appends.length} appends): median ${ms(median(appends))}, p95 ${ms(percentile(appends, 95))}, max ${ms(Math.max(...appends))}. Goal p95 < 25 ms.`,
      `Recover a damaged month at start (a month file cut short; open incl. keeping it aside, reading its copy and writing both back; median of ${runs}): ${ms(median(recovery.damaged))}; the same open with nothing damaged: ${ms(median(recovery.sound))}; recovery adds ${ms(median(recovery.damaged) - median(recovery.sound))}. Goal < 100 ms.`,
      `First history page of 100 (warm, median of ${pageTimes.length}): ${ms(median(pageTimes))}, p95 ${ms(percentile(pageTimes, 95))}.`,
      `On disk: ${(disk.total / 2 ** 20).toFixed(1)} MB in ${disk.files} files (second copies included); largest ${disk.largest.name} at ${kb(disk.largest.size)}.`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
