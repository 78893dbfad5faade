// Accounts and sign-in through the dispatcher: first-run setup, password storage, forced password change
// after a reset, disabled accounts, role changes taking effect at once, and the administrator who cannot
// lock everyone out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { createDispatcher, type Dispatch } from '../../src/main/dispatch';
import { SCRYPT_PARAMS, verifyPassword } from '../../src/main/auth/passwords';
import { createAccounts, signedIn, SYSTEM, valueOf, windowOf, type Account } from '../helpers/sessions';
import { tempContext } from '../helpers/temp-home';

let ctx: BackendContext;
let dispatch: Dispatch;
let cleanup: () => Promise<void>;

beforeEach(() => {
  const t = tempContext('electron');
  ctx = t.ctx;
  cleanup = t.cleanup;
  dispatch = createDispatcher(ctx, () => undefined);
});
afterEach(async () => cleanup());

describe('first run', () => {
  it('asks for the first administrator, creates it signed in, and never again', async () => {
    const w = windowOf(dispatch);
    expect(await w.call('auth.status', {})).toMatchObject({ ok: true, value: { setupRequired: true, user: null, idleMinutes: 30 } });
    expect(await w.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await w.call('auth.setup', { username: 'kepala', displayName: 'Kepala Cabang', password: 'pendek' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await w.call('auth.setup', { username: 'kepala', displayName: 'Kepala Cabang', password: 'kepala-cabang-1' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'same_as_username' } },
    });
    const made = await w.call('auth.setup', { username: 'Kepala', displayName: 'Kepala Cabang', password: 'Jambi-2026-aman!' });
    expect(made).toMatchObject({ ok: true, value: { user: { username: 'kepala', role: 'admin', mustChangePassword: false } } });
    expect(w.token).toMatch(/^[0-9a-f]{64}$/);
    expect(await w.call('auth.status', {})).toMatchObject({ ok: true, value: { setupRequired: false, user: { username: 'kepala' } } });
    const other = windowOf(dispatch);
    expect(await other.call('auth.setup', { username: 'penyusup', displayName: 'X', password: 'Jambi-2026-aman!' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'setup_done' } },
    });
    expect(ctx.db.prepare(`SELECT count(*) FROM users`).pluck().get()).toBe(1);
    const setup = ctx.db.prepare(`SELECT actor, role FROM audit_log WHERE action = 'auth.setup'`).get();
    expect(setup).toEqual({ actor: 'kepala', role: 'admin' });
  });
});

describe('accounts', () => {
  let acc: Record<string, Account>;
  beforeEach(async () => {
    acc = await createAccounts(ctx, [
      { username: 'adi', role: 'admin' },
      { username: 'budi', role: 'officer' },
    ]);
  });

  it('stores a salted scrypt hash with its parameters, never the password', async () => {
    const rows = ctx.db.prepare(`SELECT username, password_hash FROM users ORDER BY id`).all() as { username: string; password_hash: string }[];
    const [N, r, p] = [SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p];
    for (const row of rows) {
      expect(row.password_hash).toMatch(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
      expect(row.password_hash).not.toContain(acc[row.username]!.password);
      expect(await verifyPassword(acc[row.username]!.password, row.password_hash)).toBe(true);
      expect(await verifyPassword('salah', row.password_hash)).toBe(false);
    }
    // The same password twice gives two different hashes (the salt).
    expect(rows[0]!.password_hash.split('$')[4]).not.toBe(rows[1]!.password_hash.split('$')[4]);
  });

  it('after an administrator resets a password, the user may only change it; their old sessions end', async () => {
    const admin = await signedIn(dispatch, acc.adi!);
    const budiBefore = await signedIn(dispatch, acc.budi!);
    const budiId = ctx.db.prepare(`SELECT id FROM users WHERE username = 'budi'`).pluck().get() as number;
    expect(await admin.call('users.resetPassword', { userId: budiId, password: 'sementara-2026' })).toMatchObject({
      ok: true,
      value: { mustChangePassword: true },
    });
    expect(await budiBefore.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'expired' } } });
    const budi = await signedIn(dispatch, { username: 'budi', password: 'sementara-2026' });
    expect(await budi.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized', params: { reason: 'password_change_required' } } });
    expect(await budi.call('auth.changePassword', { currentPassword: 'salah-sekali', newPassword: 'baru-dan-panjang' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'wrong_current_password' } },
    });
    expect(await budi.call('auth.changePassword', { currentPassword: 'sementara-2026', newPassword: 'baru-dan-panjang' })).toMatchObject({
      ok: true,
      value: { user: { mustChangePassword: false } },
    });
    expect(await budi.call('cases.list', {})).toMatchObject({ ok: true });
    const entries = (ctx.db.prepare(`SELECT detail FROM audit_log`).pluck().all() as string[]).join('\n');
    expect(entries).not.toMatch(/sementara-2026|baru-dan-panjang/);
  });

  it('a disabled account cannot sign in and its open session ends at once; a new role takes effect at once', async () => {
    const admin = await signedIn(dispatch, acc.adi!);
    const budi = await signedIn(dispatch, acc.budi!);
    const budiId = ctx.db.prepare(`SELECT id FROM users WHERE username = 'budi'`).pluck().get() as number;
    valueOf(await admin.call('users.update', { userId: budiId, role: 'supervisor' }));
    expect(await budi.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const asSupervisor = await signedIn(dispatch, acc.budi!);
    expect(await asSupervisor.call('audit.list', {})).toMatchObject({ ok: true });
    valueOf(await admin.call('users.update', { userId: budiId, disabled: true }));
    expect(await asSupervisor.call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await windowOf(dispatch).call('auth.signIn', { username: 'budi', password: acc.budi!.password })).toMatchObject({
      ok: false,
      error: { params: { reason: 'disabled' } },
    });
    const change = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'users.update' ORDER BY id`).all() as { detail: string }[];
    expect(change.map((c) => JSON.parse(c.detail).changes)).toEqual([{ role: { old: 'officer', new: 'supervisor' } }, { disabled: { old: false, new: true } }]);
  });

  it('an administrator cannot disable or demote themselves, nor the last active administrator', async () => {
    const admin = await signedIn(dispatch, acc.adi!);
    const adiId = ctx.db.prepare(`SELECT id FROM users WHERE username = 'adi'`).pluck().get() as number;
    expect(await admin.call('users.update', { userId: adiId, disabled: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'self' } },
    });
    expect(await dispatch('users.update', { userId: adiId, role: 'officer' }, SYSTEM)).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'last_admin' } },
    });
    expect(await admin.call('users.create', { username: 'budi', displayName: 'Lagi', role: 'officer', password: 'panjang-sekali-1' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'username_taken' } },
    });
    expect(await admin.call('users.list', {})).toMatchObject({ ok: true, value: { users: [{ username: 'adi' }, { username: 'budi' }] } });
  });

  it('each window holds its own session; signing in again replaces the window’s session', async () => {
    const a = await signedIn(dispatch, acc.budi!);
    const first = a.token;
    const b = await signedIn(dispatch, acc.adi!);
    expect(a.token).not.toBe(b.token);
    valueOf(await a.call('auth.signIn', { username: 'budi', password: acc.budi!.password }));
    expect(a.token).not.toBe(first);
    expect(await dispatch('cases.list', {}, { sessionToken: first })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await b.call('users.list', {})).toMatchObject({ ok: true });
  });
});
