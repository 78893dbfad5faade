import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { CLAIM_TYPES, type ClaimType } from '../../shared/domain/claims';
import { useApi, useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { CaseTable } from '../components/CaseTable';
import { ErrorNote } from '../components/ErrorNote';
import { navigate } from '../router';

export function WorklistScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { user } = useAuth();
  // Officers and supervisors open cases; administrators manage the system, not claims.
  const mayCreate = hasRole(user, 'officer', 'supervisor');
  const [creating, setCreating] = useState(false);
  const list = useQuery('cases.list', { limit: 200 });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (mayCreate && e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayCreate]);

  return (
    <section className="screen" data-screen="worklist" data-state={list.state}>
      <div className="screen-head">
        <h1>{t('worklist.title')}</h1>
        {mayCreate && (
          <button type="button" className="primary" onClick={() => setCreating(true)} aria-keyshortcuts="Alt+N">
            {t('worklist.newCase')}
          </button>
        )}
      </div>
      {creating && <NewCaseForm onDone={() => setCreating(false)} />}
      <ErrorNote error={list.error} />
      {list.data && (list.data.cases.length === 0 ? <p className="muted">{t('worklist.empty')}</p> : <CaseTable cases={list.data.cases} />)}
    </section>
  );
}

function NewCaseForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [claimType, setClaimType] = useState<ClaimType>('JKK');
  const [kpj, setKpj] = useState('');
  const [incidentDate, setIncidentDate] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const res = await api.call('cases.create', {
      claimType,
      ...(kpj.trim() ? { kpj: kpj.replace(/\D/g, '') } : {}),
      ...(incidentDate ? { incidentDate } : {}),
      notes,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    onDone();
    navigate({ screen: 'case', caseId: res.value.id });
  };

  return (
    <form
      className="panel form"
      data-testid="new-case-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <label>
        {t('worklist.claimType')}
        <select value={claimType} onChange={(e) => setClaimType(e.target.value as ClaimType)} autoFocus>
          {CLAIM_TYPES.map((c) => (
            <option key={c} value={c}>
              {t(`claimTypes.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('worklist.kpj')}
        <input value={kpj} onChange={(e) => setKpj(e.target.value)} inputMode="numeric" placeholder={t('worklist.kpjHint')} name="kpj" />
      </label>
      <label>
        {t('worklist.incidentDate')}
        <input type="date" value={incidentDate} onChange={(e) => setIncidentDate(e.target.value)} name="incidentDate" />
      </label>
      <label className="wide">
        {t('worklist.notes')}
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
      </label>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          {t('worklist.cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t('worklist.create')}
        </button>
      </div>
    </form>
  );
}
