// Who is signed in, for the screens; and the gate in front of the app: first-run setup, sign-in, a forced
// password change, idle sign-out. The session itself never reaches this code: browser mode keeps it in an
// HttpOnly cookie and the desktop app in the main process. The role shown here only shapes the screens;
// the back end checks every call against the signed-in account.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { ApiClient } from '../shared/api/contract';
import type { Role, SessionUser } from '../shared/api/roles';
import type { Result } from '../shared/api/result';

export interface Auth {
  user: SessionUser;
  idleMinutes: number;
  signOut: (reason?: 'user' | 'idle') => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthGate');
  return auth;
}

export const hasRole = (user: SessionUser, ...roles: Role[]): boolean => roles.includes(user.role);

/** Any call answered "session ended" sends the window back to sign-in, whichever screen made it. */
export function guardClient(api: ApiClient, onLost: () => void): ApiClient {
  const watch = <T,>(res: Result<T>): Result<T> => {
    if (!res.ok && res.error.code === 'unauthorized') {
      const reason = res.error.params?.reason;
      if (reason === 'expired' || reason === 'no_session') onLost();
    }
    return res;
  };
  return {
    call: (async (method, input) => {
      const res = await api.call(method, input);
      return method.startsWith('auth.') ? res : watch(res);
    }) as ApiClient['call'],
    upload: async (kind, file) => watch(await api.upload(kind, file)),
    onEvent: (listener) => api.onEvent(listener),
  };
}

/** Signs out after `minutes` without keyboard, pointer or wheel input in this window. */
export function useIdleSignOut(minutes: number, onIdle: () => void): void {
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.current(), minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [minutes]);
}
