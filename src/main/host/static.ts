// Serves the built renderer (out/renderer) with a path-traversal check and the same CSP as the desktop app.
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { mimeOf } from './mime';

/** Resolve a URL path inside root, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, full);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : full;
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const wanted = urlPath === '/' ? '/index.html' : urlPath;
  let file = resolveInside(root, wanted);
  if (file && (!fs.existsSync(file) || fs.statSync(file).isDirectory())) {
    // Client-side routes fall back to the app shell.
    file = path.extname(wanted) ? null : path.join(root, 'index.html');
  }
  if (!file || !fs.existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'content-type': mimeOf(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': path.basename(file) === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}
