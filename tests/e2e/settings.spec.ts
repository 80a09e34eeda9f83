import { expect, expectNoAxeViolations, snap, test } from './fixtures';

test('cue and routine settings are saved and survive a reload', async ({ page, openApp, host }) => {
  await openApp('/settings');
  await page.getByRole('checkbox', { name: /Spoken instructions/ }).uncheck();
  await page.getByRole('checkbox', { name: /Beeps for the last three seconds/ }).uncheck();
  await page.getByRole('combobox', { name: /Get-ready time/ }).selectOption('20');
  await expect.poll(async () => (await host.api('settings:get')).body).toMatchObject({ value: { voiceCues: false, soundCues: false, leadInSeconds: 20 } });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /Spoken instructions/ })).not.toBeChecked();
  await expectNoAxeViolations(page);
  await snap(page, 'settings');

  // The longer get-ready time is used by the player.
  await page.goto(page.url().replace(/#.*$/, '#/play/relaxation'));
  await expect.poll(async () => Number(/(\d+) seconds left/.exec((await page.getByRole('timer').getAttribute('aria-label')) ?? '')?.[1])).toBeGreaterThan(15);
});

test('every sound has a visible twin: the spoken words show as a caption', async ({ page, openApp }) => {
  await openApp('/play/relaxation');
  await expect(page.getByText('Get ready. First: Slow paced breathing')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Slow paced breathing. Breathe in')).toBeVisible();
});
