import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/main/host/server';
import { resolveInside } from '../../src/main/host/static';
import type { BackendContext } from '../../src/main/context';
import { Tab } from '../helpers/http';
import { localHostWithOfficer, type LocalHost } from '../helpers/local-host';

let local: LocalHost;
let host: Host;
let ctx: BackendContext;
let rendererDir: string;
/** A signed-in tab: calls carry the token and the session cookie. */
let tab: Tab;

/** A raw HTTP request, so tests can set any Host header and method. */
function request(opts: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const call = (method: string, input: unknown, token = host.token): ReturnType<typeof request> =>
  request({
    path: '/api/call',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-claimdesk-token': token, ...(tab?.cookie ? { cookie: tab.cookie } : {}) },
    body: JSON.stringify({ method, input }),
  });

beforeAll(async () => {
  local = await localHostWithOfficer();
  ({ host, ctx, rendererDir, tab } = local);
});
afterAll(async () => local.close());

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 and prints a URL that carries a random per-start token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    expect(host.url).toContain(host.token);
  });

  it('answers calls that carry the token and a signed-in session', async () => {
    const res = await call('app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { transport: 'browser', dataFolder: ctx.home } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    const none = await request({ path: '/api/call', method: 'POST', body: JSON.stringify({ method: 'app.info', input: {} }) });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await call('app.info', {}, 'f'.repeat(48));
    expect(wrong.status).toBe(401);
    const events = await request({ path: '/api/events?token=nope' });
    expect(events.status).toBe(401);
  });

  it('refuses requests addressed to a non-loopback host name (DNS rebinding)', async () => {
    const res = await request({ path: '/api/call', method: 'POST', headers: { host: 'evil.example:80', 'x-claimdesk-token': host.token }, body: '{}' });
    expect(res.status).toBe(403);
    const page = await request({ path: '/', headers: { host: `attacker.test:${host.port}` } });
    expect(page.status).toBe(403);
  });

  it('answers a body that is not JSON with a typed error and keeps serving', async () => {
    const res = await request({ path: '/api/call', method: 'POST', headers: { 'x-claimdesk-token': host.token }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.parse((await call('cases.list', {})).body)).toMatchObject({ ok: true });
  });

  it('serves the renderer with the CSP and never a file outside its folder', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const escape = await request({ path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' });
    expect(escape.body).not.toContain('root:');
    const escapeAsset = await request({ path: '/..%2f..%2f..%2fetc%2fos-release.js' });
    expect(escapeAsset.status).toBe(404);
    expect(resolveInside(rendererDir, '/../../etc/passwd')).toBe(path.join(rendererDir, 'etc', 'passwd'));
    expect(resolveInside(rendererDir, '/%00')).toBeNull();
  });

  it('marks every answer nosniff: calls, refusals, events, pages and missing files', async () => {
    const answers = {
      call: await call('app.info', {}),
      refusedCall: await request({ path: '/api/call', method: 'POST', body: '{}' }),
      notJson: await request({ path: '/api/call', method: 'POST', headers: { 'x-claimdesk-token': host.token }, body: '{not json' }),
      refusedEvents: await request({ path: '/api/events?token=nope' }),
      refusedUpload: await request({ path: '/api/upload?for=document', method: 'POST', body: 'x' }),
      page: await request({ path: '/' }),
      missingAsset: await request({ path: '/assets/none.js' }),
      wrongHost: await request({ path: '/', headers: { host: `attacker.test:${host.port}` } }),
      foreignOrigin: await request({ path: '/', headers: { origin: 'https://evil.example' } }),
    };
    expect(Object.values(answers).map((a) => a.status)).toEqual([200, 401, 400, 401, 401, 200, 404, 403, 403]);
    for (const [name, a] of Object.entries(answers)) expect(a.headers['x-content-type-options'], name).toBe('nosniff');
    const events = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { cookie: tab.cookie! } }, (res) => {
        req.destroy();
        resolve(res.headers);
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    });
    expect(events['content-type']).toBe('text/event-stream');
    expect(events['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a request from another origin with 403 and a clear error, even with the token and a session', async () => {
    for (const origin of ['https://evil.example', `http://localhost:${host.port}`, `http://127.0.0.1:${host.port + 1}`, 'null']) {
      const res = await tab.raw('cases.list', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body), origin).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'foreign_origin' } } });
      expect(JSON.parse(res.body).error.message).toMatch(/another origin/);
    }
    const upload = await request({
      path: '/api/upload?for=document',
      method: 'POST',
      headers: { origin: 'https://evil.example', 'x-claimdesk-token': host.token, cookie: tab.cookie! },
      body: 'x',
    });
    expect(upload.status).toBe(403);
    expect(fs.existsSync(path.join(ctx.home, 'uploads')) ? fs.readdirSync(path.join(ctx.home, 'uploads')) : []).toEqual([]);
    const events = await request({ path: `/api/events?token=${host.token}`, headers: { origin: 'https://evil.example', cookie: tab.cookie! } });
    expect(events.status).toBe(403);
  });

  it('accepts its own origin, under the name the page was opened with, and requests with no Origin', async () => {
    const own = await tab.call('cases.list', {}, { origin: `http://127.0.0.1:${host.port}` });
    expect(own).toMatchObject({ ok: true });
    const byName = await request({ path: '/', headers: { host: `localhost:${host.port}`, origin: `http://localhost:${host.port}` } });
    expect(byName.status).toBe(200);
    expect(await tab.call('cases.list', {})).toMatchObject({ ok: true });
  });

  it('streams back-end events to a signed-in client holding the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { cookie: tab.cookie! } }, (res) => {
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString();
          if (buffer.includes('data: ')) {
            req.destroy();
            resolve(buffer);
          }
        });
        res.once('readable', () => ctx.events.emit('case.changed', { caseId: 7 }));
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    });
    const text = await received;
    expect(JSON.parse(text.slice(text.indexOf('data: ') + 6).split('\n')[0]!)).toEqual({ name: 'case.changed', payload: { caseId: 7 } });
  });
});
