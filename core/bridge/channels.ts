import type { Exercise } from '../content/exercise-schema';
import type { Routine } from '../content/routine-schema';
import type { Settings, SettingsPatch } from '../settings/settings-schema';

/**
 * Every request the renderer can make of the main-process services, named
 * once. The Electron preload and the browser host's HTTP client are both
 * built from this list, and the services' handler table must cover it, so
 * the two sides cannot drift apart.
 */

export interface ContentBundle {
  exercises: Exercise[];
  routines: Routine[];
}

export interface ChannelMap {
  'content:load': { request: null; response: ContentBundle };
  'settings:get': { request: null; response: Settings };
  'settings:update': { request: SettingsPatch; response: Settings };
}

export type Channel = keyof ChannelMap;
export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

export const channels = ['content:load', 'settings:get', 'settings:update'] as const satisfies readonly Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (channels as readonly string[]).includes(value);
}

/** What crosses the bridge: a value, or an error the renderer can show as it is. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorInfo };

export interface BridgeErrorInfo {
  code: 'invalid-request' | 'unknown-channel' | 'forbidden' | 'storage' | 'internal';
  /** A sentence for the person using the app, naming what was wrong. */
  message: string;
  field?: string;
}
