import { realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isOwnAppUrl } from './url-policy';

/**
 * Maps an `app://backcare/…` request to a file inside the built renderer
 * folder. No Electron import, so the traversal rules are unit-tested.
 */

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function decodedPath(pathname: string): string | null {
  try {
    const decoded = decodeURIComponent(pathname);
    // A NUL byte can truncate the path in native code; no real file name has one.
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null; // malformed percent-encoding
  }
}

/** Whether `file` lies below `folder` (both absolute and normalised); a name such as `..x` is still inside. */
function isInside(folder: string, file: string): boolean {
  const inside = relative(folder, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/**
 * The absolute file path for `requestUrl`, or null when the URL is not our
 * origin or would leave `rendererDir` (`..`, encoded `..%2f`, backslashes on
 * Windows). The URL parser already folds plain and `%2e%2e` segments; the
 * decoded path is checked again because `%2f` only becomes a separator here.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  if (!isOwnAppUrl(requestUrl)) return null;
  const path = decodedPath(new URL(requestUrl).pathname);
  if (path === null) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${sep}${path === '/' || path === '' ? 'index.html' : path}`);
  return isInside(root, file) ? file : null;
}

/**
 * `filePath` with every symlink followed, when that real path is still inside
 * the real `rendererDir`; null otherwise, or when it does not exist. The name
 * check above cannot see a symlink in the renderer folder that points
 * elsewhere on disk. Electron answers `realpath` inside app.asar too.
 */
export async function realPathInside(rendererDir: string, filePath: string): Promise<string | null> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(filePath)]);
    return isInside(realRoot, realFile) ? realFile : null;
  } catch {
    return null; // missing, or a broken link
  }
}
