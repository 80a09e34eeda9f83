// `npm run bench`: prints every benchmark's figures with the machine they ran on.
// `npm run bench -- --quick` runs every section on a small scale, in seconds: it is
// part of `npm test` so a broken benchmark fails CI. Its figures mean nothing.
import { cpus, totalmem } from 'node:os';
import { runDashboardBench } from './dashboard';
import { runDashboardRender } from './dashboard-render';
import { runExportBench } from './export';
import { runHistoryRender } from './history-render';
import { runStartup } from './startup';
import { fullScale, quickScale, runStorageBench } from './storage';
import { runTimerAccuracy } from './timer-accuracy';

const quick = process.argv.includes('--quick');
const scale = quick ? quickScale : fullScale;
const timerSeconds = quick ? 10 : Number(process.env.BENCH_TIMER_SECONDS ?? 60);

async function section(title: string, lines: Promise<string[]>): Promise<void> {
  console.log(`\n## ${title}`);
  for (const line of await lines) console.log(line);
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, Node ${process.version}`);
if (quick) console.log('Quick mode: every section on a small scale to check it still runs; these figures are not the benchmark.');
await section('Timer accuracy', runTimerAccuracy(timerSeconds * 1000));
await section('Start-up (browser host, Chromium)', runStartup(scale.runs));
await section(`Storage (${scale.years} year(s) of use)`, runStorageBench(scale));
await section('History screen (browser host, Chromium)', runHistoryRender(scale.runs, scale.years));
await section(`Dashboard figures (${scale.years} year(s) of use)`, runDashboardBench(scale));
// Twice the runs: a click to charts drawn is tens of milliseconds, where one stray pause moves a median of five.
await section('Dashboard screen (browser host, Chromium)', runDashboardRender(scale.runs * 2, scale.years));
// Quick: one run of each (a PDF of the report takes seconds).
await section(`Exports for the therapist (${scale.years} year(s) of use)`, runExportBench(scale, quick ? 1 : scale.runs));
