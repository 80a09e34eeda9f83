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
 * The options both libraries are opened with. `clearInvalidConfig` stays
 * false: a damaged file must never be wiped silently. Files are private
 * from creation (conf's atomic write creates its temp file with this mode).
 */
export const storeOptions = { clearInvalidConfig: false, configFileMode: PRIVATE_FILE } as const;

/** conf writes the file as this text; the second copy is written the same way, so equal files have equal sizes. */
export const serialize = (doc: Record<string, unknown>) => JSON.stringify(doc, undefined, '\t');

/** Opens (or creates) `<dir>/<name>.json` with conf. */
export function openConfStore(dir: string, name: string): DocumentStore {
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: name, ...storeOptions });
}
