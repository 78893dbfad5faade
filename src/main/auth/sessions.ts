// Server-side sessions. A session token is 32 random bytes handed to the transport (an HttpOnly cookie in
// browser mode, the window's slot in the desktop app); only its SHA-256 is stored. A session ends on
// sign-out, after the idle time without calls, after its maximum age, or when its account is disabled,
// given a new role or a reset password.
import crypto from 'node:crypto';
import type { BackendContext, Transport } from '../context';
import type { UserCaller } from './caller';
import { authPolicy } from '../services/settings';
import { writeIfFree } from '../db/database';
import type { UserDbRow } from './users';

export const newSessionToken = (): string => crypto.randomBytes(32).toString('hex');
const idOf = (token: string): string => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/** Calls within this many seconds of the last recorded one do not write last_seen_at again. */
const TOUCH_EVERY_SECONDS = 15;

export function createSession(ctx: BackendContext, userId: number, transport: Transport): { token: string; sessionId: string } {
  const token = newSessionToken();
  const at = ctx.now().toISOString();
  const sessionId = idOf(token);
  ctx.db.prepare(`INSERT INTO sessions(id, user_id, transport, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)`).run(sessionId, userId, transport, at, at);
  return { token, sessionId };
}

export type SessionLookup =
  { ok: true; caller: UserCaller } | { ok: false; reason: 'no_session' | 'expired'; sessionId?: string; userId?: number; username?: string };

interface SessionRow {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
}

/** The caller behind a token, refreshing its last activity; an idle or too old session is ended here. */
export function resolveSession(ctx: BackendContext, token: string | null): SessionLookup {
  if (!token || !/^[0-9a-f]{64}$/.test(token)) return { ok: false, reason: 'no_session' };
  const id = idOf(token);
  const s = ctx.db.prepare(`SELECT id, user_id, created_at, last_seen_at, ended_at FROM sessions WHERE id = ?`).get(id) as SessionRow | undefined;
  if (!s || s.ended_at) return { ok: false, reason: s ? 'expired' : 'no_session' };
  const user = ctx.db.prepare(`SELECT * FROM users WHERE id = ?`).get(s.user_id) as UserDbRow;
  const now = ctx.now();
  const policy = authPolicy(ctx);
  const idle = now.getTime() - Date.parse(s.last_seen_at) > policy.idleMinutes * 60_000;
  const old = now.getTime() - Date.parse(s.created_at) > policy.sessionHours * 3_600_000;
  if (idle || old || user.disabled === 1) {
    const reason = idle ? 'idle' : old ? 'max_age' : 'disabled';
    ctx.db.transaction(() => {
      if (!endSession(ctx, id, reason)) return;
      ctx.audit(userCaller(user, id), 'auth.sessionEnded', { reason, lastSeenAt: s.last_seen_at });
    })();
    return { ok: false, reason: 'expired', sessionId: id, userId: user.id, username: user.username };
  }
  if (now.getTime() - Date.parse(s.last_seen_at) > TOUCH_EVERY_SECONDS * 1000) {
    // Left for a later call while other desks hold the store: the call itself (a read, or a write that
    // waits its turn) is not held up or refused for it.
    writeIfFree(ctx.db, () => ctx.db.prepare(`UPDATE sessions SET last_seen_at = ? WHERE id = ?`).run(now.toISOString(), id));
  }
  return { ok: true, caller: userCaller(user, id) };
}

export const userCaller = (user: UserDbRow, sessionId: string): UserCaller => ({
  kind: 'user',
  userId: user.id,
  username: user.username,
  displayName: user.display_name,
  role: user.role,
  sessionId,
  mustChangePassword: user.must_change_password === 1,
});

/** Ends one session; true when it was open. */
export function endSession(ctx: BackendContext, sessionIdOrToken: string, reason: string, isToken = false): boolean {
  const id = isToken ? idOf(sessionIdOrToken) : sessionIdOrToken;
  const info = ctx.db.prepare(`UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL`).run(ctx.now().toISOString(), reason, id);
  return info.changes === 1;
}

export function endUserSessions(ctx: BackendContext, userId: number, reason: string): number {
  return ctx.db.prepare(`UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL`).run(ctx.now().toISOString(), reason, userId)
    .changes;
}

export const sessionIdOfToken = idOf;
