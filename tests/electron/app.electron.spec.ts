import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { WebContents, WebPreferences } from 'electron';
import type { PreloadBridge } from '../../core/bridge/preload-bridge';
import { findElectronBinary } from './electron-binary';
import { ensureDisplay } from './virtual-display';

/**
 * The desktop app itself: its locks, its bridge, and one routine started
 * from a fresh profile. Runs only where the Electron binary is installed;
 * elsewhere it is skipped with the reason, and the browser-host tests in
 * tests/e2e cover the renderer. Run `npm run build` first.
 */

const repoRoot = join(import.meta.dirname, '..', '..');
const binary = findElectronBinary(repoRoot);
// Chromium refuses to run as root with its sandbox on; nowhere else is it switched off.
const rootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;

/** The page's global object as the test sees it (the Node-side tsconfig has no DOM types). */
interface PageGlobals {
  require?: unknown;
  process?: unknown;
  backcareBridge?: PreloadBridge;
  open(url: string): unknown;
}

/** `getLastWebPreferences` exists on WebContents but is missing from Electron's typings. */
type InspectableContents = WebContents & { getLastWebPreferences(): WebPreferences | null };

function environment(overrides: Record<string, string>): Record<string, string> {
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return { ...Object.fromEntries(inherited), ...overrides };
}

async function clickMenuItem(app: ElectronApplication, label: string): Promise<void> {
  await app.evaluate(({ Menu }, wanted) => {
    const items = Menu.getApplicationMenu()?.items.flatMap((top) => top.submenu?.items ?? []) ?? [];
    const item = items.find((candidate) => candidate.label === wanted);
    if (!item) throw new Error(`No menu item named "${wanted}"`);
    item.click();
  }, label);
}

test.describe('desktop app', () => {
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let userData: string;
  let stopDisplay = () => undefined as unknown;

  test.beforeAll(async () => {
    if ('reason' in binary) {
      const reason = `no Electron binary installed (${binary.reason}); the browser-host e2e tests cover the renderer`;
      // Printed as well as recorded: the list reporter does not show skip reasons.
      console.log(`Electron tests skipped: ${reason}`);
      test.skip(true, reason);
      return;
    }
    const screen = await ensureDisplay();
    if ('reason' in screen) {
      console.log(`Electron tests skipped: ${screen.reason}`);
      test.skip(true, screen.reason);
      return;
    }
    stopDisplay = () => screen.xvfb?.kill();
    // A fresh profile, so the first-run safety screen shows and no real settings are touched.
    userData = mkdtempSync(join(tmpdir(), 'backcare-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [...(rootOnLinux ? ['--no-sandbox'] : []), `--user-data-dir=${userData}`, '.'],
      cwd: repoRoot,
      // Playwright turns Chromium's sandbox off on Linux unless asked to keep it.
      chromiumSandbox: !rootOnLinux,
      env: environment({ XDG_CONFIG_HOME: userData, ...(screen.display ? { DISPLAY: screen.display } : {}) }),
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
    stopDisplay();
  });

  test('runs from a throwaway profile with the renderer locked down', async () => {
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toContain(userData);
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as InspectableContents;
      return contents.getLastWebPreferences();
    });
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(page.url()).toMatch(/^app:\/\/backcare\/index\.html/);
  });

  test('gives the page no Node or Electron, only the bridge', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as unknown as PageGlobals;
      return { require: typeof scope.require, process: typeof scope.process, bridge: Object.keys(scope.backcareBridge ?? {}).sort() };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['invoke', 'keepAwake', 'onMenuCommand', 'openFile', 'printReport', 'reportReady', 'saveFile'],
    });
  });

  test('answers known channels, refuses unknown ones, and opens no windows', async () => {
    const outcome = await page.evaluate(async () => {
      const scope = globalThis as unknown as PageGlobals;
      const invoke = scope.backcareBridge!.invoke as (channel: string, request: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      return {
        known: (await invoke('content:load', null)).ok,
        unknown: await invoke('shell:open-external', 'https://example.com/'),
        popup: scope.open('https://example.com/') === null,
      };
    });
    expect(outcome).toEqual({ known: true, unknown: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'unknown-channel' }) }), popup: true });
  });

  test('serves only the renderer folder, with the CSP header', async () => {
    const responses = await page.evaluate(async () => {
      const index = await fetch('app://backcare/index.html');
      const escape = await fetch('app://backcare/..%2f..%2fpackage.json');
      return { csp: index.headers.get('content-security-policy'), escapeStatus: escape.status };
    });
    expect(responses.csp).toContain("default-src 'self'");
    expect(responses.escapeStatus).toBe(404);
  });

  test('shows the safety screen first, then the routine library', async () => {
    await page.getByRole('button', { name: /I understand/i }).click();
    await expect(page.getByRole('article').first()).toBeVisible();
  });

  test('reaches the page from the Help menu', async () => {
    await clickMenuItem(app, 'Safety information');
    await expect(page.getByRole('heading', { level: 1, name: /safety/i })).toBeVisible();
    await clickMenuItem(app, 'Routine library');
    await expect(page.getByRole('article').first()).toBeVisible();
  });

  test('starts a routine', async () => {
    await page.getByRole('article').first().getByRole('button', { name: /^Start\b/ }).click();
    await expect(page.getByText('Get ready', { exact: true }).first()).toBeVisible();
  });

  test('prints the report to a PDF on the paper chosen, saved where the save dialog says', async () => {
    const target = join(userData, 'report.pdf');
    // The native dialog cannot be clicked by a test: it answers with a path instead.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, target);
    await page.evaluate(() => (location.hash = '#/share'));
    await page.getByRole('radio', { name: 'A4' }).check();
    await page.getByRole('button', { name: 'Make the PDF report' }).click();
    await expect(page.getByRole('status')).toContainText(`The report saved to ${target}`, { timeout: 60_000 });
    const pdf = readFileSync(target);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdfinfo', [target], { encoding: 'utf8' })).toMatch(/\(A4\)/);
    expect(execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' })).toContain('Progress report');
  });
});
