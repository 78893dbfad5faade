// Contract fuzzing over the browser-mode transport (issue 16 item 9): thousands of random and adversarial
// payloads sent to every method of the contract, as an officer, a supervisor, an administrator and a
// caller with the token but no session, plus malformed request bodies. The back end must answer each
// with the contract's envelope and a known error code (never an internal error), keep serving, and
// leave a database that passes `PRAGMA integrity_check` and an audit chain that verifies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../src/shared/api/contract';
import { ERROR_CODES } from '../../src/shared/api/result';
import { runCli } from '../helpers/cli';
import { request, Tab } from '../helpers/http';
import { serveHost, stopHost, type ServedHost } from '../helpers/serve';
import { storeByHand, structuralProblems } from '../helpers/store';

let home: string;
let host: ServedHost;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-fuzz-'));
  host = await serveHost(home, ['--demo', '--no-demo-files']);
}, 60_000);
afterAll(async () => {
  await stopHost(host);
  fs.rmSync(home, { recursive: true, force: true });
});

/** Payloads no schema expects: wrong shapes, extreme numbers, hostile strings and keys, deep nesting. */
const adversarial = fc.oneof(
  fc.constantFrom<unknown>(null, [], {}, '', 0, -1, 2 ** 53, 1e308, -1e308, true, 'x'.repeat(100_000), '\u0000\u202e\u001b[2J'),
  fc.constant({ __proto__: { admin: true }, constructor: { prototype: { polluted: 1 } } }),
  fc.record({
    caseId: fc.oneof(fc.integer(), fc.double(), fc.string()),
    id: fc.oneof(fc.integer(), fc.string()),
    documentId: fc.integer({ min: -5, max: 50 }),
  }),
  fc.record({
    caseId: fc.integer({ min: 1, max: 5 }),
    version: fc.integer({ min: 0, max: 5 }),
    note: fc.string(),
    items: fc.array(fc.string()),
    reason: fc.string(),
  }),
  fc.dictionary(fc.constantFrom('from', 'to', 'table', 'query', 'username', 'password', 'key', 'value', 'files', 'lang', 'limit', 'facts'), fc.jsonValue()),
  fc.integer({ min: 1, max: 200 }).map((depth) => JSON.parse('['.repeat(depth * 20) + ']'.repeat(depth * 20)) as unknown),
);
const payload = fc.oneof({ weight: 2, arbitrary: fc.jsonValue() }, { weight: 3, arbitrary: adversarial });

const KNOWN = new Set<string>(ERROR_CODES);

describe('contract fuzzing over the browser-mode transport', () => {
  it('answers thousands of random and adversarial calls with known errors, keeps serving, and keeps the data intact', async () => {
    const role = (r: string): ServedHost['accounts'][number] => host.accounts.find((a) => a.role === r)!;
    const tabs = await Promise.all(
      ['officer', 'supervisor', 'admin'].map(async (r) => {
        const tab = new Tab(host.port, host.token);
        await tab.signIn(role(r).username, role(r).password);
        return { role: r, tab };
      }),
    );
    tabs.push({ role: 'no session', tab: new Tab(host.port, host.token) });
    // The fuzzed calls never sign anyone out or change a password: a lost session would only mute the rest.
    const methods = METHOD_NAMES.filter((m) => !['auth.signOut', 'auth.changePassword', 'auth.signIn', 'auth.setup'].includes(m));
    expect(methods.length).toBeGreaterThan(40);

    const codes = new Map<string, number>();
    const internal: string[] = [];
    let sent = 0;
    const perMethod = 30;
    for (const method of methods) {
      for (const input of fc.sample(payload, { numRuns: perMethod, seed: 1600 + sent })) {
        for (const { role: who, tab } of tabs) {
          const reply = await tab.raw(method, input);
          sent += 1;
          let body: { ok?: boolean; error?: { code?: string } };
          try {
            body = JSON.parse(reply.body) as typeof body;
          } catch {
            internal.push(`${method} as ${who}: HTTP ${reply.status}, not JSON: ${reply.body.slice(0, 120)}`);
            continue;
          }
          const code = body.ok ? 'ok' : (body.error?.code ?? 'no code');
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (!body.ok && (!KNOWN.has(code) || code === 'internal')) internal.push(`${method} as ${who}: ${code} for ${JSON.stringify(input)?.slice(0, 160)}`);
        }
      }
    }
    // Bodies that are not a call at all.
    const junk: (string | Buffer)[] = [
      '',
      'null',
      '[]',
      '{',
      '{"method":',
      '{"method":"app.info","input":',
      Buffer.from([0xff, 0xfe, 0, 1]),
      '"'.repeat(10_000),
    ];
    for (const body of junk) {
      const reply = await request(host.port, {
        path: '/api/call',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimdesk-token': host.token },
        body,
      });
      sent += 1;
      expect(reply.status, String(body).slice(0, 40)).toBeLessThan(500);
      const answer = JSON.parse(reply.body) as { ok: boolean; error?: { code: string } };
      expect(answer.ok, String(body).slice(0, 40)).toBe(false);
      expect(['invalid_input', 'unknown_method', 'too_large']).toContain(answer.error?.code);
    }
    expect(sent).toBeGreaterThan(5000);
    console.log(`contract fuzz: ${sent} calls to ${methods.length} methods as 4 callers; answers ${JSON.stringify(Object.fromEntries(codes))}`);
    expect(internal, `internal or unknown errors:\n${internal.slice(0, 20).join('\n')}`).toEqual([]);
    // Refusals of every kind came back, not one catch-all.
    expect(codes.get('invalid_input') ?? 0).toBeGreaterThan(100);
    expect(codes.get('unauthorized') ?? 0).toBeGreaterThan(100);
    expect(codes.get('forbidden') ?? 0).toBeGreaterThan(10);

    // Still serving, to each role.
    for (const { tab } of tabs.slice(0, 3)) {
      const info = await tab.call('app.info', {});
      expect(info, JSON.stringify(info)).toMatchObject({ ok: true });
    }
    await stopHost(host);
    const db = storeByHand(home);
    try {
      expect(structuralProblems(db)).toEqual([]);
    } finally {
      db.close();
    }
    const verify = runCli(['--home', home, 'audit', 'verify']);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 600_000);
});
