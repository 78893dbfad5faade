import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { ROLES, type Role } from '../../shared/api/roles';
import { useApi, useQuery } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';
import { LanguageSelect } from '../components/LanguageSelect';
import { ParticipantImport } from '../components/ParticipantImport';

export function SettingsScreen({ onSaved }: { onSaved: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const info = useQuery('app.info', {}, 'settings-info');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);

  // Fill the form once from the saved operator; later reloads must not overwrite what is being typed.
  const filled = useRef(false);
  useEffect(() => {
    if (info.data && !filled.current) {
      filled.current = true;
      setName(info.data.operator.name);
      setRole(info.data.operator.role);
    }
  }, [info.data]);

  const save = async (): Promise<void> => {
    setSaved(false);
    const res = await api.call('app.setOperator', { name: name.trim(), role });
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setSaved(true);
    onSaved();
  };

  const d = info.data;
  return (
    <section className="screen" data-screen="settings" data-state={info.state}>
      <h1>{t('settings.title')}</h1>
      <form
        className="panel form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('settings.language')}
          <LanguageSelect />
        </label>
        <label>
          {t('settings.operatorName')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required name="operatorName" />
        </label>
        <label>
          {t('settings.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} name="role">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <ErrorNote error={error} />
        <div className="actions">
          {saved && <span className="ok-note">{t('settings.saved')}</span>}
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
        </div>
      </form>
      <ParticipantImport onImported={info.reload} />
      <ErrorNote error={info.error} />
      {d && (
        <section className="panel">
          <h2>{t('settings.about')}</h2>
          <dl className="facts">
            {(
              [
                [t('settings.version'), d.version],
                [t('settings.transport'), t(`settings.transports.${d.transport}`)],
                [t('settings.dataFolder'), d.dataFolder],
                [t('settings.database'), d.databaseFile],
                [t('settings.schema'), String(d.schemaVersion)],
                [t('settings.ocrLanguages'), d.ocrLanguages.join(', ')],
                [t('settings.participantCount'), d.participantCount.toLocaleString(i18n.language)],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd className="mono">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </section>
  );
}
