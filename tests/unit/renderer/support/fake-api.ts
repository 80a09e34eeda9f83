import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createApp, type Plugin } from 'vue';
import type { OpenedFile } from '../../../../core/bridge/host-files';
import type { ExportFile } from '../../../../core/export/export-file';
import { BridgeError, type BackcareApi, type MenuCommand } from '../../../../core/bridge/bridge-api';
import {
  defineRequests,
  type BridgeErrorInfo,
  type RequestName,
  type RequestOf,
  type ResponseOf,
  type ValidRequestOf,
} from '../../../../core/bridge/requests';
import type { StorageNotice } from '../../../../core/log/history';
import { provideApi } from '../../../../renderer/src/bridge/api-context';

/** How the fake answers one request, given the payload as the services' handlers get it (validated): a value, or a thrown `failWith(...)`. */
export type FakeHandler<N extends RequestName> = (payload: ValidRequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>>;
export type FakeHandlers = { [N in RequestName]?: FakeHandler<N> };

export interface FakeApi extends BackcareApi {
  /** Every request made, in order. */
  readonly calls: { name: RequestName; payload: unknown }[];
  /** The payloads sent with one request name, in order. */
  payloadsOf<N extends RequestName>(name: N): RequestOf<N>[];
  /** The next reply carries this list, as the services do when a request finds a damaged file. */
  noticesWithNextReply(notices: StorageNotice[]): void;
  /** Whether the screen was last asked to stay on. */
  readonly keptAwake: boolean;
  /** Files given to `system.saveFile`, in order. */
  readonly savedFiles: ExportFile[];
  /** What `system.openFile` answers next, in order (null when empty: the person cancelled). */
  readonly filesToOpen: OpenedFile[];
}

/** A failure as the services report it (the message is shown to the person as it is). */
export function failWith(message: string, code: BridgeErrorInfo['code'] = 'storage'): BridgeError {
  return new BridgeError({ code, message });
}

/** Refuses a payload the services would refuse, using the same schemas (so a store cannot pass by sending nonsense). */
function checkPayload<N extends RequestName>(name: N, payload: RequestOf<N>): ValidRequestOf<N> {
  const checked = defineRequests(() => Date.now())[name].schema.safeParse(payload);
  if (!checked.success) throw failWith(`The fake API refused ${name}: ${checked.error.message}`, 'invalid-request');
  return checked.data as ValidRequestOf<N>;
}

/**
 * An in-memory BackcareApi: each request is checked against its schema and
 * answered by the test's handler for that name (a request with none fails, so
 * a test sees any it did not expect), and a reply can carry notices to the
 * `onNotices` listeners just as the real client passes them on, before the
 * value reaches the caller.
 */
export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const listeners = new Set<(notices: StorageNotice[]) => void>();
  const calls: { name: RequestName; payload: unknown }[] = [];
  let pendingNotices: StorageNotice[] | null = null;
  let keptAwake = false;
  const savedFiles: ExportFile[] = [];
  const filesToOpen: OpenedFile[] = [];

  async function request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    calls.push({ name, payload });
    const notices = pendingNotices;
    pendingNotices = null;
    const handler = handlers[name] as FakeHandler<N> | undefined;
    try {
      if (!handler) throw failWith(`The fake API has no handler for ${name}.`, 'unknown-channel');
      return await handler(checkPayload(name, payload));
    } finally {
      if (notices) for (const listener of listeners) listener(notices);
    }
  }

  return {
    host: 'browser',
    calls,
    get keptAwake() {
      return keptAwake;
    },
    request,
    payloadsOf: <N extends RequestName>(name: N) => calls.filter((call) => call.name === name).map((call) => call.payload as RequestOf<N>),
    noticesWithNextReply(notices) {
      pendingNotices = notices;
    },
    onNotices(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    system: {
      async keepAwake(on) {
        keptAwake = on;
      },
      onMenuCommand: (_listener: (command: MenuCommand) => void) => () => undefined,
      async saveFile(file) {
        savedFiles.push(file);
        return { saved: true, where: file.fileName };
      },
      openFile: async () => filesToOpen.shift() ?? null,
      printReport: async () => 'show-print-view',
      reportReady: () => undefined,
    },
    savedFiles,
    filesToOpen,
  };
}

/** Provides the fake to whatever app installs this plugin (for `mount(..., { global: { plugins } })`). */
export const fakeApiPlugin = (api: BackcareApi): Plugin => ({ install: (app) => provideApi(app, api) });

/** A fresh Pinia, active, inside an app that provides `api`: stores then take the fake as they are set up. */
export function installFakeApi(api: BackcareApi): Pinia {
  const app = createApp({ render: () => null });
  app.use(fakeApiPlugin(api));
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return pinia;
}
