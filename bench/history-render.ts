// History screen: from navigation to its first page on screen, in Chromium
// through the browser host, over ten years of synthesised daily use.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startWebHost } from '../tests/support/web-host-process';
import { median } from './stats';
import { writeTenYears } from './storage';

export async function runHistoryRender(runs = 5): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backcare-history-bench-'));
  const { sessions, spasms } = writeTenYears(dataDir);
  const host = await startWebHost(dataDir);
  await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const firstPage: number[] = [];
  const afterLibrary: number[] = [];
  try {
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Straight to the history, as a fresh start would land there.
      await page.goto(`${host.url}#/history`);
      await page.getByRole('main').getByRole('listitem').first().waitFor();
      const mark = await page.evaluate(() => performance.getEntriesByName('history-first-page')[0]?.startTime ?? NaN);
      // From the library, as a person would open it: click to first page on screen.
      await page.goto(`${host.url}#/library`);
      await page.getByRole('button', { name: /^Start / }).first().waitFor();
      const clicked = await page.evaluate(() => performance.now());
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
      await page.getByRole('main').getByRole('listitem').first().waitFor();
      const shown = await page.evaluate(() => performance.getEntriesByName('history-first-page').at(-1)?.startTime ?? NaN);
      if (run > 0) {
        firstPage.push(mark);
        afterLibrary.push(shown - clicked);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  return [
    `Data: ${sessions} sessions and ${spasms} spasm entries (ten years, one file per month)`,
    `Navigation straight to History until its first page (50 entries) is on screen, median of ${runs}: ${median(firstPage).toFixed(0)} ms (runs: ${firstPage.map((t) => t.toFixed(0)).join(', ')})`,
    `From a click on History in the menu to its first page on screen, median of ${runs}: ${median(afterLibrary).toFixed(0)} ms`,
  ];
}
