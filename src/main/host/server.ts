// The browser-mode host: the same back end as the desktop app, served on 127.0.0.1 only.
// Calls are POST /api/call with the per-start token; events stream from GET /api/events (SSE); a file is
// streamed by POST /api/upload (its raw bytes) before the call that names it (uploads.ts).
// Who is calling comes from the session cookie the host sets at sign-in: HttpOnly (page scripts never
// see it), SameSite=Strict, limited to /api, and named after the port (cookies do not separate ports).
// Both the token and a live session are needed for anything but signing in.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../backend/backend';
import { hostAllowed, isLoopback, newToken, originAllowed, tokenMatches } from './auth';
import { serveStatic } from './static';
import { sendUpload } from '../uploads';
import { isUploadKind, UPLOAD_KINDS } from '../../shared/api/upload';

export interface HostOptions {
  /** The back end: in its own process (`claimdesk serve`), or in this one (tests). */
  backend: Backend;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest JSON call accepted (files arrive by /api/upload; the contract still takes small inline files). */
  maxBodyBytes?: number;
  log?: (msg: string) => void;
}

export interface Host {
  url: string;
  port: number;
  token: string;
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

export const sessionCookieName = (port: number): string => `claimdesk_session_${port}`;

/** The value of one cookie in the request, or null. */
export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

function sessionCookie(name: string, token: string | null): string {
  const attrs = 'HttpOnly; SameSite=Strict; Path=/api';
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

export async function startHost(options: HostOptions): Promise<Host> {
  const { backend, rendererDir } = options;
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? 96 * 1024 * 1024;
  const log = options.log ?? ((m: string) => console.error(m));
  const dispatch = backend.dispatch;
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log(`[claimdesk] host error: ${String(err)}`);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Every answer, whatever its path or outcome (pages, calls, events, refusals, errors): never sniffed.
    res.setHeader('x-content-type-options', 'nosniff');
    if (!isLoopback(req) || !hostAllowed(req, port)) {
      req.resume();
      json(res, 403, { ok: false, error: { code: 'forbidden', message: 'Browser mode accepts loopback connections only.' } });
      return;
    }
    if (!originAllowed(req)) {
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
      if (!tokenMatches(req.headers['x-claimdesk-token'] as string | undefined, token)) {
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
      const cookieName = sessionCookieName(port);
      let cookie: string | undefined;
      const result = await dispatch(typeof method === 'string' ? method : '', input, {
        sessionToken: cookieValue(req, cookieName),
        setSession: (t) => (cookie = sessionCookie(cookieName, t)),
      });
      return json(res, 200, result, cookie);
    }
    if (url.pathname === '/api/upload') {
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } });
      if (!tokenMatches(req.headers['x-claimdesk-token'] as string | undefined, token)) {
        req.resume();
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token: open the URL printed at start.' } });
      }
      const kind = url.searchParams.get('for');
      if (!isUploadKind(kind)) {
        req.resume();
        return json(res, 400, { ok: false, error: { code: 'invalid_input', message: `Say what the upload is for: ?for=${UPLOAD_KINDS.join('|')}` } });
      }
      const sink = backend.uploadSink({ sessionToken: cookieValue(req, sessionCookieName(port)) });
      // The body is always read to its end, also once refused: the sender then gets the answer
      // (too large, signed out) instead of a connection reset halfway through its file.
      const result = await sendUpload(sink, kind, req);
      return json(res, result.ok ? 200 : result.error.code === 'too_large' ? 413 : result.error.code === 'unauthorized' ? 401 : 400, result);
    }
    if (url.pathname === '/api/events') {
      if (!tokenMatches(url.searchParams.get('token'), token)) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong token' } });
      }
      const status = await dispatch('auth.status', {}, { sessionToken: cookieValue(req, sessionCookieName(port)) });
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
