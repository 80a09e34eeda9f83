import { homedir } from 'node:os';
import { join } from 'node:path';

export const appName = 'Backcare Coach';

/** Where Electron's `app.getPath('userData')` points for this app, so both hosts can share one data folder. */
export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}
