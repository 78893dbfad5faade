// Signing in, setting up the first administrator, and choosing a new password. Shown before the app,
// in the same window; the back end decides who the caller is from the session it creates.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../shared/api/methods-auth';
import type { ApiError } from '../../shared/api/result';
import { useApi } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';

export type SignInNotice = { kind: 'idle'; minutes: number } | { kind: 'expired' } | { kind: 'signedOut' };

function Frame({ screen, title, children }: { screen: string; title: string; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="shell auth-shell" data-state="signed-out">
      <main className="auth-card panel" data-screen={screen} data-state="ready">
        <div className="auth-head">
          <div className="brand">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </div>
          <LanguageSelect data-testid="language-switch" aria-label={t('app.language')} />
        </div>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}

/** A problem the screen found itself, named by its sentence's key. */
const localError = (say: string): ApiError => ({ code: 'invalid_input', message: say, params: { say } });

/** A new password's problem the screen can see before asking the back end (which checks again). */
function newPasswordError(password: string, confirm: string): ApiError | undefined {
  if (password.length < PASSWORD_MIN) return localError('auth.tooShort');
  if (password !== confirm) return localError('auth.mismatch');
  return undefined;
}

/** The new password twice, with the rules it must follow. */
function NewPasswordInputs(p: {
  label: string;
  name: string;
  value: string;
  confirmName: string;
  confirm: string;
  onChange: (value: string) => void;
  onConfirm: (value: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {p.label}
        <input name={p.name} type="password" autoComplete="new-password" value={p.value} onChange={(e) => p.onChange(e.target.value)} required />
      </label>
      <label>
        {t('auth.passwordConfirm')}
        <input name={p.confirmName} type="password" autoComplete="new-password" value={p.confirm} onChange={(e) => p.onConfirm(e.target.value)} required />
      </label>
      <p className="hint">{t('auth.passwordHint')}</p>
    </>
  );
}

export function SignInScreen({ notice, onSignedIn }: { notice: SignInNotice | undefined; onSignedIn: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    setBusy(true);
    const res = await api.call('auth.signIn', { username: username.trim(), password });
    setBusy(false);
    if (!res.ok) {
      setPassword('');
      return setError(res.error);
    }
    onSignedIn();
  };
  const noticeText =
    notice?.kind === 'idle'
      ? t('auth.idleSignedOut', { minutes: notice.minutes })
      : notice?.kind === 'expired'
        ? t('auth.expired')
        : notice?.kind === 'signedOut'
          ? t('auth.signedOut')
          : null;
  return (
    <Frame screen="sign-in" title={t('auth.signInTitle')}>
      {noticeText && (
        <p className="notice" role="status" data-testid="sign-in-notice">
          {noticeText}
        </p>
      )}
      <p className="muted">{t('auth.signInHint')}</p>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <label>
          {t('auth.username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus maxLength={80} />
        </label>
        <label>
          {t('auth.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            maxLength={256}
          />
        </label>
        <ErrorNote error={error} />
        <button type="submit" className="primary" disabled={busy} data-testid="sign-in">
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </Frame>
  );
}

export function SetupScreen({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [error, setError] = useState<ApiError>();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (): Promise<void> => {
    const problem = newPasswordError(form.password, form.confirm);
    if (problem) return setError(problem);
    const res = await api.call('auth.setup', { username: form.username.trim().toLowerCase(), displayName: form.displayName.trim(), password: form.password });
    if (!res.ok) return setError(res.error);
    onDone();
  };
  return (
    <Frame screen="setup" title={t('auth.setupTitle')}>
      <p className="muted">{t('auth.setupHint')}</p>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('auth.username')}
          <input
            name="username"
            autoComplete="username"
            value={form.username}
            onChange={set('username')}
            required
            autoFocus
            pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,39}"
          />
        </label>
        <label>
          {t('auth.displayName')}
          <input name="displayName" value={form.displayName} onChange={set('displayName')} required maxLength={80} />
        </label>
        <NewPasswordInputs
          label={t('auth.password')}
          name="password"
          value={form.password}
          confirmName="confirm"
          confirm={form.confirm}
          onChange={(password) => setForm((f) => ({ ...f, password }))}
          onConfirm={(confirm) => setForm((f) => ({ ...f, confirm }))}
        />
        <ErrorNote error={error} />
        <button type="submit" className="primary">
          {t('auth.setup')}
        </button>
      </form>
    </Frame>
  );
}

/** A user's own password change: forced after an administrator's reset, or from Settings. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState({ current: '', next: '', confirm: '' });
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (): Promise<void> => {
    setDone(false);
    const problem = newPasswordError(form.next, form.confirm);
    if (problem) return setError(problem);
    const res = await api.call('auth.changePassword', { currentPassword: form.current, newPassword: form.next });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setForm({ current: '', next: '', confirm: '' });
    setDone(true);
    onDone();
  };
  return (
    <form
      className="auth-form"
      data-testid="change-password"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('auth.currentPassword')}
        <input name="currentPassword" type="password" autoComplete="current-password" value={form.current} onChange={set('current')} required />
      </label>
      <NewPasswordInputs
        label={t('auth.newPassword')}
        name="newPassword"
        value={form.next}
        confirmName="confirmPassword"
        confirm={form.confirm}
        onChange={(next) => setForm((f) => ({ ...f, next }))}
        onConfirm={(confirm) => setForm((f) => ({ ...f, confirm }))}
      />
      <ErrorNote error={error} />
      {done && <p className="ok-note">{t('auth.changed')}</p>}
      <button type="submit" className="primary">
        {t('auth.change')}
      </button>
    </form>
  );
}

export function ChangePasswordScreen({ onDone, onSignOut }: { forced: boolean; onDone: () => void; onSignOut: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Frame screen="change-password" title={t('auth.changeTitle')}>
      <p className="notice">{t('auth.changeForced')}</p>
      <ChangePasswordForm onDone={onDone} />
      <button type="button" className="link" onClick={onSignOut}>
        {t('auth.signOut')}
      </button>
    </Frame>
  );
}
