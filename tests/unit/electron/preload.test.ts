import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreloadBridge } from '../../../core/bridge/preload-bridge';

// The real `electron` package cannot load in plain Node (it would try to download the binary),
// so the preload runs here against a stand-in that records what it exposes and sends.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
    emit(channel: string, ...args: unknown[]) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer itself' }, ...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => electron.exposed.set(name, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!electron.listeners.has(channel)) electron.listeners.set(channel, new Set());
      electron.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => electron.listeners.get(channel)?.delete(listener),
  },
}));

async function loadBridge(): Promise<PreloadBridge> {
  await import('../../../electron/preload/index');
  return electron.exposed.get('backcareBridge') as PreloadBridge;
}

beforeEach(() => electron.invoke.mockClear());

describe('preload bridge', () => {
  it('exposes exactly the request function and the system features, and nothing else', async () => {
    const bridge = await loadBridge();
    expect([...electron.exposed.keys()]).toEqual(['backcareBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'keepAwake', 'onMenuCommand', 'openFile', 'printReport', 'reportReady', 'saveFile']);
  });

  it('forwards known channels to the main process', async () => {
    const bridge = await loadBridge();
    await expect(bridge.invoke('settings:get', null)).resolves.toEqual({ ok: true, value: null });
    expect(electron.invoke).toHaveBeenCalledWith('settings:get', null);
  });

  it('refuses unknown channels without sending anything', async () => {
    const bridge = await loadBridge();
    const invokeAny = bridge.invoke as (channel: string, request: unknown) => Promise<unknown>;
    await expect(invokeAny('electron-store-get-data', null)).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(invokeAny('system:keep-awake', true)).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into an error envelope', async () => {
    const bridge = await loadBridge();
    electron.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge.invoke('content:load', null)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('sends keepAwake on its own channel and rejects when the main process refuses', async () => {
    const bridge = await loadBridge();
    await bridge.keepAwake(true);
    expect(electron.invoke).toHaveBeenCalledWith('system:keep-awake', true);
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'no' } });
    await expect(bridge.keepAwake(false)).rejects.toThrow('no');
  });

  it('sends each file request on its own channel, answers its value, and rejects with the main process\'s message', async () => {
    const bridge = await loadBridge();
    const file = { fileName: 'backcare-spasms-2026-11-24.csv', mediaType: 'text/csv' as const, text: 'a,b' };
    electron.invoke.mockResolvedValueOnce({ ok: true, value: { saved: true, where: '/home/sam/spasms.csv' } });
    await expect(bridge.saveFile(file)).resolves.toEqual({ saved: true, where: '/home/sam/spasms.csv' });
    expect(electron.invoke).toHaveBeenLastCalledWith('system:save-file', file);
    electron.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(bridge.openFile('routine')).resolves.toBeNull();
    expect(electron.invoke).toHaveBeenLastCalledWith('system:open-file', 'routine');
    electron.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'storage', message: 'too large' } });
    await expect(bridge.openFile('backup')).rejects.toThrow('too large');
  });

  it('passes on only known menu commands, never the event, and unsubscribes', async () => {
    const bridge = await loadBridge();
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    electron.emit('system:menu-command', 'show-safety');
    electron.emit('system:menu-command', 'open-devtools');
    electron.emit('system:menu-command', { command: 'show-library' });
    expect(received).toEqual([['show-safety']]);
    unsubscribe();
    electron.emit('system:menu-command', 'show-library');
    expect(received).toHaveLength(1);
    expect(electron.listeners.get('system:menu-command')?.size).toBe(0);
  });
});
