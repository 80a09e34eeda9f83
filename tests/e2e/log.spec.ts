import type { HistoryPage } from '../../core/log/history';
import type { SessionRecord } from '../../core/log/session-schema';
import { sampleSession, sampleSpasm } from '../support/log-samples';
import { startWebHost } from '../support/web-host-process';
import { expect, expectNoAxeViolations, snap, test } from './fixtures';

type Api = { api(channel: string, payload?: unknown): Promise<{ status: number; body: unknown }> };

async function history(host: Api, query: object = {}): Promise<HistoryPage> {
  const response = await host.api('history:list', query);
  return (response.body as { value: HistoryPage }).value;
}

test('a night spasm is logged in two taps, and details can be added', async ({ page, openApp, host }) => {
  await openApp('/library');
  await page.getByRole('button', { name: 'Log a night spasm' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log a night spasm' });
  await dialog.getByRole('button', { name: '7', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('a spasm of 7 out of 10');
  const [logged] = (await history(host)).entries;
  expect(logged).toMatchObject({ kind: 'spasm', record: { intensity: 7, triggers: [], position: null } });
  await expectNoAxeViolations(page);
  await snap(page, 'spasm-dialog');

  await dialog.getByRole('radio', { name: 'On my back' }).check();
  await dialog.getByRole('checkbox', { name: 'Stress' }).check();
  await dialog.getByRole('checkbox', { name: 'Heat' }).check();
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('status')).toContainText('Details saved');
  expect((await history(host)).entries[0]).toMatchObject({ record: { intensity: 7, position: 'back', triggers: ['stress'], helped: ['heat'] } });
});

test.describe('with pain scores asked (the default), in New York', () => {
  // A zone with a real offset, so times are stored as the person lived them (not UTC).
  test.use({ askPainScores: true, timezoneId: 'America/New_York' });

  test('a finished routine is recorded with pain before and after, effort and a note', async ({ page, openApp, host }) => {
  await page.clock.install();
  await openApp('/library');
  await page.getByRole('button', { name: 'Start Relaxation' }).click();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '6', exact: true }).click();
  await expect(page.locator('#player-heading')).toHaveText(/^Next: /);
  const summary = page.getByRole('heading', { name: 'Routine complete' });
  for (let step = 0; step < 40 && !(await summary.isVisible()); step++) {
    await page.clock.fastForward(15_000);
    await page.waitForTimeout(30);
  }
  await expect(summary).toBeVisible();
  await expect(page.getByText('Saved to your history.')).toBeVisible();
  await page.getByRole('group', { name: 'How is your back pain now?' }).getByRole('button', { name: '3', exact: true }).click();
  await page.getByRole('button', { name: 'About right' }).click();
  await page.getByLabel(/Note for yourself/).fill('Slept better after this.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Note saved.')).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'summary-with-log');

  const [entry] = (await history(host)).entries;
  const session = entry!.record as SessionRecord;
  expect(session).toMatchObject({
    routine: { id: 'relaxation', version: 1 },
    ending: 'completed',
    painBefore: 6,
    painAfter: 3,
    effort: 'about-right',
    note: 'Slept better after this.',
  });
  expect(session.exercises.every((e) => e.outcome === 'completed')).toBe(true);
  expect(session.startedAt).toMatch(/-0[45]:00$/);
  expect(session.timeZone).toBe('America/New_York');
  expect(session.localDay).toBe(session.startedAt.slice(0, 10));
  expect((await host.api('progress:get')).body).toMatchObject({ value: null });
});

});

test('history groups by day, filters, edits a pain score, and deletes with an undo that survives a restart', async ({ page, openApp, host }) => {
  await host.api('sessions:save', sampleSession('2026-11-20T21:30:00+00:00'));
  await host.api('sessions:save', sampleSession('2026-11-22T21:45:00+00:00', { id: 'core-strength', name: 'Core strength', version: 1 }));
  await host.api('spasms:create', sampleSpasm('2026-11-22T03:10:00+00:00', 8));
  await page.clock.install({ time: new Date('2026-11-24T12:00:00Z') });
  await openApp('/history');

  // The spasm at 03:10 on the 22nd is listed with the night it belongs to, the 21st's (a new day starts at 4 a.m.).
  const days = page.getByRole('region');
  await expect(days).toHaveCount(3);
  await expect(days.first()).toHaveAccessibleName('Sunday 22 November 2026');
  await expect(days.first().getByRole('listitem')).toHaveCount(1);
  await expect(days.nth(1)).toHaveAccessibleName('Saturday 21 November 2026');
  await expect(days.nth(1).getByRole('button', { name: /^03:10 after midnight Night spasm/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'history');

  await page.getByLabel('Show').selectOption({ label: 'Core strength only' });
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await page.getByLabel('Show').selectOption({ label: 'Night spasms only' });
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('listitem')).toContainText('strength 8/10');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('From').fill('2026-11-21');
  await expect(page.getByRole('region')).toHaveCount(2);
  await page.getByLabel('From').fill('2026-11-22');
  await expect(page.getByRole('region')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Edit a pain score.
  const bedtime = page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bedtime spasm relief' });
  await bedtime.getByRole('button', { name: /Bedtime spasm relief/ }).click();
  await bedtime.getByRole('group', { name: 'Pain after' }).getByRole('button', { name: '2', exact: true }).click();
  await expect(bedtime.getByRole('button', { name: /pain 6 → 2/ })).toBeVisible();
  await snap(page, 'history-details');

  // Delete, undo.
  await bedtime.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(page.getByText(/Deleted Bedtime spasm relief/)).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bedtime spasm relief' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bedtime spasm relief' })).toHaveCount(1);

  // Delete, restart the page within the 10 s: the undo is still offered; after 10 s it is gone for good.
  await page.getByRole('main').getByRole('listitem').filter({ hasText: 'Bedtime spasm relief' }).getByRole('button', { name: /Bedtime spasm relief/ }).click();
  await page.getByRole('button', { name: 'Delete this entry' }).click();
  await page.reload();
  await expect(page.getByText(/Deleted Bedtime spasm relief/)).toBeVisible();
  await page.clock.fastForward(11_000);
  await expect(page.getByText(/Deleted Bedtime spasm relief/)).toBeHidden();
  await page.reload();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(2);
  expect((await history(host)).entries.map((e) => e.kind).sort()).toEqual(['session', 'spasm']);
});

test('a routine interrupted by a killed host is offered again, and nothing earlier is missing', async ({ page }) => {
  const first = await startWebHost();
  await first.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString(), askPainScores: false });
  await first.api('sessions:save', sampleSession('2026-11-20T21:30:00+00:00'));
  await first.api('spasms:create', sampleSpasm('2026-11-21T02:00:00+00:00'));
  await page.clock.install();
  await page.goto(`${first.url}#/play/bedtime-spasm-relief`);
  await expect(page.locator('#player-heading')).toHaveText('Next: Diaphragmatic breathing');
  // Into the third exercise: progress is saved as each exercise begins.
  await page.clock.fastForward(143_000);
  await expect(page.locator('#player-heading')).toHaveText('Single knee-to-chest stretch');
  await expect.poll(async () => ((await first.api('progress:get')).body as { value: { itemIndex: number } | null }).value?.itemIndex).toBe(2);

  first.process.kill('SIGKILL');
  await new Promise((resolve) => first.process.once('exit', resolve));
  const second = await startWebHost(first.dataDir);
  try {
    await page.goto('about:blank');
    await page.goto(`${second.url}#/library`);
    const offer = page.getByRole('region', { name: 'Pick up where you stopped?' });
    await expect(offer).toContainText('Bedtime spasm relief');
    await expect(offer).toContainText('exercise 3 of 8');
    await expectNoAxeViolations(page);
    await snap(page, 'resume-offer');
    expect((await history(second)).entries).toHaveLength(2);

    await offer.getByRole('button', { name: /Resume at Single knee-to-chest/ }).click();
    await expect(page.locator('#player-heading')).toHaveText('Next: Single knee-to-chest stretch');
    await expect(page.getByText('Exercise 3 of 8')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').getByRole('button', { name: 'End routine' }).click();
    await expect(page.getByRole('heading', { name: 'Routine ended early' })).toBeVisible();
    await expect(page.getByText('Saved to your history.')).toBeVisible();
    const sessions = (await history(second, { kinds: ['session'] })).entries.map((e) => e.record as SessionRecord);
    const resumed = sessions.find((s) => s.routine.id === 'bedtime-spasm-relief' && s.ending === 'ended-early')!;
    expect(resumed.exercises.slice(0, 2).map((e) => e.outcome)).toEqual(['completed', 'completed']);
  } finally {
    await second.stop();
  }
});

test('an interrupted routine can be kept as an early-ended session instead', async ({ page, host }) => {
  await host.api('settings:update', { safetyAcknowledgedAt: new Date().toISOString() });
  const progress = {
    routine: { id: 'core-strength', name: 'Core strength', version: 1 },
    startedAt: '2026-11-24T07:00:00+00:00',
    savedAt: '2026-11-24T07:04:00+00:00',
    itemIndex: 1,
    exercisedMs: 240_000,
    exercises: [
      { exerciseId: 'abdominal-bracing', name: 'Abdominal bracing', outcome: 'completed', dose: { kind: 'hold', holdSeconds: 10, reps: 6, restBetweenRepsSeconds: 5, sets: 1, restBetweenSetsSeconds: 0, perSide: false }, workDone: 6, workTotal: 6 },
      { exerciseId: 'bird-dog', name: 'Bird-dog', outcome: 'not-reached', dose: { kind: 'hold', holdSeconds: 8, reps: 5, restBetweenRepsSeconds: 5, sets: 1, restBetweenSetsSeconds: 0, perSide: true }, workDone: 0, workTotal: 10 },
    ],
    painEvents: [],
    painBefore: 4,
  };
  expect((await host.api('progress:save', progress)).status).toBe(200);
  await page.goto(`${host.url}#/library`);
  await page.getByRole('button', { name: 'Save what I did and finish' }).click();
  await expect(page.getByRole('region', { name: 'Pick up where you stopped?' })).toBeHidden();
  const [entry] = (await history(host)).entries;
  expect(entry).toMatchObject({ kind: 'session', record: { ending: 'interrupted', painBefore: 4, exercisedMs: 240_000 } });
  expect((await host.api('progress:get')).body).toMatchObject({ value: null });
});

test('a long history shows the newest 50 entries, then older ones on request, none repeated', async ({ page, openApp, host }) => {
  // 60 evenings, one routine each, newest 20 November.
  for (let day = 0; day < 60; day++) {
    const evening = new Date(Date.UTC(2026, 10, 20 - day, 21, 30));
    await host.api('sessions:save', sampleSession(evening.toISOString().replace('.000Z', '+00:00')));
  }
  await openApp('/history');
  const entries = page.getByRole('main').getByRole('listitem');
  await expect(entries).toHaveCount(50);
  await expect(page.getByRole('heading', { name: 'Friday 20 November 2026' })).toBeVisible();

  await page.getByRole('button', { name: 'Show older entries' }).click();
  await expect(entries).toHaveCount(60);
  await expect(page.getByRole('heading', { name: 'Tuesday 22 September 2026' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show older entries' })).toHaveCount(0);
  // One heading a day: no entry shown twice across the two pages.
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(60);
});

test.describe('in London', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('a session logged at the wrong time can be moved, and moves to its new day', async ({ page, openApp, host }) => {
    await host.api('sessions:save', sampleSession('2026-11-20T21:30:00+00:00'));
    await openApp('/history');
    await expect(page.getByRole('region')).toHaveAccessibleName('Friday 20 November 2026');
    await page.getByRole('button', { name: /Bedtime spasm relief/ }).click();
    const startedAt = page.getByLabel('Started at');
    await expect(startedAt).toHaveValue('2026-11-20T21:30');

    await startedAt.fill('');
    await page.getByRole('button', { name: 'Save time' }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter a date and time.');

    await startedAt.fill('2026-11-19T07:15');
    await page.getByRole('button', { name: 'Save time' }).click();
    await expect(page.getByRole('region')).toHaveAccessibleName('Thursday 19 November 2026');
    await expect(page.getByRole('main').getByRole('listitem')).toContainText('07:15');
    const [moved] = (await history(host)).entries.map((e) => e.record as SessionRecord);
    expect(moved).toMatchObject({ startedAt: '2026-11-19T07:15:00Z', endedAt: '2026-11-19T07:26:00Z', localDay: '2026-11-19' });
  });
});

test.describe('the morning after', () => {
  test.use({ timezoneId: 'UTC' });

  test('asks once, the morning after an evening session, how the back is compared with usual', async ({ page, openApp, host }) => {
    const session = (await host.api('sessions:save', { ...sampleSession('2026-11-20T21:30:00+00:00'), timeZone: 'UTC' })).body as { value: { id: string } };
    await page.clock.install({ time: new Date('2026-11-21T08:00:00Z') });
    await openApp('/library');
    const question = page.getByRole('region', { name: 'Your back this morning, compared with usual?' });
    await expect(question).toContainText("After last night's Bedtime spasm relief at 21:30.");
    await expectNoAxeViolations(page);
    await snap(page, 'library-morning-question');
    await question.getByRole('button', { name: 'Same' }).click();
    await expect(question).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your routines' })).toBeVisible();
    await expect(question).toBeHidden();
    const history = (await host.api('history:list', {})).body as { value: { entries: { record: { id: string; morningAfter?: string } }[] } };
    expect(history.value.entries.find((e) => e.record.id === session.value.id)?.record.morningAfter).toBe('same');
  });
});
