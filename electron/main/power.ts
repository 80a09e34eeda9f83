import { powerSaveBlocker, type BrowserWindow } from 'electron';
import type { BridgeResult } from '../../core/bridge/requests';
import { keepAwakeChannel } from '../../core/bridge/preload-bridge';
import { handleValidated } from './ipc';

/**
 * Keeps the display on while a routine plays, so the countdown stays
 * readable from the exercise mat. At most one blocker is held, however
 * often the renderer asks, and it is released with the window.
 */

let blockerId: number | null = null;

function setKeepAwake(on: boolean): void {
  if (on && blockerId === null) {
    blockerId = powerSaveBlocker.start('prevent-display-sleep');
  } else if (!on && blockerId !== null) {
    powerSaveBlocker.stop(blockerId);
    blockerId = null;
  }
}

function handleKeepAwake(on: unknown): BridgeResult<null> {
  if (typeof on !== 'boolean') {
    return { ok: false, error: { code: 'invalid-request', message: `${keepAwakeChannel}: expected true or false` } };
  }
  setKeepAwake(on);
  return { ok: true, value: null };
}

export function registerKeepAwake(log?: (message: string) => void): void {
  handleValidated(keepAwakeChannel, handleKeepAwake, log);
}

/** A closed window can no longer ask to let the screen sleep, so we do it for it. */
export function releaseKeepAwakeWith(window: BrowserWindow): void {
  window.once('closed', () => setKeepAwake(false));
}
