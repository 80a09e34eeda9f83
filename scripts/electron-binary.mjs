// Finds the Electron executable the way `electron/index.js` does, but never
// requires that package: its index.js downloads the binary when it is missing,
// which must not happen from `npm start`, the tests or an offline machine.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} [root] the folder holding node_modules (the repository by default)
 * @returns {{ path: string } | { reason: string }} the executable, or why there is none
 */
export function findElectronBinary(root = repoRoot) {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const shown = (/** @type {string} */ file) => relative(root, file) || file;
  if (!existsSync(packageDir)) return { reason: `the electron package is not installed: no ${shown(packageDir)}` };
  if (!existsSync(pathFile)) {
    return { reason: `no ${shown(pathFile)}: the binary was never downloaded, as with ELECTRON_SKIP_BINARY_DOWNLOAD=1` };
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  // Same override electron/index.js honours, for machines that keep the binary elsewhere.
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist');
  const path = join(distDir, executable);
  return existsSync(path) ? { path } : { reason: `${shown(path)} does not exist` };
}
