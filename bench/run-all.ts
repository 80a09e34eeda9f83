// `npm run bench`: prints every benchmark's figures with the machine they ran on.
import { cpus, totalmem } from 'node:os';
import { runHistoryRender } from './history-render';
import { runStartup } from './startup';
import { runStorageBench } from './storage';
import { runTimerAccuracy } from './timer-accuracy';

const seconds = Number(process.env.BENCH_TIMER_SECONDS ?? 60);

async function section(title: string, lines: Promise<string[]>): Promise<void> {
  console.log(`\n## ${title}`);
  for (const line of await lines) console.log(line);
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, Node ${process.version}`);
await section('Timer accuracy', runTimerAccuracy(seconds * 1000));
await section('Start-up (browser host, Chromium)', runStartup());
await section('Storage (ten years of use)', runStorageBench());
await section('History screen (browser host, Chromium)', runHistoryRender());
