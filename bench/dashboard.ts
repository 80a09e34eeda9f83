// Dashboard figures: ten years of daily use, computed for each range by the
// same core function the app uses, from the month facts cache; and the whole
// request cold (new services over the folder, cache on disk) and on the very
// first open (no cache yet: every month is read once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { computeDashboard, rangeKeys } from '../core/progress/dashboard';
import { bundledContentDir } from '../exercises/load-content';
import { createServices } from '../services/create-services';
import { createHandlerTable } from '../services/handler-table';
import { openConfStore } from '../services/storage/document-store';
import { median } from './stats';
import { fullScale, writeYears, type BenchScale } from './storage';

const NOW = '2026-11-24T22:00:00+00:00';

function open(dir: string) {
  const services = createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dir, name), dataDir: dir, now: () => new Date(NOW) });
  return { services, table: createHandlerTable(services, console.error) };
}

async function timedRequest(dir: string, range: string): Promise<number> {
  const { services, table } = open(dir);
  const start = performance.now();
  const result = await table.handle('dashboard:get', { now: NOW, range });
  const ms = performance.now() - start;
  services.close();
  if (!result.ok) throw new Error(result.error.message);
  return ms;
}

export async function runDashboardBench(scale: BenchScale = fullScale): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-bench-'));
  try {
    const { sessions, spasms } = writeYears(dir, scale.years);
    // The plan from the first day of the history, so every day is judged.
    const setup = open(dir);
    await setup.table.handle('plan:get', { now: '2016-11-27T20:00:00+00:00' });
    setup.services.close();
    const firstOpen = await timedRequest(dir, 'all');
    const lines = [`Data: ${sessions} sessions and ${spasms} spasm entries (${scale.years} year(s)); plan: bedtime routine every evening.`];
    lines.push(`First open of the dashboard ever ("all", no facts cache yet: every month file read once): ${firstOpen.toFixed(0)} ms.`);

    const { services } = open(dir);
    const facts = services.summaries.all();
    const { dayStartHour, weekStartsOn } = services.settings.get();
    const plan = services.plan.current('2026-11-24');
    for (const range of rangeKeys) {
      const times: number[] = [];
      for (let run = 0; run < scale.runs * 4; run++) {
        const start = performance.now();
        computeDashboard({ ...facts, plan, settings: { dayStartHour, weekStartsOn }, now: NOW, range });
        times.push(performance.now() - start);
      }
      // Switching to this range from another: the service keeps the history it judged and sums over its days.
      const switched: number[] = [];
      for (let run = 0; run < scale.runs * 4; run++) {
        services.dashboards.get(NOW, range === 'all' ? '4-weeks' : 'all');
        const start = performance.now();
        services.dashboards.get(NOW, range);
        switched.push(performance.now() - start);
      }
      const cold: number[] = [];
      for (let run = 0; run < scale.runs; run++) cold.push(await timedRequest(dir, range));
      lines.push(
        `Range ${range}: every figure computed in median ${median(times).toFixed(1)} ms (n=${times.length}; goal < 20 ms); switched to from another range (history kept, facts checked against the month files) median ${median(switched).toFixed(1)} ms; the whole request after a restart (facts cache read from disk) median ${median(cold).toFixed(1)} ms.`,
      );
    }
    services.close();
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
