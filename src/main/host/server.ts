// The browser-mode host: the same back end as the desktop app, served on 127.0.0.1 only.
// Calls are POST /api/call with the per-start token; events stream from GET /api/events (SSE); a file is
// streamed by POST /api/upload (its raw bytes) before the call that names it (uploads.ts).
// Who is calling comes from the session cookie the host sets at sign-in: HttpOnly (page scripts never
// see it), SameSite=Strict, limited to /api, and named after the port (cookies do not separate ports).
// Both the token and a live session are needed for anything but signing in.
//
// Branch-server mode (`tls` given): HTTPS on any address, for desks on the branch network. There is no
// token (a desk has no printed URL): a live session is needed for anything but signing in, and the
// cookie is `__Host-` prefixed, Secure, HttpOnly and SameSite=Strict. The Host header must be one of the
// served names (DNS rebinding), a call or upload must carry the Origin of those pages (browsers always
// send it on a POST), every answer carries HSTS, and the first administrator can only be set up from
// the server machine itself. Plain HTTP on the port is answered with a refusal naming the https URL.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { AppError } from '../../shared/api/result';
import { hostAllowed, isLoopback, namedHostAllowed, newToken, originAllowed, tokenMatches } from './auth';
import { isLoopbackAddress, LOOPBACK_NAMES, servedNames, urlHost } from './network';
import { serveStatic } from './static';
import { sendUpload } from '../uploads';
import { isUploadKind, UPLOAD_KINDS } from '../../shared/api/upload';

export interface HostOptions {
  /** The back end: in its own process (`claimdesk serve`), or in this one (tests). */
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** The address to listen on; 127.0.0.1 by default. Any other than a loopback address needs `tls`. */
  address?: string;
  /** Branch-server mode: HTTPS with this PEM certificate (and chain) and key; sign-in alone, no token. */
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** Branch-server mode: the names desks reach the host under (network.ts `servedNames`); the first one
   * is in the printed URL. */
  names?: string[];
  token?: string;
  /** Largest JSON call accepted (files arrive by /api/upload; the contract still takes small inline files). */
  maxBodyBytes?: number;
  log?: (msg: string) => void;
}

export interface Host {
  url: string;
  port: number;
  /** The per-start token; '' in branch-server mode, which has none. */
  token: string;
  mode: 'loopback' | 'network';
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, cookie?: string): void => {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(cookie ? { 'set-cookie': cookie } : {}),
  });
  res.end(JSON.stringify(body));
};

/** Named after the port (cookies do not separate ports); in branch-server mode `__Host-` prefixed, so
 * only this https origin can set it (no plain-HTTP page of the same machine, no other subdomain). */
export const sessionCookieName = (port: number, secure = false): string => `${secure ? '__Host-' : ''}claimdesk_session_${port}`;

/** One year; no includeSubDomains: the branch's other machines are not ours to decide for. */
export const HSTS = 'max-age=31536000';

/** The value of one cookie in the request, or null. */
export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function sessionCookie(name: string, token: string | null, secure: boolean): string {
  // `__Host-` needs Secure and Path=/ (the static pages ignore the cookie).
  const attrs = secure ? 'HttpOnly; Secure; SameSite=Strict; Path=/' : 'HttpOnly; SameSite=Strict; Path=/api';
  return token ? `${name}=${token}; ${attrs}` : `${name}=; ${attrs}; Max-Age=0`;
}

/** The request body as text; past `limit` the rest is read and dropped, so the sender gets the 413 answer
 * instead of a connection reset. */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => (size > limit ? reject(new Error('too_large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Refusing to serve the network in the clear: the sentence `claimdesk serve` prints too. */
export const plainNetworkRefusal = (address: string): string =>
  `Refusing to listen on ${address} without TLS: desks on the network would send passwords and case data in the clear. ` +
  'Give --tls-cert FILE and --tls-key FILE (branch-server mode), or listen on 127.0.0.1 (browser mode with a token).';

export async function startHost(options: HostOptions): Promise<Host> {
  const { backend, rendererDir } = options;
  // `localhost` may resolve to ::1 or 127.0.0.1: listen where the printed URL points.
  const address = !options.address || options.address === 'localhost' ? '127.0.0.1' : options.address;
  const network = options.tls !== undefined;
  if (!network && !isLoopbackAddress(address)) throw new AppError('invalid_input', plainNetworkRefusal(address));
  const names = network ? (options.names ?? servedNames(address)) : [];
  /** The names a refusal names: those desks use, not the loopback names (unless there are no others). */
  const shownNames = names.some((n) => !LOOPBACK_NAMES.includes(n)) ? names.filter((n) => !LOOPBACK_NAMES.includes(n)) : names;
  const token = network ? '' : (options.token ?? newToken());
  const cookieName = (): string => sessionCookieName(port, network);
  const maxBody = options.maxBodyBytes ?? 96 * 1024 * 1024;
  const log = options.log ?? ((m: string) => console.error(m));
  const dispatch = backend.dispatch;
  let port = 0;

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res).catch((err: unknown) => {
      log(`[claimdesk] host error: ${String(err)}`);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
    });
  };

  /** The token, where there is one: branch-server mode has none (sign-in alone). */
  const tokenOk = (presented: string | null | undefined): boolean => network || tokenMatches(presented ?? undefined, token);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every answer, whatever its path or outcome (pages, calls, events, refusals, errors): never sniffed.
    res.setHeader('x-content-type-options', 'nosniff');
    if (network) res.setHeader('strict-transport-security', HSTS);
    if (network ? !namedHostAllowed(req, names, port) : !isLoopback(req) || !hostAllowed(req, port)) {
      req.resume();
      json(res, 403, {
        ok: false,
        error: {
          code: 'forbidden',
          message: network
            ? `This ClaimDesk server answers under its own names only: ${shownNames.map((n) => `https://${n}:${port}/`).join(', ')}.`
            : 'Browser mode accepts loopback connections only.',
        },
      });
      return;
    }
    // In branch-server mode a call or upload must show it comes from this server's own page: a browser
    // always sends Origin on a POST, so one without is no page of ours.
    const originMissing = network && req.method === 'POST' && req.headers.origin === undefined;
    if (originMissing || !originAllowed(req, network ? 'https' : 'http')) {
      req.resume();
      json(res, 403, {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'Browser mode answers its own pages only; this request came from another origin.',
          params: { reason: 'foreign_origin' },
        },
      });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
      if (!tokenOk(req.headers['x-claimdesk-token'] as string | undefined)) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token: open the URL printed at start.' } });
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req, maxBody));
      } catch (err) {
        const tooLarge = (err as Error).message === 'too_large';
        return json(res, tooLarge ? 413 : 400, {
          ok: false,
          error: tooLarge
            ? { code: 'too_large', message: `Request larger than ${maxBody} bytes` }
            : { code: 'invalid_input', message: 'Request body is not JSON' },
        });
      }
      const { method, input } = (body ?? {}) as { method?: unknown; input?: unknown };
      if (network && method === 'auth.setup' && !isLoopback(req)) {
        // Whoever reached a fresh server first would otherwise become its administrator.
        return json(res, 403, {
          ok: false,
          error: {
            code: 'forbidden',
            message: `Set up the first administrator on the server itself (https://localhost:${port}/) or with "claimdesk users add NAME --role admin".`,
            params: { reason: 'setup_on_server' },
          },
        });
      }
      let cookie: string | undefined;
      const result = await dispatch(typeof method === 'string' ? method : '', input, {
        sessionToken: cookieValue(req, cookieName()),
        setSession: (t) => (cookie = sessionCookie(cookieName(), t, network)),
      });
      return json(res, 200, result, cookie);
    }
    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
      if (!tokenOk(req.headers['x-claimdesk-token'] as string | undefined)) {
        req.resume();
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token: open the URL printed at start.' } });
      }
      const kind = url.searchParams.get('for');
      if (!isUploadKind(kind)) {
        req.resume();
        return json(res, 400, { ok: false, error: { code: 'invalid_input', message: `Say what the upload is for: ?for=${UPLOAD_KINDS.join('|')}` } });
      }
      const sink = backend.uploadSink({ sessionToken: cookieValue(req, cookieName()) });
      // The body is always read to its end, also once refused: the sender then gets the answer
      // (too large, signed out) instead of a connection reset halfway through its file.
      const result = await sendUpload(sink, kind, req);
      return json(res, result.ok ? 200 : result.error.code === 'too_large' ? 413 : result.error.code === 'unauthorized' ? 401 : 400, result);
    }
    if (url.pathname === '/api/events') {
      if (!tokenOk(url.searchParams.get('token'))) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
      }
      const status = await dispatch('auth.status', {}, { sessionToken: cookieValue(req, cookieName()) });
      if (!status.ok || !(status.value as { user: unknown }).user) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Sign in first.', params: { reason: 'no_session' } } });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const unsubscribe = backend.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
      return;
    }
    if (req.method !== 'GET') return json(res, 405, { ok: false, error: { code: 'invalid_input', message: 'GET only' } });
    serveStatic(rendererDir, url.pathname, res);
  }

  if (!network) {
    const server = http.createServer(listener);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, address, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    return {
      url: `http://${urlHost(address)}:${port}/?token=${token}`,
      port,
      token,
      mode: 'loopback',
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  const tls = options.tls!;
  const secure = https.createServer({ cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' }, listener);
  // One port for both: a TLS handshake (its first byte is 0x16) goes to the HTTPS server; anything else
  // is plain HTTP, answered with a refusal that names the https URL, and closed.
  const sockets = new Set<net.Socket>();
  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(30_000, () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      if (first[0] === 0x16) {
        // The TLS socket reads what is already buffered before it reads from the connection.
        socket.unshift(first);
        secure.emit('connection', socket);
        return;
      }
      const body = `This ClaimDesk server speaks HTTPS only. Open https://${names[0]}:${port}/\n`;
      socket.end(
        'HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\nx-content-type-options: nosniff\r\n' +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 0, address, () => resolve());
  });
  port = (front.address() as AddressInfo).port;
  return {
    url: `https://${names[0]}:${port}/`,
    port,
    token,
    mode: 'network',
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        secure.closeAllConnections();
        front.close(() => resolve());
      }),
  };
}
