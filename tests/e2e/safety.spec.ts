import { expect, expectNoAxeViolations, snap, test } from './fixtures';

test.describe('first run', () => {
  test.use({ safetyRead: false });

  test('shows the safety screen before anything else, once', async ({ page, openApp, host }) => {
    await openApp('/play/core-strength');
    await expect(page.getByRole('heading', { name: 'Before you start: safety first' })).toBeVisible();
    // Three tiers by urgency; this browser's locale is en-US, so the emergency number named is 911.
    const emergency = page.getByRole('region', { name: 'Emergency: call 911 or go to an emergency department now if you have' });
    await expect(emergency.getByRole('listitem')).toHaveCount(5);
    await expect(emergency).toContainText('bladder or bowel');
    const today = page.getByRole('region', { name: 'See a doctor today if you have' });
    await expect(today.getByRole('listitem')).toHaveCount(6);
    await expect(today).toContainText('not spasms that come and go');
    const routine = page.getByRole('region', { name: 'Book an appointment with your doctor or physiotherapist if you have' });
    await expect(routine).toContainText('second half of the night');
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

test.describe('in the UK', () => {
  test.use({ locale: 'en-GB' });

  test('names 999 for an emergency and 111 for advice today', async ({ page, openApp }) => {
    await openApp('/safety');
    await expect(page.getByRole('region', { name: /^Emergency: call 999 / })).toBeVisible();
    await expect(page.getByRole('region', { name: 'See a doctor today (or call 111 for advice) if you have' })).toBeVisible();
    await snap(page, 'safety-uk');
  });
});

test('a place chosen in Settings decides the numbers named, whatever the system says', async ({ page, openApp, host }) => {
  await openApp('/settings');
  const place = page.getByLabel('Where you are');
  await expect(place.locator('option').first()).toHaveText('From this computer (911)');
  await place.selectOption({ label: 'United Kingdom (999, and 111 for advice)' });
  await expect.poll(async () => ((await host.api('settings:get')).body as { value: { careRegion: string | null } }).value.careRegion).toBe('GB');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Safety', exact: true }).first().click();
  await expect(page.getByRole('region', { name: /^Emergency: call 999 / })).toBeVisible();
  await expect(page.getByRole('region', { name: 'See a doctor today (or call 111 for advice) if you have' })).toBeVisible();
});
