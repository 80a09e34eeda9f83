import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium-launch';

/**
 * End-to-end tests drive Debian's Chromium (Playwright cannot download its
 * own browsers here) against the browser host, and Electron itself where its
 * binary is installed. Run `npm run build` first; `npm test` does.
 */
export default defineConfig({
  testDir: 'tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Playwright's own artifacts; the JSON report sits beside them in test-results/.
  outputDir: 'test-results/playwright',
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    headless: true,
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'web', testMatch: 'e2e/**/*.spec.ts' },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
