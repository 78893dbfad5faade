// The one Content-Security-Policy for the renderer, in the desktop window and in browser mode alike.
// Each exception is deliberate:
// - img-src data: blob: page images of scanned documents arrive as data URLs from the back end.
// - style-src 'unsafe-inline': React sets style attributes for highlight boxes over page images.
// - connect-src 'self': browser mode calls its own loopback host; nothing remote is ever contacted.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
