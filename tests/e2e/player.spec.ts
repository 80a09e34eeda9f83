import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

const bedtimeExercises = [
  'Diaphragmatic breathing',
  'Pelvic tilts',
  'Single knee-to-chest stretch',
  'Double knee-to-chest stretch',
  'Lower-trunk rotation',
  'Figure-4 piriformis stretch',
  'Hamstring stretch with a strap',
  'Slow paced breathing',
];

const heading = (page: Page) => page.locator('#player-heading');

/** Whole seconds shown on the countdown, read from its accessible name. */
async function secondsLeft(page: Page): Promise<number> {
  const label = await page.getByRole('timer').getAttribute('aria-label');
  return Number(/(\d+) seconds left/.exec(label ?? '')?.[1]);
}

async function startBedtime(page: Page, openApp: (route?: string) => Promise<void>): Promise<void> {
  await page.clock.install();
  await openApp('/library');
  await page.getByRole('button', { name: 'Start Bedtime spasm relief' }).click();
  await expect(heading(page)).toHaveText('Next: Diaphragmatic breathing');
}

test('follows the whole bedtime routine to its summary without a key pressed', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  await expect(page.getByText('Get ready', { exact: true })).toBeVisible();
  await snap(page, 'player-get-ready');
  const seen: string[] = [];
  const summary = page.getByRole('heading', { name: 'Routine complete' });
  for (let step = 0; step < 80 && !(await summary.isVisible()); step++) {
    const text = (await heading(page).textContent({ timeout: 1000 }).catch(() => null)) ?? '';
    if (text && seen.at(-1) !== text) seen.push(text);
    if (step === 3) await snap(page, 'player-breathing');
    if (text === 'Pelvic tilts') {
      await snap(page, 'player-reps');
      await expectNoAxeViolations(page);
    }
    if (text === 'Single knee-to-chest stretch') await snap(page, 'player-hold-side');
    await page.clock.fastForward(10_000);
    await page.waitForTimeout(30);
  }
  await expect(summary).toBeVisible();
  // Every exercise was shown, in the routine's order.
  const exercisesSeen = seen.map((text) => text.replace(/^Next: /, '')).filter((text, i, all) => all.indexOf(text) === i);
  expect(exercisesSeen).toEqual(bedtimeExercises);
  await expect(page.getByText('8 of 8')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Done' })).toHaveCount(8);
  await snap(page, 'summary-complete');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to routines' }).click();
  await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
});

test('with spoken cues on, the get-ready lasts until its words are said; with them off, the routine\'s own 10 s', async ({ page, openApp, host }) => {
  // "Get ready. First: Diaphragmatic breathing, lying on your back." and how to start: 28 words, 12 s at 150 words a minute.
  // The page's clock also runs in real time, so a busy machine may have used a second of it before the countdown is read.
  await startBedtime(page, openApp);
  expect(await secondsLeft(page)).toBeGreaterThanOrEqual(11);
  expect(await secondsLeft(page)).toBeLessThanOrEqual(12);

  await host.api('settings:update', { voiceCues: false });
  await page.goto('about:blank');
  await openApp('/play/bedtime-spasm-relief');
  await expect(heading(page)).toHaveText('Next: Diaphragmatic breathing');
  expect(await secondsLeft(page)).toBeGreaterThanOrEqual(9);
  expect(await secondsLeft(page)).toBeLessThanOrEqual(10);
});

test('shows the side, the set and the hold being done, and the next exercise during rests', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  // Lead-in 12 s (what is said in it takes that long) + breathing 60 s + rest 15 s + pelvic tilts 40 s + rest 15 s = 142 s, then the first hold, left side.
  await page.clock.fastForward(143_000);
  await expect(heading(page)).toHaveText('Single knee-to-chest stretch');
  await expect(page.getByText('Left side · Hold 1 of 2')).toBeVisible();
  await expect(page.getByText('Exercise 3 of 8')).toBeVisible();
  // 20 s hold + 5 s relax + 20 s hold, then "Switch sides".
  await page.clock.fastForward(45_000);
  await expect(page.getByText('Switch sides', { exact: true }).first()).toBeVisible();
  await page.clock.fastForward(5_000);
  await expect(page.getByText('Right side · Hold 1 of 2')).toBeVisible();
});

test('pause really stops the countdown, and resume carries on from the same second', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  await page.clock.fastForward(3_000);
  await expect.poll(() => secondsLeft(page)).toBe(7);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  // The page's clock also runs in real time, so on a busy machine the click may land a second later: read where it stopped.
  const atPause = await secondsLeft(page);
  expect(atPause).toBeGreaterThanOrEqual(5);
  await page.clock.fastForward(60_000);
  await page.waitForTimeout(100);
  expect(await secondsLeft(page)).toBe(atPause);
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.clock.fastForward(2_000);
  await expect.poll(() => secondsLeft(page)).toBeLessThanOrEqual(atPause - 2);
  expect(await secondsLeft(page)).toBeGreaterThanOrEqual(atPause - 3);
});

test('keyboard: Space pauses, arrows move, Escape asks before ending', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.locator('body').press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Diaphragmatic breathing');
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Next: Pelvic tilts');
  await page.keyboard.press('ArrowLeft');
  await expect(heading(page)).toHaveText('Next: Diaphragmatic breathing');

  await page.keyboard.press('Escape');
  const dialog = page.getByRole('dialog', { name: 'End this routine?' });
  await expect(dialog).toBeVisible();
  await snap(page, 'player-end-dialog');
  // The question stops the clock: the countdown does not run while the person decides.
  const asked = await page.getByRole('timer').getAttribute('aria-label');
  await page.clock.fastForward(6_000);
  await page.waitForTimeout(100);
  expect(await page.getByRole('timer').getAttribute('aria-label')).toBe(asked);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(heading(page)).toHaveText('Next: Diaphragmatic breathing');
  // "Keep going" carries on from where it was.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: 'End routine' }).click();
  await expect(page.getByRole('heading', { name: 'Routine ended early' })).toBeVisible();
  await snap(page, 'summary-ended-early');
});

test('"This hurts" stops at once, reminds when to seek care, and can skip the exercise', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Diaphragmatic breathing');
  await page.getByRole('button', { name: 'This hurts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stopped: Diaphragmatic breathing' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('sharp, shooting or spreading pain');
  // The warning signs are there without a click, the emergency ones first.
  const emergency = dialog.getByRole('region', { name: /^Emergency: call/ });
  await expect(emergency).toBeVisible();
  await expect(emergency).toContainText('trouble starting to pass urine');
  await expect(dialog.getByRole('region', { name: /^See a doctor today/ })).toBeVisible();
  await snap(page, 'player-this-hurts');
  await expectNoAxeViolations(page);
  // Stopped means stopped: no time passes while the dialog is open.
  const before = await page.getByRole('progressbar').getAttribute('aria-valuetext');
  await page.clock.fastForward(30_000);
  await page.waitForTimeout(100);
  expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(before);

  await dialog.getByRole('button', { name: 'Skip this exercise' }).click();
  await expect(heading(page)).toHaveText('Next: Pelvic tilts');
  // Someone in pain chooses when to go on: the next exercise waits, paused.
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  const waiting = await page.getByRole('timer').getAttribute('aria-label');
  await page.clock.fastForward(20_000);
  await page.waitForTimeout(100);
  expect(await page.getByRole('timer').getAttribute('aria-label')).toBe(waiting);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

  // Into pelvic tilts, and it hurts again: this time the routine ends.
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Pelvic tilts');
  await page.getByRole('button', { name: 'This hurts' }).click();
  await page.getByRole('button', { name: 'End the routine' }).click();
  await expect(page.getByRole('heading', { name: 'Routine ended early' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Stopped: it hurt' })).toHaveCount(2);
  await expect(page.getByRole('note')).toContainText('because it hurt');
});

test('restart replays the current exercise from its first second', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  await page.keyboard.press('ArrowRight');
  await page.clock.fastForward(25_000);
  await expect(page.getByText(/Breath 3 of 6/)).toBeVisible();
  await page.getByRole('button', { name: 'Restart exercise' }).click();
  await expect(page.getByText(/Breath 1 of 6/)).toBeVisible();
  await expect(page.getByText('Breathe in', { exact: true })).toBeVisible();
});

test('lower-trunk rotation names the side of each rep on screen, left and right in turn', async ({ page, openApp }) => {
  await startBedtime(page, openApp);
  for (let press = 0; press < 30 && (await heading(page).textContent()) !== 'Lower-trunk rotation'; press++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(30);
  }
  await expect(heading(page)).toHaveText('Lower-trunk rotation');
  const prompt = page.locator('.stage .prompt');
  await expect(prompt).toHaveText('Knees to the left');
  await page.clock.fastForward(5_000);
  await expect(prompt).toHaveText('Knees to the right');
  // The caption, the visible twin of speech, says it too.
  await expect(page.locator('.caption')).toContainText('Knees to the right');
  await page.clock.fastForward(5_000);
  await expect(prompt).toHaveText('Knees to the left');
  await expectNoAxeViolations(page);
  await snap(page, 'player-rep-prompt');
});

for (const size of [
  { width: 1280, height: 800, name: 'wide' },
  { width: 360, height: 740, name: 'narrow' },
]) {
  test(`the spasm-now routine is one tap from the library and followed in bed to its summary (${size.width} px)`, async ({ page, openApp }) => {
    test.slow();
    await page.setViewportSize(size);
    await page.clock.install();
    await openApp('/library');
    await page.getByRole('button', { name: 'Spasm now: ease it in bed' }).click();
    await expect(page.locator('.routine-name')).toHaveText('Spasm now');
    const seen: string[] = [];
    const summary = page.getByRole('heading', { name: 'Routine complete' });
    for (let step = 0; step < 80 && !(await summary.isVisible()); step++) {
      const text = (await heading(page).textContent({ timeout: 1000 }).catch(() => null)) ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
      if (text === 'Log roll: rolling to your side and sitting up') await snap(page, `player-spasm-now-log-roll-${size.name}`);
      await page.clock.fastForward(10_000);
      await page.waitForTimeout(30);
    }
    await expect(summary).toBeVisible();
    const exercisesSeen = seen.map((text) => text.replace(/^Next: /, '')).filter((text, i, all) => all.indexOf(text) === i);
    // In bed throughout: on the back or the side, never on hands and knees, and it ends with the way to get up.
    expect(exercisesSeen.at(-1)).toBe('Log roll: rolling to your side and sitting up');
    expect(exercisesSeen).not.toContain("Child's pose");
    await expect(page.getByText('6 of 6')).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `summary-spasm-now-${size.name}`);
  });
}

test('"Easier version" swaps the current exercise in one tap, and the session records it', async ({ page, openApp, host }) => {
  await startBedtime(page, openApp);
  // Lead-in 12 s + breathing 60 s + rest 15 s: pelvic tilts, which has an easier version.
  await page.clock.fastForward(88_000);
  await expect(heading(page)).toHaveText('Pelvic tilts');
  const easier = page.getByRole('button', { name: 'Easier version: Small pelvic tilts' });
  await expect(easier).toBeVisible();
  await expectNoAxeViolations(page);
  await easier.click();
  await expect(heading(page)).toHaveText(/Small pelvic tilts/);
  await snap(page, 'player-easier-version');
  // The easier one has no easier version of its own: the button is gone.
  await expect(page.getByRole('button', { name: /^Easier version/ })).toBeHidden();
  await page.getByRole('button', { name: 'End routine' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'End routine' }).click();
  await expect(page.getByRole('heading', { name: /Routine ended|Routine complete/ })).toBeVisible();
  await expect
    .poll(async () => {
      const body = (await host.api('history:list', {})).body as { value: { entries: { record: { exercises?: { exerciseId: string; easierVersionOf?: string }[] } }[] } };
      return body.value.entries[0]?.record.exercises?.find((e) => e.easierVersionOf);
    })
    .toMatchObject({ exerciseId: 'small-pelvic-tilts', easierVersionOf: 'pelvic-tilt' });
});

test('after the app is closed mid-routine, resuming plays the easier version chosen, not the exercise it replaced', async ({ page, openApp, host }) => {
  await startBedtime(page, openApp);
  await page.clock.fastForward(88_000);
  await page.getByRole('button', { name: 'Easier version: Small pelvic tilts' }).click();
  await expect(heading(page)).toHaveText(/Small pelvic tilts/);
  type Saved = { value: { exercises: { exerciseId: string; easierVersionOf?: string }[] } | null };
  await expect.poll(async () => ((await host.api('progress:get')).body as Saved).value?.exercises[1]).toMatchObject({ exerciseId: 'small-pelvic-tilts' });

  // The window closed and opened again: the library offers the routine where it stopped.
  await page.goto('about:blank');
  await openApp('/library');
  const offer = page.getByRole('region', { name: 'Pick up where you stopped?' });
  await offer.getByRole('button', { name: 'Resume at Small pelvic tilts' }).click();
  await expect(heading(page)).toHaveText('Next: Small pelvic tilts');
  await expect(page.getByText('Exercise 2 of 8')).toBeVisible();
  // Still the easiest there is, and still recorded against the routine's own exercise.
  await expect(page.getByRole('button', { name: /^Easier version/ })).toBeHidden();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').getByRole('button', { name: 'End routine' }).click();
  await expect(page.getByText('Saved to your history.')).toBeVisible();
  const body = (await host.api('history:list', {})).body as { value: { entries: { record: { exercises?: { exerciseId: string; easierVersionOf?: string }[] } }[] } };
  expect(body.value.entries[0]?.record.exercises?.[1]).toMatchObject({ exerciseId: 'small-pelvic-tilts', easierVersionOf: 'pelvic-tilt' });
});

test('"This hurts" in the rest after an exercise is about that exercise, and the next one waits', async ({ page, openApp, host }) => {
  await startBedtime(page, openApp);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(heading(page)).toHaveText('Next: Pelvic tilts');
  await page.getByRole('button', { name: 'This hurts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Stopped: Diaphragmatic breathing' });
  await dialog.getByRole('button', { name: 'Go on to the next exercise' }).click();
  await expect(heading(page)).toHaveText('Next: Pelvic tilts');
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await page.getByRole('button', { name: 'End routine' }).click();
  await page.getByRole('dialog', { name: 'End this routine?' }).getByRole('button', { name: 'End routine' }).click();
  await expect
    .poll(async () => ((await host.api('history:list', {})).body as { value: { entries: { record: { painEvents?: { exerciseId: string }[] } }[] } }).value.entries[0]?.record.painEvents)
    .toEqual([expect.objectContaining({ exerciseId: 'diaphragmatic-breathing' })]);
});
