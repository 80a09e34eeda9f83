import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, realPathInside, resolveRendererFile } from '../../../electron/main/renderer-files';

const root = join('/opt', 'backcare', 'out', 'renderer');

describe('resolveRendererFile', () => {
  it.each([
    ['app://backcare/', 'index.html'],
    ['app://backcare', 'index.html'],
    ['app://backcare/index.html', 'index.html'],
    ['app://backcare/index.html#/play/evening?x=1', 'index.html'],
    ['app://backcare/assets/index-abc.js', join('assets', 'index-abc.js')],
    ['app://backcare/assets/a%20b.svg', join('assets', 'a b.svg')],
  ])('maps %s inside the renderer folder', (url, file) => {
    expect(resolveRendererFile(root, url)).toBe(join(root, file));
  });

  it('keeps plain and %2e traversal inside the folder (the URL parser folds the dots)', () => {
    expect(resolveRendererFile(root, 'app://backcare/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveRendererFile(root, 'app://backcare/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc', 'passwd'));
  });

  it.each([
    ['encoded slashes', 'app://backcare/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded slash after a folder', 'app://backcare/assets/..%2f..%2fmain%2findex.js'],
    ['encoded dots and slashes', 'app://backcare/%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['a bare encoded parent', 'app://backcare/..%2f'],
    ['a NUL byte', 'app://backcare/index.html%00.png'],
    ['malformed escapes', 'app://backcare/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/backcare/out/renderer/index.html'],
  ])('refuses %s', (_name, url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('refuses a sibling folder whose name starts like the root', () => {
    expect(resolveRendererFile(root, 'app://backcare/..%2frenderer-secrets%2fkey')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build emits and falls back to octet-stream', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.unknown')).toBe('application/octet-stream');
  });
});

describe('realPathInside', () => {
  // A built renderer with links in it: one leading out of the folder, one staying in.
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  const renderer = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(renderer, 'assets'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  symlinkSync(join(outside, 'secret.txt'), join(renderer, 'leak.txt'));
  symlinkSync(outside, join(renderer, 'assets', 'linked'), 'dir');
  symlinkSync(join(renderer, 'index.html'), join(renderer, 'alias.html'));
  symlinkSync(join(renderer, 'missing.js'), join(renderer, 'broken.js'));
  const linkedRenderer = join(mkdtempSync(join(tmpdir(), 'link-')), 'renderer');
  symlinkSync(renderer, linkedRenderer, 'dir');
  const fileFor = (dir: string, url: string) => resolveRendererFile(dir, url)!;

  it('refuses a symlink whose target is outside the renderer folder', async () => {
    // The names alone look harmless: only the real path shows where they lead.
    expect(fileFor(renderer, 'app://backcare/leak.txt')).toBe(join(renderer, 'leak.txt'));
    expect(await realPathInside(renderer, fileFor(renderer, 'app://backcare/leak.txt'))).toBeNull();
    expect(await realPathInside(renderer, fileFor(renderer, 'app://backcare/assets/linked/secret.txt'))).toBeNull();
    expect(await realPathInside(linkedRenderer, fileFor(linkedRenderer, 'app://backcare/leak.txt'))).toBeNull();
  });

  it('refuses missing files and broken links', async () => {
    expect(await realPathInside(renderer, join(renderer, 'nothing.js'))).toBeNull();
    expect(await realPathInside(renderer, join(renderer, 'broken.js'))).toBeNull();
  });

  it('gives the real path of files inside, through links that stay inside or a linked folder', async () => {
    const realIndex = await realPathInside(renderer, join(renderer, 'index.html'));
    expect(realIndex).toMatch(/index\.html$/);
    expect(await realPathInside(renderer, join(renderer, 'alias.html'))).toBe(realIndex);
    expect(await realPathInside(linkedRenderer, fileFor(linkedRenderer, 'app://backcare/'))).toBe(realIndex);
  });
});
