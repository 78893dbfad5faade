// Accounts, for administrators: create, change role, disable or enable, unlock, reset a password.
// Nothing is ever deleted: the audit trail names every account that acted.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../shared/api/methods-auth';
import type { UserRow } from '../../shared/api/methods-users';
import type { ApiError } from '../../shared/api/result';
import { ROLES, type Role } from '../../shared/api/roles';
import { useApi, useQuery } from '../api-context';
import { useAuth } from '../auth';
import { ErrorNote } from '../components/ErrorNote';
import { useDateTimeFormat } from '../format';

export function UsersScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const list = useQuery('users.list', {});
  const [message, setMessage] = useState<string>();
  return (
    <section className="screen" data-screen="users" data-state={list.state}>
      <h1>{t('users.title')}</h1>
      <p className="muted">{t('users.neverDeleted')}</p>
      <CreateUser
        onCreated={(u) => {
          setMessage(t('users.created', { user: u }));
          list.reload();
        }}
      />
      {message && (
        <p className="ok-note" role="status">
          {message}
        </p>
      )}
      <ErrorNote error={list.error} />
      {list.data && <UserTable users={list.data.users} onChanged={list.reload} onMessage={setMessage} />}
    </section>
  );
}

function CreateUser({ onCreated }: { onCreated: (username: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'officer' as Role, password: '' });
  const [error, setError] = useState<ApiError>();
  const create = async (): Promise<void> => {
    if (form.password.length < PASSWORD_MIN) return setError({ code: 'invalid_input', message: 'auth.tooShort', params: { say: 'auth.tooShort' } });
    const res = await api.call('users.create', { ...form, username: form.username.trim().toLowerCase(), displayName: form.displayName.trim() });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setForm({ username: '', displayName: '', role: 'officer', password: '' });
    onCreated(res.value.username);
  };
  return (
    <form
      className="panel form"
      data-testid="create-user"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label>
        {t('users.username')}
        <input
          name="username"
          value={form.username}
          onChange={(e) => setForm({ ...form, username: e.target.value })}
          required
          autoComplete="off"
          pattern="[A-Za-z0-9][A-Za-z0-9._\-]{1,39}"
        />
      </label>
      <label>
        {t('users.displayName')}
        <input name="displayName" value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} required />
      </label>
      <label>
        {t('users.role')}
        <select name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('users.password')}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          required
        />
      </label>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('users.create')}
        </button>
      </div>
    </form>
  );
}

function UserTable({ users, onChanged, onMessage }: { users: UserRow[]; onChanged: () => void; onMessage: (m: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { user: me } = useAuth();
  const fmt = useDateTimeFormat();
  const [error, setError] = useState<ApiError>();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [temp, setTemp] = useState('');
  const after = (res: { ok: boolean; error?: ApiError }): void => {
    setError(res.ok ? undefined : res.error);
    onChanged();
  };
  const reset = async (): Promise<void> => {
    if (!resetting) return;
    const res = await api.call('users.resetPassword', { userId: resetting.id, password: temp });
    if (!res.ok) return setError(res.error);
    onMessage(t('users.resetDone', { user: resetting.username }));
    setResetting(null);
    setTemp('');
    onChanged();
  };
  return (
    <>
      <ErrorNote error={error} />
      <table className="grid" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('users.username')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.state')}</th>
            <th>{t('users.lastSignIn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();
            return (
              <tr key={u.id} data-user={u.username}>
                <td className="mono">
                  {u.username} {u.id === me.id && <span className="muted">{t('users.you')}</span>}
                </td>
                <td>{u.displayName}</td>
                <td>
                  <select
                    value={u.role}
                    aria-label={t('users.role')}
                    onChange={(e) => void api.call('users.update', { userId: u.id, role: e.target.value as Role }).then(after)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {u.disabled ? t('users.disabled') : locked ? t('users.locked', { until: fmt.format(new Date(u.lockedUntil!)) }) : t('users.active')}
                  {u.mustChangePassword && <span className="badge subtle">{t('users.mustChange')}</span>}
                </td>
                <td>{u.lastSignInAt ? fmt.format(new Date(u.lastSignInAt)) : t('users.never')}</td>
                <td className="row">
                  <button type="button" className="small" onClick={() => void api.call('users.update', { userId: u.id, disabled: !u.disabled }).then(after)}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </button>
                  {locked && (
                    <button type="button" className="small" onClick={() => void api.call('users.update', { userId: u.id, unlock: true }).then(after)}>
                      {t('users.unlock')}
                    </button>
                  )}
                  <button type="button" className="small" onClick={() => setResetting(u)}>
                    {t('users.reset')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {resetting && (
        <form
          className="panel form"
          data-testid="reset-password"
          onSubmit={(e) => {
            e.preventDefault();
            void reset();
          }}
        >
          <label className="wide">
            {t('users.resetPrompt', { user: resetting.username })}
            <input type="password" autoComplete="new-password" value={temp} onChange={(e) => setTemp(e.target.value)} required minLength={PASSWORD_MIN} />
          </label>
          <div className="actions">
            <button type="button" onClick={() => setResetting(null)}>
              {t('flags.dismissCancel')}
            </button>
            <button type="submit" className="primary">
              {t('users.reset')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
