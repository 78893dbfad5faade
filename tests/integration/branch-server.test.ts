// Branch-server mode (issue 17 item 4): `claimdesk serve --listen 0.0.0.0:PORT --tls-cert --tls-key`
// started as a branch's IT person starts it, with a self-signed certificate made by openssl. A desk
// reaches it over HTTPS under its public name, signs in with a user name and password (no token), and
// works with its role's rights; everything else (plain HTTP, another origin, another host name, no TLS
// on the network, a key that is not the certificate's) is refused.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBackend } from '../../src/main/backend/backend';
import { loadTls, servedNames } from '../../src/main/host/network';
import { HSTS, sessionCookieName, startHost } from '../../src/main/host/server';
import { runCli } from '../helpers/cli';
import { request, Tab, type TlsTarget } from '../helpers/http';
import { serveHost, stopHost, type ServedHost } from '../helpers/serve';
import { tempContext, tempDir } from '../helpers/temp-home';
import { branchServerArgs, selfSignedCertificate, type TestCertificate } from '../helpers/tls';

const NAME = 'branch.test';
const work = tempDir('claimdesk-branch-');
const home = path.join(work.dir, 'home');
let cert: TestCertificate;
/** Another certificate, whose key does not belong to `cert`. */
let other: TestCertificate;
let host: ServedHost;
let desk: TlsTarget;

/** This machine's own address on a network (not loopback), when it has one. */
const networkAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

const account = (role: string): ServedHost['accounts'][number] => host.accounts.find((a) => a.role === role)!;

beforeAll(async () => {
  cert = selfSignedCertificate(work.dir, [NAME, 'localhost', '127.0.0.1']);
  other = selfSignedCertificate(work.dir, [NAME], 'other');
  desk = { ca: cert.cert, name: NAME };
  host = await serveHost(home, branchServerArgs(cert, NAME));
}, 120_000);
afterAll(async () => {
  if (host) await stopHost(host);
  work.cleanup();
});

describe('branch server: starting', () => {
  it('listens on every address over HTTPS and prints the public name, with no token', () => {
    expect(host.url).toBe(`https://${NAME}:${host.port}/`);
    expect(host.token).toBe('');
  });

  it('refuses to listen on the network without TLS: exit 2, nothing started', () => {
    for (const [args, env] of [
      [['serve', '--listen', '0.0.0.0:0'], {}],
      [['serve', '--listen', '[::]:0'], {}],
      [['serve'], { CLAIMDESK_LISTEN: `${networkAddress ?? '10.1.2.3'}:0` }],
    ] as const) {
      const run = runCli(['--home', home, ...args], env);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/claimdesk: Refusing to listen on .* without TLS: .*--tls-cert FILE and --tls-key FILE/);
      expect(run.stdout).not.toMatch(/running/);
    }
  });

  it('refuses a missing, unreadable or mismatched certificate or key with a clear message and exit 2', () => {
    const serve = (...args: string[]) => runCli(['--home', home, 'serve', '--listen', '0.0.0.0:0', ...args]);
    const cases: [string[], RegExp][] = [
      [['--tls-cert', cert.certFile], /needs both --tls-cert FILE and --tls-key FILE/],
      [['--tls-cert', cert.certFile, '--tls-key', other.keyFile], /does not belong to the certificate/],
      [['--tls-cert', path.join(work.dir, 'none.pem'), '--tls-key', cert.keyFile], /Cannot read the TLS certificate .*none\.pem: no such file/],
      [['--tls-cert', cert.keyFile, '--tls-key', cert.keyFile], /is not a PEM certificate/],
      [['--tls-cert', cert.certFile, '--tls-key', cert.certFile], /is not a PEM private key/],
      [['--tls-cert', cert.certFile, '--tls-key', cert.keyFile, '--public-name', 'https://branch.test/'], /--public-name takes a host name/],
      [['--listen', 'branch:port', '--tls-cert', cert.certFile, '--tls-key', cert.keyFile], /--listen takes HOST:PORT/],
    ];
    for (const [args, message] of cases) {
      const run = serve(...args);
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
    const noTls = runCli(['--home', home, 'serve', '--public-name', NAME]);
    expect(noTls.status).toBe(2);
    expect(noTls.stderr).toMatch(/--public-name is for branch-server mode/);
    // An expired certificate is refused too (checked as if it were three days later).
    expect(() => loadTls(cert.certFile, cert.keyFile, new Date(Date.now() + 3 * 86_400_000))).toThrow(/expired on/);
  });

  it('takes --listen or --port, not both', () => {
    const run = runCli(['--home', home, 'serve', '--port', '0', '--listen', '127.0.0.1:0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--listen .* cannot be used with option '--port/);
  });
});

describe('branch server: a desk', () => {
  it('signs in by user name and password over HTTPS and gets a Secure, HttpOnly, SameSite=Strict, __Host- cookie', async () => {
    const tab = new Tab(host.port, '', desk);
    const reply = await tab.raw('auth.signIn', { username: account('officer').username, password: account('officer').password });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { user: { role: 'officer' } } });
    const cookie = reply.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName(host.port, true)}=[0-9a-f]{64}; HttpOnly; Secure; SameSite=Strict; Path=/$`));
    expect(cookie.startsWith('__Host-')).toBe(true);
    expect(reply.headers['strict-transport-security']).toBe(HSTS);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it("works with its role's rights: an officer lists cases but may not verify the audit chain; a supervisor may", async () => {
    const officer = await new Tab(host.port, '', desk).signIn(account('officer').username, account('officer').password);
    expect(await officer.call('cases.list', {})).toMatchObject({ ok: true });
    expect(await officer.call('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
    const supervisor = await new Tab(host.port, '', desk).signIn(account('supervisor').username, account('supervisor').password);
    expect(await supervisor.call('audit.verify', {})).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('needs a live session for everything but signing in (there is no token to hold instead)', async () => {
    const stranger = new Tab(host.port, '', desk);
    expect(await stranger.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const events = await request(host.port, { path: '/api/events', tls: desk });
    expect(events.status).toBe(401);
    const forged = new Tab(host.port, '', desk);
    forged.cookie = `${sessionCookieName(host.port, true)}=${'a'.repeat(64)}`;
    expect(await forged.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('streams events to a signed-in desk without a token', async () => {
    const officer = await new Tab(host.port, '', desk).signIn(account('officer').username, account('officer').password);
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          ca: cert.cert,
          servername: NAME,
          agent: false,
          headers: { host: `${NAME}:${host.port}`, cookie: officer.cookie! },
        },
        (res) => {
          resolve(res.headers);
          req.destroy();
        },
      );
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    });
    expect(headers['content-type']).toBe('text/event-stream');
    expect(headers['strict-transport-security']).toBe(HSTS);
  });

  it('serves the app over HTTPS with the CSP and HSTS', async () => {
    const page = await request(host.port, { path: '/', tls: desk });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['strict-transport-security']).toBe(HSTS);
  });

  it.runIf(networkAddress)('is reached from the network, at the machine’s own address, under the public name', async () => {
    const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ method: 'auth.signIn', input: { username: account('officer').username, password: account('officer').password } });
      const req = https.request(
        {
          host: networkAddress,
          port: host.port,
          path: '/api/call',
          method: 'POST',
          ca: cert.cert,
          servername: NAME,
          agent: false,
          headers: { host: `${NAME}:${host.port}`, origin: `https://${NAME}:${host.port}`, 'content-type': 'application/json' },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { user: { role: 'officer' } } });
  });
});

describe('branch server: refusals', () => {
  it('refuses another origin, and a call or upload without an Origin (no page of its own), with 403', async () => {
    const officer = await new Tab(host.port, '', desk).signIn(account('officer').username, account('officer').password);
    for (const origin of [
      'https://evil.example',
      `http://${NAME}:${host.port}`,
      `https://${NAME}:${host.port + 1}`,
      `https://localhost:${host.port}`,
      'null',
    ]) {
      const res = await officer.raw('cases.list', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body), origin).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'foreign_origin' } } });
      expect(res.headers['strict-transport-security']).toBe(HSTS);
    }
    for (const p of ['/api/call', '/api/upload?for=document']) {
      const res = await request(host.port, {
        path: p,
        method: 'POST',
        headers: { cookie: officer.cookie!, 'content-type': 'application/json' },
        body: '{}',
        tls: desk,
      });
      expect(res.status, p).toBe(403);
      expect(JSON.parse(res.body), p).toMatchObject({ error: { params: { reason: 'foreign_origin' } } });
    }
  });

  it('refuses a Host header that is not one of its names (DNS rebinding), even with a valid session', async () => {
    const officer = await new Tab(host.port, '', desk).signIn(account('officer').username, account('officer').password);
    for (const h of [`evil.example:${host.port}`, `${NAME}:${host.port + 1}`, NAME]) {
      const res = await request(host.port, {
        path: '/api/call',
        method: 'POST',
        headers: { host: h, origin: `https://${h}`, cookie: officer.cookie!, 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'cases.list', input: {} }),
        tls: desk,
      });
      expect(res.status, h).toBe(403);
      expect(JSON.parse(res.body).error.message).toContain(`https://${NAME}:${host.port}/`);
    }
  });

  it('answers plain HTTP on its port with a refusal naming the https address, and nothing else', async () => {
    const page = await request(host.port, { path: '/', headers: { host: `${NAME}:${host.port}` } });
    expect(page.status).toBe(400);
    expect(page.body).toContain(`HTTPS only. Open https://${NAME}:${host.port}/`);
    expect(page.headers['set-cookie']).toBeUndefined();
    const call = await request(host.port, {
      path: '/api/call',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'auth.signIn', input: { username: account('officer').username, password: account('officer').password } }),
    });
    expect(call.status).toBe(400);
    expect(call.headers['set-cookie']).toBeUndefined();
    // and keeps serving HTTPS
    expect((await request(host.port, { path: '/', tls: desk })).status).toBe(200);
  });

  it('is not reached by a client that does not trust its certificate, and keeps serving those that do', async () => {
    await expect(request(host.port, { path: '/', tls: { ca: other.cert, name: NAME } })).rejects.toThrow(/self[- ]signed|certificate/i);
    expect((await request(host.port, { path: '/', tls: desk })).status).toBe(200);
  });

  it('refuses to set up the first administrator from a desk; the server machine itself may', async () => {
    const t = tempContext('browser');
    const renderer = tempDir();
    fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>ClaimDesk</title>');
    const tls = loadTls(cert.certFile, cert.keyFile);
    const fresh = await startHost({
      backend: localBackend(t.ctx),
      rendererDir: renderer.dir,
      address: '0.0.0.0',
      tls: { cert: tls.cert, key: tls.key },
      names: servedNames('0.0.0.0', [NAME]),
      log: () => undefined,
    });
    try {
      expect(fresh.mode).toBe('network');
      const setup = { username: 'kepala', displayName: 'Kepala Cabang', password: 'Jambi-2026-aman!' };
      if (networkAddress) {
        const fromDesk = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = https.request(
            {
              host: networkAddress,
              port: fresh.port,
              path: '/api/call',
              method: 'POST',
              ca: cert.cert,
              servername: NAME,
              agent: false,
              headers: { host: `${NAME}:${fresh.port}`, origin: `https://${NAME}:${fresh.port}`, 'content-type': 'application/json' },
            },
            (res) => {
              let text = '';
              res.on('data', (c: Buffer) => (text += c.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
            },
          );
          req.on('error', reject);
          req.end(JSON.stringify({ method: 'auth.setup', input: setup }));
        });
        expect(fromDesk.status).toBe(403);
        expect(JSON.parse(fromDesk.body)).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'setup_on_server' } } });
      }
      const here = new Tab(fresh.port, '', desk);
      expect(await here.call('auth.setup', setup)).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
    } finally {
      await fresh.close();
      await t.cleanup();
      renderer.cleanup();
    }
  });
});
