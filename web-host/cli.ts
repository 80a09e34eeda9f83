// The browser host: `npm run web -- --port <n> --data-dir <dir>`.
// Serves the built renderer and the app's services on 127.0.0.1 for machines
// without an Electron binary, for demos and for end-to-end tests.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundledContentDir } from '../exercises/load-content';
import { createServices } from '../services/create-services';
import { createHandlerTable } from '../services/handler-table';
import { DataFolderInUseError, lockDataFolder, type DataFolderLock } from '../services/storage/data-folder-lock';
import { openConfStore } from '../services/storage/document-store';
import packageJson from '../package.json' with { type: 'json' };
import { defaultUserDataDir } from './user-data-dir';
import { createWebServer } from './web-server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  console.error(`backcare web host: ${message}`);
  process.exit(2);
}

function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '5180' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string', default: resolve(repoRoot, 'out/renderer') },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
    return { port, dataDir: resolve(values['data-dir'] ?? defaultUserDataDir()), rendererDir: resolve(values['renderer-dir']) };
  } catch (error) {
    return fail((error as Error).message);
  }
}

function takeDataFolder(dataDir: string): DataFolderLock {
  try {
    return lockDataFolder(dataDir);
  } catch (error) {
    if (error instanceof DataFolderInUseError) fail(`${error.message} Or give this one its own folder with --data-dir.`);
    throw error;
  }
}

function main(): void {
  const options = readOptions();
  if (!existsSync(resolve(options.rendererDir, 'index.html'))) fail(`no built renderer in ${options.rendererDir}: run "npm run build" first`);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 }); // private from creation: it holds health data
  const lock = takeDataFolder(options.dataDir);
  // However the host ends (a signal, a port in use), the folder is free again.
  process.once('exit', () => lock.release());
  const services = createServices({
    contentDir: bundledContentDir,
    openStore: (name) => openConfStore(options.dataDir, name),
    dataDir: options.dataDir,
    appVersion: packageJson.version,
  });
  const token = randomBytes(18).toString('base64url');
  const server = createWebServer({ handlers: createHandlerTable(services), rendererDir: options.rendererDir, token });

  server.on('error', (error: NodeJS.ErrnoException) => {
    fail(error.code === 'EADDRINUSE' ? `port ${options.port} is in use: choose another with --port` : error.message);
  });
  server.listen(options.port, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    console.log(`Backcare Coach is running at http://127.0.0.1:${port}/?token=${token} (data: ${options.dataDir})`);
  });

  const stop = () => {
    // One last try at any write that failed, then stop answering.
    services.close();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
