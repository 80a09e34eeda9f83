import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

/**
 * Electron needs a display on Linux. Where there is none (CI), start Xvfb on
 * a free display number; returns the DISPLAY value to use, or a reason why
 * none could be had.
 */
export async function ensureDisplay(): Promise<{ display: string | undefined; xvfb?: ChildProcess } | { reason: string }> {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return { display: process.env.DISPLAY };
  if (spawnSync('which', ['Xvfb']).status !== 0) return { reason: 'no display and no Xvfb to make one (apt-get install xvfb)' };
  const number = 90 + Math.floor(Math.random() * 100);
  const xvfb = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 700));
  if (xvfb.exitCode !== null) return { reason: `Xvfb could not start on :${number}` };
  return { display: `:${number}`, xvfb };
}
