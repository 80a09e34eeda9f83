import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledContentDir } from '../../../exercises/load-content';
import { createServices } from '../../../services/create-services';
import { createHandlerTable } from '../../../services/handler-table';
import { openConfStore } from '../../../services/storage/document-store';
import { resolveInside } from '../../../web-host/static-files';
import { defaultUserDataDir } from '../../../web-host/user-data-dir';
import { createWebServer } from '../../../web-host/web-server';

const token = 'test-token-123';
let server: Server;
let port: number;
const root = mkdtempSync(join(tmpdir(), 'renderer-'));

beforeAll(async () => {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'secret');
  const dataDir = mkdtempSync(join(tmpdir(), 'web-data-'));
  const services = createServices({ contentDir: bundledContentDir, openStore: (name) => openConfStore(dataDir, name), dataDir });
  server = createWebServer({ handlers: createHandlerTable(services, () => undefined), rendererDir: root, token });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request, so tests can send what a browser never would (odd Host headers, bad bodies). */
function send(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body: string, headers: Record<string, string> = {}) =>
  send({ path: `/api/${channel}`, method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } });

describe('browser host HTTP server', () => {
  it('serves the renderer with a strict CSP and no sniffing', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send({ path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses to serve anything outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/%00', '/nothing.js']) {
      const response = await send({ path });
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    // Climbing above the root is clamped to the root itself.
    expect(resolveInside(root, '/../../etc/passwd')).toBe(join(root, 'etc/passwd'));
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });

  it('answers API calls that carry the token', async () => {
    const response = await api('settings:get', 'null');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { soundCues: true } });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    expect((await api('settings:get', 'null', { authorization: '' })).status).toBe(401);
    const wrong = await api('settings:get', 'null', { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses other Host names (DNS rebinding) and other origins', async () => {
    expect((await send({ path: '/', headers: { host: 'evil.example:80' } })).status).toBe(403);
    expect((await api('settings:get', 'null', { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('rejects bad bodies with a message and changes nothing', async () => {
    const badJson = await api('settings:update', '{"theme":');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toBe('settings:update: the request body is not valid JSON');
    const badValue = await api('settings:update', '{"theme":"purple"}');
    expect(badValue.status).toBe(400);
    expect(JSON.parse(badValue.body).error).toMatchObject({ code: 'invalid-request', field: 'theme' });
    const tooBig = await api('settings:update', JSON.stringify({ voiceName: 'x'.repeat(1_100_000) }));
    expect(tooBig.status).toBe(413);
    expect(JSON.parse((await api('settings:get', 'null')).body).value.theme).toBe('system');
    expect((await api('nope:nothing', 'null')).status).toBe(404);
    expect((await send({ path: '/api/settings:get', method: 'GET', headers: { authorization: `Bearer ${token}` } })).status).toBe(405);
  });
});

describe('default data folder', () => {
  it("matches where Electron keeps this app's user data on each platform", () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/Backcare Coach');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Backcare Coach$/);
    expect(defaultUserDataDir('darwin', {})).toMatch(/Library\/Application Support\/Backcare Coach$/);
  });
});
