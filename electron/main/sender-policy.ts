import { isOwnAppUrl } from './url-policy';

/**
 * Who may talk to the main process: only the top-level frame of a page from
 * our own `app://backcare/` origin, as VS Code's `ValidatedIpcMain` does. An
 * iframe, a page that somehow navigated elsewhere, or a frame that is already
 * gone is refused before any handler runs.
 *
 * Pure (no Electron import): Electron's `WebFrameMain` fits `FrameInfo`.
 */

export interface FrameInfo {
  readonly url: string;
  readonly parent: unknown;
}

export type SenderCheck = { ok: true } | { ok: false; reason: string };

/** Reads the frame defensively: a disposed `WebFrameMain` throws on property access. */
function readFrame(frame: FrameInfo): { url: string; isTopLevel: boolean } | null {
  try {
    return { url: frame.url, isTopLevel: frame.parent === null };
  } catch {
    return null;
  }
}

export function validateSender(frame: FrameInfo | null | undefined): SenderCheck {
  if (!frame) return { ok: false, reason: 'the sending frame is gone' };
  const info = readFrame(frame);
  if (!info) return { ok: false, reason: 'the sending frame was disposed' };
  if (!info.isTopLevel) return { ok: false, reason: `a sub-frame (${info.url.slice(0, 100)}) may not use the bridge` };
  if (!isOwnAppUrl(info.url)) return { ok: false, reason: `the page ${info.url.slice(0, 100)} is not the app's own` };
  return { ok: true };
}
