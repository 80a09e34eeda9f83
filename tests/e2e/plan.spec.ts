import type { Page } from '@playwright/test';
import type { Plan } from '../../core/plan/plan-schema';
import type { WebHostProcess } from '../support/web-host-process';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

/**
 * The plan screen, on Wednesday 18 November 2026 at noon UTC (the page's
 * clock; the plan is made on first use, so it starts that day).
 */
const NOW = new Date('2026-11-18T12:00:00Z');

async function storedPlan(host: WebHostProcess): Promise<Plan> {
  const response = await host.api('plan:get', { now: NOW.toISOString() });
  return (response.body as { value: Plan }).value;
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.use({ timezoneId: 'UTC' });

test.beforeEach(async ({ page }) => {
  await page.clock.install({ time: NOW });
});

test('the plan changes from today: sessions a week, then routines on chosen days', async ({ page, openApp, host }) => {
  await openApp('/plan');
  await expect(page.getByRole('heading', { name: 'Your plan', level: 1 })).toBeVisible();
  const now = page.getByRole('region', { name: 'Your plan now' });
  await expect(now).toHaveText(/Bedtime spasm relief: every day/);
  await expect(page.getByText('A change applies from today, Wednesday 18 November. Earlier days keep the plan that was in force then')).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'plan');

  // A number of sessions a week: the field is checked, and its message names it.
  await page.getByRole('radio', { name: /A number of sessions a week/ }).check();
  const perWeek = page.getByRole('spinbutton', { name: 'Sessions a week' });
  await perWeek.fill('0');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Sessions a week: enter a whole number from 1 to 21.');
  await expect(perWeek).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
  await perWeek.fill('3');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your plan is saved. It applies from today.' })).toBeVisible();
  await expect(now).toHaveText(/3 sessions a week, any routine, any day/);
  expect((await storedPlan(host)).versions).toEqual([{ startsOn: '2026-11-18', target: { kind: 'sessions-per-week', sessionsPerWeek: 3 } }]);

  // Back to routines on days: none ticked is refused, naming the field.
  await page.getByRole('radio', { name: 'Routines on days I choose' }).check();
  const bedtime = page.getByRole('group', { name: 'Bedtime spasm relief' });
  await bedtime.getByRole('button', { name: 'No days for Bedtime spasm relief' }).click();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('alert')).toHaveText('Routines on days: tick at least one day for one routine.');

  await bedtime.getByRole('button', { name: 'Every day for Bedtime spasm relief' }).click();
  await bedtime.getByRole('checkbox', { name: 'Saturday' }).uncheck();
  const core = page.getByRole('group', { name: 'Core strength' });
  await core.getByRole('button', { name: 'Mon, Wed, Fri for Core strength' }).click();
  await expect(core.getByRole('checkbox', { name: 'Wednesday' })).toBeChecked();
  await expect(core.getByRole('checkbox', { name: 'Tuesday' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(now).toHaveText(/Bedtime spasm relief: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday/);
  await expect(now).toHaveText(/Core strength: Monday, Wednesday, Friday/);
  // A second change the same day replaces that day's version.
  expect((await storedPlan(host)).versions).toEqual([
    {
      startsOn: '2026-11-18',
      target: {
        kind: 'routines-on-days',
        routines: [
          { routineId: 'bedtime-spasm-relief', weekdays: [0, 1, 2, 3, 4, 5] },
          { routineId: 'core-strength', weekdays: [1, 3, 5] },
        ],
      },
    },
  ]);

  // The dashboard counts against it at once. This week from today: Wed 2, Thu 1, Fri 2, Sat 0, Sun 1 (Mon and Tue were before the plan).
  await page.getByRole('link', { name: 'Your progress' }).last().click();
  await expect(page.getByRole('main')).toContainText('This week0 of 6 planned sessions');
});

test('pauses are added, checked field by field, ended and cancelled', async ({ page, openApp, host }) => {
  await openApp('/plan');
  const pauses = page.getByRole('region', { name: 'Pauses' });
  await expect(pauses).toContainText('No pauses.');
  const form = pauses.getByRole('form', { name: 'Add a pause' });
  await expect(form.getByLabel('From')).toHaveValue('2026-11-18');

  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(form.getByRole('alert')).toHaveText('To: choose the last day of the pause.');
  await form.getByLabel('To').fill('2026-11-10');
  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(form.getByRole('alert')).toHaveText('To: must be on or after From.');
  await form.getByLabel('From').fill('');
  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(form.getByRole('alert').first()).toHaveText('From: choose the first day of the pause.');
  await expectNoAxeViolations(page);

  // Ill since yesterday, until Sunday.
  await form.getByLabel('From').fill('2026-11-17');
  await form.getByLabel('To').fill('2026-11-22');
  await form.getByLabel('Reason (optional)').fill('ill');
  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(pauses.getByRole('listitem')).toHaveText([/17 November 2026 to 22 November 2026 · ill \(under way\)/]);
  await expect(form.getByLabel('To')).toHaveValue('');

  // Travelling next month.
  await form.getByLabel('From').fill('2026-12-20');
  await form.getByLabel('To').fill('2026-12-28');
  await form.getByLabel('Reason (optional)').fill('travelling');
  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(pauses.getByRole('listitem')).toHaveCount(2);

  // One overlapping a pause already planned is refused by the service, which names the field.
  await form.getByLabel('From').fill('2026-12-27');
  await form.getByLabel('To').fill('2027-01-02');
  await form.getByRole('button', { name: 'Add pause' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('from: This overlaps a pause already planned');
  await expectNoAxeViolations(page);
  await snap(page, 'plan-pauses');

  // Ending the one under way keeps the days already paused; cancelling the future one removes it.
  await pauses.getByRole('button', { name: 'End this pause: 17 November 2026 to 22 November 2026' }).click();
  await expect(pauses.getByRole('listitem').first()).toHaveText(/17 November 2026 to 17 November 2026 · ill \(over\)/);
  await pauses.getByRole('button', { name: 'Cancel this pause: 20 December 2026 to 28 December 2026' }).click();
  await expect(pauses.getByRole('listitem')).toHaveCount(1);
  expect((await storedPlan(host)).pauses).toMatchObject([{ from: '2026-11-17', to: '2026-11-17', reason: 'ill' }]);
});

test('the plan screen is reached from the dashboard and Settings, and fits 360 px, light and dark', async ({ page, openApp }) => {
  await openApp('/settings');
  await expect(page.getByRole('combobox', { name: 'A new day starts at' })).toHaveValue('4');
  await expect(page.getByRole('radio', { name: 'Monday' })).toBeChecked();
  await page.getByRole('link', { name: 'Your plan: which routines on which days' }).click();
  await expect(page.getByRole('heading', { name: 'Your plan', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Your progress' }).last().click();
  await page.getByRole('link', { name: 'Change your plan' }).click();
  await expect(page.getByRole('heading', { name: 'Your plan', level: 1 })).toBeVisible();

  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('group', { name: 'Bedtime spasm relief' })).toBeVisible();
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await snap(page, 'plan-narrow');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await snap(page, 'plan-narrow-dark');
  await page.setViewportSize({ width: 1280, height: 900 });
  await snap(page, 'plan-dark');
});

test('the day and week rules are set in Settings, and the dashboard says them', async ({ page, openApp, host }) => {
  await openApp('/settings');
  await page.getByRole('combobox', { name: 'A new day starts at' }).selectOption({ label: 'Midnight' });
  await page.getByRole('radio', { name: 'Sunday' }).check();
  await expect.poll(async () => (await host.api('settings:get')).body).toMatchObject({ value: { dayStartHour: 0, weekStartsOn: 'sunday' } });
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('main')).toContainText('Weeks start on Sunday. A new day starts at midnight.');
});
