// Start-up: navigation to an interactive routine library in Chromium through
// the browser host, and the size of the JavaScript the first screen needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startWebHost } from '../tests/support/web-host-process';
import { median } from './stats';

const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer');

/** The scripts index.html loads or preloads: what must arrive before the first screen. */
export function initialScriptSizes(): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(rendererDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

export async function runStartup(runs = 5): Promise<string[]> {
  const host = await startWebHost();
  await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${host.url}#/library`);
      await page.getByRole('button', { name: /^Start / }).first().waitFor();
      const mark = await page.evaluate(() => performance.getEntriesByName('library-interactive')[0]?.startTime ?? NaN);
      if (run > 0) times.push(mark); // the first run warms the host's file cache
      await context.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  const size = initialScriptSizes();
  return [
    `Navigation to interactive library (fresh browser context, median of ${runs}): ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
    `Initial JavaScript: ${(size.gzip / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(1)} KB raw, ${size.files.length} files)`,
  ];
}
