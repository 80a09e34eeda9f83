// @vitest-environment happy-dom
import type { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessTokenStorageKey, takeAccessToken } from '../../../renderer/src/bridge/access-token';

// Typed through happy-dom: these unit tests compile under Node's types, without the DOM library.
const page = globalThis as unknown as Window;

/** Opens an address on the page's own origin, as the browser would on arrival. */
function openAddress(pathAndMore: string, state: unknown = null): void {
  page.history.replaceState(state, '', pathAndMore);
}

const address = () => `${page.location.pathname}${page.location.search}${page.location.hash}`;

const realStorage = Object.getOwnPropertyDescriptor(page, 'sessionStorage')!;
beforeEach(() => page.sessionStorage.clear());
afterEach(() => {
  Object.defineProperty(page, 'sessionStorage', realStorage); // undoes a test's stand-in
});

describe('takeAccessToken', () => {
  it('takes the token from the address, keeps it for this tab and removes it from the address bar', () => {
    openAddress('/app/?lang=en%20GB&token=abc123&view=a+b#/library?x=1', { router: 'state' });
    const historyLength = page.history.length;
    expect(takeAccessToken()).toBe('abc123');
    // Path, hash and the other parameters are untouched; the entry is replaced, not added.
    expect(address()).toBe('/app/?lang=en%20GB&view=a+b#/library?x=1');
    expect(page.history.length).toBe(historyLength);
    expect(page.history.state).toEqual({ router: 'state' });
    expect(page.sessionStorage.getItem(accessTokenStorageKey)).toBe('abc123');
  });

  it('gives the kept token after a reload, when the address no longer has it', () => {
    openAddress('/?token=abc123#/library');
    takeAccessToken();
    openAddress('/#/library');
    expect(takeAccessToken()).toBe('abc123');
  });

  it('prefers a new token in the address to the one kept (the host was restarted)', () => {
    page.sessionStorage.setItem(accessTokenStorageKey, 'old');
    openAddress('/?token=new');
    expect(takeAccessToken()).toBe('new');
    expect(page.sessionStorage.getItem(accessTokenStorageKey)).toBe('new');
  });

  it('gives null with no token anywhere, and drops an empty one from the address', () => {
    openAddress('/#/library');
    expect(takeAccessToken()).toBeNull();
    openAddress('/?token=#/library');
    expect(takeAccessToken()).toBeNull();
    expect(address()).toBe('/#/library');
  });

  it('leaves the token in the address when the tab cannot keep it, so a reload still works', () => {
    Object.defineProperty(page, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new Error('SecurityError: storage is disabled');
      },
    });
    openAddress('/?token=abc123#/library');
    expect(takeAccessToken()).toBe('abc123');
    expect(address()).toBe('/?token=abc123#/library');
  });
});
