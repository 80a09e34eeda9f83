import { app, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../../core/bridge/content-security-policy';
import { isAllowedRequestUrl, isOwnAppUrl } from './url-policy';

/**
 * The app shows its own pages and nothing else: no navigation away, no new
 * windows, no webviews, no permissions, no remote requests. Each rule here is
 * a guard in depth; the URL decisions themselves live in `url-policy.ts`.
 */

type Log = (message: string) => void;

/** Headers on every `app://` response; the CSP matches the `<meta>` tag the build writes into index.html. */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Permissions the app needs to ask for: none. Web Audio and speechSynthesis
 * need no permission, and the screen is kept awake from the main process
 * (`power.ts`), not with the Wake Lock API. Add a name here only with a reason.
 */
const grantedPermissions: ReadonlySet<string> = new Set<string>();

function hardenWebContents(contents: WebContents, log: Log): void {
  const stayOnOwnPages = (event: { url: string; preventDefault(): void }) => {
    if (isOwnAppUrl(event.url)) return;
    event.preventDefault();
    log(`Blocked navigation to ${event.url.slice(0, 200)}`);
  };
  contents.on('will-navigate', stayOnOwnPages);
  // will-navigate covers the top frame; this catches iframes too (the top frame is already handled above).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) stayOnOwnPages(event);
  });
  contents.on('will-redirect', stayOnOwnPages);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`Blocked a new window for ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Applies the guards to every web contents ever created, including any a future feature adds. */
export function guardAllWebContents(log: Log = console.warn): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

export function hardenSession(session: Session, log: Log = console.warn): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(grantedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => grantedPermissions.has(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) log(`Blocked a request for ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
