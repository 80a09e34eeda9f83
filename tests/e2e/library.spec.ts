import { expect, expectNoAxeViolations, snap, test } from './fixtures';

test('lists the four routines with purpose, length, exercise count and starting position', async ({ page, openApp }) => {
  await openApp('/library');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(4);
  const bedtime = cards.filter({ hasText: 'Bedtime spasm relief' });
  await expect(bedtime).toContainText('about 12 min');
  await expect(bedtime).toContainText('8');
  await expect(bedtime).toContainText('lying on your back');
  for (const name of ['Core strength', 'Morning mobility', 'Relaxation']) await expect(cards.filter({ hasText: name })).toHaveCount(1);
  await expectNoAxeViolations(page);
  await snap(page, 'library');
});

test('shows each exercise of a routine with its drawing, steps, dose and when to stop', async ({ page, openApp }) => {
  await openApp('/library');
  await page.getByRole('button', { name: 'See the exercises in Core strength' }).click();
  await expect(page.getByRole('heading', { name: 'Core strength', level: 1 })).toBeVisible();
  const exercises = page.getByRole('article');
  await expect(exercises).toHaveCount(6);
  const birdDog = exercises.filter({ hasText: 'Bird-dog' });
  await expect(birdDog).toContainText('Hold 8 s, 5 times on each side');
  await expect(birdDog.getByRole('img', { name: /Drawing: Bird-dog/ }).locator('svg')).toBeVisible();
  await expect(birdDog.getByRole('listitem').first()).toBeVisible();
  await expect(birdDog).toContainText('When to stop:');
  await expectNoAxeViolations(page);
  await snap(page, 'routine-core-strength');
  await page.getByRole('button', { name: 'Start this routine' }).click();
  await expect(page.locator('#player-heading')).toHaveText('Next: Abdominal bracing');
});

test('an unknown address shows "not found" with a way back', async ({ page, openApp }) => {
  await openApp('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go to your routines' }).click();
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  await openApp('/play/no-such-routine');
  await expect(page.getByRole('heading', { name: 'Routine not found' })).toBeVisible();
});

test('the access token leaves the address bar once read, and a reload of the tab still works', async ({ page, openApp }) => {
  await openApp('/library');
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await page.reload();
  // The library's content comes from /api, which refuses requests without the token.
  await expect(page.getByRole('article')).toHaveCount(4);
});
