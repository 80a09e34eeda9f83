import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerTable } from '../../../services/handler-table';
import { readStaticFile } from '../../../web-host/static-files';
import { createWebServer, defaultTimeouts, MAX_BODY_BYTES, type WebServerTimeouts } from '../../../web-host/web-server';

// The handler table is a stand-in: these tests are about the transport, not the services.
const token = 'limits-token';
const handled: unknown[] = [];
const handlers: HandlerTable = {
  handle: (channel, request) => {
    handled.push(request);
    return Promise.resolve({ ok: true, value: { channel } });
  },
};

const servers: Server[] = [];
afterEach(async () => {
  handled.length = 0;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function startServer(rendererDir = mkdtempSync(join(tmpdir(), 'renderer-')), timeouts?: WebServerTimeouts): Promise<number> {
  const server = createWebServer({ handlers, rendererDir, token, timeouts });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw connection, so a test controls exactly how much of a request is sent, and sees what the server does. */
interface RawClient {
  socket: Socket;
  /** Everything the server sent, once it has closed the connection. */
  closed: Promise<string>;
  /** Resolves at the server's first bytes. */
  answered: Promise<void>;
}

function rawClient(port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const answered = new Promise<void>((onAnswer) => socket.once('data', () => onAnswer()));
    const closed = new Promise<string>((onClose) => socket.once('close', () => onClose(received)));
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // The server may reset the connection while we are still sending: what it answered before is what counts.
    socket.on('error', () => undefined);
    socket.once('connect', () => resolve({ socket, closed, answered }));
    socket.once('error', reject);
  });
}

const apiHeaders = (port: number, extra: string) =>
  `POST /api/settings:update HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\n${extra}\r\n`;

describe('browser host request bodies', () => {
  it('answers 413 and closes at once when a body declares more than 1 MB, before it is sent', async () => {
    const port = await startServer();
    const client = await rawClient(port);
    client.socket.write(apiHeaders(port, 'Content-Length: 2000000\r\n') + 'x'.repeat(1_000));
    const answer = await client.closed; // the other 1,999,000 bytes were never sent
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(answer).toContain('The request is larger than 1 MB');
    expect(handled).toEqual([]);
  });

  it('answers 413 and closes once a chunked body passes 1 MB, without waiting for the rest', async () => {
    const port = await startServer();
    const client = await rawClient(port);
    client.socket.write(apiHeaders(port, 'Transfer-Encoding: chunked\r\n'));
    const chunk = 'x'.repeat(64 * 1024);
    // Just past the limit, and the body never ends (no closing 0-size chunk): only counting can refuse it.
    for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) client.socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const answer = await client.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(handled).toEqual([]);
  });

  it('still takes a chunked body of just under 1 MB', async () => {
    const port = await startServer();
    const client = await rawClient(port);
    const json = JSON.stringify({ voiceName: 'x'.repeat(MAX_BODY_BYTES - 20) });
    client.socket.write(apiHeaders(port, 'Transfer-Encoding: chunked\r\nConnection: close\r\n'));
    client.socket.end(`${Buffer.byteLength(json).toString(16)}\r\n${json}\r\n0\r\n\r\n`);
    expect(await client.closed).toMatch(/^HTTP\/1\.1 200 /);
    expect(handled).toEqual([JSON.parse(json)]);
  });
});

describe('browser host time-outs', () => {
  it('gives a client 10 s for its headers and 30 s for its whole request, and drops idle connections after 5 s', () => {
    const server = createWebServer({ handlers, rendererDir: tmpdir(), token });
    expect(defaultTimeouts).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 });
    expect(server.headersTimeout).toBe(defaultTimeouts.headersTimeout);
    expect(server.requestTimeout).toBe(defaultTimeouts.requestTimeout);
    expect(server.keepAliveTimeout).toBe(defaultTimeouts.keepAliveTimeout);
    // Node checks for expired requests only this often, so it bounds how late the time-outs act
    // (the next test shows the option reaches the server: at Node's 30 s default it would time out).
    expect(defaultTimeouts.connectionsCheckingInterval).toBeLessThanOrEqual(1_000);
  });

  it('drops a client that sends nothing, or stops part-way through its headers', async () => {
    const port = await startServer(undefined, { headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 });
    const silent = await rawClient(port);
    const stalled = await rawClient(port);
    stalled.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    // Without the time-outs neither connection would ever close, and the test would time out.
    expect(await silent.closed).toMatch(/^HTTP\/1\.1 408 /);
    expect(await stalled.closed).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('static files and symlinks', () => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync(outside, join(root, 'assets', 'linked'), 'dir');
  symlinkSync(join(root, 'index.html'), join(root, 'alias.html'));
  const linkedRoot = join(mkdtempSync(join(tmpdir(), 'link-')), 'renderer');
  symlinkSync(root, linkedRoot, 'dir');

  const get = async (port: number, path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: await response.text() };
  };

  it('refuses a symlink in the served folder that leads outside it', async () => {
    const port = await startServer(root);
    for (const path of ['/leak.txt', '/assets/linked/secret.txt']) {
      const response = await get(port, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    expect(await readStaticFile(root, '/leak.txt')).toBeNull();
  });

  it('still serves symlinks that stay inside, and a served folder reached through a symlink', async () => {
    expect((await get(await startServer(root), '/alias.html')).body).toContain('<title>app</title>');
    expect((await get(await startServer(linkedRoot), '/')).body).toContain('<title>app</title>');
    expect(await readStaticFile(linkedRoot, '/leak.txt')).toBeNull();
  });

  it('serves the app without the token: only the API needs it', async () => {
    const port = await startServer(root);
    expect((await get(port, '/')).status).toBe(200);
    const response = await fetch(`http://127.0.0.1:${port}/api/settings:get`, { method: 'POST', body: 'null' });
    expect(response.status).toBe(401);
    expect(handled).toEqual([]);
  });
});
