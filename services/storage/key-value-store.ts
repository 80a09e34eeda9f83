/**
 * The part of a store the services use. `conf` (in Node and the browser host)
 * and `electron-store` (in the desktop app, which wraps conf) both satisfy it,
 * so services never import either and tests use real conf stores in a
 * temporary folder.
 */
export interface KeyValueStore {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
