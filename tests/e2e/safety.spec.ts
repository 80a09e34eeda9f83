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

test.describe('every four weeks', () => {
  test.use({ safetyRead: false, timezoneId: 'UTC', locale: 'en-GB' });

  test('asks before a routine whether any warning sign is new: one tap for none, then the routine; asked once', async ({ page, openApp, host }) => {
    // The safety screen was read 30 days before "now" (the page's clock): the check is due.
    await host.api('settings:update', { safetyAcknowledgedAt: '2026-10-20T20:00:00+00:00', askPainScores: false });
    await page.clock.install({ time: new Date('2026-11-19T20:00:00Z') });
    await openApp('/play/relaxation');
    await expect(page.getByRole('heading', { name: 'Any of these new since you last checked?' })).toBeVisible();
    await expect(page.getByRole('region', { name: /^Emergency: call 999/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'None of these are new' })).toBeFocused();
    await expectNoAxeViolations(page);
    await snap(page, 'safety-four-weekly-check');
    await page.getByRole('button', { name: 'None of these are new' }).click();
    await expect(page.locator('#player-heading')).toHaveText(/^Next: /);
    expect((await host.api('safety-check:due', { now: '2026-11-19T20:05:00+00:00' })).body).toMatchObject({ value: false });

    await page.getByRole('button', { name: 'End routine' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End routine' }).click();
    await openApp('/play/relaxation');
    await expect(page.locator('#player-heading')).toHaveText(/^Next: /);
  });

  test('a yes in the see-a-doctor-today list gives that advice and keeps the routine for later', async ({ page, openApp, host }) => {
    await host.api('settings:update', { safetyAcknowledgedAt: '2026-10-20T20:00:00+00:00' });
    await page.clock.install({ time: new Date('2026-11-19T20:00:00Z') });
    await openApp('/play/relaxation');
    await page.getByRole('button', { name: 'Yes, something in this list is new (see a doctor today)' }).click();
    await expect(page.getByRole('alert')).toHaveText('Contact a doctor today (or call 111 for advice). Leave the exercises until you have been checked.');
    await expect(page.getByRole('button', { name: 'Start the routine' })).toBeHidden();
    await expectNoAxeViolations(page);
    await snap(page, 'safety-four-weekly-advice');
    await page.getByRole('link', { name: 'Back to routines' }).click();
    await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  });
});
