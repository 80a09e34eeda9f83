import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryPage, StorageNotice } from '../../../core/log/history';
import type { SessionRecord } from '../../../core/log/session-schema';
import { validatedTextsPath } from '../../../services/storage/validated-texts';
import * as versioned from '../../../services/storage/versioned-document';
import { openHarness, tempDir, type Harness } from './support/harness';
import { sampleSession } from './support/samples';

// Counts full checks (parse, migrate, validate) per file, while still doing them.
vi.mock('../../../services/storage/versioned-document', async (importOriginal) => {
  const actual = await importOriginal<typeof versioned>();
  return { ...actual, parseDocument: vi.fn(actual.parseDocument) };
});

const MONTH = 'log-2026-11';
let h: Harness;
afterEach(() => h.services.close());

const fullChecksOf = (name: string) => vi.mocked(versioned.parseDocument).mock.calls.filter(([spec]) => spec.name === name).length;
const monthPath = () => join(h.dir, `${MONTH}.json`);
const copyPath = () => join(h.dir, 'backups', `${MONTH}.json`);
const history = async () => (await h.call<HistoryPage>('history:list', {})).entries.map((e) => e.record as SessionRecord);
const notices = () => h.call<StorageNotice[]>('storage:notices', null);

/** A month with two sessions saved by the app, then a restart with the checks counted from there. */
async function savedMonth(appVersion = '1.0.0'): Promise<SessionRecord[]> {
  h = openHarness(tempDir(), undefined, { appVersion });
  await h.call('sessions:save', sampleSession({ note: 'first' }));
  h.clock.advance(60_000);
  await h.call('sessions:save', sampleSession({ startedAt: '2026-11-23T21:30:00+01:00', localDay: '2026-11-23', note: 'second' }));
  const saved = await history();
  h = h.restart();
  vi.mocked(versioned.parseDocument).mockClear();
  return saved;
}

describe('files the app wrote and checked are not checked again', () => {
  it('a month saved by the app is read on the next start without a full check, and reads the same', async () => {
    const saved = await savedMonth();
    expect(await history()).toEqual(saved);
    expect(fullChecksOf(MONTH)).toBe(0);
    // The cache is private, like every file in the data folder.
    expect(statSync(validatedTextsPath(h.dir)).mode & 0o777).toBe(0o600);
  });

  it('a month changed on disk is checked in full: a valid change is read, a damaged one recovered from its copy', async () => {
    await savedMonth();
    const text = readFileSync(monthPath(), 'utf8');
    writeFileSync(monthPath(), text.replace('"note":"first"', '"note":"edited"'));
    writeFileSync(copyPath(), readFileSync(monthPath()));
    h = h.restart();
    expect((await history()).map((s) => s.note).sort()).toEqual(['edited', 'second']);
    expect(fullChecksOf(MONTH)).toBe(1);

    // One character of an id changed, same size: not valid, so never trusted, and the copy brings it back.
    const edited = readFileSync(monthPath(), 'utf8');
    const id = /"id":"([0-9a-f-]{36})"/.exec(edited)![1]!;
    writeFileSync(monthPath(), edited.replace(id, `z${id.slice(1)}`));
    h = h.restart();
    expect((await history()).map((s) => s.id)).toContain(id);
    expect(await notices()).toMatchObject([{ level: 'warning', message: expect.stringMatching(/could not be read.*recovered from its second copy.*nothing was lost/s) }]);
  });

  it('another version of the app checks every file again', async () => {
    const saved = await savedMonth('1.0.0');
    h.services.close();
    h = openHarness(h.dir, h.clock, { appVersion: '1.1.0' });
    expect(await history()).toEqual(saved);
    expect(fullChecksOf(MONTH)).toBe(1);
  });

  it('a text the app would write differently (formatted by hand, or missing fields the schema fills in) is checked on every read', async () => {
    await savedMonth();
    const file = JSON.parse(readFileSync(monthPath(), 'utf8')) as { sessions: { exercises: { dose: Record<string, unknown> }[] }[] };
    delete file.sessions[0]!.exercises[0]!.dose.sets; // the schema's default is 1
    writeFileSync(monthPath(), JSON.stringify(file, undefined, 2));
    writeFileSync(copyPath(), readFileSync(monthPath()));
    for (let start = 1; start <= 2; start++) {
      h = h.restart();
      const dose = (await history())[0]!.exercises[0]!.dose;
      expect(dose).toMatchObject({ kind: 'hold', sets: 1 });
      expect(fullChecksOf(MONTH)).toBe(start);
    }
  });

  it('a damaged or foreign cache is ignored and made again', async () => {
    const saved = await savedMonth();
    h.services.close();
    for (const damaged of ['{"cut":', 'null', '{"schemaVersion":1,"appVersion":"1.0.0","files":{"log-2026-11":{"version":2,"sha256":"0"}}}']) {
      writeFileSync(validatedTextsPath(h.dir), damaged);
      vi.mocked(versioned.parseDocument).mockClear();
      h = openHarness(h.dir, h.clock, { appVersion: '1.0.0' });
      expect(await history()).toEqual(saved);
      expect(fullChecksOf(MONTH)).toBe(1);
      h.services.close();
      expect(JSON.parse(readFileSync(validatedTextsPath(h.dir), 'utf8'))).toMatchObject({ appVersion: '1.0.0', files: { [MONTH]: { version: 2 } } });
    }
  });

  it('is written shortly after a save, without waiting for the app to close', async () => {
    h = openHarness(tempDir(), undefined, { appVersion: '1.0.0' });
    await h.call('sessions:save', sampleSession());
    expect(existsSync(validatedTextsPath(h.dir))).toBe(false);
    await vi.waitFor(() => expect(existsSync(validatedTextsPath(h.dir))).toBe(true), { timeout: 3000 });
  });
});
