import type { StorageNotice } from '../log/history';
import type { BridgeErrorInfo, BridgeResult, RequestName, RequestOf, ResponseOf } from './requests';

/**
 * The one object the renderer uses to reach the app's data, on either host:
 * `api.request('history:list', query)`, typed by the request's definition
 * in requests.ts. Only the renderer's Pinia stores call it.
 */
export interface BackcareApi {
  host: 'electron' | 'browser';
  request<N extends RequestName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>>;
  /** Storage notices raised while any request was handled (a damaged file found just now), as they arrive. */
  onNotices(listener: (notices: StorageNotice[]) => void): () => void;
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
export type Transport = <N extends RequestName>(name: N, payload: RequestOf<N>) => Promise<BridgeResult<ResponseOf<N>>>;

/** Builds the typed API from a transport, so the preload and the HTTP client cannot differ. */
export function createBackcareApi(host: BackcareApi['host'], transport: Transport, system: SystemApi): BackcareApi {
  const noticeListeners = new Set<(notices: StorageNotice[]) => void>();
  return {
    host,
    async request(name, payload) {
      const result = await transport(name, payload);
      if (result.notices) for (const listener of noticeListeners) listener(result.notices);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value;
    },
    onNotices(listener) {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    system,
  };
}
