import type { z } from 'zod';
import { channels, isChannel, type BridgeErrorInfo, type BridgeResult, type Channel, type RequestOf, type ResponseOf } from '../core/bridge/channels';
import type { ContentService } from './content-service';
import type { LogRepository } from './log/log-repository';
import type { SettingsService } from './settings-service';
import type { NoticeBoard } from './storage/notice-board';
import { RequestError, StorageWriteError } from './storage/storage-errors';
import { requestSchemas } from './validation/request-schemas';

/**
 * The one table of request handlers. The Electron IPC glue and the browser
 * host's HTTP server both call `handle`; the transport is their only
 * difference. Every request is validated against its schema before any
 * handler runs, and every failure comes back as a message naming the field.
 */

export interface Services {
  content: ContentService;
  settings: SettingsService;
  log: LogRepository;
  notices: NoticeBoard;
  /** The clock requests are judged by ("no more than a day ahead"). */
  now: () => Date;
  /** Stops the storage timers (retrying failed writes, finishing deletions). */
  close(): void;
}

type Handlers = { [C in Channel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

/** For handlers whose answer is nothing: run, then answer null. */
const done = (action: () => void): null => (action(), null);

function handlersFor({ content, settings, log, notices }: Services): Handlers {
  return {
    'content:load': () => content.load(),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'sessions:save': (session) => log.saveSession(session),
    'sessions:update': ({ id, patch }) => log.updateSession(id, patch),
    'spasms:create': (spasm) => log.createSpasm(spasm),
    'spasms:update': ({ id, patch }) => log.updateSpasm(id, patch),
    'history:list': (query) => log.history(query),
    'entries:delete': ({ kind, id }) => log.deleteEntry(kind, id),
    'entries:undo-delete': ({ id }) => done(() => log.undoDelete(id)),
    'entries:confirm-delete': ({ id }) => done(() => log.confirmDelete(id)),
    'entries:pending-deletions': () => log.pendingDeletions(),
    'progress:save': (progress) => done(() => log.saveProgress(progress)),
    'progress:get': () => log.getProgress(),
    'progress:clear': () => done(() => log.clearProgress()),
    'storage:notices': () => notices.list(),
    'storage:dismiss-notice': ({ id }) => done(() => notices.dismiss(id)),
  };
}

export interface HandlerTable {
  handle(channel: unknown, request: unknown): Promise<BridgeResult<unknown>>;
}

function describeIssue(channel: string, issue: z.core.$ZodIssue): { field: string; message: string } {
  // An unknown key is named as the field itself: it is the one to remove.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const field = path.map(String).join('.');
  return { field, message: `${channel}: ${field ? `${field}: ` : ''}${issue.message}` };
}

/** What a thrown error means for the person: a refused request, a disk that refused a write, or a fault of ours. */
function describeError(channel: Channel, error: unknown, log: (message: string) => void): BridgeErrorInfo {
  if (error instanceof RequestError) return { code: 'invalid-request', field: error.field, message: error.message };
  if (error instanceof StorageWriteError) return { code: 'storage', message: error.message };
  log(`[${channel}] ${(error as Error).stack ?? String(error)}`);
  return { code: 'internal', message: `Something went wrong handling ${channel}: ${(error as Error).message}` };
}

const NOT_JSON = Symbol('not JSON');

/**
 * The request as JSON would carry it. IPC's structured clone can also carry
 * -0, NaN, undefined, Dates, Maps…; normalising first means what is
 * validated is exactly what gets stored (-0 becomes 0, NaN becomes null and
 * is then refused, an undefined field is absent).
 */
function asJson(request: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(request ?? null)) as unknown;
  } catch {
    return NOT_JSON; // a BigInt or a cycle
  }
}

export function createHandlerTable(services: Services, log: (message: string) => void = console.error): HandlerTable {
  const handlers = handlersFor(services);
  const schemas: Record<Channel, z.ZodType> = requestSchemas(services.now);
  // A new channel without a handler or schema fails here, at start-up, not on first use.
  for (const channel of channels) if (!handlers[channel] || !schemas[channel]) throw new Error(`No handler for ${channel}`);

  return {
    async handle(channel, request) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel).slice(0, 60)}"` } };
      }
      const json = asJson(request);
      if (json === NOT_JSON) return { ok: false, error: { code: 'invalid-request', field: '', message: `${channel}: The request is not plain JSON data` } };
      const parsed = schemas[channel].safeParse(json);
      if (!parsed.success) {
        const first = describeIssue(channel, parsed.error.issues[0]!);
        return { ok: false, error: { code: 'invalid-request', ...first } };
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        return { ok: false, error: describeError(channel, error, log) };
      }
    },
  };
}
