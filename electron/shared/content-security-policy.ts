/**
 * The renderer's Content-Security-Policy, in one place for the browser shell's
 * response header and for the check of the built index.html's meta tag.
 * Nothing remote loads and nothing inline runs: imported pages are hostile.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
