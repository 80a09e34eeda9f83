import { describe, expect, it } from 'vitest';
import { appEntryUrl, isAllowedRequestUrl, isOwnAppUrl } from '../../../electron/main/url-policy';

describe('isOwnAppUrl', () => {
  it.each([appEntryUrl, 'app://backcare/', 'app://backcare/assets/index.js', 'app://backcare/index.html#/library?x=1'])('accepts %s', (url) => {
    expect(isOwnAppUrl(url)).toBe(true);
  });

  it('still accepts traversal-looking paths, because the origin is what it decides (files are checked separately)', () => {
    expect(isOwnAppUrl('app://backcare/../../etc/passwd')).toBe(true);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://backcare.evil/index.html'],
    ['credentials', 'app://backcare@evil/'],
    ['credentials before our host', 'app://user:pw@backcare/'],
    ['a port', 'app://backcare:8080/'],
    ['no host', 'app:///index.html'],
    ['an opaque app: URL', 'app:backcare/index.html'],
    ['https', 'https://backcare/index.html'],
    ['http', 'http://127.0.0.1:5180/'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(isOwnAppUrl(url)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([appEntryUrl, 'app://backcare/assets/a.css', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA'])(
    'lets %s through',
    (url) => expect(isAllowedRequestUrl(url)).toBe(true),
  );

  it.each([
    'https://example.com/tracker.js',
    'http://127.0.0.1:5180/api/content:load',
    'ws://127.0.0.1:9222/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'blob:app://backcare/1234',
    'chrome-extension://abc/script.js',
    'not a url',
  ])('cancels %s', (url) => expect(isAllowedRequestUrl(url)).toBe(false));
});
