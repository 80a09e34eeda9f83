import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../../services/storage/data-folder-lock';
import { startWebHost } from '../../support/web-host-process';

// Unit tests run before the build: a one-file renderer is all the host needs to start.
const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
const startHost = (dataDir: string) => startWebHost(dataDir, ['--renderer-dir', rendererDir]);

describe('two hosts on one data folder', () => {
  it('refuses the second with a message naming the folder, and frees the folder when the first stops', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shared-'));
    const first = await startHost(dataDir);
    await expect(startHost(dataDir)).rejects.toThrow(
      new RegExp(`exited \\(2\\)[\\s\\S]*Another copy of Backcare Coach \\(process ${first.process.pid}, started [^)]+\\) is using the data folder ${dataDir}[\\s\\S]*--data-dir`),
    );
    // The refused copy wrote nothing over the first one's lock.
    expect((await first.api('settings:get')).status).toBe(200);

    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGTERM');
    await exited;
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const again = await startHost(dataDir);
    await again.stop();
  });
});
