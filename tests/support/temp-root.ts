// Vitest global set-up: every temporary folder the unit tests make (data
// folders, damaged stores, fake renderers) goes under one root for the run,
// which is removed at the end, so test runs do not fill the machine's /tmp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'backcare-unit-'));
  // os.tmpdir() reads TMPDIR on each call, and the test workers inherit it.
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
