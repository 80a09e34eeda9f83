// Run by crash.test.ts as `node --import tsx crash-child.ts <dataDir> <run>`: saves
// sessions (with spasms and progress in between) as fast as it can, printing
// each session's id only once its save has returned, until it is killed.
import { writeSync } from 'node:fs';
import { bundledContentDir } from '../../../../exercises/load-content';
import { createServices } from '../../../../services/create-services';
import { createHandlerTable } from '../../../../services/handler-table';
import { openConfStore } from '../../../../services/storage/document-store';
import { sampleProgress, sampleSession, sampleSpasm } from './samples';

const [dir, runText] = process.argv.slice(2) as [string, string];
const run = Number(runText);
const table = createHandlerTable(createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dir, name), dataDir: dir }), (m) => writeSync(2, `${m}\n`));

/** Spread over about a year so each month file stays the size real use gives it. */
function instantFor(i: number): string {
  const daysBack = (i * 7 + run * 13) % 360;
  return new Date(Date.now() - daysBack * 86_400_000 - (i % 600) * 1000).toISOString();
}

async function saveForever(): Promise<never> {
  for (let i = 0; ; i++) {
    const startedAt = instantFor(i);
    const result = await table.handle('sessions:save', sampleSession({ startedAt, localDay: startedAt.slice(0, 10), timeZone: 'UTC', note: `run ${run} #${i}` }));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    writeSync(1, `${(result.value as { id: string }).id}\n`);
    if (i % 5 === 0) await table.handle('spasms:create', sampleSpasm({ occurredAt: startedAt, localDay: startedAt.slice(0, 10), timeZone: 'UTC' }));
    if (i % 3 === 0) await table.handle('progress:save', sampleProgress({ startedAt }));
  }
}

await saveForever();
