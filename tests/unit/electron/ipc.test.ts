import { describe, expect, it, vi } from 'vitest';
import { requestNames } from '../../../core/bridge/requests';
import type { HandlerTable } from '../../../services/handler-table';

type IpcHandler = (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>;

// A stand-in for `ipcMain` that keeps the registered handlers so the test can call them.
const registered = vi.hoisted(() => new Map<string, IpcHandler>());
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: IpcHandler) => registered.set(channel, handler) },
}));

const { registerServiceChannels } = await import('../../../electron/main/ipc');

function setup() {
  const handlers: HandlerTable = { handle: vi.fn(async (channel: unknown) => ({ ok: true as const, value: channel })) };
  const log = vi.fn();
  registered.clear();
  registerServiceChannels(handlers, log);
  return { handlers, log };
}

const ownPage = { url: 'app://backcare/index.html#/library', parent: null };

describe('registerServiceChannels', () => {
  it('registers exactly one handler per shared channel', () => {
    setup();
    expect([...registered.keys()].sort()).toEqual([...requestNames].sort());
  });

  it('passes requests from our own top-level page to the handler table', async () => {
    const { handlers } = setup();
    await expect(registered.get('settings:update')!({ senderFrame: ownPage }, { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: 'settings:update',
    });
    expect(handlers.handle).toHaveBeenCalledWith('settings:update', { theme: 'dark' });
  });

  it.each([
    ['no frame', null],
    ['a sub-frame', { url: 'app://backcare/index.html', parent: ownPage }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
  ])('refuses %s as forbidden, logs it, and never calls a handler', async (_name, senderFrame) => {
    const { handlers, log } = setup();
    await expect(registered.get('settings:update')!({ senderFrame }, { theme: 'dark' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(handlers.handle).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Refused settings:update/));
  });
});
