import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { requestNames } from '../../../core/bridge/requests';
import { defaultSettings } from '../../../core/settings/settings-schema';
import { bundledContentDir } from '../../../exercises/load-content';
import { createServices } from '../../../services/create-services';
import { createHandlerTable, type HandlerTable, type Handlers } from '../../../services/handler-table';
import { openConfStore } from '../../../services/storage/document-store';
import { sampleProgress, sampleSession, sampleSpasm } from '../storage/support/samples';

let dataDir: string;
let table: HandlerTable;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'handlers-'));
  // The sample records are dated 24 Nov 2026: judge them by a clock of that evening, whenever the tests run.
  const now = () => new Date('2026-11-24T22:00:00Z');
  table = createHandlerTable(createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dataDir, name), dataDir, now }), () => undefined);
});

const settingsFile = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: unknown };

describe('handler table', () => {
  it('answers every channel the bridge names', async () => {
    const prescribedExample = readFileSync('exercises/prescribed/example-prescribed-routine.json', 'utf8');
    const saved = await table.handle('sessions:save', sampleSession());
    const spasm = await table.handle('spasms:create', sampleSpasm());
    const sessionId = saved.ok ? (saved.value as { id: string }).id : '';
    const spasmId = spasm.ok ? (spasm.value as { id: string }).id : '';
    const now = '2026-11-24T21:00:00+01:00';
    const paused = await table.handle('plan:pause', { now, from: '2026-12-01', to: '2026-12-03', reason: 'travel' });
    const pauseId = paused.ok ? (paused.value as { pauses: { id: string }[] }).pauses[0]!.id : '';
    const backup = await table.handle('backup:create', { now });
    const backupText = backup.ok ? (backup.value as { text: string }).text : '';
    const requests: Partial<Record<(typeof requestNames)[number], unknown>> = {
      'settings:update': {},
      'sessions:save': sampleSession(),
      'sessions:update': { id: sessionId, patch: { note: 'Easier today' } },
      'spasms:create': sampleSpasm(),
      'spasms:update': { id: spasmId, patch: { intensity: 4 } },
      'history:list': {},
      'entries:delete': { kind: 'spasm', id: spasmId },
      'entries:undo-delete': { id: spasmId },
      'entries:confirm-delete': { id: spasmId },
      'entries:hold-delete': { id: spasmId, forMs: 5_000 },
      'progress:save': sampleProgress(),
      'storage:dismiss-notice': { id: crypto.randomUUID() },
      'plan:get': { now },
      'plan:change': { now, target: { kind: 'sessions-per-week', sessionsPerWeek: 3 } },
      'plan:pause': { now, from: '2026-12-10', to: '2026-12-12', reason: '' },
      'plan:end-pause': { now, id: pauseId },
      'dashboard:get': { now, range: '4-weeks' },
      'report:get': { now, from: '2026-11-01', to: '2026-11-24' },
      'export:csv': { now, table: 'spasms' },
      'routines:preview': { text: prescribedExample },
      'routines:add': { text: prescribedExample },
      'routines:remove': { now, routineId: 'prescribed-evening-routine-from-jo-smith' },
      'safety-check:due': { now },
      'safety-check:answer': { now, timeZone: 'Europe/Paris', answer: 'none' },
      'morning-question:get': { now },
      'morning-question:answer': { sessionId, answer: 'same' },
      'backup:create': { now },
      'backup:check': { text: backupText },
      'backup:restore': { text: backupText, mode: 'merge' },
    };
    for (const channel of requestNames) {
      expect(await table.handle(channel, requests[channel] ?? null), channel).toMatchObject({ ok: true });
    }
  });

  it('writes the month file and its second copy, and nothing else, for a saved session', async () => {
    await table.handle('sessions:save', sampleSession());
    expect(readdirSync(dataDir).sort()).toEqual(['backups', 'log-2026-11.json']);
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(['log-2026-11.json']);
  });

  it('serves the validated content', async () => {
    const result = await table.handle('content:load', null);
    expect(result.ok && (result.value as { routines: unknown[] }).routines).toHaveLength(5);
  });

  it('starts with default settings and saves a change to disk', async () => {
    expect(await table.handle('settings:get', null)).toEqual({ ok: true, value: defaultSettings });
    const updated = await table.handle('settings:update', { voiceCues: false, theme: 'dark' });
    expect(updated).toMatchObject({ ok: true, value: { voiceCues: false, theme: 'dark', soundCues: true } });
    expect(settingsFile().settings).toMatchObject({ voiceCues: false, theme: 'dark' });
  });

  it('changes only the fields a patch names', async () => {
    await table.handle('settings:update', { voiceCues: false, safetyAcknowledgedAt: '2026-11-24T21:30:00+01:00' });
    await table.handle('settings:update', { leadInSeconds: 20 });
    expect(settingsFile().settings).toMatchObject({ voiceCues: false, leadInSeconds: 20, safetyAcknowledgedAt: '2026-11-24T21:30:00+01:00' });
  });

  it.each([
    [{ voiceRate: 9 }, 'voiceRate'],
    [{ theme: 'purple' }, 'theme'],
    [{ soundCues: 'yes' }, 'soundCues'],
    [{ safetyAcknowledgedAt: 'yesterday' }, 'safetyAcknowledgedAt'],
    [{ leadInSeconds: 2.5 }, 'leadInSeconds'],
  ])('rejects %j naming the field, and writes nothing', async (patch, field) => {
    await table.handle('settings:update', { theme: 'light' });
    const result = await table.handle('settings:update', patch);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field } });
    expect(!result.ok && result.error.message).toMatch(new RegExp(`^settings:update: ${field}: `));
    expect(settingsFile().settings).toMatchObject({ theme: 'light' });
  });

  it('rejects unknown keys, wrong payload shapes and unknown requestNames', async () => {
    expect(await table.handle('settings:update', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('settings:update', 'dark')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('content:load', { all: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('fs:readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await table.handle(42, null)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('keeps valid settings when the stored ones are partly damaged', async () => {
    openConfStore(dataDir, 'settings').store = { settings: { voiceCues: false, voiceRate: 'fast', theme: 'dark' } };
    expect(await table.handle('settings:get', null)).toMatchObject({ ok: true, value: { voiceCues: false, voiceRate: 1, theme: 'dark' } });
  });
});

describe('request definitions and handlers (checked by the compiler in `npm run typecheck`)', () => {
  it('refuses a handler table missing a request, or a handler answering the wrong type', () => {
    const settingsGet: Handlers['settings:get'] = () => defaultSettings;
    // @ts-expect-error a handler must answer the type its definition names (Settings, not a number)
    const wrongAnswer: Handlers['settings:get'] = () => 42;
    // @ts-expect-error every definition needs its handler: this table has only one
    const incomplete: Handlers = { 'settings:get': settingsGet };
    // @ts-expect-error a handler receives its own request's type: `limit` is a number
    const wrongRequest: Handlers['history:list'] = (query: { limit: string }) => ({ entries: [], nextCursor: query.limit });
    expect([settingsGet, wrongAnswer, incomplete, wrongRequest].every(Boolean)).toBe(true);
  });
});
