import { z } from 'zod';

/**
 * The main window's remembered size and place. What is read back from disk
 * is checked, because the file may be damaged or hand-edited and a monitor
 * may have been unplugged since: a window placed off every screen would
 * look like an app that never opened.
 *
 * Pure (no Electron import): displays are passed in as rectangles.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const minWindowSize = { width: 360, height: 480 } as const;
export const defaultWindowSize = { width: 1100, height: 800 } as const;

/** How much of the window must lie on one display for it to count as visible. */
const visiblePart = 100;

const windowStateSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(minWindowSize.width),
    height: z.number().int().min(minWindowSize.height),
  }),
  maximized: z.boolean(),
});

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function isOnSomeDisplay(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => {
    const shared = overlap(bounds, area);
    return shared.width >= visiblePart && shared.height >= visiblePart;
  });
}

/**
 * The placement to open with: the stored one when it is well-formed and
 * visible, otherwise the default size with no position (Electron centres it).
 * A maximized window is remembered even if its normal bounds are unusable.
 */
export function restoreWindowState(
  stored: unknown,
  workAreas: readonly Rect[],
): { bounds: Rect | typeof defaultWindowSize; maximized: boolean } {
  const parsed = windowStateSchema.safeParse(stored);
  if (!parsed.success) return { bounds: defaultWindowSize, maximized: false };
  const { bounds, maximized } = parsed.data;
  return { bounds: isOnSomeDisplay(bounds, workAreas) ? bounds : defaultWindowSize, maximized };
}
