// Signing in from tests: accounts of each role, and calls made the way a transport makes them (the
// session token travels beside the payload, never in it).
import type { Role } from '../../src/shared/api/roles';
import type { Result } from '../../src/shared/api/result';
import { systemCaller } from '../../src/main/auth/caller';
import { randomPassword } from '../../src/main/auth/passwords';
import { createUser } from '../../src/main/auth/users';
import type { BackendContext } from '../../src/main/context';
import { createDispatcher, type CallContext, type Dispatch } from '../../src/main/dispatch';

export interface Account {
  username: string;
  password: string;
  role: Role;
}

/** Creates accounts (as the command line would) and returns them with their passwords. */
export async function createAccounts(ctx: BackendContext, specs: { username: string; role: Role }[]): Promise<Record<string, Account>> {
  const out: Record<string, Account> = {};
  for (const s of specs) {
    const password = randomPassword();
    await createUser(ctx, systemCaller('test'), { username: s.username, displayName: s.username.toUpperCase(), role: s.role, password });
    out[s.username] = { ...s, password };
  }
  return out;
}

export interface Session {
  token: string | null;
  call: (method: string, input?: unknown) => Promise<Result<unknown>>;
}

/** A transport's view of one window: it keeps whatever session the back end binds to it. */
export function windowOf(dispatch: Dispatch): Session {
  const s: Session = {
    token: null,
    call: (method, input = {}) => dispatch(method, input, { sessionToken: s.token, setSession: (t) => (s.token = t) }),
  };
  return s;
}

export async function signedIn(dispatch: Dispatch, account: Pick<Account, 'username' | 'password'>): Promise<Session> {
  const w = windowOf(dispatch);
  const res = await w.call('auth.signIn', { username: account.username, password: account.password });
  if (!res.ok) throw new Error(`sign-in of ${account.username} failed: ${res.error.message}`);
  return w;
}

/** The command line's call context. */
export const SYSTEM: CallContext = { system: systemCaller('test') };

/** The value of a successful call, or a thrown error naming the refusal. */
export function valueOf<T = Record<string, unknown>>(res: Result<unknown>): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

let accountsMade = 0;

/** Calls as a new account of `role`, signed in the way a window signs in (for tests about other things). */
export async function callerAs(ctx: BackendContext, role: Role): Promise<Session['call']> {
  const username = `${role}-${++accountsMade}`;
  const accounts = await createAccounts(ctx, [{ username, role }]);
  return (
    await signedIn(
      createDispatcher(ctx, () => undefined),
      accounts[username]!,
    )
  ).call;
}
