// Who is calling, as the back end established it: a signed-in account (from the transport's server-side
// session), the local system operator (the command line, run by whoever holds the data folder), or no
// one. Handlers take the caller from here, never from a payload.
import os from 'node:os';
import type { Principal, Role } from '../../shared/api/roles';

export type Caller =
  | { kind: 'user'; userId: number; username: string; displayName: string; role: Role; sessionId: string; mustChangePassword: boolean }
  | { kind: 'system'; username: string }
  | { kind: 'anonymous' };

export type UserCaller = Extract<Caller, { kind: 'user' }>;
export type SystemCaller = Extract<Caller, { kind: 'system' }>;

/** The command line: audited as system:<the OS account running it>. */
export function systemCaller(osUser: string = safeOsUser()): SystemCaller {
  return { kind: 'system', username: `system:${osUser}` };
}

/** The app's own background work (OCR, extraction and checks as pages finish). */
export const BACKGROUND: SystemCaller = { kind: 'system', username: 'system:claimdesk' };

export const ANONYMOUS: Caller = { kind: 'anonymous' };

function safeOsUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function principalOf(caller: Caller): Principal | null {
  if (caller.kind === 'user') return caller.role;
  if (caller.kind === 'system') return 'system';
  return null;
}

/** How the caller is named in the audit trail and on the records it writes. */
export function actorOf(caller: Caller): { actor: string; role: string; userId: number | null } {
  if (caller.kind === 'user') return { actor: caller.username, role: caller.role, userId: caller.userId };
  if (caller.kind === 'system') return { actor: caller.username, role: 'system', userId: null };
  return { actor: 'anonymous', role: 'anonymous', userId: null };
}

export const actorName = (caller: Caller): string => actorOf(caller).actor;
