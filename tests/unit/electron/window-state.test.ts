import { describe, expect, it } from 'vitest';
import { defaultWindowSize, isOnSomeDisplay, restoreWindowState, type Rect } from '../../../electron/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 1920, height: 1050 };
const saved = (bounds: Partial<Rect>, maximized = false) => ({ bounds: { x: 100, y: 80, width: 1000, height: 700, ...bounds }, maximized });

describe('restoreWindowState', () => {
  it('restores a well-formed, visible placement', () => {
    expect(restoreWindowState(saved({}), [laptop])).toEqual(saved({}));
    expect(restoreWindowState(saved({ x: 2000 }, true), [laptop, rightMonitor])).toEqual(saved({ x: 2000 }, true));
  });

  it('falls back to the default size (centred, so no position) when the window would be off every display', () => {
    expect(restoreWindowState(saved({ x: 2000 }), [laptop])).toEqual({ bounds: defaultWindowSize, maximized: false });
    expect(restoreWindowState(saved({ x: -5000, y: -5000 }, true), [laptop])).toEqual({ bounds: defaultWindowSize, maximized: true });
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'big'],
    ['missing bounds', { maximized: true }],
    ['string numbers', { bounds: { x: '1', y: 0, width: 800, height: 600 }, maximized: false }],
    ['NaN', saved({ x: Number.NaN })],
    ['Infinity', saved({ width: Number.POSITIVE_INFINITY })],
    ['fractions', saved({ x: 0.5 })],
    ['smaller than the minimum size', saved({ width: 200 })],
    ['a non-boolean maximized flag', { ...saved({}), maximized: 'yes' }],
  ])('ignores %s', (_name, stored) => {
    expect(restoreWindowState(stored, [laptop])).toEqual({ bounds: defaultWindowSize, maximized: false });
  });
});

describe('isOnSomeDisplay', () => {
  it('needs a 100 px square of the window on one display', () => {
    expect(isOnSomeDisplay({ x: 1340, y: 0, width: 800, height: 600 }, [laptop])).toBe(true);
    expect(isOnSomeDisplay({ x: 1341, y: 0, width: 800, height: 600 }, [laptop])).toBe(false);
    expect(isOnSomeDisplay({ x: 0, y: 0, width: 800, height: 600 }, [])).toBe(false);
  });
});
