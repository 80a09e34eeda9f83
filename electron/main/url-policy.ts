/**
 * Which URLs the app may load. The renderer is served from one origin,
 * `app://backcare/`, and nothing remote is ever loaded, so the checks are
 * exact matches on a parsed URL, never prefix tests on a string (which
 * `app://backcare.evil/` or `app://backcare@evil/` would pass).
 *
 * Pure: no Electron import, so the rules are unit-tested in plain Node.
 */

export const appScheme = 'app';
export const appHost = 'backcare';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for `app://backcare/…` with no port and no credentials. */
export function isOwnAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Schemes a request may use at all. `devtools:` serves the developer tools in
 * development builds; `data:` carries the small images and generated tones
 * the CSP allows, and is never remote. Anything else (http, https, file, ws,
 * ftp…) is cancelled before it leaves the renderer.
 */
const requestSchemes: ReadonlySet<string> = new Set([`${appScheme}:`, 'devtools:', 'data:']);

export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed === null || !requestSchemes.has(parsed.protocol)) return false;
  // Our own scheme must still name our own host: `app://other/` is not ours.
  return parsed.protocol === `${appScheme}:` ? isOwnAppUrl(url) : true;
}
