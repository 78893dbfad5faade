// Calls to the browser-mode host as a browser makes them: the per-start token in a header, the session
// in the cookie the host set at sign-in.
import http from 'node:http';
import type { Result } from '../../src/shared/api/result';

export interface HttpReply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
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
  ) {}

  async raw(method: string, input: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpReply> {
    const reply = await request(this.port, {
      path: '/api/call',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-claimdesk-token': this.token,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...extraHeaders,
      },
      body: JSON.stringify({ method, input }),
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
      headers: { 'content-type': 'application/octet-stream', 'x-claimdesk-token': this.token, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: bytes,
    });
    return { ...reply, result: JSON.parse(reply.body) as Result<{ upload: string; bytes: number }> };
  }

  async signIn(username: string, password: string): Promise<this> {
    const res = await this.call('auth.signIn', { username, password });
    if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.error.message}`);
    return this;
  }
}
