import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from '../../../electron/main/renderer-files';

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
