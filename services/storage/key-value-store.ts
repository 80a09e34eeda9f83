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

/**
 * conf and electron-store also expose the whole file as `store`; assigning it
 * rewrites the file in ONE atomic write (conf writes through `atomically`:
 * temp file, fsync, rename). The log relies on that so a file never holds
 * half of a change, e.g. a new `schemaVersion` without the data it describes.
 */
export interface DocumentStore extends KeyValueStore {
  store: Record<string, unknown>;
}

/** Both real openers return conf instances; a store without `store` cannot be written safely, so fail loudly. */
export function asDocumentStore(store: KeyValueStore): DocumentStore {
  if (!('store' in store)) throw new Error(`The store at ${store.path} cannot replace its whole file at once: open it with conf or electron-store`);
  return store as DocumentStore;
}
