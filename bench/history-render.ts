// History screen: from navigation to its first page on screen, in Chromium
// through the browser host, over ten years of synthesised daily use.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/support/chromium-launch';
import { startWebHost } from '../tests/support/web-host-process';
import { median } from './stats';
import { writeYears } from './storage';

export async function runHistoryRender(runs = 5, years = 10): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backcare-history-bench-'));
  const { sessions, spasms } = writeYears(dataDir, years);
  const host = await startWebHost(dataDir);
  await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
  const browser = await chromium.launch(chromiumLaunchOptions);
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
      await context.close();
      // From the library, as a person would open it, in a fresh profile: the app starts, they look
      // for a second, then click History. Timed from the click event inside the page, so
      // Playwright's own round trips are not counted.
      const fresh = await browser.newContext();
      const library = await fresh.newPage();
      await library.goto(`${host.url}#/library`);
      await library.getByRole('button', { name: /^Start / }).first().waitFor();
      await library.waitForTimeout(1000);
      await library.evaluate(() => document.addEventListener('click', (event) => performance.mark('history-clicked', { startTime: event.timeStamp }), { capture: true, once: true }));
      await library.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
      await library.getByRole('main').getByRole('listitem').first().waitFor();
      const shownAfterClick = await library.evaluate(() => {
        const clicked = performance.getEntriesByName('history-clicked')[0]?.startTime ?? NaN;
        const shown = performance.getEntriesByName('history-first-page').at(-1)?.startTime ?? NaN;
        return shown - clicked;
      });
      await fresh.close();
      if (run > 0) {
        firstPage.push(mark);
        afterLibrary.push(shownAfterClick);
      }
    }
  } finally {
    await browser.close();
    await host.stop();
  }
  return [
    `Data: ${sessions} sessions and ${spasms} spasm entries (${years} year(s), one file per month)`,
    `Navigation straight to History until its first page (50 entries) is on screen, median of ${runs}: ${median(firstPage).toFixed(0)} ms (runs: ${firstPage.map((t) => t.toFixed(0)).join(', ')})`,
    `App started on the library, a second later a click on History: click event to first page on screen, median of ${runs}: ${median(afterLibrary).toFixed(0)} ms (runs: ${afterLibrary.map((t) => t.toFixed(0)).join(', ')})`,
  ];
}
