import type { SystemApi } from '../../../core/bridge/bridge-api';
import { browserFiles } from './browser-files';

/**
 * System features in a plain browser: the Screen Wake Lock API keeps the
 * screen on during a routine; there is no app menu to listen to; files are
 * downloads and the browser's picker (browser-files.ts).
 */
export function createBrowserSystem(): SystemApi {
  let lock: WakeLockSentinel | null = null;
  let wanted = false;

  async function acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || lock) return;
    try {
      lock = await navigator.wakeLock.request('screen');
      lock.addEventListener('release', () => (lock = null));
    } catch {
      // Refused (page hidden, or policy): the routine still plays, the screen may dim.
    }
  }

  // A wake lock is released whenever the page is hidden; take it again on return.
  document.addEventListener('visibilitychange', () => {
    if (wanted && document.visibilityState === 'visible') void acquire();
  });

  return {
    async keepAwake(on) {
      wanted = on;
      if (on) await acquire();
      else await lock?.release().catch(() => undefined);
    },
    onMenuCommand: () => () => undefined,
    ...browserFiles,
  };
}
