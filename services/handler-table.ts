import type { z } from 'zod';
import { defineRequests, isRequestName, type BridgeErrorInfo, type BridgeResult, type RequestName, type ResponseOf, type ValidRequestOf } from '../core/bridge/requests';
import type { Services } from './create-services';
import { livedDay } from '../core/progress/lived-day';
import { exportCsv } from './export/csv-export';
import { progressReport } from './export/report';
import { allRecords } from './log/all-records';
import { listHistory } from './log/history-query';
import { answerMorningQuestion, morningQuestion } from './log/morning-question';
import { RequestError, StorageWriteError } from './storage/storage-errors';

/**
 * The one table of request handlers. The Electron IPC glue and the browser
 * host's HTTP server both call `handle`; the transport is their only
 * difference. Every request is validated against its definition's schema
 * before any handler runs, every failure comes back as a message naming the
 * field, and every reply carries the storage notices if they changed.
 */

/** One handler per request definition: a missing one, or one answering the wrong type, fails to compile. */
export type Handlers = { [N in RequestName]: (request: ValidRequestOf<N>) => ResponseOf<N> | Promise<ResponseOf<N>> };

/** For handlers whose answer is nothing: run, then answer null. */
const done = (action: () => void): null => (action(), null);

function handlersFor(services: Services): Handlers {
  const { library, settings, months, sessions, spasms, deletions, progress, plan, dashboards, notices } = services;
  /** The lived day of the person's `now`: before the day's start hour it is still yesterday. */
  const today = (now: string) => livedDay(now, settings.get().dayStartHour);
  /** The lived day the safety screen was first read: it counts as a warning-sign check. */
  const acknowledgedDay = () => {
    const at = settings.get().safetyAcknowledgedAt;
    return at ? livedDay(at, settings.get().dayStartHour) : null;
  };
  return {
    'content:load': () => library.content(),
    'routines:preview': ({ text }) => library.preview(text),
    'routines:add': ({ text }) => library.add(text),
    'routines:remove': ({ now, routineId }) => (plan.refuseIfPlanned(today(now), routineId, 'routines:remove'), library.remove(routineId)),
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'sessions:save': (session) => sessions.save(session),
    'sessions:update': ({ id, patch }) => (deletions.refuseIfPending(id, 'sessions:update'), sessions.update(id, patch)),
    'spasms:create': (spasm) => spasms.create(spasm),
    'spasms:update': ({ id, patch }) => (deletions.refuseIfPending(id, 'spasms:update'), spasms.update(id, patch)),
    'history:list': (query) => listHistory(months, deletions, query, settings.get().dayStartHour),
    'entries:delete': ({ kind, id }) => deletions.delete(kind, id),
    'entries:undo-delete': ({ id }) => done(() => deletions.undo(id)),
    'entries:confirm-delete': ({ id }) => done(() => deletions.confirm(id)),
    'entries:hold-delete': ({ id, forMs }) => done(() => deletions.hold(id, forMs)),
    'entries:pending-deletions': () => deletions.list(),
    'progress:save': (run) => done(() => progress.save(run)),
    'progress:get': () => progress.get(),
    'progress:clear': () => done(() => progress.clear()),
    'plan:get': ({ now }) => plan.current(today(now)),
    'plan:change': ({ now, target }) => plan.change(today(now), target),
    'plan:pause': ({ now, from, to, reason }) => plan.pause(today(now), from, to, reason),
    'plan:end-pause': ({ now, id }) => plan.endPause(today(now), id),
    'dashboard:get': ({ now, range }) => dashboards.get(now, range),
    'report:get': ({ now, from, to }) => progressReport(services, now, from, to),
    'export:csv': ({ now, table }) => exportCsv(table, allRecords(months, deletions), { dayStartHour: settings.get().dayStartHour }, today(now)),
    'backup:create': ({ now }) => ({ fileName: `backcare-backup-${today(now)}.json`, mediaType: 'application/json', text: services.backups.create(services.appVersion) }),
    'backup:check': ({ text }) => services.backups.check(text),
    'backup:restore': ({ text, mode }) => services.backups.restore(text, mode, services.appVersion),
    'safety-check:due': ({ now }) => services.safetyChecks.isDue(today(now), acknowledgedDay()),
    'safety-check:answer': ({ now, timeZone, answer }) => services.safetyChecks.record(answer, now, today(now), timeZone),
    'morning-question:get': ({ now }) => morningQuestion(services, now),
    'morning-question:answer': ({ sessionId, answer }) => answerMorningQuestion(services, sessionId, answer),
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
function describeError(channel: RequestName, error: unknown, log: (message: string) => void): BridgeErrorInfo {
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
  const definitions = defineRequests(() => services.now().getTime());

  async function answer(channel: unknown, request: unknown): Promise<BridgeResult<unknown>> {
    if (!isRequestName(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel).slice(0, 60)}"` } };
    }
    const json = asJson(request);
    if (json === NOT_JSON) return { ok: false, error: { code: 'invalid-request', field: '', message: `${channel}: The request is not plain JSON data` } };
    const parsed = (definitions[channel].schema as z.ZodType).safeParse(json);
    if (!parsed.success) return { ok: false, error: { code: 'invalid-request', ...describeIssue(channel, parsed.error.issues[0]!) } };
    try {
      // Each handler takes its own request's type; the schema just checked it, so the call is sound.
      const handler = handlers[channel] as (request: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: describeError(channel, error, log) };
    }
  }

  return {
    async handle(channel, request) {
      const result = await answer(channel, request);
      const notices = services.notices.takeChanges();
      return notices ? { ...result, notices } : result;
    },
  };
}
