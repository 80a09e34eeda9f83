import type { Locator, Page } from '@playwright/test';
import type { NewSession } from '../../core/log/session-schema';
import { sampleExercise, sampleSession, sampleSpasm } from '../support/log-samples';
import type { WebHostProcess } from '../support/web-host-process';
import { expect, expectNoAxeViolations, paintedPixels, snap, test } from './fixtures';

/**
 * The dashboard against a history whose figures were worked out by hand.
 *
 * "Today" is Wednesday 18 November 2026, noon UTC (the page's clock is set
 * there; it is in the past, so the host accepts everything). The plan is the
 * default one, the bedtime routine every evening, from Thursday 29 October.
 * Weeks start on Monday and a new day at 4 a.m. (the defaults).
 *
 * Bedtime sessions (10 min each, pain 6 → 4 unless said):
 *   Mon 2 Nov, Wed 4 Nov (one exercise of two skipped: still counts, half were done)
 *   Mon 9, Tue 10 (pain 6 → 8: rose), Wed 11 (6 → 5: no change), Thu 12 Nov
 *   Sun 15, Mon 16, and one at 00:40 on Wed 18 Nov, which is lived on Tue 17.
 * Night spasms: Tue 3 Nov 22:00 (5); Tue 10 Nov 23:00 (6) and 03:00 on the 11th (4),
 * both the night of the 10th; 02:10 on Tue 17 Nov (8), the night of the 16th.
 *
 * So, by hand:
 *   streak: 15, 16, 17 done, 18 due → current 3; 9–12 → longest 4.
 *   this week (16–22 Nov, all planned): 2 of 7.
 *   4-week range, weeks of 26 Oct (planned Thu–Sun: 4), 2, 9, 16 Nov (7 each):
 *     done 0, 2, 5, 2 → 0 %, 29 % (2/7), 71 % (5/7), 29 %; in all 9 of 25 = 36 %.
 *   minutes 0, 20, 50, 20; pain eased 0, 2, 3, 2; rose 0, 0, 1, 0.
 *   spasm nights 0, 1, 1, 1; average strength –, 5, 5 ((6+4)/2), 8.
 *   months: October (26–31 shown, planned 29–31) 0 of 3; November 1–18: 9 of 18 = 50 %, 90 min.
 *   pain: 9 sessions, mean before 6, after (7×4 + 8 + 5)/9 = 4.6; eased 7, rose 1.
 *   calendar (26 weeks to today): 9 done, 11 not done (29 Oct – 17 Nov less the 9), today due.
 *   milestones: only "Your first session", on 2 November.
 */

const NOW = new Date('2026-11-18T12:00:00Z');

async function saveSession(host: WebHostProcess, startedAt: string, changes: Partial<NewSession> = {}): Promise<void> {
  const response = await host.api('sessions:save', { ...sampleSession(startedAt), timeZone: 'UTC', ...changes });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function synthesiseHistory(host: WebHostProcess): Promise<void> {
  // The plan is made on first use, from that day: asking for it "on" 29 October starts it there.
  expect((await host.api('plan:get', { now: '2026-10-29T12:00:00+00:00' })).status).toBe(200);
  await saveSession(host, '2026-11-02T21:30:00+00:00');
  await saveSession(host, '2026-11-04T21:30:00+00:00', {
    exercises: [sampleExercise('pelvic-tilt', 'Pelvic tilts', 'completed'), sampleExercise('cat-cow', 'Cat–cow', 'skipped')],
  });
  await saveSession(host, '2026-11-09T21:30:00+00:00');
  await saveSession(host, '2026-11-10T21:30:00+00:00', { painAfter: 8 });
  await saveSession(host, '2026-11-11T21:30:00+00:00', { painAfter: 5 });
  await saveSession(host, '2026-11-12T21:30:00+00:00');
  await saveSession(host, '2026-11-15T21:30:00+00:00');
  await saveSession(host, '2026-11-16T21:30:00+00:00');
  await saveSession(host, '2026-11-18T00:40:00+00:00');
  for (const [at, intensity] of [
    ['2026-11-03T22:00:00+00:00', 5],
    ['2026-11-10T23:00:00+00:00', 6],
    ['2026-11-11T03:00:00+00:00', 4],
    ['2026-11-17T02:10:00+00:00', 8],
  ] as const) {
    expect((await host.api('spasms:create', { ...sampleSpasm(at, intensity), timeZone: 'UTC' })).status).toBe(200);
  }
}

/** The body rows of a table, cell texts trimmed. */
/** The cells of a table's body, row by row, once the table is there (tables behind "Show the numbers" are built as they open). */
async function rowsOf(table: Locator): Promise<string[][]> {
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function chartsDrawn(page: Page): Promise<void> {
  await expect(page.locator('.chart-box')).toHaveCount(3);
  await expect(page.locator('.chart-box[data-drawn="true"]')).toHaveCount(3);
}

test.use({ timezoneId: 'UTC' });

test.beforeEach(async ({ host }) => {
  await synthesiseHistory(host);
});

test('the home screen shows the streak and this week, and celebrates a milestone once', async ({ page, openApp, host }) => {
  await page.clock.install({ time: NOW });
  await openApp('/library');
  const summary = page.getByRole('region', { name: 'Your plan so far' });
  await expect(summary).toContainText('Current streak3 planned days in a row');
  await expect(summary).toContainText('Longest streak4 planned days');
  await expect(summary).toContainText('This week2 of 7 planned sessions');
  const note = page.getByRole('status').filter({ hasText: 'A milestone' });
  await expect(note).toContainText('Your first session, on 2 November 2026.');
  await expect.poll(async () => (await host.api('settings:get')).body).toMatchObject({ value: { milestonesSeen: ['first-session'] } });
  // The Start buttons still come first among the routines, and still work by name.
  await expect(page.getByRole('button', { name: 'Start Relaxation' })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'home-progress');

  await note.getByRole('button', { name: 'Close note' }).click();
  await expect(note).toBeHidden();
  await page.reload();
  await expect(summary).toContainText('3 planned days in a row');
  await expect(page.getByText('Your first session, on')).toBeHidden();

  await summary.getByRole('link', { name: 'Your progress' }).click();
  await expect(page.getByRole('heading', { name: 'Your progress', level: 1 })).toBeVisible();
  // Seen once on the home screen: the dashboard lists it, without a second note.
  await expect(page.getByRole('region', { name: 'Milestones' })).toContainText('Your first session2 November 2026');
  await expect(page.getByText('A milestone')).toBeHidden();
});

test('the dashboard shows the hand-worked figures, draws every chart, and the range changes them', async ({ page, openApp }) => {
  await page.clock.install({ time: NOW });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp('/progress');
  await expect(page.getByRole('heading', { name: 'Your progress', level: 1 })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('Current streak3 planned days in a row');
  await expect(main).toContainText('Longest streak4 planned days');
  await expect(main).toContainText('This week2 of 7 planned sessions');
  await expect(main).toContainText('A session counts as done when you finished it, or when you did at least half of its exercises.');
  await expect(main).toContainText('Weeks start on Monday.');
  await expect(main).toContainText('A new day starts at 4 a.m., so a routine at 00:40 counts for the evening before.');
  await expect(page.getByRole('button', { name: '4 weeks' })).toHaveAttribute('aria-pressed', 'true');

  // Every chart is drawn: its canvas holds painted pixels.
  await chartsDrawn(page);
  for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(2000);

  const adherence = page.getByRole('region', { name: 'Your plan, week by week' });
  await expect(adherence).toContainText('You did 9 of the 25 sessions planned in the last 4 weeks, this whole week included (36 %).');
  await adherence.getByText('Show the numbers').click();
  expect(await rowsOf(adherence.getByRole('table', { name: 'Planned sessions done each week' }))).toEqual([
    ['26 Oct', '0', '4', '0 %', '0'],
    ['2 Nov', '2', '7', '29 %', '20'],
    ['9 Nov', '5', '7', '71 %', '50'],
    ['16 Nov', '2', '7', '29 %', '20'],
  ]);

  const spasms = page.getByRole('region', { name: 'Night spasms, week by week' });
  await expect(spasms).toContainText('You logged a spasm on 3 nights in the last 4 weeks');
  await spasms.getByText('Show the numbers').click();
  expect(await rowsOf(spasms.getByRole('table', { name: 'Night spasms each week' }))).toEqual([
    ['26 Oct', '0', '–'],
    ['2 Nov', '1', '5'],
    ['9 Nov', '1', '5'],
    ['16 Nov', '1', '8'],
  ]);

  const pain = page.getByRole('region', { name: 'Pain before and after sessions' });
  await expect(pain).toContainText(
    'Over 9 sessions in the last 4 weeks, your pain was 6 out of 10 on average before and 4.6 after; it eased by 2 points or more after 7 sessions and rose by 2 or more after 1.',
  );
  await pain.getByText('Show the numbers').click();
  const painRows = await rowsOf(pain.getByRole('table', { name: 'Pain before and after each session' }));
  expect(painRows).toHaveLength(9);
  expect(painRows[3]).toEqual(['10 Nov', 'Bedtime spasm relief', '6', '8', 'Rose by 2 or more']);
  expect(painRows[4]).toEqual(['11 Nov', 'Bedtime spasm relief', '6', '5', '']);
  // The session at 00:40 on the 18th belongs to the evening of the 17th.
  expect(painRows[8]).toEqual(['17 Nov', 'Bedtime spasm relief', '6', '4', 'Eased by 2 or more']);

  const periods = page.getByRole('region', { name: 'Weeks and months' });
  expect(await rowsOf(periods.getByRole('table', { name: 'Week by week' }))).toEqual([
    ['26 Oct', '0', '4', '0 %', '0', '0', '0'],
    ['2 Nov', '2', '7', '29 %', '20', '2', '0'],
    ['9 Nov', '5', '7', '71 %', '50', '3', '1'],
    ['16 Nov', '2', '7', '29 %', '20', '2', '0'],
  ]);
  expect(await rowsOf(periods.getByRole('table', { name: 'Month by month' }))).toEqual([
    ['October 2026', '0', '3', '0 %', '0'],
    ['November 2026', '9', '18', '50 %', '90'],
  ]);
  expect(await rowsOf(page.getByRole('table', { name: 'How each exercise went' }))).toEqual([
    ['Cat–cow', '0', '1', '0', '0', '0'],
    ['Pelvic tilts', '9', '0', '0', '0', '0'],
  ]);

  const calendar = page.getByRole('region', { name: 'Day by day' });
  await expect(calendar).toContainText('9 days done, 11 not done.');
  await expect(calendar.getByRole('table', { name: 'November 2026' }).getByRole('cell', { name: '17 Done' })).toBeVisible();
  await expect(calendar.getByRole('table', { name: 'November 2026' }).getByRole('cell', { name: '18 Due today' })).toBeVisible();
  await expect(calendar.getByRole('table', { name: 'November 2026' }).getByRole('cell', { name: '14 Not done' })).toBeVisible();

  await expectNoAxeViolations(page);
  await snap(page, 'dashboard');

  // Three months: thirteen weeks on both week charts, the same numbers where the weeks overlap.
  const before = await paintedPixels(page);
  await page.getByRole('button', { name: '3 months' }).click();
  await expect(page.getByRole('button', { name: '3 months' })).toHaveAttribute('aria-pressed', 'true');
  await expect(adherence).toContainText('You did 9 of the 25 sessions planned in the last 3 months');
  await chartsDrawn(page);
  const weekRows = await rowsOf(adherence.getByRole('table', { name: 'Planned sessions done each week' }));
  expect(weekRows).toHaveLength(13);
  expect(weekRows[0]).toEqual(['24 Aug', '0', '0', '–', '0']);
  expect(weekRows.slice(-4).map((row) => row[1])).toEqual(['0', '2', '5', '2']);
  expect((await rowsOf(spasms.getByRole('table', { name: 'Night spasms each week' }))).map((row) => row[0])).toEqual(weekRows.map((row) => row[0]));
  const after = await paintedPixels(page);
  expect(after).not.toEqual(before);
  for (const painted of after) expect(painted).toBeGreaterThan(2000);

  await page.getByRole('button', { name: 'All' }).click();
  await expect(adherence).toContainText('since 26 October 2026');
  await chartsDrawn(page);
});

test('the dashboard in the dark, and in a 360 px window', async ({ page, openApp }) => {
  await page.clock.install({ time: NOW });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp('/progress');
  await chartsDrawn(page);
  for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(2000);
  await expectNoAxeViolations(page);
  await snap(page, 'dashboard-dark');

  // Opened afresh at 360 px (Playwright's fake clock stalls Chart.js's resize; the test below resizes with a real one).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await chartsDrawn(page);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(page);
  await snap(page, 'dashboard-narrow-dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await chartsDrawn(page);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await snap(page, 'dashboard-narrow');

  await page.goto(page.url().replace(/#.*$/, '#/library'));
  await expect(page.getByRole('region', { name: 'Your plan so far' })).toContainText('3 planned days in a row');
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await snap(page, 'home-progress-narrow');
});

test('the charts follow the theme and the window as they change, without a reload', async ({ page, openApp }) => {
  // The real clock: "today" is whatever today is, so only drawing is checked here, not figures.
  await page.setViewportSize({ width: 1280, height: 900 });
  await openApp('/progress');
  await chartsDrawn(page);
  const light = await paintedPixels(page);
  const colours = () => page.locator('.chart-box canvas').first().evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const lightImage = await colours();

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(colours).not.toBe(lightImage);
  await chartsDrawn(page);

  await page.setViewportSize({ width: 360, height: 740 });
  await expect.poll(() => sideways(page)).toBeLessThanOrEqual(0);
  const narrow = await paintedPixels(page);
  for (const [index, painted] of narrow.entries()) {
    expect(painted).toBeGreaterThan(500);
    expect(painted).toBeLessThan(light[index]!);
  }
});

test('History marks pain that rose or eased, and the milestone on its day', async ({ page, openApp }) => {
  await openApp('/history');
  const tenth = page.getByRole('region', { name: 'Tuesday 10 November 2026' });
  await expect(tenth.getByRole('button', { name: /Bedtime spasm relief/ })).toContainText('Pain rose');
  const eleventh = page.getByRole('region', { name: 'Wednesday 11 November 2026' });
  await expect(eleventh.getByRole('listitem').first()).not.toContainText(/Pain (rose|eased)/);
  const second = page.getByRole('region', { name: 'Monday 2 November 2026' });
  await expect(second).toContainText('Pain eased');
  await expect(second).toContainText('Milestone: Your first session');
  // Listed where the dashboard counts it: the 00:40 session on the 18th is the evening of the 17th.
  const seventeenth = page.getByRole('region', { name: 'Tuesday 17 November 2026' });
  await expect(seventeenth.getByRole('button', { name: /^00:40 after midnight/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wednesday 18 November 2026' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await snap(page, 'history-pain-marks');
});

test.describe('with pain scores asked', () => {
  test.use({ askPainScores: true });

  test('the summary says when pain rose by 2 or more, calmly, and the dashboard is asked again', async ({ page, openApp }) => {
    await page.clock.install({ time: NOW });
    await openApp('/library');
    await expect(page.getByRole('region', { name: 'Your plan so far' })).toContainText('2 of 7 planned sessions');
    await page.getByRole('button', { name: 'Start Relaxation' }).click();
    await page.getByRole('button', { name: '2', exact: true }).click();
    const summary = page.getByRole('heading', { name: 'Routine complete' });
    for (let step = 0; step < 40 && !(await summary.isVisible()); step++) {
      await page.clock.fastForward(15_000);
      await page.waitForTimeout(30);
    }
    await expect(page.getByText('Saved to your history.')).toBeVisible();
    await page.getByRole('group', { name: 'How is your back pain now?' }).getByRole('button', { name: '5', exact: true }).click();
    await expect(page.getByText('Pain rose by 3 points (2 → 5).')).toBeVisible();
    await expect(page.getByText(/talk it over with your physiotherapist/)).toBeVisible();
    await page.getByRole('button', { name: '3', exact: true }).click();
    await expect(page.getByText(/Pain (rose|eased)/)).toBeHidden();
    await expectNoAxeViolations(page);

    // Wednesday's bedtime routine is still to do, but this week's count was stale and is asked for again.
    await page.getByRole('link', { name: 'Back to routines' }).click();
    await expect(page.getByRole('region', { name: 'Your plan so far' })).toContainText('2 of 7 planned sessions');
    await page.getByRole('link', { name: 'Your progress' }).click();
    await expect(page.getByRole('region', { name: 'Pain before and after sessions' })).toContainText('Over 10 sessions');
  });
});
