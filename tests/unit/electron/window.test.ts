import { describe, expect, it, vi } from 'vitest';
import type { StateStore } from '../../../electron/main/window';

// A stand-in BrowserWindow that records its options and events, since Electron cannot load in plain Node.
const fake = vi.hoisted(() => ({ windows: [] as FakeWindow[] }));

class FakeWindow {
  readonly listeners = new Map<string, () => void>();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly maximize = vi.fn();
  constructor(readonly options: Record<string, unknown>) {
    fake.windows.push(this);
  }
  on(event: string, listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
  once(event: string, listener: () => void) {
    return this.on(event, listener);
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 900, height: 700 };
  }
  isMaximized() {
    return false;
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  nativeTheme: { shouldUseDarkColors: true },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}));

const { createMainWindow } = await import('../../../electron/main/window');

function memoryStore(initial: Record<string, unknown> = {}): StateStore & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: (key) => data[key], set: (key, value) => void (data[key] = value) };
}

function open(store = memoryStore(), isPackaged = true) {
  fake.windows.length = 0;
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', isPackaged, stateStore: store });
  return fake.windows[0]!;
}

describe('createMainWindow', () => {
  it('locks the renderer down, whatever Electron’s defaults are', () => {
    expect(open().options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('allows devtools only in unpackaged builds', () => {
    expect(open(memoryStore(), false).options.webPreferences).toMatchObject({ devTools: true });
  });

  it('loads the app from its own scheme, hidden until the first paint, on the theme background', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledWith('app://backcare/index.html');
    expect(window.options).toMatchObject({ show: false, minWidth: 360, minHeight: 480, backgroundColor: '#0f1413' });
    expect(window.show).not.toHaveBeenCalled();
    window.listeners.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalled();
  });

  it('opens at the default size, centred, when nothing usable is stored', () => {
    const { options } = open(memoryStore({ mainWindow: { bounds: { x: 5000, y: 5000, width: 900, height: 700 }, maximized: false } }));
    expect(options).toMatchObject({ width: 1100, height: 800 });
    expect(options).not.toHaveProperty('x');
  });

  it('restores the stored place and maximized state, and saves on close', () => {
    const store = memoryStore({ mainWindow: { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true } });
    const window = open(store);
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    window.listeners.get('ready-to-show')!();
    expect(window.maximize).toHaveBeenCalled();
    window.listeners.get('close')!();
    expect(store.data.mainWindow).toEqual({ bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false });
  });
});
