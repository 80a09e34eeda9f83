import { dirname, join } from 'node:path';
import { asideName, type AsideReason } from './file-names';
import type { StorageFs } from './storage-fs';

/**
 * Moves a damaged (or newer-format) store file to a new name beside it,
 * e.g. `log-2026-11.corrupt-20261124T193000Z.json`, and returns that path.
 * A rename, so the file is never rewritten; conf could not even open the
 * store while the damaged file is in place.
 */
export function keepAside(fs: StorageFs, path: string, name: string, reason: AsideReason, at: Date): string {
  const taken = new Set(fs.list(dirname(path)));
  let attempt = 1;
  while (taken.has(asideName(name, reason, at, attempt))) attempt++;
  const target = join(dirname(path), asideName(name, reason, at, attempt));
  fs.rename(path, target);
  return target;
}
