// `npm start`: build, then run the desktop app with the installed Electron
// binary. Without a binary it says so in one line and points to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Electron 45 downloads its binary on first use, not at `npm install`. Try that
 * once, quietly: on a machine with internet it succeeds; offline it fails fast.
 */
function tryDownloadingElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  console.log('Backcare Coach: fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { cwd: repoRoot, stdio: 'ignore', timeout: 300_000 });
}

function main() {
  let binary = findElectronBinary(repoRoot);
  if ('reason' in binary) {
    tryDownloadingElectron();
    binary = findElectronBinary(repoRoot);
  }
  if ('reason' in binary) {
    console.error(
      `Backcare Coach: the Electron binary is not installed here (${binary.reason}). Start the browser host instead: npm run web -- --port 5180`,
    );
    process.exit(1);
  }

  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('Backcare Coach: the build failed (see above), so the app was not started.');
    process.exit(build.status ?? 1);
  }

  const app = spawn(binary.path, ['.'], { cwd: repoRoot, stdio: 'inherit' });
  // Ctrl+C reaches Electron too (same terminal), so we just wait for it; a SIGTERM sent to us alone is passed on.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => app.kill('SIGTERM'));
  app.on('error', (error) => {
    console.error(`Backcare Coach: could not run ${binary.path}: ${error.message}`);
    process.exit(1);
  });
  app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
