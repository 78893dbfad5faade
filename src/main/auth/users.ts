// Accounts: officers, supervisors and administrators. Never deleted (the audit trail names them), only
// disabled; user names are stored in lower case and never change. Every change is written with its
// audit entry in one transaction; the entry never holds a password or its hash.
import type { UserRow } from '../../shared/api/methods-users';
import { AppError } from '../../shared/api/result';
import type { Role, SessionUser } from '../../shared/api/roles';
import type { BackendContext } from '../context';
import { actorName, type Caller } from './caller';
import { hashPassword, passwordProblem } from './passwords';
import { endUserSessions } from './sessions';

export interface UserDbRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: 0 | 1;
  disabled: 0 | 1;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export const toUserRow = (r: UserDbRow): UserRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  lockedUntil: r.locked_until,
  failedAttempts: r.failed_attempts,
  lastSignInAt: r.last_sign_in_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function toSessionUser(r: UserDbRow): SessionUser {
  const { id, username, displayName, role, mustChangePassword } = toUserRow(r);
  return { id, username, displayName, role, mustChangePassword };
}

export const countUsers = (ctx: BackendContext): number => ctx.db.prepare(`SELECT count(*) FROM users`).pluck().get() as number;

export const userByName = (ctx: BackendContext, username: string): UserDbRow | undefined =>
  ctx.db.prepare(`SELECT * FROM users WHERE username = ?`).get(username.trim().toLowerCase()) as UserDbRow | undefined;

export function userById(ctx: BackendContext, id: number): UserDbRow {
  const row = ctx.db.prepare(`SELECT * FROM users WHERE id = ?`).get(id) as UserDbRow | undefined;
  if (!row) throw new AppError('not_found', `User ${id} not found`, { id });
  return row;
}

export const listUsers = (ctx: BackendContext): UserRow[] =>
  (ctx.db.prepare(`SELECT * FROM users ORDER BY disabled, role, username`).all() as UserDbRow[]).map(toUserRow);

export function refuseWeak(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('invalid_input', `The password is too easy to guess (${problem})`, { reason: problem });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  mustChangePassword?: boolean;
}

/** Hashing is slow on purpose, so it happens before the write transaction opens. */
export async function createUser(ctx: BackendContext, caller: Caller, u: NewUser, action = 'users.create'): Promise<UserDbRow> {
  const username = u.username.trim().toLowerCase();
  refuseWeak(u.password, username);
  const hash = await hashPassword(u.password);
  return ctx.db.transaction(() => insertUser(ctx, caller, { ...u, username }, hash, action))();
}

/** Inside a transaction: the insert and its audit entry. */
export function insertUser(ctx: BackendContext, caller: Caller, u: NewUser, passwordHash: string, action = 'users.create'): UserDbRow {
  if (userByName(ctx, u.username)) throw new AppError('conflict', `The user name ${u.username} is taken`, { reason: 'username_taken', username: u.username });
  const at = ctx.now().toISOString();
  const info = ctx.db
    .prepare(
      `INSERT INTO users(username, display_name, role, password_hash, must_change_password, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(u.username, u.displayName, u.role, passwordHash, u.mustChangePassword ? 1 : 0, at, caller.kind === 'anonymous' ? u.username : actorName(caller), at);
  const row = userById(ctx, Number(info.lastInsertRowid));
  // The first administrator, set up before anyone could sign in, is recorded as having created itself.
  const by: Caller =
    caller.kind === 'anonymous'
      ? { kind: 'user', userId: row.id, username: row.username, displayName: row.display_name, role: row.role, sessionId: '', mustChangePassword: false }
      : caller;
  ctx.audit(by, action, { userId: row.id, username: row.username, displayName: row.display_name, role: row.role });
  return row;
}

const activeAdmins = (ctx: BackendContext): number =>
  ctx.db.prepare(`SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0`).pluck().get() as number;

export interface UserUpdate {
  userId: number;
  displayName?: string | undefined;
  role?: Role | undefined;
  disabled?: boolean | undefined;
  unlock?: true | undefined;
}

export function updateUser(ctx: BackendContext, caller: Caller, u: UserUpdate): UserDbRow {
  return ctx.db.transaction(() => {
    const before = userById(ctx, u.userId);
    const self = caller.kind === 'user' && caller.userId === before.id;
    const losesAdmin = before.role === 'admin' && before.disabled === 0 && ((u.role !== undefined && u.role !== 'admin') || u.disabled === true);
    // No administrator locks themselves out, and the last active administrator stays one.
    if (self && losesAdmin) throw new AppError('forbidden', 'You cannot take away your own administrator access', { reason: 'self' });
    if (losesAdmin && activeAdmins(ctx) <= 1)
      throw new AppError('conflict', 'The last active administrator cannot be disabled or demoted', { reason: 'last_admin' });
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    const at = ctx.now().toISOString();
    if (u.displayName !== undefined && u.displayName !== before.display_name) changes.displayName = { old: before.display_name, new: u.displayName };
    if (u.role !== undefined && u.role !== before.role) changes.role = { old: before.role, new: u.role };
    if (u.disabled !== undefined && u.disabled !== (before.disabled === 1)) changes.disabled = { old: before.disabled === 1, new: u.disabled };
    if (u.unlock && (before.locked_until !== null || before.failed_attempts > 0)) changes.locked = { old: before.locked_until, new: null };
    if (Object.keys(changes).length === 0) return before;
    ctx.db
      .prepare(`UPDATE users SET display_name = ?, role = ?, disabled = ?, failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?`)
      .run(
        u.displayName ?? before.display_name,
        u.role ?? before.role,
        u.disabled === undefined ? before.disabled : u.disabled ? 1 : 0,
        u.unlock ? 0 : before.failed_attempts,
        u.unlock ? null : before.locked_until,
        at,
        before.id,
      );
    // A new role or a disabled account takes effect at once: their open sessions end.
    if (changes.role || changes.disabled?.new === true) endUserSessions(ctx, before.id, changes.role ? 'role_changed' : 'disabled');
    ctx.audit(caller, 'users.update', { userId: before.id, username: before.username, changes });
    return userById(ctx, before.id);
  })();
}

/** An administrator's reset: a temporary password, changed at the next sign-in; the user's sessions end. */
export async function resetPassword(ctx: BackendContext, caller: Caller, userId: number, password: string): Promise<UserDbRow> {
  const target = userById(ctx, userId);
  refuseWeak(password, target.username);
  const hash = await hashPassword(password);
  return ctx.db.transaction(() => {
    ctx.db
      .prepare(`UPDATE users SET password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?`)
      .run(hash, ctx.now().toISOString(), userId);
    endUserSessions(ctx, userId, 'password_reset');
    ctx.audit(caller, 'users.resetPassword', { userId, username: target.username });
    return userById(ctx, userId);
  })();
}

/** The user's own change; the caller has already proven the current password. */
export async function setOwnPassword(ctx: BackendContext, caller: Caller, userId: number, password: string): Promise<UserDbRow> {
  const target = userById(ctx, userId);
  refuseWeak(password, target.username);
  const hash = await hashPassword(password);
  return ctx.db.transaction(() => {
    ctx.db.prepare(`UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?`).run(hash, ctx.now().toISOString(), userId);
    ctx.audit(caller, 'auth.changePassword', { userId, username: target.username });
    return userById(ctx, userId);
  })();
}
