/**
 * The renderer's Content-Security-Policy, in one place for the browser shell's
 * response header and for the check of the built index.html's meta tag.
 * Nothing remote loads and nothing inline runs: imported pages are hostile.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // lectern-asset: is Electron's scheme for stored images; the browser shell serves them from 'self'.
  "img-src 'self' data: lectern-asset:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The same policy for a <meta> tag, where frame-ancestors is not allowed. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
