import type { LaunchOptions } from '@playwright/test';

/**
 * How tests and benchmarks start Chromium: Debian's package (Playwright cannot
 * download its own browsers here), headless, with nothing reaching the network.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
