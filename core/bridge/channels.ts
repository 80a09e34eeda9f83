import type { Exercise } from '../content/exercise-schema';
import type { Routine } from '../content/routine-schema';
import type { HistoryPage, HistoryQuery, PendingDeletion, StorageNotice, EntryKind } from '../log/history';
import type { RoutineProgress } from '../log/progress-schema';
import type { NewSession, SessionPatch, SessionRecord } from '../log/session-schema';
import type { NewSpasm, SpasmPatch, SpasmRecord } from '../log/spasm-schema';
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
  /** Records a finished (or ended) routine and clears its saved progress. */
  'sessions:save': { request: NewSession; response: SessionRecord };
  'sessions:update': { request: { id: string; patch: SessionPatch }; response: SessionRecord };
  'spasms:create': { request: NewSpasm; response: SpasmRecord };
  'spasms:update': { request: { id: string; patch: SpasmPatch }; response: SpasmRecord };
  'history:list': { request: HistoryQuery; response: HistoryPage };
  /** Hides an entry at once; it is removed for good after 10 s or on confirm, and can be undone until then. */
  'entries:delete': { request: { kind: EntryKind; id: string }; response: PendingDeletion };
  'entries:undo-delete': { request: { id: string }; response: null };
  'entries:confirm-delete': { request: { id: string }; response: null };
  'entries:pending-deletions': { request: null; response: PendingDeletion[] };
  /** The routine in progress, saved after each exercise and on pause. */
  'progress:save': { request: RoutineProgress; response: null };
  'progress:get': { request: null; response: RoutineProgress | null };
  'progress:clear': { request: null; response: null };
  'storage:notices': { request: null; response: StorageNotice[] };
  'storage:dismiss-notice': { request: { id: string }; response: null };
}

export type Channel = keyof ChannelMap;
export type RequestOf<C extends Channel> = ChannelMap[C]['request'];
export type ResponseOf<C extends Channel> = ChannelMap[C]['response'];

export const channels = [
  'content:load',
  'settings:get',
  'settings:update',
  'sessions:save',
  'sessions:update',
  'spasms:create',
  'spasms:update',
  'history:list',
  'entries:delete',
  'entries:undo-delete',
  'entries:confirm-delete',
  'entries:pending-deletions',
  'progress:save',
  'progress:get',
  'progress:clear',
  'storage:notices',
  'storage:dismiss-notice',
] as const satisfies readonly Channel[];

/** Fails to compile when a channel in ChannelMap is missing from `channels`. */
type Unlisted = Exclude<Channel, (typeof channels)[number]>;
export const everyChannelListed: Unlisted extends never ? true : never = true;

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
