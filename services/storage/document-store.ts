import Conf from 'conf';
import { PRIVATE_FILE } from './data-folder';

/**
 * The store library behind each file: electron-store in the desktop app (the
 * design's choice), conf (which it wraps) in the browser host and tests.
 * Both expose the whole file as `store`; assigning it rewrites the file in
 * ONE atomic write (temp file, fsync, rename), so a file never holds half
 * of a change. Services see only this interface.
 */
export interface DocumentStore {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * The text of every store file and its second copy, so equal files have equal
 * sizes. On one line rather than conf's default tab indent: ten years of
 * month files are 12 MB instead of 17 MB, and reading them for an export is
 * that much faster. Files written indented by an older version read the same.
 */
export const serialize = (doc: Record<string, unknown>) => JSON.stringify(doc);

/**
 * The options both libraries are opened with. `clearInvalidConfig` stays
 * false: a damaged file must never be wiped silently. Files are private
 * from creation (conf's atomic write creates its temp file with this mode).
 */
export const storeOptions = { clearInvalidConfig: false, configFileMode: PRIVATE_FILE, serialize } as const;

/** Opens (or creates) `<dir>/<name>.json` with conf. */
export function openConfStore(dir: string, name: string): DocumentStore {
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: name, ...storeOptions });
}
