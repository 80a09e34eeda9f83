import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

test('lists the five routines with purpose, length, exercise count and starting position', async ({ page, openApp }) => {
  await openApp('/library');
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(5);
  const bedtime = cards.filter({ hasText: 'Bedtime spasm relief' });
  await expect(bedtime).toContainText('about 12 min');
  await expect(bedtime).toContainText('8');
  await expect(bedtime).toContainText('lying on your back');
  for (const name of ['Core strength', 'Morning mobility', 'Relaxation']) await expect(cards.filter({ hasText: name })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Spasm now' })).toContainText('In bed, during a spasm');
  await expectNoAxeViolations(page);
  await snap(page, 'library');
});

test('shows each exercise of a routine with its drawing, steps, dose and when to stop', async ({ page, openApp }) => {
  await openApp('/library');
  await page.getByRole('button', { name: 'See exercises: Core strength' }).click();
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
  await expect(page.getByRole('article')).toHaveCount(5);
});

test('a routine from a therapist is previewed, added, marked as prescribed, plays, and can be removed; a hostile file is refused by name', async ({ page, openApp }) => {
  await page.clock.install();
  await openApp('/library');
  const pick = async (path: string) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add a routine from a file…' }).click()]);
    await chooser.setFiles(path);
  };

  mkdirSync('test-results/routines', { recursive: true });
  const hostile = 'test-results/routines/hostile.json';
  const example = JSON.parse(readFileSync('exercises/prescribed/example-prescribed-routine.json', 'utf8')) as { prescribedBy: string };
  writeFileSync(hostile, JSON.stringify({ ...example, prescribedBy: '<script>alert(1)</script>' }));
  await pick(hostile);
  await expect(page.getByRole('alert')).toContainText('This routine cannot be added:');
  await expect(page.getByRole('alert')).toContainText('prescribedBy');
  await expect(page.getByRole('dialog')).toBeHidden();

  await pick('exercises/prescribed/example-prescribed-routine.json');
  const preview = page.getByRole('dialog', { name: 'Add “Evening routine from Jo Smith”?' });
  await expect(preview).toContainText('Prescribed by Jo Smith, physiotherapist, Riverside Physio Clinic on 14 March 2025.');
  await expect(preview).toContainText('Side-lying knee hug: Hold 20 s, twice on each side (an exercise of your therapist\'s own)');
  await expect(preview.getByRole('listitem')).toHaveCount(5);
  await expectNoAxeViolations(page);
  await snap(page, 'library-prescribed-preview');
  await preview.getByRole('button', { name: 'Add to my routines' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is now in your routines' })).toBeVisible();

  const card = page.getByRole('article', { name: 'Evening routine from Jo Smith' });
  await expect(card).toContainText('prescribed by Jo Smith, physiotherapist');
  await card.getByRole('button', { name: 'See exercises: Evening routine from Jo Smith' }).click();
  await expect(page.getByText('Your therapist\'s note: “Small movements only: we are loosening, not working hard.”')).toBeVisible();
  await page.getByRole('button', { name: 'Start this routine' }).click();
  await expect(page.getByRole('heading', { name: 'Diaphragmatic breathing' })).toBeVisible();
  // Skipping ahead to the therapist's own exercise: it plays like any other, with its steps.
  const heading = page.locator('#player-heading');
  for (let i = 0; i < 12 && !(await heading.textContent())?.startsWith('Side-lying knee hug'); i++) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await expect(heading).toHaveText('Side-lying knee hug');
  await expect(page.getByRole('main')).toContainText('Lie on your side with your head on a pillow');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'End this routine?' }).getByRole('button', { name: 'End routine' }).click();

  await openApp('/library');
  await page.getByRole('article', { name: 'Evening routine from Jo Smith' }).getByRole('button', { name: /^See exercises/ }).click();
  await page.getByRole('button', { name: 'Remove this routine…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove it' }).click();
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Evening routine from Jo Smith' })).toBeHidden();
});
