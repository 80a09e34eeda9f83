/**
 * The browser host's access token. The host prints the app's address with
 * `?token=…`, and its API refuses calls without that token (the page and its
 * assets are public app code and need none). Once read, the token is taken
 * out of the address bar, so it does not sit in the browser's history or get
 * copied with the address, and kept in this tab's sessionStorage, so
 * reloading the tab still works while other tabs and sites never see it.
 */

export const accessTokenStorageKey = 'backcare-access-token';

/**
 * The parts of the page used here. Typed locally so this file also compiles
 * without the DOM library, for the unit tests that run under Node's types.
 */
interface TokenPage {
  location: { href: string };
  history: { state: unknown; replaceState(state: unknown, unused: string, url: string): void };
  readonly sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/** Storage can be switched off (private modes, site settings): reading it then throws. */
function readKept(page: TokenPage): string | null {
  try {
    return page.sessionStorage.getItem(accessTokenStorageKey);
  } catch {
    return null;
  }
}

function keep(page: TokenPage, token: string): boolean {
  try {
    page.sessionStorage.setItem(accessTokenStorageKey, token);
    return true;
  } catch {
    return false;
  }
}

function isTokenParam(pair: string): boolean {
  return new URLSearchParams(pair).has('token');
}

/** The same path, hash and other query parameters (byte for byte), without `token`. */
function addressWithoutToken(url: URL): string {
  const rest = url.search.slice(1).split('&').filter((pair) => pair !== '' && !isTokenParam(pair));
  return `${url.pathname}${rest.length > 0 ? `?${rest.join('&')}` : ''}${url.hash}`;
}

/** The token from the address (then kept for this tab), else the one kept earlier in this tab, else null. */
export function takeAccessToken(): string | null {
  const page = globalThis as unknown as TokenPage;
  const url = new URL(page.location.href);
  if (!url.searchParams.has('token')) return readKept(page);
  const token = url.searchParams.get('token') || readKept(page);
  // Only drop it from the address once it is kept: otherwise a reload would lose it.
  if (token && !keep(page, token)) return token;
  page.history.replaceState(page.history.state, '', addressWithoutToken(url));
  return token;
}
