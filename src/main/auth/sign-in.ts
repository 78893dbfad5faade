// Signing in: a wrong password and an unknown user name get the same answer and take the same time; an
// account is locked for a while after repeated failures (src/main/services/settings.ts: auth policy);
// a disabled account cannot sign in. Every attempt, successful or not, is audited, in the same
// transaction as the counters it moves.
import { AppError } from '../../shared/api/result';
import type { SessionUser } from '../../shared/api/roles';
import type { BackendContext, Transport } from '../context';
import { authPolicy } from '../services/settings';
import { ANONYMOUS, type Caller } from './caller';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { createSession, userCaller } from './sessions';
import { countUsers, insertUser, refuseWeak, toSessionUser, userById, userByName } from './users';

export interface SignedIn {
  user: SessionUser;
  token: string;
  caller: Caller;
}

function refuse(why: string, params: Record<string, string | number> = {}): never {
  throw new AppError(
    'unauthorized',
    why === 'locked' ? 'The account is locked after repeated failed sign-ins' : why === 'disabled' ? 'The account is disabled' : 'Wrong user name or password',
    {
      reason: why === 'unknown_user' || why === 'bad_password' ? 'bad_credentials' : why,
      ...params,
    },
  );
}

export async function signIn(ctx: BackendContext, transport: Transport, username: string, password: string): Promise<SignedIn> {
  const attempted = username.trim().toLowerCase().slice(0, 80);
  const user = userByName(ctx, attempted);
  // The password is checked before looking at the account's state, so every answer costs one scrypt.
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  const policy = authPolicy(ctx);
  const outcome = ctx.db.transaction((): { ok: true; signedIn: SignedIn } | { ok: false; why: string; params?: Record<string, string | number> } => {
    // Read again inside the write transaction: another desk may have moved the counters meanwhile.
    const current = user ? userById(ctx, user.id) : undefined;
    const now = ctx.now();
    const fail = (why: string, params?: Record<string, string | number>) => {
      ctx.audit(current ? userCaller(current, '') : ANONYMOUS, 'auth.signInFailed', { username: attempted, reason: why, transport }, null);
      return { ok: false as const, why, ...(params ? { params } : {}) };
    };
    if (!current) return fail('unknown_user');
    const lockedUntil = current.locked_until ? Date.parse(current.locked_until) : 0;
    if (lockedUntil > now.getTime()) return fail('locked', { minutes: Math.ceil((lockedUntil - now.getTime()) / 60_000) });
    if (current.disabled === 1) return fail('disabled');
    if (!matches) {
      const failures = current.failed_attempts + 1;
      const locks = failures >= policy.maxFailures;
      const until = locks ? new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() : null;
      ctx.db.prepare(`UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?`).run(locks ? 0 : failures, until, current.id);
      if (locks) {
        ctx.audit(userCaller(current, ''), 'auth.locked', { username: current.username, failures, until });
        return fail('locked', { minutes: policy.lockMinutes });
      }
      return fail('bad_password', { failures });
    }
    ctx.db.prepare(`UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?`).run(now.toISOString(), current.id);
    const session = createSession(ctx, current.id, transport);
    const caller = userCaller(current, session.sessionId);
    ctx.audit(caller, 'auth.signIn', { transport });
    return { ok: true, signedIn: { user: toSessionUser(current), token: session.token, caller } };
  })();
  if (!outcome.ok) refuse(outcome.why, outcome.params);
  return outcome.signedIn;
}

/** First run: the first account, an administrator, signed in at once. Refused once any account exists. */
export async function setupFirstAdmin(
  ctx: BackendContext,
  transport: Transport,
  u: { username: string; displayName: string; password: string },
): Promise<SignedIn> {
  if (countUsers(ctx) > 0) throw new AppError('conflict', 'ClaimDesk is already set up; sign in instead', { reason: 'setup_done' });
  refuseWeak(u.password, u.username);
  const hash = await hashPassword(u.password);
  return ctx.db.transaction(() => {
    // Checked again in the write transaction: two first-run screens cannot both create an administrator.
    if (countUsers(ctx) > 0) throw new AppError('conflict', 'ClaimDesk is already set up; sign in instead', { reason: 'setup_done' });
    const row = insertUser(ctx, ANONYMOUS, { username: u.username, displayName: u.displayName, role: 'admin', password: u.password }, hash, 'auth.setup');
    const session = createSession(ctx, row.id, transport);
    const caller = userCaller(row, session.sessionId);
    ctx.audit(caller, 'auth.signIn', { transport });
    return { user: toSessionUser(row), token: session.token, caller };
  })();
}
