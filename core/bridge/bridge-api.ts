import type { Channel, BridgeErrorInfo, BridgeResult, RequestOf, ResponseOf, ContentBundle } from './channels';
import type { Settings, SettingsPatch } from '../settings/settings-schema';

/** The one object the renderer uses to reach the app's data, on either host. */
export interface BackcareApi {
  host: 'electron' | 'browser';
  content: { load(): Promise<ContentBundle> };
  settings: { get(): Promise<Settings>; update(patch: SettingsPatch): Promise<Settings> };
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
    system,
  };
}
