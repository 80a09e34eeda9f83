import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { sampleExercise, sampleSession, sampleSpasm } from '../support/log-samples';
import { startWebHost, type WebHostProcess } from '../support/web-host-process';
import { expect, expectNoAxeViolations, paintedPixels, snap, test } from './fixtures';

/**
 * The therapist's report of a synthesised six-week history, printed by
 * Chromium from the same print view the desktop app prints, and read back
 * with poppler's pdftotext. Every figure the test expects is worked out here
 * from the history itself, not by the app's code.
 *
 * Today is Wednesday 18 November 2026 (UTC). The plan, from Monday 5 October,
 * is the default: the bedtime routine every evening. The report covers the
 * six whole weeks 5 October – 15 November. In week w (0–5) the routine is done
 * on the first `done[w]` days, with pain before `painBefore[w]` and after one
 * point less (but 2 points more once, in week 2: "pain rose"). Spasms happen
 * at 23:00 on the first `spasmNights[w]` days, strength 6 (one of 9 in week 1).
 * In week 3 "This hurts" stops cat–cow and the routine carries on.
 */

const NOW = new Date('2026-11-18T12:00:00Z');
const FIRST_DAY = Date.UTC(2026, 9, 5); // Monday 5 October 2026
const done = [3, 4, 5, 5, 6, 6];
const painBefore = [7, 6, 6, 5, 5, 4];
const spasmNights = [4, 3, 3, 2, 1, 1];
const NOTE = 'Felt "tight", better after heat; =not a formula';

const dayIso = (week: number, day: number, time: string) => `${new Date(FIRST_DAY + (week * 7 + day) * 86_400_000).toISOString().slice(0, 10)}T${time}:00+00:00`;

async function ok(response: Promise<{ status: number; body: unknown }>): Promise<void> {
  const { status, body } = await response;
  expect(status, JSON.stringify(body)).toBe(200);
}

async function synthesiseSixWeeks(host: WebHostProcess): Promise<void> {
  await ok(host.api('plan:get', { now: dayIso(0, 0, '12:00') }));
  for (let week = 0; week < 6; week++) {
    for (let day = 0; day < done[week]!; day++) {
      const startedAt = dayIso(week, day, '21:30');
      const rose = week === 2 && day === 1;
      const hurt = week === 3 && day === 0;
      await ok(
        host.api('sessions:save', {
          ...sampleSession(startedAt),
          timeZone: 'UTC',
          painBefore: painBefore[week],
          painAfter: rose ? painBefore[week]! + 2 : painBefore[week]! - 1,
          note: week === 1 && day === 0 ? NOTE : '',
          effort: 'about-right',
          exercises: [sampleExercise('cat-cow', 'Cat–cow', hurt ? 'stopped-for-pain' : 'completed', 8), sampleExercise('pelvic-tilt', 'Pelvic tilts', 'completed', 8)],
          painEvents: hurt ? [{ exerciseId: 'cat-cow', at: dayIso(week, day, '21:32'), positionMs: 120_000 }] : [],
        }),
      );
    }
    for (let day = 0; day < spasmNights[week]!; day++) {
      await ok(host.api('spasms:create', { ...sampleSpasm(dayIso(week, day, '23:00'), week === 1 && day === 0 ? 9 : 6), timeZone: 'UTC', note: '' }));
    }
  }
}

/** What the summary must say, worked out from the arrays above. */
function expectedFigures() {
  const sessions = done.reduce((a, b) => a + b, 0);
  const planned = 6 * 7;
  const median = (week: number) => painBefore[week]!; // every session of a week has the same score
  return {
    adherence: `Adherence: ${sessions} of ${planned} planned sessions done (${Math.round((sessions / planned) * 100)}\u00a0%)`,
    pain: `${median(0)}/10 in the week of 5 Oct, ${median(5)}/10 in the week of 9 Nov: −${median(0) - median(5)} points, a noticeable improvement`,
    spasms: `Nights with a spasm: ${spasmNights.reduce((a, b) => a + b, 0)} in all; ${spasmNights[0]} of 7 nights in the week of 5 Oct; ${spasmNights[5]} of 7 nights in the week of 9 Nov`,
    // Week 4 and 5 are done Monday to Saturday; every Sunday is missed, as are 16 and 17 November.
    streak: 'Streak as of 18 Nov 2026: none under way; longest 6 planned days',
  };
}

const printPath = (paper: 'a4' | 'letter') => `/report/print?from=2026-10-05&to=2026-11-15&paper=${paper}&patient=Sam%20Patient&therapist=Jo%20Smith`;

/** Prints the report view to a PDF as the desktop app does, and returns its path. */
async function printReport(page: Page, paper: 'a4' | 'letter'): Promise<string> {
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible();
  mkdirSync('test-results/report', { recursive: true });
  const path = `test-results/report/report-${paper}.pdf`;
  writeFileSync(path, await page.pdf({ format: paper === 'a4' ? 'A4' : 'Letter', printBackground: true, preferCSSPageSize: false }));
  return path;
}

const pdfText = (path: string, page?: number) => execFileSync('pdftotext', ['-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-'], { encoding: 'utf8' });
const pdfInfo = (path: string) => execFileSync('pdfinfo', [path], { encoding: 'utf8' });

test.use({ timezoneId: 'UTC', locale: 'en-GB' });

test.beforeEach(async ({ host }) => {
  await synthesiseSixWeeks(host);
});

test('the report states the summary figures worked out independently, safety first, on every page its dates, version and page number', async ({ page, openApp }) => {
  test.slow();
  await page.clock.install({ time: NOW });
  await openApp(printPath('a4'));
  await expect(page.getByRole('heading', { name: 'Progress report', level: 1 })).toBeVisible();
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible();
  for (const painted of await paintedPixels(page)) expect(painted).toBeGreaterThan(2000);
  await expectNoAxeViolations(page);
  await snap(page, 'report-print-view');

  const path = await printReport(page, 'a4');
  const info = pdfInfo(path);
  // A4 is 595 × 842 pt; Chromium rounds the page to whole pixels at 96 per inch.
  expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(6);

  // pdftotext keeps the layout: a sentence may wrap, so compare with runs of white space made single.
  const text = pdfText(path).replace(/\s+/g, ' ');
  const figures = expectedFigures();
  for (const figure of Object.values(figures)) expect(text).toContain(figure.replace(/\s+/g, ' '));
  expect(text).toContain('Patient Sam Patient');
  expect(text).toContain('For Jo Smith');
  expect(text).toContain('Needs attention: "This hurts" pressed 1 time; pain rose by 2 points or more in 1 session; 1 spasm of 8/10 or more; stopped for pain: Cat–cow');
  // Safety comes before the charts, and each event is listed.
  expect(text.indexOf('Safety first')).toBeLessThan(text.indexOf('Week by week'));
  expect(text).toContain('26 Oct 2026 21:32 Cat–cow Bedtime spasm relief Skipped the exercise and carried on');
  expect(text).toMatch(/20 Oct 2026 21:30 Bedtime spasm relief 6 8 \+2/);
  expect(text).toContain('12 Oct 2026 23:00 9/10 1 to 5 minutes');
  expect(text).toContain('Cat–cow 8 slow reps 28 0 1');
  expect(text).toContain('From 5 Oct 2026: Bedtime spasm relief: every day');
  expect(text).toContain(`12 Oct 2026 21:30, Bedtime spasm relief: ${NOTE}`);

  for (let number = 1; number <= pages; number++) {
    const pageText = pdfText(path, number).replace(/\s+/g, ' ');
    expect(pageText).toContain(`Page ${number} of ${pages}`);
    expect(pageText).toContain('5 Oct 2026 to 15 Nov 2026 · made 18 Nov 2026');
    expect(pageText).toMatch(/Backcare Coach \d+\.\d+\.\d+/);
  }

  // Pictures of the pages, to look at; and a chart printed is not blank: its page has dark pixels where the canvas is.
  execFileSync('pdftoppm', ['-r', '60', '-png', path, 'tests/screenshots/report-a4-page']);
});

test('on US Letter the report fits the paper too', async ({ page, openApp }) => {
  await page.clock.install({ time: NOW });
  await openApp(printPath('letter'));
  const path = await printReport(page, 'letter');
  expect(pdfInfo(path)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  const text = pdfText(path).replace(/\s+/g, ' ');
  expect(text).toContain(expectedFigures().adherence.replace(/\s+/g, ' '));
  // The widest table's last column is on the page, not cut off.
  expect(text).toContain('Felt too easy / about right / too hard');
});

test('the share screen makes the report (the browser opens the print view) and saves each CSV table as a download', async ({ page, openApp }) => {
  await page.clock.install({ time: NOW });
  await openApp('/share');
  await expect(page.getByRole('heading', { name: 'Share and back up', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'share');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save “Sessions” as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('backcare-sessions-2026-11-18.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(done.reduce((a, b) => a + b, 0));
  expect(rows.find((row) => row.note !== '')?.note).toBe(NOTE);
  await expect(page.getByRole('status')).toContainText('The sessions table saved to');

  await page.getByRole('radio', { name: 'Choose the days' }).check();
  await page.getByLabel('First day').fill('2026-10-05');
  await page.getByLabel('Last day').fill('2026-11-15');
  await page.getByLabel('Your name (optional)').fill('Sam Patient');
  await expect(page.getByRole('radio', { name: 'A4' })).toBeChecked();
  await page.getByRole('button', { name: 'Make the PDF report' }).click();
  await expect(page.getByRole('heading', { name: 'Progress report', level: 1 })).toBeVisible();
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible();
  await expect(page.getByTestId('report-summary')).toContainText(expectedFigures().adherence);
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();

  // The next report can start where this one ended.
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: /Since the last report/ })).toBeEnabled();
  await expect(page.getByText('(it ended on 2026-11-15)')).toBeVisible();
});

test('a backup saved as a download restores: merged, it adds nothing twice; into an empty app, it replaces everything after confirming', async ({ page, openApp }) => {
  test.slow();
  await page.clock.install({ time: NOW });
  await openApp('/share');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save a backup' }).click()]);
  expect(download.suggestedFilename()).toBe('backcare-backup-2026-11-18.json');
  mkdirSync('test-results/report', { recursive: true });
  const backupPath = `test-results/report/${download.suggestedFilename()}`;
  await download.saveAs(backupPath);
  const sessions = done.reduce((a, b) => a + b, 0);
  const spasms = spasmNights.reduce((a, b) => a + b, 0);

  const pickBackup = async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore from a backup…' }).click()]);
    await chooser.setFiles(backupPath);
  };
  await pickBackup();
  const picked = page.getByRole('group', { name: '“backcare-backup-2026-11-18.json”' });
  await expect(picked).toContainText(`${sessions} sessions and ${spasms} spasm entries, from 5 October 2026 to 14 November 2026`);
  await picked.getByRole('button', { name: 'Add what is missing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toContainText(
    `Added 0 sessions and 0 spasm entries from the backup; ${sessions + spasms} entries were already here and left as they were.`,
  );

  // A new computer: an empty data folder, the same file.
  const fresh = await startWebHost();
  try {
    await fresh.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
    await page.goto(`${fresh.url}#/share`);
    await pickBackup();
    await page.getByRole('button', { name: 'Replace everything…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Replace all your data with this backup?' });
    await expect(dialog.getByRole('button', { name: 'Keep my data' })).toBeFocused();
    await expectNoAxeViolations(page);
    await snap(page, 'share-restore-confirm');
    await dialog.getByRole('button', { name: 'Replace everything' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your data is now' })).toContainText(`Your data is now the backup's: ${sessions} sessions and ${spasms} spasm entries`);
    const history = (await fresh.api('history:list', { limit: 500 })).body as { value: { entries: unknown[] } };
    expect(history.value.entries).toHaveLength(sessions + spasms);
  } finally {
    await fresh.stop();
  }
});

test('a file that is not a backup is refused with what is wrong, and nothing changes', async ({ page, openApp, host }) => {
  await page.clock.install({ time: NOW });
  await openApp('/share');
  mkdirSync('test-results/report', { recursive: true });
  const bad = 'test-results/report/not-a-backup.json';
  writeFileSync(bad, JSON.stringify({ format: 'backcare-backup', formatVersion: 1, createdAt: 'yesterday' }));
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Restore from a backup…' }).click()]);
  await chooser.setFiles(bad);
  await expect(page.getByRole('alert')).toContainText('This file cannot be restored:');
  await expect(page.getByRole('alert')).toContainText('createdAt');
  await expect(page.getByRole('button', { name: 'Replace everything…' })).toBeHidden();
  const history = (await host.api('history:list', { limit: 500 })).body as { value: { entries: unknown[] } };
  expect(history.value.entries).toHaveLength(done.reduce((a, b) => a + b, 0) + spasmNights.reduce((a, b) => a + b, 0));
});

test('the share screen and the report view fit a 360 px window, in the dark theme too, with nothing sideways', async ({ page, openApp }) => {
  await page.clock.install({ time: NOW });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp('/share');
  await expect(page.getByRole('heading', { name: 'Share and back up', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expectNoAxeViolations(page);
  await snap(page, 'share-narrow-dark');
  await openApp(printPath('a4'));
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expectNoAxeViolations(page);
  await snap(page, 'report-narrow-dark');
});
