// The gate in front of the app: first-run setup, sign-in, a forced password change, idle sign-out.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../shared/api/result';
import type { SessionUser } from '../shared/api/roles';
import { ApiContext, DataProvider, useApi } from './api-context';
import { App } from './App';
import { AuthContext, guardClient, useIdleSignOut } from './auth';
import { ErrorNote } from './components/ErrorNote';
import { isPassing, retryDelay } from './pending-saves';
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
  if (state.kind === 'error') return <GateError error={state.error} onRetry={() => void load()} />;
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

/**
 * The window could not learn who is signed in. When the branch database cannot be reached, or is kept busy
 * by other desks, that passes by itself: the gate asks again after a pause that grows with each failed try
 * (2 s, doubling, at most 30 s), and opens the app, with any values a reload kept, once it answers. Either
 * way the officer can ask again at once.
 */
function GateError({ error, onRetry }: { error: ApiError; onRetry: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const tries = useRef(0);
  const passing = isPassing(error);
  useEffect(() => {
    if (!passing) return;
    const timer = window.setTimeout(onRetry, retryDelay(tries.current++));
    return () => window.clearTimeout(timer);
  }, [error, passing, onRetry]);
  return (
    <div className="shell" data-state="error">
      <main className="content">
        <h1>{t('app.name')}</h1>
        <ErrorNote error={error} />
        {passing && (
          <p className="hint" data-testid="gate-retrying">
            {t('app.retrying')}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={onRetry} data-testid="gate-retry">
            {t('app.retry')}
          </button>
        </div>
      </main>
    </div>
  );
}
