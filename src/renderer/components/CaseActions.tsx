import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../format';
import type { CaseDetail } from '../../shared/api/methods-cases';
import type { ApiError } from '../../shared/api/result';
import { canDecide, canSubmit, decisionNeedsReason, type Decision } from '../../shared/domain/workflow';
import { useApi } from '../api-context';
import { ErrorNote } from './ErrorNote';

/** Submit for the officer; approve, reject or return for the supervisor; and the case's history. */
export function CaseActions({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const fmt = useDateTimeFormat();

  const run = async (call: () => ReturnType<typeof api.call>): Promise<void> => {
    const res = await call();
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setReason('');
    onChanged();
  };
  const decide = (decision: Decision): void => {
    if (decisionNeedsReason(decision) && !reason.trim()) {
      setError({ code: 'invalid_input', message: t('actions.reasonRequired') });
      return;
    }
    void run(() => api.call('cases.decide', { caseId: detail.id, decision, reason: reason.trim() }));
  };

  return (
    <section className="panel" data-testid="case-actions">
      <h2>{t('actions.title')}</h2>
      {canSubmit(detail.status) && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void run(() => api.call('cases.submit', { caseId: detail.id, note: '' }))} data-testid="submit-case">
            {detail.flagCount > 0 ? t('actions.submitToSupervisor') : t('actions.approveClean')}
          </button>
          <span className="muted">{detail.flagCount > 0 ? t('actions.submitHint', { count: detail.flagCount }) : t('actions.cleanHint')}</span>
        </div>
      )}
      {canDecide(detail.status) && (
        <div className="decision">
          <label>
            {t('actions.reason')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="decision-reason" />
          </label>
          <div className="row">
            <button type="button" className="primary" onClick={() => decide('approve')}>
              {t('actions.approve')}
            </button>
            <button type="button" onClick={() => decide('return')}>
              {t('actions.return')}
            </button>
            <button type="button" className="danger" onClick={() => decide('reject')}>
              {t('actions.reject')}
            </button>
          </div>
        </div>
      )}
      <ErrorNote error={error} />
      {detail.history.length > 0 && (
        <>
          <h3>{t('actions.history')}</h3>
          <ol className="history">
            {detail.history.map((h, i) => {
              const d = h.detail as { decision?: string; reason?: string } | null;
              return (
                <li key={i}>
                  <span className="muted">{fmt.format(new Date(h.at))}</span> · {h.actor} ({t(`roles.${h.role as 'officer'}`)}) ·{' '}
                  {t(`actions.log.${h.action}`, { defaultValue: h.action })}
                  {d?.decision ? ` – ${t(`actions.${d.decision as Decision}`)}` : ''}
                  {d?.reason ? `: “${d.reason}”` : ''}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
