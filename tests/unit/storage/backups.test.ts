import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openHarness, readJson, type Harness } from './support/harness';
import { sampleSpasm } from './support/samples';

let h: Harness;
afterEach(() => h.services.close());

const DAY = 86_400_000;
const backups = () => readdirSync(join(h.dir, 'backups')).sort();

describe('daily backups', () => {
  it('copies each file before its first write of a day and keeps the last 7 days', async () => {
    h = openHarness();
    h.clock.set('2026-11-01T09:00:00Z');
    for (let day = 1; day <= 12; day++) {
      const localDay = `2026-11-${String(day).padStart(2, '0')}`;
      await h.call('spasms:create', sampleSpasm({ occurredAt: `${localDay}T03:00:00+01:00`, localDay }));
      await h.call('spasms:create', sampleSpasm({ occurredAt: `${localDay}T04:00:00+01:00`, localDay })); // same day: no second copy
      h.clock.advance(DAY);
    }
    const daily = backups().filter((f) => f.startsWith('log-2026-11.'));
    expect(daily).toEqual(Array.from({ length: 7 }, (_, i) => `log-2026-11.202611${String(i + 6).padStart(2, '0')}T090000Z.daily.json`));
    // The copy made on the 12th holds what was saved up to the 11th.
    expect((readJson(join(h.dir, 'backups', daily.at(-1)!)).spasms as unknown[]).length).toBe(22);
  });

  it('keeps nothing for a file that has never been written', async () => {
    h = openHarness();
    await h.call('settings:get', null);
    await h.call('history:list', {});
    expect(readdirSync(h.dir).filter((f) => f !== 'notices.json')).toEqual([]);
  });
});
