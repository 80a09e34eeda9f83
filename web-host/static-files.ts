import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
};

/** Whether `file` lies below `folder` (both absolute and normalised); a name such as `..x` is still inside. */
function isInside(folder: string, file: string): boolean {
  const inside = relative(folder, file);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}

/** Resolves a URL path inside `root`, refusing anything that climbs out of it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(root, relativePath);
  return isInside(join(root), full) ? full : null;
}

/**
 * The file's real path when, with every symlink followed, it is still inside
 * the real root; null otherwise or when it is missing. The name check above
 * cannot see a symlink in the served folder that points elsewhere on disk.
 */
async function realPathInside(root: string, path: string): Promise<string | null> {
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
  return isInside(realRoot, realFile) ? realFile : null;
}

export async function readStaticFile(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const path = resolveInside(root, urlPath);
  if (!path) return null;
  try {
    const real = await realPathInside(root, path);
    if (!real || !(await stat(real)).isFile()) return null;
    // The type follows the name asked for, as the browser expects, not the symlink's target.
    return { body: await readFile(real), type: contentTypes[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
