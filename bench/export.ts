// Exports for the therapist (issue 9), over ten years of synthesised daily
// use: the time to build the three CSV tables and the backup in the services
// (cold: the first request after a start, month files read from disk; warm:
// median of several), and the therapist's report as a PDF (the print view of
// the built renderer through the browser host, then Chromium's PDF printer,
// as the desktop app does with printToPDF) for the last 12 months and for
// everything, each in a new page of the app's session as the desktop's print
// window is (and the 12 months once more with nothing cached); and the peak
// memory while doing so.
//
// Floors, measured in the same run: for the CSV and the backup,
// `JSON.stringify` of the same records (the least any serialisation of them
// costs, from the same services, cold and warm); for the PDF, a static page
// with a heading and one canvas drawn at the report's resolution, with the
// report's @page rule (paper, margins, footer boxes), printed the same way:
// the least a one-page printed chart costs in this browser.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { csvRows, csvTableNames, exerciseColumns, exerciseRowsOf, sessionColumns, spasmColumns, type CsvTableName } from '../core/export/csv-tables';
import { addDays } from '../core/progress/calendar-days';
import { livedDay } from '../core/progress/lived-day';
import { bundledContentDir } from '../exercises/load-content';
import { createServices, type Services } from '../services/create-services';
import { createHandlerTable, type HandlerTable } from '../services/handler-table';
import { allRecords } from '../services/log/all-records';
import { openConfStore } from '../services/storage/document-store';
import { chromiumLaunchOptions } from '../tests/support/chromium-launch';
import { startWebHost, type WebHostProcess as WebHost } from '../tests/support/web-host-process';
import { median } from './stats';
import { fullScale, writeYears, type BenchScale } from './storage';

/** The services' clock: the evening the synthesised history ends (see storage.ts). */
const NOW = '2026-11-24T22:00:00+00:00';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const appVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

const CSV_GOAL_MS = 500;
const BACKUP_GOAL_MS = 500;
const PDF_12_MONTHS_GOAL_MS = 3000;

type Build = CsvTableName | 'all-csv' | 'backup' | 'json-floor';

interface Opened {
  services: Services;
  table: HandlerTable;
  close(): void;
}

function open(dir: string): Opened {
  // The browser host's version too, so the caches this leaves on disk are the ones the host uses, as after years of use.
  const services = createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dir, name), dataDir: dir, now: () => new Date(NOW), appVersion });
  return { services, table: createHandlerTable(services, console.error), close: () => services.close() };
}

async function must(table: HandlerTable, channel: string, request: unknown): Promise<unknown> {
  const result = await table.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** Builds one export as the app would and returns its length in characters (so nothing is optimised away). */
async function build(opened: Opened, what: Build): Promise<number> {
  switch (what) {
    case 'all-csv': {
      let length = 0;
      for (const table of csvTableNames) length += await build(opened, table);
      return length;
    }
    case 'backup':
      return opened.services.backups.create(appVersion).length;
    case 'json-floor':
      return JSON.stringify(allRecords(opened.services.months, opened.services.deletions)).length;
    default:
      return ((await must(opened.table, 'export:csv', { now: NOW, table: what })) as { text: string }).text.length;
  }
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await action();
  return performance.now() - start;
}

/** The first request after a start: new services over the folder each run, every month file read from disk. */
async function coldTimes(dir: string, what: Build, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const opened = open(dir);
    try {
      times.push(await timed(() => build(opened, what)));
    } finally {
      opened.close();
    }
  }
  return times;
}

async function warmTimes(opened: Opened, what: Build, runs: number): Promise<number[]> {
  await build(opened, what);
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timed(() => build(opened, what)));
  return times;
}

// ---- Memory ----

const procStatus = (pid: number | 'self') => readFileSync(`/proc/${pid}/status`, 'utf8');
/** A /proc status field in bytes (VmRSS now, VmHWM the peak since start or since the last reset), or NaN. */
function procBytes(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(procStatus(pid))?.[1];
    return kb === undefined ? NaN : Number(kb) * 1024;
  } catch {
    return NaN; // the process has gone, or this is not Linux
  }
}
/** Sets the process's peak resident size back to its current one (Linux ≥ 4.0), so VmHWM is the peak from here on. */
function resetPeak(pid: number | 'self'): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not ours: the peak is then since the process started.
  }
}

interface MemoryProbe {
  what: Build;
  rssBefore: number;
  peakRss: number;
  heapBefore: number;
  heapAfter: number;
  ms: number;
}

/**
 * Runs in a process of its own (so nothing built earlier in the benchmark
 * inflates or hides the figure): new services over the folder, then one cold
 * build; the resident size before it and its peak during it (VmHWM, reset
 * just before), and the JS heap before and after (no forced collection).
 */
async function memoryProbe(dir: string, what: Build): Promise<MemoryProbe> {
  const opened = open(dir);
  const rssBefore = procBytes('self', 'VmRSS');
  const heapBefore = process.memoryUsage().heapUsed;
  resetPeak('self');
  const start = performance.now();
  await build(opened, what);
  const ms = performance.now() - start;
  const probe = { what, rssBefore, peakRss: procBytes('self', 'VmHWM'), heapBefore, heapAfter: process.memoryUsage().heapUsed, ms };
  opened.close();
  return probe;
}

function probeInChild(dir: string, what: Build): Promise<MemoryProbe> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory-probe', dir, what], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as MemoryProbe);
      else reject(new Error(`memory probe for ${what} exited ${code}: ${output}`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--memory-probe') {
  void memoryProbe(process.argv[3]!, process.argv[4] as Build).then((probe) => console.log(JSON.stringify(probe)));
}

/** Every process Chromium started (it is a child of this one), with its descendants. */
function chromiumPids(): number[] {
  const parents = new Map<number, { ppid: number; name: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), { ppid, name });
    } catch {
      // gone meanwhile
    }
  }
  const ours = new Set<number>();
  for (const [pid, { ppid, name }] of parents) if (ppid === process.pid && /chrom/i.test(name)) ours.add(pid);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of parents) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return [...ours];
}

// ---- PDF ----

interface Printed {
  totalMs: number;
  readyMs: number;
  pdfMs: number;
  /** The report:get request as the page saw it (the host's work plus HTTP). */
  requestMs: number;
  /** When the report reached the page, and when its charts had drawn, from the page's navigation (the view's marks). */
  arrivedMs: number;
  chartsMs: number;
  bytes: number;
  pages: number;
  hostPeak: number;
  chromiumPeak: number;
}

function pageCount(pdf: Buffer): number {
  const file = join(tmpdir(), `backcare-export-bench-${process.pid}.pdf`);
  try {
    writeFileSync(file, pdf);
    const pages = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
    return pages === undefined ? NaN : Number(pages);
  } catch {
    return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length; // no pdfinfo: count page objects
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Both pages mark `report:ready` on their timeline when they are ready to print (the report's print view as it
 * tells the desktop app, which then prints at once). Polled on a timer: Playwright's own waits check on the next
 * animation frame, which first lays out and paints every page of the report for the screen.
 */
const READY_MARK = 'report:ready';

/** The desktop app's hidden print window is 1000 × 1400. */
const PRINT_WINDOW = { viewport: { width: 1000, height: 1400 } };

/** Where a print happens: a new page, and how to close it afterwards. */
type PageSource = () => Promise<{ page: Page; close: () => Promise<void> }>;

/**
 * A new page in the app's own session, where its main page is open: as the
 * desktop app opens its print window in the main window's session, sharing
 * its compiled-code cache (`codeCache` on the app:// scheme).
 */
const inSession = (session: BrowserContext): PageSource => async () => {
  const page = await session.newPage();
  return { page, close: () => page.close() };
};
/** A page in a fresh browser context: nothing cached, as the very first print after installing. */
const inFreshContext = (browser: Browser): PageSource => async () => {
  const context = await browser.newContext(PRINT_WINDOW);
  return { page: await context.newPage(), close: () => context.close() };
};

/** From navigation to the PDF's bytes, in a new page (a new renderer process, as a new window is). */
async function printOnce(newPage: PageSource, url: string, hostPid: number): Promise<Printed> {
  const { page, close } = await newPage();
  try {
    resetPeak(hostPid);
    for (const pid of chromiumPids()) resetPeak(pid);
    const start = performance.now();
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark').length > 0, READY_MARK, { polling: 10, timeout: 120_000 });
    const readyAt = performance.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const end = performance.now();
    // No named functions inside: tsx would wrap them in a helper the page does not have.
    const { requestMs, arrivedMs, chartsMs } = await page.evaluate(() => ({
      requestMs: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/report'))
        .reduce((sum, e) => sum + e.duration, 0),
      arrivedMs: performance.getEntriesByName('report:arrived', 'mark')[0]?.startTime ?? NaN,
      chartsMs: performance.getEntriesByName('report:charts-drawn', 'mark')[0]?.startTime ?? NaN,
    }));
    const chromiumPeak = Math.max(0, ...chromiumPids().map((pid) => procBytes(pid, 'VmHWM')).filter((b) => !Number.isNaN(b)));
    return { totalMs: end - start, readyMs: readyAt - start, pdfMs: end - readyAt, requestMs, arrivedMs, chartsMs, bytes: pdf.length, pages: pageCount(pdf), hostPeak: procBytes(hostPid, 'VmHWM'), chromiumPeak };
  } finally {
    await close();
  }
}

/** The floor: a heading, a line and one chart-sized canvas drawn at three pixels per point, with the report's @page rule. */
function floorPage(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'assets', 'floor.css'),
    `@page { size: A4; margin: 14mm 14mm 18mm;
  @bottom-left { content: "Backcare Coach · floor"; font: 8pt sans-serif; color: #333; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #333; } }
body { font-family: sans-serif; } canvas { width: 100%; height: 16rem; }`,
  );
  writeFileSync(
    join(dir, 'assets', 'floor.js'),
    `const canvas = document.querySelector('canvas');
const { width, height } = canvas.getBoundingClientRect();
canvas.width = Math.round(width * 3);
canvas.height = Math.round(height * 3);
const g = canvas.getContext('2d');
g.scale(3, 3);
g.fillStyle = '#2a6f97';
for (let i = 0; i < 52; i++) g.fillRect(10 + i * (width - 20) / 52, height - 10 - ((i * 37) % 100) / 100 * (height - 30), (width - 20) / 52 - 2, ((i * 37) % 100) / 100 * (height - 30));
document.fonts.ready.then(() => performance.mark('${READY_MARK}'));`,
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title><link rel="stylesheet" href="./assets/floor.css"></head><body><h1>Progress report</h1><p>One chart, printed.</p><canvas></canvas><script src="./assets/floor.js"></script></body></html>',
  );
}

type PdfKind = 'months12' | 'all' | 'months12Fresh';

interface PdfFigures {
  first: Record<PdfKind, Printed>;
  runs: Record<PdfKind | 'floor', Printed[]>;
  hostRssBefore: number;
  from12: string;
  fromAll: string;
  to: string;
}

async function pdfFigures(dataDir: string, firstDay: string, runs: number): Promise<PdfFigures> {
  const floorDir = mkdtempSync(join(tmpdir(), 'backcare-export-floor-'));
  floorPage(floorDir);
  // Started side by side; if one fails, the others are stopped before the error goes on.
  const started = await Promise.allSettled([startWebHost(dataDir), startWebHost(undefined, ['--renderer-dir', floorDir]), chromium.launch(chromiumLaunchOptions)] as const);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    const [a, b, c] = started;
    await Promise.allSettled([a.status === 'fulfilled' && a.value.stop(), b.status === 'fulfilled' && b.value.stop(), c.status === 'fulfilled' && c.value.close()]);
    rmSync(floorDir, { recursive: true, force: true });
    throw failed.reason;
  }
  const [host, floorHost, browser] = started.map((s) => (s as PromiseFulfilledResult<unknown>).value) as [WebHost, WebHost, Browser];
  try {
    await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
    // The page asks for the report with its own clock's "now", as the app does; the data ends before it.
    const to = livedDay(new Date().toISOString(), 4);
    const from12 = addDays(to, -364);
    const reportUrl = (from: string) => `${host.url}#/report/print?from=${from}&to=${to}&paper=a4&patient=&therapist=`;
    const hostPid = host.process.pid!;
    const hostRssBefore = procBytes(hostPid, 'VmRSS');
    // The app's main page, open (its idle prefetch of other screens done) before any report is made.
    const session = await browser.newContext(PRINT_WINDOW);
    const main = await session.newPage();
    await main.goto(host.url);
    await main.waitForLoadState('networkidle');
    const print = (from: string, where: PageSource = inSession(session)) => printOnce(where, reportUrl(from), hostPid);
    // Each kind's runs one after another, so none starts while Chromium is still tearing down a much larger
    // one (the 79-page report's renderer frees 600 MB as it goes, on a 2-core machine). The first of each
    // (after the host started, for the reports: month files read from disk; the caches are on disk already)
    // is reported apart; with more than one run it is left out of the medians.
    const series = async (printOne: () => Promise<Printed>) => {
      const printed: Printed[] = [];
      for (let run = 0; run < (runs > 1 ? runs + 1 : 1); run++) printed.push(await printOne());
      return { first: printed[0]!, measured: runs > 1 ? printed.slice(1) : printed };
    };
    const floor = await series(() => printOnce(inSession(session), floorHost.url, floorHost.process.pid!));
    const months12 = await series(() => print(from12));
    const all = await series(() => print(firstDay));
    const months12Fresh = await series(() => print(from12, inFreshContext(browser)));
    return {
      first: { months12: months12.first, all: all.first, months12Fresh: months12Fresh.first },
      runs: { floor: floor.measured, months12: months12.measured, all: all.measured, months12Fresh: months12Fresh.measured },
      hostRssBefore,
      from12,
      fromAll: firstDay,
      to,
    };
  } finally {
    await browser.close();
    await floorHost.stop();
    await host.stop();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

// ---- Report ----

const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const runsOf = (times: number[]) => times.map((t) => t.toFixed(0)).join(', ');
const met = (value: number, goal: number) => (value < goal ? 'met' : 'NOT met');

/** `runs`: how many timed runs of each (the warm figures take twice as many: they are milliseconds). */
export async function runExportBench(scale: BenchScale = fullScale, runs = scale.runs): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'backcare-export-bench-'));
  try {
    const { sessions, spasms } = writeYears(dir, scale.years);
    // A plan from the first day (so every day is judged), and the month facts cache on disk, as years of use leave them.
    const setup = open(dir);
    const records = allRecords(setup.services.months, setup.services.deletions);
    const firstDay = [records.sessions[0]?.localDay, records.spasms[0]?.localDay].filter((d): d is string => d !== undefined).sort()[0]!;
    await must(setup.table, 'plan:get', { now: `${firstDay}T20:00:00+00:00` });
    await must(setup.table, 'dashboard:get', { now: NOW, range: 'all' });
    setup.close();

    const builds: Build[] = [...csvTableNames, 'all-csv', 'backup', 'json-floor'];
    const cold = new Map<Build, number[]>();
    for (const what of builds) cold.set(what, await coldTimes(dir, what, runs));
    // Cold, reading only: every month file from disk into records, nothing serialised.
    const readOnly: number[] = [];
    for (let run = 0; run < runs; run++) {
      const opened = open(dir);
      readOnly.push(await timed(async () => allRecords(opened.services.months, opened.services.deletions)));
      opened.close();
    }

    const warmOpened = open(dir);
    const warm = new Map<Build, number[]>();
    const sizes = new Map<Build, number>();
    const rows: Record<CsvTableName, number> = { sessions: 0, exercises: 0, spasms: 0 };
    const steps = { records: [] as number[], rows: [] as number[] };
    try {
      for (const what of builds) {
        warm.set(what, await warmTimes(warmOpened, what, runs * 2));
        sizes.set(what, await build(warmOpened, what));
      }
      // Where a warm CSV's time goes: the records, the rows of cells, and (the rest) Papa Parse writing the text.
      const context = { dayStartHour: warmOpened.services.settings.get().dayStartHour };
      for (let run = 0; run < runs * 2; run++) {
        let all = allRecords(warmOpened.services.months, warmOpened.services.deletions);
        steps.records.push(await timed(async () => (all = allRecords(warmOpened.services.months, warmOpened.services.deletions))));
        steps.rows.push(
          await timed(async () => {
            rows.sessions = csvRows(sessionColumns(context), all.sessions).length;
            rows.exercises = csvRows(exerciseColumns(context), exerciseRowsOf(all.sessions)).length;
            rows.spasms = csvRows(spasmColumns(context), all.spasms).length;
          }),
        );
      }
    } finally {
      warmOpened.close();
    }

    // Side by side: each is a process of its own, and only its memory is reported.
    const probed = await Promise.all((['all-csv', 'backup', 'json-floor'] as const).map((what) => probeInChild(dir, what)));
    const memory = new Map<Build, MemoryProbe>(probed.map((probe) => [probe.what, probe]));

    const pdf = await pdfFigures(dir, firstDay, runs);

    const c = (what: Build) => median(cold.get(what)!);
    const w = (what: Build) => median(warm.get(what)!);
    const mem = (what: Build) => {
      const m = memory.get(what)!;
      return `peak RSS ${mb(m.peakRss)}, +${mb(m.peakRss - m.rssBefore)} over the ${mb(m.rssBefore)} before; JS heap +${mb(m.heapAfter - m.heapBefore)} just after`;
    };
    const lines = [
      `Data: ${sessions} sessions and ${spasms} spasm entries (${scale.years} year(s), from ${firstDay}); CSV rows: sessions ${rows.sessions}, exercises ${rows.exercises}, spasms ${rows.spasms}.`,
      `Cold = the first request after a start (new services, every month file read from disk), median of ${runs}; warm = months already in memory, median of ${runs * 2}.`,
      ...csvTableNames.map(
        (table) => `CSV ${table} (${mb(sizes.get(table)!)}): cold ${ms(c(table))} (runs: ${runsOf(cold.get(table)!)}), warm ${ms(w(table))}.`,
      ),
      `CSV, all three tables in a row (${mb(sizes.get('all-csv')!)}): cold ${ms(c('all-csv'))} (runs: ${runsOf(cold.get('all-csv')!)}), warm ${ms(w('all-csv'))}. Goal < ${CSV_GOAL_MS} ms per table: cold ${met(Math.max(...csvTableNames.map(c)), CSV_GOAL_MS)} (slowest ${ms(Math.max(...csvTableNames.map(c)))}), warm ${met(Math.max(...csvTableNames.map(w)), CSV_GOAL_MS)}.`,
      `Backup (${mb(sizes.get('backup')!)}): cold ${ms(c('backup'))} (runs: ${runsOf(cold.get('backup')!)}), warm ${ms(w('backup'))}. Goal < ${BACKUP_GOAL_MS} ms: cold ${met(c('backup'), BACKUP_GOAL_MS)}, warm ${met(w('backup'), BACKUP_GOAL_MS)}.`,
      `Floor, JSON.stringify of the same records (${mb(sizes.get('json-floor')!)}): cold ${ms(c('json-floor'))}, warm ${ms(w('json-floor'))}; reading the month files alone (cold, nothing serialised): ${ms(median(readOnly))}.`,
      `Ratios to the floor: all three CSV tables cold ${(c('all-csv') / c('json-floor')).toFixed(2)}×, warm ${(w('all-csv') / w('json-floor')).toFixed(2)}×; backup cold ${(c('backup') / c('json-floor')).toFixed(2)}×, warm ${(w('backup') / w('json-floor')).toFixed(2)}×.`,
      `Where a warm CSV export of all three tables goes: records ${ms(median(steps.records) * 3)} (${median(steps.records).toFixed(1)} ms each), rows of cells ${ms(median(steps.rows))}, writing the text (Papa Parse) about ${ms(Math.max(0, w('all-csv') - median(steps.records) * 3 - median(steps.rows)))}.`,
      `Memory (each cold, in a process of its own): all three CSV tables ${mem('all-csv')}; backup ${mem('backup')}; JSON floor ${mem('json-floor')}.`,
    ];

    const p = (key: PdfKind | 'floor', field: keyof Printed) => median(pdf.runs[key].map((r) => r[field]));
    const firstLabel: Record<PdfKind, string> = {
      months12: 'first after the host started',
      all: 'first of its kind (after the 12-month ones)',
      months12Fresh: 'first of its kind',
    };
    const pdfLine = (key: PdfKind, label: string) => {
      const r = pdf.runs[key];
      const last = r.at(-1)!;
      return `PDF ${label} (${last.pages} pages, ${(last.bytes / 1024).toFixed(0)} KB): navigation to PDF bytes median ${ms(p(key, 'totalMs'))} (runs: ${runsOf(r.map((x) => x.totalMs))}); ${firstLabel[key]} ${ms(pdf.first[key].totalMs)}. Of the median: to report ready ${ms(p(key, 'readyMs'))} (the report reached the page at ${ms(p(key, 'arrivedMs'))}, report:get taking ${ms(p(key, 'requestMs'))}; charts drawn at ${ms(p(key, 'chartsMs'))}), printing ${ms(p(key, 'pdfMs'))}. Ratio to the floor ${(p(key, 'totalMs') / p('floor', 'totalMs')).toFixed(1)}×. Peak memory: browser host ${mb(Math.max(pdf.first[key].hostPeak, ...r.map((x) => x.hostPeak)))} (RSS ${mb(pdf.hostRssBefore)} before the first report), largest Chromium process ${mb(Math.max(pdf.first[key].chromiumPeak, ...r.map((x) => x.chromiumPeak)))}.`;
    };
    lines.push(
      `PDF of the report (${pdf.from12} to ${pdf.to} for 12 months, ${pdf.fromAll} to ${pdf.to} for everything), A4, Chromium via the browser host, each in a new page of the app's session (its main page open, as the desktop's print window shares the main window's session) unless said otherwise, median of ${runs}:`,
      pdfLine('months12', '12 months'),
      pdfLine('all', 'everything'),
      pdfLine('months12Fresh', '12 months, in a fresh browser context (nothing cached: the first print after installing)'),
      `Floor: a static page with one canvas drawn at 3 pixels per point and the report's @page rule, same host and printer (${pdf.runs.floor.at(-1)!.pages} page): median ${ms(p('floor', 'totalMs'))} (runs: ${runsOf(pdf.runs.floor.map((x) => x.totalMs))}; printing ${ms(p('floor', 'pdfMs'))}).`,
      `Goal 12-month PDF < ${PDF_12_MONTHS_GOAL_MS} ms: ${met(p('months12', 'totalMs'), PDF_12_MONTHS_GOAL_MS)} (median ${ms(p('months12', 'totalMs'))}, first after start ${ms(pdf.first.months12.totalMs)}; with nothing cached ${ms(p('months12Fresh', 'totalMs'))}).`,
    );
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
