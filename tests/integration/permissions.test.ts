// Every refusal, proven over the browser-mode transport (HTTP, token and session cookie), as a browser or
// a forged request would meet it: each contract method refuses each role its declaration leaves out, a
// call without a session, with a forged or ended session, or with a role or user slipped into the payload
// or headers is refused, and nothing already saved changes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { sessionCookieName, startHost, type Host } from '../../src/main/host/server';
import { localBackend } from '../../src/main/backend/backend';
import { contract, METHOD_NAMES } from '../../src/shared/api/contract';
import { PUBLIC_METHODS } from '../../src/shared/api/access';
import { importPeople } from '../helpers/dossiers';
import { request, Tab } from '../helpers/http';
import { createAccounts, type Account } from '../helpers/sessions';
import { tempContext, tempDir } from '../helpers/temp-home';
import { PARTICIPANT } from '../unit/rules/builders';

let host: Host;
let ctx: BackendContext;
let accounts: Record<string, Account>;
let cleanup: () => Promise<void>;
let now = Date.parse('2026-11-02T02:00:00Z');

beforeAll(async () => {
  // The host's clock, moved by the tests that need time to pass.
  const t = tempContext('browser', { clock: () => new Date(now) });
  ctx = t.ctx;
  const r = tempDir();
  fs.writeFileSync(path.join(r.dir, 'index.html'), '<!doctype html><title>ClaimDesk</title>');
  host = await startHost({ backend: localBackend(ctx), rendererDir: r.dir, log: () => undefined });
  await importPeople(ctx, [PARTICIPANT]);
  accounts = await createAccounts(ctx, [
    { username: 'budi', role: 'officer' },
    { username: 'rina', role: 'supervisor' },
    { username: 'adi', role: 'admin' },
  ]);
  cleanup = async () => {
    await host.close();
    await t.cleanup();
    r.cleanup();
  };
});
afterAll(async () => cleanup());

const tab = (): Tab => new Tab(host.port, host.token);
const as = async (username: string): Promise<Tab> => tab().signIn(username, accounts[username]!.password);
const allowOf = (m: string): readonly string[] => (contract as Record<string, { allow: readonly string[] }>)[m]!.allow;
const count = (table: string): number => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('each method refuses the roles its declaration leaves out', () => {
  it('over HTTP, for every method and every role, and without a session', async () => {
    const tabs = { officer: await as('budi'), supervisor: await as('rina'), admin: await as('adi') };
    const anonymous = tab();
    const checked: string[] = [];
    for (const m of METHOD_NAMES) {
      if ((PUBLIC_METHODS as readonly string[]).includes(m)) continue;
      for (const role of ['officer', 'supervisor', 'admin'] as const) {
        // An empty payload: allowed callers get past the role check (and then fail validation or succeed).
        const res = await tabs[role].call(m, {});
        if (allowOf(m).includes(role)) {
          expect(res.ok || !['forbidden', 'unauthorized'].includes(res.error.code), `${m} as ${role}`).toBe(true);
        } else {
          expect(res, `${m} as ${role}`).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
          checked.push(`${m}:${role}`);
        }
      }
      expect(await anonymous.call(m, {}), `${m} without a session`).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', params: { reason: 'no_session' } },
      });
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'participants.import:officer',
        'participants.import:supervisor',
        'cases.decide:officer',
        'cases.decide:admin',
        'users.create:supervisor',
        'settings.update:officer',
        'audit.list:officer',
      ]),
    );
  });
});

describe('refusals change nothing', () => {
  it('an officer cannot import participant records; the records stay as they were and the attempt is audited', async () => {
    const officer = await as('budi');
    const before = count('participants');
    const csv = fs
      .readFileSync(path.join('resources', 'demo', 'participants.csv'), 'utf8')
      .split('\n')
      .slice(0, 5)
      .join('\n');
    expect(await officer.call('participants.import', { csvText: csv, fileName: 'peserta.csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(count('participants')).toBe(before);
    expect(count('participant_imports')).toBe(1);
    const last = ctx.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'refused' ORDER BY id DESC LIMIT 1`).get() as {
      actor: string;
      detail: string;
    };
    expect(last.actor).toBe('budi');
    expect(JSON.parse(last.detail)).toMatchObject({ method: 'participants.import', code: 'forbidden', reason: 'role' });
  });

  it('only an administrator changes settings, rule parameters and accounts', async () => {
    const officer = await as('budi');
    const supervisor = await as('rina');
    const admin = await as('adi');
    const settings = (): string => JSON.stringify(ctx.db.prepare(`SELECT * FROM settings ORDER BY key`).all());
    const before = settings();
    expect(await officer.call('settings.update', { review: { autoApprove: { JKM: true } } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await supervisor.call('settings.update', { rules: { params: { bpuGraceMonths: { value: 12 } } } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await supervisor.call('users.create', { username: 'baru', displayName: 'Baru', role: 'supervisor', password: 'kata-sandi-panjang' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await officer.call('users.update', { userId: 1, role: 'admin' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(settings()).toBe(before);
    expect(count('users')).toBe(3);
    // The administrator may: a rule parameter is changed and audited with its old and new value.
    expect(await admin.call('settings.update', { rules: { params: { bpuGraceMonths: { value: 2 } } } })).toMatchObject({ ok: true });
    const entry = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(entry)).toMatchObject({ setting: 'rules.config', old: {}, new: { params: { bpuGraceMonths: { value: 2 } } } });
    // A value outside its range is refused and nothing is stored.
    expect(await admin.call('settings.update', { rules: { params: { bpuGraceMonths: { value: 99 } } } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await admin.call('settings.update', { rules: {} })).toMatchObject({ ok: true });
  });
});

describe('identity comes from the session, never from the request', () => {
  it('refuses a role or user slipped into the payload, and ignores one in the headers', async () => {
    const officer = await as('budi');
    const created = (await officer.call('cases.create', { claimType: 'JKM', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-01' })) as {
      ok: true;
      value: { id: number; version: number };
    };
    const forged = await officer.call('cases.decide', {
      caseId: created.value.id,
      version: 1,
      decision: 'approve',
      note: 'ok',
      role: 'supervisor',
      user: 'rina',
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await officer.call('cases.create', { claimType: 'JKM', createdBy: 'rina' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const viaHeader = await officer.call(
      'cases.decide',
      { caseId: created.value.id, version: 1, decision: 'approve', note: 'ok' },
      { 'x-claimdesk-role': 'supervisor', 'x-claimdesk-user': 'rina' },
    );
    expect(viaHeader).toMatchObject({ ok: false, error: { code: 'forbidden', params: { role: 'officer' } } });
    const who = ctx.db.prepare(`SELECT created_by FROM cases WHERE id = ?`).pluck().get(created.value.id);
    expect(who).toBe('budi');
  });

  it('refuses a forged session cookie, a wrong per-start token, and events without a session', async () => {
    const forged = tab();
    forged.cookie = `${sessionCookieName(host.port)}=${'a'.repeat(64)}`;
    expect(await forged.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const officer = await as('budi');
    const wrongToken = new Tab(host.port, 'f'.repeat(48));
    wrongToken.cookie = officer.cookie;
    expect((await wrongToken.raw('cases.list', {})).status).toBe(401);
    expect((await request(host.port, { path: `/api/events?token=${host.token}` })).status).toBe(401);
  });

  it('sets the session as an HttpOnly, SameSite=Strict cookie limited to /api, and no token reaches the page', async () => {
    const t = tab();
    const reply = await t.raw('auth.signIn', { username: 'budi', password: accounts.budi!.password });
    const cookie = reply.headers['set-cookie']![0]!;
    expect(cookie).toMatch(new RegExp(`^${sessionCookieName(host.port)}=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/api$`));
    expect(reply.body).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { user: { username: 'budi', role: 'officer' } } });
    // No session id is stored: only its hash.
    expect(ctx.db.prepare(`SELECT count(*) FROM sessions WHERE id = ?`).pluck().get(cookie.split(';')[0]!.split('=')[1]!)).toBe(0);
  });
});

describe('sessions end', () => {
  it('refuses a replayed request after sign-out', async () => {
    const officer = await as('budi');
    const stolen = officer.cookie;
    expect(await officer.call('cases.list', {})).toMatchObject({ ok: true });
    expect(await officer.call('auth.signOut', {})).toMatchObject({ ok: true, value: { signedOut: true } });
    expect(officer.cookie).toBeNull();
    const replay = tab();
    replay.cookie = stolen;
    expect(await replay.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'expired' } } });
  });

  it('ends a session idle longer than the policy allows, and audits it', async () => {
    const officer = await as('budi');
    expect(await officer.call('cases.list', {})).toMatchObject({ ok: true });
    now += 31 * 60_000;
    expect(await officer.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'expired' } } });
    const ended = ctx.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'auth.sessionEnded' ORDER BY id DESC LIMIT 1`).get() as {
      actor: string;
      detail: string;
    };
    expect(ended.actor).toBe('budi');
    expect(JSON.parse(ended.detail)).toMatchObject({ reason: 'idle' });
    expect(officer.cookie).toBeNull();
  });

  it('refuses a wrong password with the same message as an unknown user, and locks the account after repeated failures', async () => {
    const t = tab();
    const wrong = await t.call('auth.signIn', { username: 'rina', password: 'bukan-kata-sandinya' });
    const unknown = await t.call('auth.signIn', { username: 'siapa', password: 'bukan-kata-sandinya' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'bad_credentials' } } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'bad_credentials' } } });
    expect(!wrong.ok && !unknown.ok && wrong.error.message === unknown.error.message).toBe(true);
    for (let i = 0; i < 4; i++) await t.call('auth.signIn', { username: 'rina', password: 'bukan-kata-sandinya' });
    // Five failures: locked, even with the right password.
    expect(await t.call('auth.signIn', { username: 'rina', password: accounts.rina!.password })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', params: { reason: 'locked', minutes: 15 } },
    });
    expect(t.cookie).toBeNull();
    now += 16 * 60_000;
    expect(await t.call('auth.signIn', { username: 'rina', password: accounts.rina!.password })).toMatchObject({ ok: true });
    const failures = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'auth.signInFailed'`).all() as { detail: string }[];
    expect(failures.length).toBeGreaterThanOrEqual(7);
    // Neither the passwords tried nor the real one are ever recorded.
    const all = (ctx.db.prepare(`SELECT detail FROM audit_log`).pluck().all() as string[]).join('\n');
    expect(all).not.toContain('bukan-kata-sandinya');
    expect(all).not.toContain(accounts.rina!.password);
  });
});
