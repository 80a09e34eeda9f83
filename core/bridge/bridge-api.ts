import type { Channel, BridgeErrorInfo, BridgeResult, RequestOf, ResponseOf, ContentBundle } from './channels';
import type { HistoryPage, HistoryQuery, PendingDeletion, StorageNotice, EntryKind } from '../log/history';
import type { RoutineProgress } from '../log/progress-schema';
import type { NewSession, SessionPatch, SessionRecord } from '../log/session-schema';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../log/spasm-schema';
import type { Settings, SettingsPatch } from '../settings/settings-schema';

/** The one object the renderer uses to reach the app's data, on either host. */
export interface BackcareApi {
  host: 'electron' | 'browser';
  content: { load(): Promise<ContentBundle> };
  settings: { get(): Promise<Settings>; update(patch: SettingsPatch): Promise<Settings> };
  sessions: { save(session: NewSession): Promise<SessionRecord>; update(id: string, patch: SessionPatch): Promise<SessionRecord> };
  spasms: { create(spasm: NewSpasm): Promise<SpasmRecord>; update(id: string, patch: SpasmPatch): Promise<SpasmRecord> };
  history: { list(query: HistoryQuery): Promise<HistoryPage> };
  entries: {
    delete(kind: EntryKind, id: string): Promise<PendingDeletion>;
    undoDelete(id: string): Promise<null>;
    confirmDelete(id: string): Promise<null>;
    pendingDeletions(): Promise<PendingDeletion[]>;
  };
  progress: { save(progress: RoutineProgress): Promise<null>; get(): Promise<RoutineProgress | null>; clear(): Promise<null> };
  storage: { notices(): Promise<StorageNotice[]>; dismissNotice(id: string): Promise<null> };
  system: SystemApi;
}

/** What differs between hosts: keeping the screen awake, and the app menu. */
export interface SystemApi {
  keepAwake(on: boolean): Promise<void>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const menuCommands = ['show-safety', 'show-settings', 'show-library'] as const;
export type MenuCommand = (typeof menuCommands)[number];

export class BridgeError extends Error {
  constructor(readonly info: BridgeErrorInfo) {
    super(info.message);
    this.name = 'BridgeError';
  }
}

/** Sends one request over a transport and returns its raw envelope. */
export type Transport = <C extends Channel>(channel: C, request: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>;

/** Builds the typed API from a transport, so the preload and the HTTP client cannot differ. */
export function createBackcareApi(host: BackcareApi['host'], transport: Transport, system: SystemApi): BackcareApi {
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await transport(channel, request);
    if (!result.ok) throw new BridgeError(result.error);
    return result.value;
  }
  return {
    host,
    content: { load: () => call('content:load', null) },
    settings: {
      get: () => call('settings:get', null),
      update: (patch) => call('settings:update', patch),
    },
    sessions: {
      save: (session) => call('sessions:save', session),
      update: (id, patch) => call('sessions:update', { id, patch }),
    },
    spasms: {
      create: (spasm) => call('spasms:create', spasm),
      update: (id, patch) => call('spasms:update', { id, patch }),
    },
    history: { list: (query) => call('history:list', query) },
    entries: {
      delete: (kind, id) => call('entries:delete', { kind, id }),
      undoDelete: (id) => call('entries:undo-delete', { id }),
      confirmDelete: (id) => call('entries:confirm-delete', { id }),
      pendingDeletions: () => call('entries:pending-deletions', null),
    },
    progress: {
      save: (progress) => call('progress:save', progress),
      get: () => call('progress:get', null),
      clear: () => call('progress:clear', null),
    },
    storage: {
      notices: () => call('storage:notices', null),
      dismissNotice: (id) => call('storage:dismiss-notice', { id }),
    },
    system,
  };
}
