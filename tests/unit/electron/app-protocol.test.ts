import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type ProtocolHandler = (request: Request) => Promise<Response>;

const fake = vi.hoisted(() => ({ handlers: new Map<string, ProtocolHandler>(), schemes: [] as unknown[] }));
vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: ProtocolHandler) => fake.handlers.set(scheme, handler),
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
  },
}));

const { registerAppScheme, serveRenderer } = await import('../../../electron/main/app-protocol');

describe('the app:// scheme', () => {
  it('is a secure standard scheme whose scripts V8 may cache compiled (codeCache needs standard)', () => {
    registerAppScheme();
    expect(fake.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });
});

describe('the app:// handler', () => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  const renderer = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  symlinkSync(join(outside, 'secret.txt'), join(renderer, 'leak.txt'));
  symlinkSync(join(renderer, 'index.html'), join(renderer, 'alias.html'));
  serveRenderer(renderer);
  const get = (url: string) => fake.handlers.get('app')!(new Request(url));

  it('serves files in the renderer folder, with the type of the name asked for', async () => {
    const page = await get('app://backcare/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    expect(await (await get('app://backcare/alias.html')).text()).toContain('<title>app</title>');
  });

  it('answers 404 for a symlink leading out of the folder, a missing file and a climb out', async () => {
    for (const url of ['app://backcare/leak.txt', 'app://backcare/nothing.js', 'app://backcare/..%2f..%2fsecret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('secret');
    }
  });
});
