import { z } from 'zod';
import { channels, isChannel, type BridgeResult, type Channel, type RequestOf, type ResponseOf } from '../core/bridge/channels';
import { settingsPatchSchema } from '../core/settings/settings-schema';
import type { ContentService } from './content-service';
import type { SettingsService } from './settings-service';

/**
 * The one table of request handlers. The Electron IPC glue and the browser
 * host's HTTP server both call `handle`; the transport is their only
 * difference. Every request is validated against its schema before any
 * handler runs, and every failure comes back as a message naming the field.
 */

export interface Services {
  content: ContentService;
  settings: SettingsService;
}

const requestSchemas = {
  'content:load': z.null(),
  'settings:get': z.null(),
  'settings:update': settingsPatchSchema,
} satisfies Record<Channel, z.ZodType>;

type Handlers = { [C in Channel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

function handlersFor(services: Services): Handlers {
  return {
    'content:load': () => services.content.load(),
    'settings:get': () => services.settings.get(),
    'settings:update': (patch) => services.settings.update(patch),
  };
}

export interface HandlerTable {
  handle(channel: unknown, request: unknown): Promise<BridgeResult<unknown>>;
}

function describeIssue(channel: string, issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.map(String).join('.');
  return { field, message: `${channel}: ${field ? `${field}: ` : ''}${issue.message}` };
}

export function createHandlerTable(services: Services, log: (message: string) => void = console.error): HandlerTable {
  const handlers = handlersFor(services);
  // A new channel without a handler or schema fails here, at start-up, not on first use.
  for (const channel of channels) if (!handlers[channel] || !requestSchemas[channel]) throw new Error(`No handler for ${channel}`);

  return {
    async handle(channel, request) {
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel).slice(0, 60)}"` } };
      }
      const parsed = requestSchemas[channel].safeParse(request ?? null);
      if (!parsed.success) {
        const first = describeIssue(channel, parsed.error.issues[0]!);
        return { ok: false, error: { code: 'invalid-request', ...first } };
      }
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.data) };
      } catch (error) {
        log(`[${channel}] ${(error as Error).stack ?? String(error)}`);
        return { ok: false, error: { code: 'internal', message: `Something went wrong handling ${channel}: ${(error as Error).message}` } };
      }
    },
  };
}
