import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_MAX_REQUEST_BYTES, isRequestName, maxRequestBytes, type BridgeResult } from '../core/bridge/requests';
import { contentSecurityPolicy } from '../core/bridge/content-security-policy';
import type { HandlerTable } from '../services/handler-table';
import { readStaticFile } from './static-files';

/**
 * The browser host's HTTP transport: the built renderer as static files, and
 * `POST /api/<channel>` into the same handler table the Electron IPC uses.
 * It listens on 127.0.0.1 only, and every API call must carry the token
 * printed at start-up, so other local pages and processes cannot use it.
 * The static files are the app's public code and need no token.
 */

/** Any request's body, unless its definition allows more (a backup being restored): see maxRequestBytes. */
export const MAX_BODY_BYTES = DEFAULT_MAX_REQUEST_BYTES;

export type WebServerTimeouts = Pick<ServerOptions, 'headersTimeout' | 'requestTimeout' | 'keepAliveTimeout' | 'connectionsCheckingInterval'>;

/**
 * Ample for a browser on this machine, short enough that a client which
 * connects and stalls (or sends nothing) cannot hold connections open. Node
 * only looks for expired requests every `connectionsCheckingInterval` (30 s
 * by default), so that is shortened too.
 */
export const defaultTimeouts: Required<WebServerTimeouts> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};

export interface WebServerOptions {
  handlers: HandlerTable;
  rendererDir: string;
  token: string;
  /** Overrides for `defaultTimeouts`; tests shorten them. */
  timeouts?: WebServerTimeouts;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

const closeConnection = { Connection: 'close' };

function sendJson(response: ServerResponse, status: number, body: BridgeResult<unknown>, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders });
  response.end(JSON.stringify(body));
}

/**
 * Refuses an API call and drops the connection. Most refusals come before
 * the body is read, or part-way through it: closing stops the client sending
 * the rest, and stops Node reading it off the wire to reuse the connection.
 */
function refuse(response: ServerResponse, status: number, code: 'forbidden' | 'invalid-request', message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } }, closeConnection);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Only our own loopback address may be named in Host, which defeats DNS rebinding. */
function hostIsLoopback(request: IncomingMessage): boolean {
  const host = request.headers.host ?? '';
  return /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}

function declaredSize(request: IncomingMessage): number {
  // Node has already refused a malformed or doubled Content-Length; none (chunked) counts as 0 here.
  return Number(request.headers['content-length'] ?? 0);
}

/**
 * The body as text, or null as soon as it is known to pass `maxBytes`: declared
 * up front, or counted as it arrives. The rest is never read. (Leaving a
 * `for await` loop early would destroy the socket before the 413 is sent.)
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  if (declaredSize(request) > maxBytes) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      request.off('data', onData);
      request.pause();
      resolve(null);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

async function handleApi(request: IncomingMessage, response: ServerResponse, channel: string, options: WebServerOptions) {
  if (request.method !== 'POST') return refuse(response, 405, 'invalid-request', 'Use POST for API requests');
  if (!tokenMatches(request.headers.authorization, options.token)) {
    return refuse(response, 401, 'forbidden', 'Missing or wrong access token: open the address the host printed');
  }
  const origin = request.headers.origin;
  if (origin && origin !== `http://${request.headers.host}`) return refuse(response, 403, 'forbidden', 'Requests from other sites are refused');
  const maxBytes = isRequestName(channel) ? maxRequestBytes(channel) : DEFAULT_MAX_REQUEST_BYTES;
  const text = await readBody(request, maxBytes);
  if (text === null) return refuse(response, 413, 'invalid-request', `The request is larger than ${Math.round(maxBytes / 1_000_000)} MB`);
  let payload: unknown = null;
  if (text.trim() !== '') {
    try {
      payload = JSON.parse(text);
    } catch {
      return refuse(response, 400, 'invalid-request', `${channel}: the request body is not valid JSON`);
    }
  }
  const result = await options.handlers.handle(channel, payload);
  const status = result.ok ? 200 : result.error.code === 'internal' || result.error.code === 'storage' ? 500 : result.error.code === 'unknown-channel' ? 404 : 400;
  sendJson(response, status, result);
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, path: string, rendererDir: string) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, securityHeaders).end();
    return;
  }
  const file = await readStaticFile(rendererDir, path);
  if (!file) {
    response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  // Built assets carry a content hash in their names, so they never change: let the browser keep them.
  const caching = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, { ...securityHeaders, 'Content-Type': file.type, 'Cache-Control': caching });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

export function createWebServer(options: WebServerOptions): Server {
  return createServer({ ...defaultTimeouts, ...options.timeouts }, (request, response) => {
    if (!hostIsLoopback(request)) {
      response.writeHead(403, securityHeaders).end('Forbidden host');
      return;
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api\/([a-z-]+:[a-z-]+)$/i.exec(path);
    const work = api ? handleApi(request, response, api[1]!, options) : handleStatic(request, response, path, options.rendererDir);
    work.catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer' } });
      else response.destroy();
    });
  });
}
