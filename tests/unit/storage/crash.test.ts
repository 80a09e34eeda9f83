import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HistoryPage } from '../../../core/log/history';
import { openHarness, storeFiles, tempDir } from './support/harness';
import { chooseSeed, seededRandom } from './support/prng';
import { invalidStoreFiles } from './support/validate-files';

const KILLS = 24;
const childScript = join(import.meta.dirname, 'support', 'crash-child.ts');
const repoRoot = join(import.meta.dirname, '..', '..', '..');

/** Runs the child until it has reported a save, then kills it `delayMs` later; returns the ids it reported. */
function runAndKill(dir: string, run: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dir, String(run)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself before it was killed: ${err}`));
      // Only complete lines were reported; a line cut by the kill is not a promise of anything.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

function storedSessionIds(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const [name, content] of storeFiles(dir)) {
    if (name.startsWith('log-')) for (const session of (content as { sessions: { id: string }[] }).sessions) ids.add(session.id);
  }
  return ids;
}

describe('a process killed while saving', () => {
  it(`loses nothing it reported saved and leaves valid files, over ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const seed = chooseSeed();
    console.log(`crash test seed: ${seed} (replay with STORAGE_SEED=${seed})`);
    const random = seededRandom(seed);
    const dir = tempDir('crash-');
    const reported: string[] = [];
    for (let run = 0; run < KILLS; run++) {
      reported.push(...(await runAndKill(dir, run, Math.floor(random() * 400))));
      expect(invalidStoreFiles(dir), `after kill ${run + 1}`).toEqual([]);
      const stored = storedSessionIds(dir);
      expect(reported.filter((id) => !stored.has(id)), `after kill ${run + 1}`).toEqual([]);
    }
    console.log(`crash test: ${reported.length} saves reported over ${KILLS} kills, all present; ${readdirSync(dir).length} entries in the data folder`);

    const h = openHarness(dir);
    h.clock.set(new Date().toISOString());
    let seen = 0;
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const page: HistoryPage = await h.call('history:list', { kinds: ['session'], limit: 500, ...(cursor ? { cursor } : {}) });
      seen += page.entries.length;
      cursor = page.nextCursor;
    }
    expect(seen).toBe(storedSessionIds(dir).size);
    expect(await h.call('storage:notices', null)).toEqual([]);
    h.services.close();
  });
});
