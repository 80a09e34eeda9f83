import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledContentDir } from '../../../../exercises/load-content';
import { createServices, type ServiceOptions, type Services } from '../../../../services/create-services';
import { createHandlerTable, type HandlerTable } from '../../../../services/handler-table';
import { nodeStorageFs, type StorageFs } from '../../../../services/storage/data-folder';
import { openConfStore, type DocumentStore } from '../../../../services/storage/document-store';

/** A clock tests move by hand. */
export class TestClock {
  constructor(private ms = Date.parse('2026-11-24T20:00:00Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

export const errnoError = (code: string) => Object.assign(new Error(`${code}: injected failure`), { code });

/**
 * Switches on disk failures: every store write (through conf) and every
 * file operation the storage layer makes itself throws the given errno.
 */
export class Faults {
  writeError: string | null = null;
  fsError: string | null = null;
  readError: string | null = null;
  /** Which files `readError` applies to. */
  readErrorFor = /./;

  openStore(dir: string): (name: string) => DocumentStore {
    const failWrite = () => this.fail(this.writeError);
    return (name) => {
      const store = openConfStore(dir, name);
      return {
        path: store.path,
        get store() {
          return store.store;
        },
        set store(value: Record<string, unknown>) {
          failWrite();
          store.store = value;
        },
      } satisfies DocumentStore;
    };
  }

  fs(): StorageFs {
    const guard = <A extends unknown[], R>(op: (...args: A) => R, code: () => string | null) => (...args: A): R => (this.fail(code()), op(...args));
    return {
      readText: (path: string) => (this.readErrorFor.test(path) ? guard(nodeStorageFs.readText, () => this.readError)(path) : nodeStorageFs.readText(path)),
      list: nodeStorageFs.list,
      // The second copy is written like the store file itself: both fail when the disk does.
      writePrivate: guard(nodeStorageFs.writePrivate, () => this.writeError ?? this.fsError),
      copy: guard(nodeStorageFs.copy, () => this.fsError),
      rename: guard(nodeStorageFs.rename, () => this.fsError),
      remove: guard(nodeStorageFs.remove, () => this.fsError),
      sizeOf: nodeStorageFs.sizeOf,
      modifiedMs: nodeStorageFs.modifiedMs,
    };
  }

  private fail(code: string | null): void {
    if (code) throw errnoError(code);
  }
}

export interface Harness {
  dir: string;
  clock: TestClock;
  faults: Faults;
  services: Services;
  table: HandlerTable;
  /** A handler call that must succeed; returns its value. */
  call<T = unknown>(channel: string, request: unknown): Promise<T>;
  /** Stops this instance and starts another over the same folder: an app restart. */
  restart(): Harness;
}

export const tempDir = (prefix = 'storage-') => mkdtempSync(join(tmpdir(), prefix));

export function openHarness(dir = tempDir(), clock = new TestClock(), extra: Partial<ServiceOptions> = {}): Harness {
  const faults = new Faults();
  const services = createServices({ contentDir: bundledContentDir, openStore: faults.openStore(dir), dataDir: dir, now: clock.now, fs: faults.fs(), ...extra });
  const table = createHandlerTable(services, () => undefined);
  const harness: Harness = {
    dir,
    clock,
    faults,
    services,
    table,
    async call<T>(channel: string, request: unknown) {
      const result = await table.handle(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    restart() {
      services.close();
      return openHarness(dir, clock, extra);
    },
  };
  return harness;
}

/** Every store file in the folder (not copies, damaged files or temp files), parsed. */
export function storeFiles(dir: string): Map<string, unknown> {
  const files = new Map<string, unknown>();
  for (const file of readdirSync(dir)) {
    if (/^[a-z0-9-]+\.json$/.test(file)) files.set(file.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, file), 'utf8')));
  }
  return files;
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
