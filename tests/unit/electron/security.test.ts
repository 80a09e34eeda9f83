import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({ appListeners: new Map<string, Listener>() }));
vi.mock('electron', () => ({ app: { on: (event: string, listener: Listener) => fake.appListeners.set(event, listener) } }));

const { appResponseHeaders, guardAllWebContents, hardenSession } = await import('../../../electron/main/security');

/** Web contents that record the guards attached to them. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
  };
  return { contents: contents as unknown as WebContents, listeners, open: (url: string) => openHandler!({ url }) };
}

function navigation(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('guardAllWebContents', () => {
  const log = vi.fn();
  guardAllWebContents(log);
  const guarded = fakeContents();
  fake.appListeners.get('web-contents-created')!({}, guarded.contents);

  it.each(['will-navigate', 'will-redirect'])('%s: lets our own pages through and stops everything else', (event) => {
    const own = navigation('app://backcare/index.html#/settings');
    guarded.listeners.get(event)!(own);
    expect(own.preventDefault).not.toHaveBeenCalled();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/']) {
      const foreign = navigation(url);
      guarded.listeners.get(event)!(foreign);
      expect(foreign.preventDefault).toHaveBeenCalled();
    }
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Blocked navigation to https:\/\/example\.com/));
  });

  it('stops iframes navigating away too', () => {
    const frame = navigation('https://example.com/', false);
    guarded.listeners.get('will-frame-navigate')!(frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and every webview', () => {
    expect(guarded.open('app://backcare/index.html')).toEqual({ action: 'deny' });
    expect(guarded.open('https://example.com/')).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    guarded.listeners.get('will-attach-webview')!(attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  const handlers: Record<string, Listener> = {};
  const session = {
    setPermissionRequestHandler: (handler: Listener) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (handlers.check = handler),
    setDevicePermissionHandler: (handler: Listener) => (handlers.device = handler),
    webRequest: { onBeforeRequest: (handler: Listener) => (handlers.beforeRequest = handler) },
  };
  hardenSession(session as unknown as Session, () => undefined);

  it.each(['media', 'geolocation', 'notifications', 'screen-wake-lock', 'openExternal', 'clipboard-read'])('denies the %s permission', (permission) => {
    const callback = vi.fn();
    handlers.request!(null, permission, callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check!(null, permission, 'app://backcare', {})).toBe(false);
  });

  it('denies device access', () => {
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels every request that is not for the app itself', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest!({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('app://backcare/assets/index.js')).toEqual({ cancel: false });
    expect(decide('https://fonts.example.com/font.woff2')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:5180/api/settings:get')).toEqual({ cancel: true });
  });
});

describe('appResponseHeaders', () => {
  it('carries the shared CSP, including frame-ancestors (which only works as a header)', () => {
    expect(appResponseHeaders['Content-Security-Policy']).toContain("default-src 'self'");
    expect(appResponseHeaders['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });
});
