import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sampleSession } from '../support/log-samples';
import { startWebHost, type WebHostProcess } from '../support/web-host-process';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

/**
 * Damage to a file while the app is closed (a failing disk, a sync tool
 * cutting a file short): nothing the app said was saved is lost, and the
 * screen that is open when the damage is found says so at once.
 */

let dataDir: string;
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'backcare-recovery-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Stops a host but keeps its data folder (`stop()` would remove it), as closing the app does. */
async function close(host: WebHostProcess): Promise<void> {
  const exited = new Promise((resolve) => host.process.once('exit', resolve));
  host.process.kill('SIGTERM');
  await exited;
}

async function open(page: Page, host: WebHostProcess, route: string): Promise<void> {
  await host.api('settings:update', { askPainScores: false, safetyAcknowledgedAt: new Date().toISOString() });
  await page.goto(`${host.url}#${route}`);
}

function cutInHalf(file: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
}

const monthFile = () => join(dataDir, readdirSync(dataDir).find((f) => /^log-\d{4}-\d{2}\.json$/.test(f))!);

test('a routine finished, then its month file cut in half while the app is closed: the first screen says so and History still lists it', async ({ page }) => {
  const first = await startWebHost(dataDir);
  await page.clock.install();
  await open(page, first, '/library');
  await page.getByRole('button', { name: 'Start Relaxation' }).click();
  const summary = page.getByRole('heading', { name: 'Routine complete' });
  for (let step = 0; step < 40 && !(await summary.isVisible()); step++) {
    await page.clock.fastForward(15_000);
    await page.waitForTimeout(30);
  }
  await expect(page.getByText('Saved to your history.')).toBeVisible();
  await close(first);

  cutInHalf(monthFile());

  const second = await startWebHost(dataDir);
  try {
    await open(page, second, '/library');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(alert).toContainText(/recovered from its second copy.*nothing was lost/);
    await expect(alert).toContainText(/kept unchanged at:.*log-\d{4}-\d{2}\.corrupt-/);
    await snap(page, 'recovered-notice-library');
    await expectNoAxeViolations(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Relaxation' })).toHaveCount(1);
  } finally {
    await close(second);
  }
});

test('damage found while History reads the month is shown on History at once, without a reload', async ({ page }) => {
  const first = await startWebHost(dataDir);
  // An hour ago, in UTC: today as the page sees it in any zone the tests run in.
  const startedAt = `${new Date(Date.now() - 3600_000).toISOString().slice(0, 19)}+00:00`;
  const saved = await first.api('sessions:save', { ...sampleSession(startedAt), timeZone: 'UTC', note: 'Saved before the damage' });
  expect(saved.status).toBe(200);
  await close(first);

  const second = await startWebHost(dataDir);
  try {
    // Settings reads no log (the library does now: its streak comes from the dashboard, which reads every month).
    await open(page, second, '/settings');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Cut after the start-up check, so only History's own read finds it.
    cutInHalf(monthFile());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText('nothing was lost');
    await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bedtime spasm relief' })).toHaveCount(1);
    await snap(page, 'recovered-notice-history');
  } finally {
    await close(second);
  }
});
