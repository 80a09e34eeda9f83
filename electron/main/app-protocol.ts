import { readFile, stat } from 'node:fs/promises';
import { protocol } from 'electron';
import { contentTypeFor, realPathInside, resolveRendererFile } from './renderer-files';
import { appResponseHeaders } from './security';
import { appScheme } from './url-policy';

/**
 * The renderer is served from `app://backcare/`, never `file://`: a custom
 * standard scheme gives the page a real origin, so the CSP's `'self'`, fetch
 * and relative URLs behave as on the web, and `file://`'s extra privileges
 * never apply.
 */

/**
 * Must run before the app is ready: Chromium fixes scheme privileges at start-up.
 * `codeCache` lets V8 keep the compiled scripts (Electron keeps it for http(s)
 * only unless a standard scheme asks), so later starts and the report's print
 * window do not compile the app again.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...appResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function readRendererFile(path: string): Promise<Buffer | null> {
  try {
    return (await stat(path)).isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

/** Serves files from `rendererDir` only; anything outside it (by name, or by where a symlink leads), or missing, is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const path = resolveRendererFile(rendererDir, request.url);
    const real = path && (await realPathInside(rendererDir, path));
    const body = real && (await readRendererFile(real));
    // The type follows the name asked for, not a symlink's target.
    if (!path || !body) return notFound();
    return new Response(new Uint8Array(body), { headers: { ...appResponseHeaders, 'Content-Type': contentTypeFor(path), 'Cache-Control': 'no-cache' } });
  });
}
