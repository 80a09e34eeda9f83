import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../core/bridge/channels';
import { defaultSettings } from '../../../core/settings/settings-schema';
import { bundledContentDir } from '../../../exercises/load-content';
import { createServices } from '../../../services/create-services';
import { createHandlerTable, type HandlerTable } from '../../../services/handler-table';
import { openConfStore } from '../../../services/storage/open-conf-store';

let dataDir: string;
let table: HandlerTable;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'handlers-'));
  table = createHandlerTable(createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dataDir, name) }), () => undefined);
});

const settingsFile = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { settings: unknown };

describe('handler table', () => {
  it('answers every channel the bridge names', async () => {
    for (const channel of channels) {
      const request = channel === 'settings:update' ? {} : null;
      expect(await table.handle(channel, request), channel).toMatchObject({ ok: true });
    }
  });

  it('serves the validated content', async () => {
    const result = await table.handle('content:load', null);
    expect(result.ok && (result.value as { routines: unknown[] }).routines).toHaveLength(4);
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

  it('rejects unknown keys, wrong payload shapes and unknown channels', async () => {
    expect(await table.handle('settings:update', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('settings:update', 'dark')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('content:load', { all: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await table.handle('fs:readFile', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await table.handle(42, null)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('keeps valid settings when the stored ones are partly damaged', async () => {
    const store = openConfStore(dataDir, 'settings');
    store.set('settings', { voiceCues: false, voiceRate: 'fast', theme: 'dark' });
    expect(await table.handle('settings:get', null)).toMatchObject({ ok: true, value: { voiceCues: false, voiceRate: 1, theme: 'dark' } });
  });
});
