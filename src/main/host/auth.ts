// Browser mode is reachable from this machine only, and only by whoever holds the per-start token.
// Branch-server mode (TLS, src/main/host/network.ts) is reachable from the branch network under its
// own names only, and only by a signed-in user.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const newToken = (): string => crypto.randomBytes(24).toString('hex');

export function isLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

/** Refuse Host headers other than our own loopback names (defends against DNS rebinding). */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** Branch-server mode: the Host header must be one of the served names (network.ts `servedNames`),
 * with the port (a browser leaves out :443). */
export function namedHostAllowed(req: IncomingMessage, names: readonly string[], port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return names.some((n) => host === `${n}:${port}` || (port === 443 && host === n));
}

/**
 * A request a browser sends on behalf of a page carries that page's Origin; one from another site (or
 * from an opaque origin, "null") is refused even before the token is checked, as defence in depth.
 * Requests without an Origin (the command line, curl, a same-origin GET) are left to the token.
 */
export function originAllowed(req: IncomingMessage, scheme: 'http' | 'https' = 'http'): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  // The Host header is already one of our own names (hostAllowed, namedHostAllowed), so it names our origin.
  return origin.toLowerCase() === `${scheme}://${(req.headers.host ?? '').toLowerCase()}`;
}

/** Constant-time comparison of the presented token with the real one. */
export function tokenMatches(presented: string | undefined | null, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
