// "Basis data cabang" (administrators): where this desk keeps its cases now, and the branch's PostgreSQL
// it should work on from its next start. The address is tried by the back end before it is saved; the
// password is typed apart and never shown again.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreSetting } from '../../shared/api/methods-settings';
import type { ApiError } from '../../shared/api/result';
import { useApi, useQuery } from '../api-context';
import { ErrorNote } from './ErrorNote';

type Saved = StoreSetting & { found: { schemaVersion: number | null; cases: number | null } | null };

export function StorePanel(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const setting = useQuery('settings.store', {});
  const [address, setAddress] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<Saved>();
  const s = done ?? setting.data;

  const save = async (next: string | null): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const res = await api.call('settings.setStore', next === null ? { address: null } : { address: next, ...(password ? { password } : {}) });
    setBusy(false);
    if (res.ok) {
      setDone(res.value);
      setPassword('');
      setting.reload();
    } else setError(res.error);
  };

  const leftBehind = done?.found && !done.found.cases && (done.embeddedCases ?? 0) > 0 ? done.embeddedCases : null;
  return (
    <section className="panel" data-testid="store-setting" data-state={busy ? 'loading' : error ? 'error' : (setting.state ?? 'ready')}>
      <h2>{t('store.title')}</h2>
      <p className="hint">{t('store.hint')}</p>
      <ErrorNote error={setting.error} />
      {s && (
        <dl className="facts">
          <div>
            <dt>{t('store.current')}</dt>
            <dd className="mono" data-testid="store-current">
              {t(`store.kinds.${s.current.kind}`)}: {s.current.shown}
            </dd>
          </div>
          <div>
            <dt>{t('store.saved')}</dt>
            <dd className="mono" data-testid="store-saved">
              {s.saved ?? t('store.embedded')}
            </dd>
          </div>
        </dl>
      )}
      {s?.chosenBy === 'environment' && <p className="warn-note">{t('store.byEnvironment')}</p>}
      {s?.restartNeeded && (
        <p className="warn-note" role="status" data-testid="store-restart">
          {t('store.restart')}
        </p>
      )}
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(address.trim());
        }}
      >
        <label className="wide">
          {t('store.address')}
          <input
            name="store-address"
            className="mono"
            value={address}
            required
            spellCheck={false}
            autoComplete="off"
            placeholder="postgres://claimdesk@10.20.1.9:5432/claimdesk?schema=jambi"
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <label>
          {t('store.password')}
          <input name="store-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          <span className="hint">{t('store.passwordHint')}</span>
        </label>
        <ErrorNote error={error} />
        <div className="actions">
          {busy && <span className="muted">{t('store.trying')}</span>}
          {s?.saved && (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              {t('store.useEmbedded')}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {t('store.save')}
          </button>
        </div>
      </form>
      {done && (
        <div className="ok-note" role="status" data-testid="store-result">
          <p>
            {done.saved === null
              ? t('store.savedEmbedded')
              : done.found?.cases == null
                ? t('store.savedEmpty', { address: done.saved })
                : t('store.savedWithCases', { address: done.saved, count: done.found.cases })}
          </p>
        </div>
      )}
      {leftBehind !== null && (
        <p className="warn-note" data-testid="store-left-behind">
          {t('store.leftBehind', { count: leftBehind })}
        </p>
      )}
    </section>
  );
}
