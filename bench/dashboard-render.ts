// The dashboard in Chromium through the browser host, over ten years of
// synthesised daily use: from a click (the "Your progress" link, or a range
// button) to every chart drawn. The floor, measured in the same run: a bare
// Chart.js page drawing the same three charts with the same data points
// and the same drawing choices (weeks or months, dot sizes, long series
// thinned by Chart.js's decimation), from a click that fetches those points
// to the charts drawn.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { rangeKeys, type Dashboard, type RangeKey } from '../core/progress/dashboard';
import { chartPeriods } from '../renderer/src/components/progress/chart-periods';
import { chromiumLaunchOptions } from '../tests/support/chromium-launch';
import { startWebHost } from '../tests/support/web-host-process';
import { median } from './stats';
import { writeYears } from './storage';

const rangeButton: Record<RangeKey, string> = { '4-weeks': '4 weeks', '3-months': '3 months', '12-months': '12 months', all: 'All' };

/**
 * In the page: the time from the next click to the moment every chart on it
 * has been drawn anew. Written as a string because tsx names functions with a
 * helper (`__name`) that does not exist inside the page.
 */
function armDrawTimer(page: Page, selector: string): Promise<void> {
  return page.evaluate(`(() => {
    window.drawnAfterClick = new Promise((resolve) => {
      // A redraw that never comes is reported as NaN rather than hanging the run.
      setTimeout(() => resolve(Number.NaN), 15000);
      document.addEventListener('click', (event) => {
        const clickedAt = event.timeStamp;
        let redrawing = false;
        const selector = ${JSON.stringify(selector)};
        new MutationObserver((records) => {
          // A chart box added, or one's drawn mark changed (records arrive batched, so its value may already be back to true).
          redrawing ||= records.some((r) => r.type === 'attributes' || [...r.addedNodes].some((n) => n instanceof Element && (n.matches(selector) || n.querySelector(selector))));
          const boxes = [...document.querySelectorAll(selector)];
          if (redrawing && boxes.length >= 3 && boxes.every((box) => box.getAttribute('data-drawn') === 'true')) resolve(performance.now() - clickedAt);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn'] });
      }, { capture: true, once: true });
    });
  })()`);
}

const drawnAfterClick = (page: Page) => page.evaluate(() => (window as unknown as { drawnAfterClick: Promise<number> }).drawnAfterClick);

/** The same three charts in a page with nothing but Chart.js: the data arrive as JSON on click. */
function floorPage(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  copyFileSync(join(import.meta.dirname, '..', 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), join(dir, 'assets', 'chart.js'));
  writeFileSync(
    join(dir, 'assets', 'floor.js'),
    `const boxes = ['a', 'b', 'c'].map((id) => document.getElementById(id));
document.querySelectorAll('button').forEach((button) => button.addEventListener('click', async () => {
  boxes.forEach((box) => box.setAttribute('data-drawn', 'false'));
  const d = await (await fetch('data-' + button.dataset.range + '.json')).json();
  for (const chart of Object.values(Chart.instances)) chart.destroy();
  const labels = d.periods.map((p) => p.label);
  const drawn = (box) => ({ id: 'drawn', afterRender: () => box.setAttribute('data-drawn', 'true') });
  const base = { animation: false, responsive: true, maintainAspectRatio: false };
  new Chart(boxes[0].querySelector('canvas'), { type: 'bar', data: { labels, datasets: [
    { type: 'bar', data: d.periods.map((p) => p.adherencePercent) }, { type: 'line', data: d.periods.map(() => 100), pointRadius: 0 }] }, options: base, plugins: [drawn(boxes[0])] });
  new Chart(boxes[1].querySelector('canvas'), { type: 'bar', data: { labels, datasets: [
    { type: 'bar', data: d.periods.map((p) => p.spasmNights) }, { type: 'line', data: d.periods.map((p) => p.spasmAverageIntensity), yAxisID: 'y2' }] },
    options: { ...base, scales: { y2: { position: 'right' } } }, plugins: [drawn(boxes[1])] });
  // The same points the app hands Chart.js, with the same drawing choices (numbers ready, no parsing; long series thinned).
  const day = (text) => new Date(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))).getTime();
  const radius = d.pain.length > 1000 ? 2 : d.pain.length > 250 ? 3 : 4;
  new Chart(boxes[2].querySelector('canvas'), { type: 'line', data: { datasets: [
    { data: d.pain.map((p) => ({ x: day(p.day), y: p.before })), showLine: false, pointRadius: radius },
    { data: d.pain.filter((p) => p.after !== null).map((p) => ({ x: day(p.day), y: p.after })), showLine: false, pointRadius: radius + 1 },
    { data: d.painAverage.filter((p) => p.before !== null).map((p) => ({ x: day(p.day), y: p.before })), pointRadius: 0 },
    { data: d.painAverage.filter((p) => p.after !== null).map((p) => ({ x: day(p.day), y: p.after })), pointRadius: 0 }] },
    options: { ...base, parsing: false, normalized: true, plugins: { decimation: { enabled: true, algorithm: 'lttb', threshold: 1500 } }, scales: { x: { type: 'linear' } } },
    plugins: [drawn(boxes[2])] });
}));`,
  );
  const box = (id: string) => `<div id="${id}" class="chart-box" data-drawn="true" style="position:relative;height:16rem"><canvas></canvas></div>`;
  const buttons = rangeKeys.map((key) => `<button data-range="${key}">${rangeButton[key]}</button>`).join('');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><script src="./assets/chart.js"></script>${buttons}${box('a')}${box('b')}${box('c')}<script src="./assets/floor.js"></script>`);
}

export async function runDashboardRender(runs = 5, years = 10): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'backcare-dashboard-bench-'));
  const floorDir = mkdtempSync(join(tmpdir(), 'backcare-dashboard-floor-'));
  const { sessions, spasms } = writeYears(dataDir, years);
  const host = await startWebHost(dataDir);
  const app: Record<RangeKey, number[]> = { '4-weeks': [], '3-months': [], '12-months': [], all: [] };
  const floor: Record<RangeKey, number[]> = { '4-weeks': [], '3-months': [], '12-months': [], all: [] };
  const opened: number[] = [];
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const now = new Date().toISOString();
    await host.api('settings:update', { safetyAcknowledgedAt: now });
    await host.api('plan:get', { now: new Date(Date.now() - years * 365 * 86_400_000).toISOString() });
    floorPage(floorDir);
    for (const range of rangeKeys) {
      const { body } = await host.api('dashboard:get', { now, range });
      const dashboard = (body as { value: Dashboard }).value;
      // The weeks, or months over years, exactly as the app's two period charts draw them.
      writeFileSync(join(floorDir, `data-${range}.json`), JSON.stringify({ ...dashboard, periods: chartPeriods(dashboard).periods }));
    }
    // Charts drawn without animation in both, so the times compare drawing, not a 400 ms tween.
    // Each page in its own context, which headless Chromium shows in its own window: two pages of one
    // context are tabs of one window, and the one behind answers a click only after a frame it is not given.
    const windowOptions = { reducedMotion: 'reduce', viewport: { width: 1280, height: 800 } } as const;
    const page = await (await browser.newContext(windowOptions)).newPage();
    const floorHost = await startWebHost(undefined, ['--renderer-dir', floorDir]);
    const floorPageTab = await (await browser.newContext(windowOptions)).newPage();
    await floorPageTab.goto(floorHost.url);
    for (let run = 0; run < runs + 1; run++) {
      await page.goto(`${host.url}#/library`);
      await page.getByRole('button', { name: /^Start / }).first().waitFor();
      await armDrawTimer(page, '.chart-box');
      await page.getByRole('link', { name: 'Your progress' }).first().click();
      const openMs = await drawnAfterClick(page);
      if (run > 0) opened.push(openMs);
      for (const range of [...rangeKeys.slice(1), rangeKeys[0]]) {
        await armDrawTimer(page, '.chart-box');
        await page.getByRole('button', { name: rangeButton[range], exact: true }).click();
        const appMs = await drawnAfterClick(page);
        await armDrawTimer(floorPageTab, '.chart-box');
        await floorPageTab.getByRole('button', { name: rangeButton[range], exact: true }).click();
        const floorMs = await drawnAfterClick(floorPageTab);
        if (run > 0) {
          app[range].push(appMs);
          floor[range].push(floorMs);
        }
      }
    }
    await floorHost.stop();
  } finally {
    await browser.close();
    await host.stop();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const all = [...opened, ...rangeKeys.flatMap((range) => [...app[range], ...floor[range]])];
  if (all.some(Number.isNaN)) throw new Error('A dashboard redraw was never seen: the charts no longer mark themselves drawn (data-drawn).');
  const line = (range: RangeKey) => {
    const [a, f] = [median(app[range]), median(floor[range])];
    return `Range ${range}: click to every chart drawn, median of ${runs}: ${a.toFixed(0)} ms; bare Chart.js page, same points: ${f.toFixed(0)} ms; ratio ${(a / f).toFixed(2)}× (goal ≤ 1.5×${range === 'all' ? ', and < 250 ms' : ''}).`;
  };
  return [
    `Data: ${sessions} sessions and ${spasms} spasm entries (${years} year(s)); animation off in both (reduced motion).`,
    `Opening the dashboard (click on "Your progress" in the library to its charts drawn, default range), median of ${runs}: ${median(opened).toFixed(0)} ms.`,
    ...rangeKeys.map(line),
  ];
}
