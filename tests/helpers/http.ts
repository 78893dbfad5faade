// Calls to the browser-mode host as a browser makes them: the per-start token in a header, the session
// in the cookie the host set at sign-in. A branch server (https, no token) is reached the same way with
// `tls`: the certificate to trust and the name the desk uses (its Host and Origin).
import http from 'node:http';
import https from 'node:https';
import type { Result } from '../../src/shared/api/result';

export interface HttpReply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** A branch server as a desk reaches it: over HTTPS to 127.0.0.1, trusting `ca`, under the name `name`
 * (checked against the certificate, and sent as Host). */
export interface TlsTarget {
  ca: string | Buffer;
  name: string;
}

export function request(
  port: number,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; tls?: TlsTarget },
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const common = { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET' };
    const onReply = (res: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    };
    const req = opts.tls
      ? https.request(
          { ...common, ca: opts.tls.ca, servername: opts.tls.name, agent: false, headers: { host: `${opts.tls.name}:${port}`, ...opts.headers } },
          onReply,
        )
      : http.request({ ...common, headers: opts.headers }, onReply);
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A browser tab against one host: it keeps the session cookie the host sets, as a browser does. */
export class Tab {
  cookie: string | null = null;

  constructor(
    readonly port: number,
    readonly token: string,
    readonly tls?: TlsTarget,
  ) {}

  /** What the browser adds to a POST: the token (browser mode), or its page's Origin (a branch server). */
  private own(): Record<string, string> {
    return this.tls ? { origin: `https://${this.tls.name}:${this.port}` } : { 'x-claimdesk-token': this.token };
  }

  async raw(method: string, input: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpReply> {
    const reply = await request(this.port, {
      path: '/api/call',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.own(),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...extraHeaders,
      },
      body: JSON.stringify({ method, input }),
      ...(this.tls ? { tls: this.tls } : {}),
    });
    const set = reply.headers['set-cookie']?.[0];
    if (set) {
      const pair = set.split(';')[0]!;
      this.cookie = /Max-Age=0/.test(set) ? null : pair;
    }
    return reply;
  }

  async call(method: string, input: unknown = {}, extraHeaders: Record<string, string> = {}): Promise<Result<unknown>> {
    return JSON.parse((await this.raw(method, input, extraHeaders)).body) as Result<unknown>;
  }

  /** Streams one file's bytes to /api/upload, as the screens send a picked file. */
  async upload(kind: string, bytes: Buffer): Promise<HttpReply & { result: Result<{ upload: string; bytes: number }> }> {
    const reply = await request(this.port, {
      path: `/api/upload?for=${kind}`,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...this.own(), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: bytes,
      ...(this.tls ? { tls: this.tls } : {}),
    });
    return { ...reply, result: JSON.parse(reply.body) as Result<{ upload: string; bytes: number }> };
  }

  async signIn(username: string, password: string): Promise<this> {
    const res = await this.call('auth.signIn', { username, password });
    if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.error.message}`);
    return this;
  }
}
