import { expect, expectNoAxeViolations, snap, test } from './fixtures';

test.describe('first run', () => {
  test.use({ safetyRead: false });

  test('shows the safety screen before anything else, once', async ({ page, openApp, host }) => {
    await openApp('/play/core-strength');
    await expect(page.getByRole('heading', { name: 'Before you start: safety first' })).toBeVisible();
    const flags = page.getByRole('region', { name: 'See a clinician before exercising if you have' });
    await expect(flags.getByRole('listitem')).toHaveCount(7);
    await expect(flags).toContainText('bladder or bowel');
    await expect(flags).toContainText('worse at night');
    await expect(page.getByText(/sharp, shooting or spreading pain/)).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, 'safety-first-run');

    await page.getByRole('button', { name: 'I understand, show my routines' }).click();
    // It goes on to where the person was heading.
    await expect(page.locator('#player-heading')).toHaveText(/^Next: /);

    const saved = await host.api('settings:get');
    expect((saved.body as { value: { safetyAcknowledgedAt: string } }).value.safetyAcknowledgedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A fresh start of the app goes straight to the routines.
    await page.goto('about:blank');
    await page.goto(`${host.url}#/library`);
    await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  });
});

test('stays reachable from the menu after it was acknowledged', async ({ page, openApp }) => {
  await openApp('/library');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Safety' }).click();
  await expect(page.getByRole('heading', { name: 'Before you start: safety first' })).toBeVisible();
  await expect(page.getByText(/You read this on/)).toBeVisible();
  await expect(page.getByRole('button', { name: /I understand/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
