// Start-up: navigation to an interactive routine library in Chromium through
// the browser host, and the size of the JavaScript the first screen needs.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium-launch';
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

/**
 * The floor this machine sets: the same host serving a page with one button and
 * one tiny module script. What the app takes above it is the app's own cost.
 */
async function blankPageFloor(browser: Browser, runs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'backcare-floor-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/a.js"></script><button>Start</button>');
  writeFileSync(join(dir, 'assets', 'a.js'), "performance.mark('library-interactive')");
  const host = await startWebHost(undefined, ['--renderer-dir', dir]);
  const times: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByRole('button').waitFor();
      const mark = await page.evaluate(() => performance.getEntriesByName('library-interactive')[0]?.startTime ?? NaN);
      if (run > 0) times.push(mark);
      await context.close();
    }
  } finally {
    await host.stop();
  }
  return times;
}

export async function runStartup(runs = 5): Promise<string[]> {
  const host = await startWebHost();
  await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const cold: number[] = [];
  const warm: number[] = [];
  const libraryReady = async (page: Page, url: string) => {
    await page.goto(url);
    await page.getByRole('button', { name: /^Start / }).first().waitFor();
    return page.evaluate(() => performance.getEntriesByName('library-interactive')[0]?.startTime ?? NaN);
  };
  try {
    for (let run = 0; run < runs + 1; run++) {
      // Cold: a fresh browser profile, nothing cached, as on a first start.
      const context = await browser.newContext();
      const page = await context.newPage();
      const coldMs = await libraryReady(page, `${host.url}#/library`);
      // Warm: the same browser opening the app again, its cached scripts reused.
      await page.goto('about:blank');
      const warmMs = await libraryReady(page, `${host.url}#/library`);
      if (run > 0) {
        cold.push(coldMs); // the first run only warms the host's file cache
        warm.push(warmMs);
      }
      await context.close();
    }
  } finally {
    await host.stop();
  }
  const floor = await blankPageFloor(browser, runs).finally(() => browser.close());
  const size = initialScriptSizes();
  return [
    `Navigation to interactive library, cold (fresh browser profile), median of ${runs}: ${median(cold).toFixed(0)} ms (runs: ${cold.map((t) => t.toFixed(0)).join(', ')})`,
    `Navigation to interactive library, warm (app opened again), median of ${runs}: ${median(warm).toFixed(0)} ms (runs: ${warm.map((t) => t.toFixed(0)).join(', ')})`,
    `Floor on this machine (same host, a blank page with one tiny script, fresh profile), median of ${runs}: ${median(floor).toFixed(0)} ms (runs: ${floor.map((t) => t.toFixed(0)).join(', ')}); the app's cold start is ${(median(cold) / median(floor)).toFixed(1)}× that, ${(median(cold) - median(floor)).toFixed(0)} ms above it`,
    `Initial JavaScript: ${(size.gzip / 1024).toFixed(1)} KB gzipped (${(size.raw / 1024).toFixed(1)} KB raw, ${size.files.length} files)`,
  ];
}
