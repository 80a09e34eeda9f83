import Conf from 'conf';
import type { KeyValueStore } from './key-value-store';

/** Opens (or creates) `<dir>/<name>.json` with conf, the library electron-store wraps. */
export function openConfStore(dir: string, name: string): KeyValueStore {
  // clearInvalidConfig stays false: a damaged file must never be wiped silently.
  return new Conf<Record<string, unknown>>({ cwd: dir, configName: name, clearInvalidConfig: false });
}
