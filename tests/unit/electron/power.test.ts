import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';

type IpcHandler = (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, IpcHandler>(),
  start: vi.fn((_type: string) => 7),
  stop: vi.fn((_id: number) => undefined),
}));
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => fake.handlers.set(channel, handler) },
  powerSaveBlocker: { start: fake.start, stop: fake.stop },
}));

const { registerKeepAwake, releaseKeepAwakeWith } = await import('../../../electron/main/power');

const ownPage = { senderFrame: { url: 'app://backcare/index.html', parent: null } };

describe('keep awake', () => {
  const log = vi.fn();
  registerKeepAwake(log);
  const keepAwake = (payload: unknown, event: { senderFrame: unknown } = ownPage) => fake.handlers.get('system:keep-awake')!(event, payload);

  it('holds at most one blocker however often it is asked, and releases it once', async () => {
    await keepAwake(true);
    await keepAwake(true);
    expect(fake.start).toHaveBeenCalledTimes(1);
    expect(fake.start).toHaveBeenCalledWith('prevent-display-sleep');
    await keepAwake(false);
    await keepAwake(false);
    expect(fake.stop).toHaveBeenCalledTimes(1);
    expect(fake.stop).toHaveBeenCalledWith(7);
  });

  it('refuses anything but a boolean, and foreign senders', async () => {
    await expect(keepAwake('yes')).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(keepAwake(true, { senderFrame: { url: 'https://evil.example/', parent: null } })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Refused system:keep-awake/));
  });

  it('lets the screen sleep again when the window closes', async () => {
    fake.stop.mockClear();
    let onClosed: (() => void) | undefined;
    const window = { once: (_event: string, listener: () => void) => (onClosed = listener) };
    releaseKeepAwakeWith(window as unknown as BrowserWindow);
    await keepAwake(true);
    onClosed!();
    expect(fake.stop).toHaveBeenCalledTimes(1);
  });
});
