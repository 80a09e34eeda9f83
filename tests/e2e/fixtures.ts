import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startWebHost, type WebHostProcess } from '../support/web-host-process';

export { expect };

interface Fixtures {
  host: WebHostProcess;
  /** Whether the safety screen has already been acknowledged in this test's fresh data folder. */
  safetyRead: boolean;
  /** Whether routines open with the pain question (the app's default); most tests go straight to the player. */
  askPainScores: boolean;
  /** Opens the app at a route (`/library`), on the host's URL with its token. */
  openApp: (route?: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  safetyRead: [true, { option: true }],
  askPainScores: [false, { option: true }],
  // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
  openApp: async ({ page, host, safetyRead, askPainScores }, use) => {
    await host.api('settings:update', {
      askPainScores,
      ...(safetyRead ? { safetyAcknowledgedAt: new Date().toISOString() } : {}),
    });
    await use(async (route = '/library') => {
      await page.goto(`${host.url}#${route}`);
    });
  },
});

const screenshotDir = 'tests/screenshots';

/** Saves a full-page screenshot for a person to look at (the folder is git-ignored). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/** How many pixels of each chart canvas on the page have been painted (alpha above zero): a blank chart has none. */
export const paintedPixels = (page: Page): Promise<number[]> =>
  page.locator('.chart-box canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((canvas) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return painted;
    }),
  );

/** Asserts axe finds no accessibility violations on the current screen. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
