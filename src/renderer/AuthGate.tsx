// The gate in front of the app: first-run setup, sign-in, a forced password change, idle sign-out.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiError } from '../shared/api/result';
import type { SessionUser } from '../shared/api/roles';
import { ApiContext, DataProvider, useApi } from './api-context';
import { App } from './App';
import { AuthContext, guardClient, useIdleSignOut } from './auth';
import { ErrorNote } from './components/ErrorNote';
import { ChangePasswordScreen, SetupScreen, SignInScreen, type SignInNotice } from './screens/SignInScreen';

type GateState =
  | { kind: 'loading' }
  | { kind: 'error'; error: ApiError }
  | { kind: 'setup' }
  | { kind: 'signIn'; notice?: SignInNotice }
  | { kind: 'app'; user: SessionUser; idleMinutes: number };

export function AuthGate(): React.JSX.Element {
  const api = useApi();
  const [state, setState] = useState<GateState>({ kind: 'loading' });

  const load = useCallback(
    async (notice?: SignInNotice): Promise<void> => {
      const res = await api.call('auth.status', {});
      if (!res.ok) return setState({ kind: 'error', error: res.error });
      if (res.value.setupRequired) return setState({ kind: 'setup' });
      if (res.value.user) return setState({ kind: 'app', user: res.value.user, idleMinutes: res.value.idleMinutes });
      setState({ kind: 'signIn', ...(notice ? { notice } : {}) });
    },
    [api],
  );
  useEffect(() => void load(), [load]);

  const guarded = useMemo(() => guardClient(api, () => setState({ kind: 'signIn', notice: { kind: 'expired' } })), [api]);

  const signOut = useCallback(
    async (reason: 'user' | 'idle' = 'user'): Promise<void> => {
      await api.call('auth.signOut', { reason });
      const minutes = state.kind === 'app' ? state.idleMinutes : 0;
      setState({ kind: 'signIn', notice: reason === 'idle' ? { kind: 'idle', minutes } : { kind: 'signedOut' } });
    },
    [api, state],
  );

  if (state.kind === 'loading') return <div className="shell" data-state="loading" />;
  if (state.kind === 'error') {
    return (
      <div className="shell" data-state="error">
        <ErrorNote error={state.error} />
      </div>
    );
  }
  if (state.kind === 'setup') return <SetupScreen onDone={() => void load()} />;
  if (state.kind === 'signIn') return <SignInScreen notice={state.notice} onSignedIn={() => void load()} />;
  if (state.user.mustChangePassword) return <ChangePasswordScreen forced onDone={() => void load()} onSignOut={() => void signOut()} />;
  return (
    <ApiContext.Provider value={guarded}>
      <DataProvider api={guarded}>
        <AuthContext.Provider value={{ user: state.user, idleMinutes: state.idleMinutes, signOut }}>
          <IdleWatch minutes={state.idleMinutes} onIdle={() => void signOut('idle')} />
          <App />
        </AuthContext.Provider>
      </DataProvider>
    </ApiContext.Provider>
  );
}

function IdleWatch({ minutes, onIdle }: { minutes: number; onIdle: () => void }): null {
  useIdleSignOut(minutes, onIdle);
  return null;
}
