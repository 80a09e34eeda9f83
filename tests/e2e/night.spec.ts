import type { Page } from '@playwright/test';
import { phaseAnnouncement } from '../../core/player/phase-words';
import { withTimeToSpeak } from '../../core/player/time-to-speak';
import { planRoutine } from '../../core/player/timeline';
import { bundledContentDir, loadValidContentDir } from '../../exercises/load-content';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

/** Relative luminance (WCAG) of a computed `rgb(r, g, b)` colour: 0 is black, 1 white. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Dim grey (#a5a5a5): no text at night may be lighter than this. */
const DIM_GREY = 0.376;

/** The colour of every visible piece of text on the page, with a sample of the text. */
const textColours = (page: Page) =>
  page.evaluate(() => {
    const found = new Map<string, string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim();
      if (!element || !text || element.closest('.visually-hidden') || element.getClientRects().length === 0) continue;
      found.set(getComputedStyle(element).color, text.slice(0, 30));
    }
    return [...found];
  });

const backgroundLuminance = async (page: Page) => luminance(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));

async function expectNightColours(page: Page): Promise<void> {
  expect(await backgroundLuminance(page)).toBeLessThan(0.01);
  for (const [colour, sample] of await textColours(page)) expect(luminance(colour), `"${sample}" is ${colour}`).toBeLessThanOrEqual(DIM_GREY);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test(`night mode at ${size.width}×${size.height}: near black, dim warm text, a countdown a third of the window tall, the instruction in view`, async ({ page, openApp }) => {
    await page.setViewportSize(size);
    await page.clock.install();
    await openApp('/library');
    const nightSwitch = page.getByRole('button', { name: 'Night mode' });
    await expect(nightSwitch).toHaveAttribute('aria-pressed', 'false');
    await nightSwitch.click();
    await expect(nightSwitch).toHaveAttribute('aria-pressed', 'true');
    await expectNightColours(page);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Start Bedtime spasm relief' }).click();
    await expect(page.locator('#player-heading')).toHaveText('Next: Diaphragmatic breathing');
    await page.clock.fastForward(150_000); // into the first hold of the knee-to-chest stretch
    await expect(page.locator('#player-heading')).toHaveText('Single knee-to-chest stretch');
    const timer = await page.getByRole('timer').boundingBox();
    expect(timer!.height).toBeGreaterThanOrEqual(size.height / 3);
    // What to do now is on screen with the countdown, not below the fold; nothing hides behind the controls.
    const controlsTop = (await page.getByRole('group', { name: 'Routine controls' }).boundingBox())!.y;
    for (const locator of [page.locator('#player-heading'), page.getByText('Left side · Hold 1 of 2'), page.getByRole('timer')]) {
      await expect(locator).toBeInViewport();
      const box = (await locator.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(controlsTop);
    }
    if (size.width >= 1280) expect((await page.locator('#player-heading').boundingBox())!.x).toBeGreaterThan(timer!.x + timer!.width);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = (await page.getByRole('status').filter({ hasText: 'Paused' }).boundingBox())!;
    expect(paused.y + paused.height).toBeLessThanOrEqual(controlsTop);
    await expectNightColours(page);
    await expectNoAxeViolations(page);
    await snap(page, `night-player-${size.width}`);

    // One tap from the player turns it off again, and the choice is kept.
    await page.getByRole('button', { name: 'Night mode' }).click();
    await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.5);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Night mode' })).toHaveAttribute('aria-pressed', 'false');
  });
}

test('night mode comes on by itself at the chosen hour, and a tap turns it off for that night only', async ({ page, openApp, host }) => {
  await host.api('settings:update', { nightMode: 'auto', nightFromHour: 22 });
  await page.clock.install({ time: new Date(2026, 10, 28, 21, 58) });
  await openApp('/library');
  const nightSwitch = page.getByRole('button', { name: 'Night mode' });
  await expect(nightSwitch).toHaveAttribute('aria-pressed', 'false');
  await page.clock.fastForward(3 * 60_000); // past 10 p.m.: the next minute's check turns it on
  await expect(nightSwitch).toHaveAttribute('aria-pressed', 'true');
  expect(await backgroundLuminance(page)).toBeLessThan(0.01);
  await nightSwitch.click();
  await expect(nightSwitch).toHaveAttribute('aria-pressed', 'false');
  expect((await host.api('settings:get', null)).body).toMatchObject({ ok: true, value: { nightMode: 'auto' } });

  // The setting itself: on by itself, and from which hour.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('radio', { name: 'On by itself in the evening' })).toBeChecked();
  await page.getByLabel('Night mode comes on at').selectOption('23');
  await expect.poll(async () => (await host.api('settings:get', null)).body).toMatchObject({ value: { nightFromHour: 23 } });
  await page.getByRole('radio', { name: 'On', exact: true }).check();
  await expect(nightSwitch).toHaveAttribute('aria-pressed', 'true');
  await expectNightColours(page);
  await expectNoAxeViolations(page);
});

/** Replaces speech synthesis with a recorder: every utterance's text, in order. */
async function recordSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const said: string[] = [];
    Object.assign(window, { spokenWords: said });
    const synth = window.speechSynthesis;
    synth.speak = (utterance: SpeechSynthesisUtterance) => void said.push(utterance.text);
    synth.cancel = () => undefined;
    // Each utterance "ends" at once, so counts said only into silence are recorded too.
    Object.defineProperty(synth, 'speaking', { get: () => false });
    Object.defineProperty(synth, 'pending', { get: () => false });
  });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spokenWords: string[] }).spokenWords.slice());

test('the whole bedtime routine can be followed by ear: every phase has words, in order, with counts and each rep', async ({ page, openApp }) => {
  test.slow(); // a second at a time through 12 minutes
  const content = loadValidContentDir(bundledContentDir);
  // As the app plays it with spoken cues on: each get-ready as long as its words take to say.
  const plan = withTimeToSpeak(planRoutine(content.routines.find((r) => r.id === 'bedtime-spasm-relief')!, new Map(content.exercises.map((e) => [e.id, e]))), 1);
  await recordSpeech(page);
  await page.clock.install();
  await openApp('/play/bedtime-spasm-relief');
  await expect(page.locator('#player-heading')).toBeVisible();
  // The clock stops running in real time: each step is exactly a second, so no count is stepped over on a busy machine.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  const prompts: string[] = [];
  const summary = page.getByRole('heading', { name: 'Routine complete' });
  for (let second = 0; second < plan.totalMs / 1000 + 5 && !(await summary.isVisible()); second++) {
    await page.clock.runFor(1000);
    const prompt = await page.locator('.prompt').textContent({ timeout: 100 }).catch(() => null);
    if (prompt && prompts.at(-1) !== prompt) prompts.push(prompt);
  }
  await expect(summary).toBeVisible();
  const said = await spoken(page);

  // Every phase's announcement, in the routine's order.
  const announcements = plan.phases.map((phase) => phaseAnnouncement(phase, plan.items[phase.itemIndex]!));
  expect(said.filter((words) => announcements.includes(words))).toEqual(announcements);
  // Lower-trunk rotation: the sides alternate, by ear and on screen.
  const sides = said.filter((words) => /^Knees to the (left|right)$/.test(words));
  expect(sides).toEqual(['Knees to the right', 'Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right']);
  expect(prompts.filter((words) => words.startsWith('Knees')).slice(0, 4)).toEqual(['Knees to the left', 'Knees to the right', 'Knees to the left', 'Knees to the right']);
  // Pelvic tilts: each rep's call and its turn ("and release").
  expect(said.filter((words) => /^\d+\. Tilt$/.test(words))).toEqual(['2. Tilt', '3. Tilt', '4. Tilt', '5. Tilt', '6. Tilt', '7. Tilt', '8. Tilt', '9. Tilt', '10. Tilt']);
  expect(said.filter((words) => words === 'and release')).toHaveLength(10);
  // Holds: the last five seconds counted aloud, once per hold and get-ready time of 10 s or more.
  const longCountdowns = plan.phases.filter((p) => p.endMs - p.startMs >= 10_000 && (p.kind === 'prepare' || (p.kind === 'work' && p.pacing.kind === 'hold'))).length;
  expect(said.filter((words) => words === '5')).toHaveLength(longCountdowns);
  expect(said.at(-1)).toBe('Routine complete. Well done');
});

test('"This hurts" is said as "Stopped", pause and resume are said, and the screen shows each', async ({ page, openApp }) => {
  await recordSpeech(page);
  await page.clock.install();
  await openApp('/play/bedtime-spasm-relief');
  await page.clock.fastForward(12_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText('Resuming')).toBeVisible();
  await page.getByRole('button', { name: 'This hurts' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect((await spoken(page)).slice(-3)).toEqual(['Paused', 'Resuming', 'Stopped']);
});
