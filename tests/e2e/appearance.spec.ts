import type { Page } from '@playwright/test';
import { sampleSession, sampleSpasm } from '../support/log-samples';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number).map((c) => c / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

test('follows a dark system theme, and the setting can override it', async ({ page, openApp }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp('/library');
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  expect(luminance(await backgroundOf(page))).toBeLessThan(0.15);
  await expectNoAxeViolations(page);
  await snap(page, 'library-dark');

  await page.getByRole('button', { name: 'Start Core strength' }).click();
  await expect(page.locator('#player-heading')).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'player-dark');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: 'End routine' }).click();
  await expect(page.getByRole('heading', { name: 'Routine ended early' })).toBeVisible();

  await page.goto(page.url().replace(/#.*$/, '#/settings'));
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect.poll(async () => luminance(await backgroundOf(page))).toBeGreaterThan(0.85);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
  expect(luminance(await backgroundOf(page))).toBeGreaterThan(0.85);
});

test.describe('a 360 px wide window', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const route of ['/library', '/routines/bedtime-spasm-relief', '/safety', '/settings', '/play/bedtime-spasm-relief']) {
    test(`${route} fits without sideways scrolling`, async ({ page, openApp }) => {
      await openApp(route);
      await expect(page.locator('h1')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(page, `narrow-${route.split('/')[1]}`);
    });
  }

  test('history, an opened entry and the spasm diary fit too', async ({ page, openApp, host }) => {
    await host.api('sessions:save', sampleSession('2026-11-20T21:30:00+00:00'));
    await host.api('spasms:create', sampleSpasm('2026-11-21T02:00:00+00:00'));
    const sidewaysOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await openApp('/history');
    await page.getByRole('button', { name: /Bedtime spasm relief/ }).click();
    await expect(page.getByRole('group', { name: 'Pain after' })).toBeVisible();
    expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await snap(page, 'narrow-history');

    await page.getByRole('button', { name: 'Log a night spasm' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a night spasm' });
    await dialog.getByRole('button', { name: '6', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('a spasm of 6 out of 10');
    await snap(page, 'narrow-spasm-dialog');
    expect(await sidewaysOverflow()).toBeLessThanOrEqual(0);
    expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

  test('the player keeps its controls on screen while the instructions scroll', async ({ page, openApp }) => {
    await openApp('/play/core-strength');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'This hurts' })).toBeInViewport();
    await expectNoAxeViolations(page);
  });
});
