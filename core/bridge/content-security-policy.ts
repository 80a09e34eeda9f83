/**
 * The renderer's Content-Security-Policy, the same in the desktop app and the
 * browser host: nothing from other origins, no inline or evaluated script.
 * `data:` images allow the small icons CSS may embed; media `data:` allows
 * tones generated in the page.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
