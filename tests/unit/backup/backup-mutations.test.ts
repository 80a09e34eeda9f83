import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../../../core/backup/backup-file';
import { RequestError } from '../../../services/storage/storage-errors';
import { openHarness, type Harness } from '../storage/support/harness';
import { seededRandom } from '../storage/support/prng';
import { mutants } from './support/backup-mutants';
import { backupFixture, backupParts, folderState, whatIsShown } from './support/backup-harness';
import { buildVariedLog } from './support/varied-log';

/** Fixed, so every run tries the same files; `BACKUP_SEED` tries others. */
const seed = Number(process.env.BACKUP_SEED) || 20_261_205;
const COUNT = 600;
let h: Harness;
/** The file the broken ones are made from: an older release's backup as this version writes it (stored versions current). */
let valid: string;

beforeAll(async () => {
  const maker = openHarness();
  maker.services.backups.restore(backupFixture('backup-v1-settings-v3.json'), 'replace', 'test');
  valid = maker.services.backups.create('test');
  maker.services.close();
  h = openHarness();
  await buildVariedLog(h); // a folder holding data of its own
  await whatIsShown(h); // caches made, so only a restore could change the folder
});
afterAll(() => h.services.close());

describe(`${COUNT} broken backup files (seed ${seed})`, () => {
  it('the file they are made from is valid', () => {
    expect(checkBackup(valid, backupParts)).toMatchObject({ ok: true });
  });

  it('are each refused, with a message naming what is wrong, and leave the data folder exactly as it was', () => {
    const files = mutants(valid, seededRandom(seed), COUNT);
    const before = folderState(h.dir);
    const wrong: string[] = [];
    files.forEach((file, i) => {
      const checked = checkBackup(file.text, backupParts);
      if (checked.ok) return wrong.push(`#${i} ${file.change}: accepted`);
      if (!file.expected.test(checked.problem)) wrong.push(`#${i} ${file.change}: "${checked.problem}" does not match ${String(file.expected)}`);
      try {
        h.services.backups.restore(file.text, i % 2 === 0 ? 'replace' : 'merge', '0.1.0');
        wrong.push(`#${i} ${file.change}: restored`);
      } catch (error) {
        if (!(error instanceof RequestError) || error.message !== `backup:restore: text: ${checked.problem}`) wrong.push(`#${i} ${file.change}: threw ${String(error)}`);
      }
      if (folderState(h.dir) !== before) throw new Error(`#${i} ${file.change}: the data folder changed`);
    });
    expect(wrong).toEqual([]);
  });
});
