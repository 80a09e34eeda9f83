// `npm run bench`: prints every benchmark's figures with the machine they ran on.
import { cpus, totalmem } from 'node:os';
import { runStartup } from './startup';
import { runTimerAccuracy } from './timer-accuracy';

const seconds = Number(process.env.BENCH_TIMER_SECONDS ?? 60);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, Node ${process.version}`);
console.log('\n## Timer accuracy');
for (const line of await runTimerAccuracy(seconds * 1000)) console.log(line);
console.log('\n## Start-up (browser host, Chromium)');
for (const line of await runStartup()) console.log(line);
for (const line of ['\n## Storage (ten years of use)', ...(await (await import('./storage')).runStorageBench())]) console.log(line);
