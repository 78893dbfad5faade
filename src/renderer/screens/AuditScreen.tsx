// The audit trail, newest first, filtered by case, user and day; and a check of its hash chain.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDecisions } from '../components/ExportDecisions';
import type { AuditEntry, AuditVerification } from '../../shared/api/methods-audit';
import type { ApiError } from '../../shared/api/result';
import { parseIndonesianDate } from '../../shared/normalize/dates';
import { useApi, useQuery } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';
import { actionName, actorName, auditText, roleName, useAuditWords } from '../audit-text';
import { useDateTimeFormat } from '../format';
import { hrefOf } from '../router';

interface Filter {
  caseRef: string;
  actor: string;
  from: string;
  to: string;
}

const EMPTY: Filter = { caseRef: '', actor: '', from: '', to: '' };

/** A day as people here write it (13-03-2026, 13/3/2026, 13 Maret 2026, 2026-03-13): ISO, '' or null if unreadable. */
function day(text: string): string | null {
  return text.trim() ? parseIndonesianDate(text.trim()).value : '';
}

export function AuditScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useDateTimeFormat();
  const words = useAuditWords();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [verification, setVerification] = useState<AuditVerification>();
  const [error, setError] = useState<ApiError>();
  const input = {
    ...(filter.caseRef.trim() ? { caseRef: filter.caseRef.trim() } : {}),
    ...(filter.actor.trim() ? { actor: filter.actor.trim() } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    tzOffsetMinutes: -new Date().getTimezoneOffset(),
    limit: 100,
  };
  const first = useQuery('audit.list', input);
  const entries = [...(first.data?.entries ?? []), ...older];
  const nextBefore = next === undefined ? first.data?.nextBeforeId : next;

  const loadOlder = async (): Promise<void> => {
    if (!nextBefore) return;
    const res = await api.call('audit.list', { ...input, beforeId: nextBefore });
    if (!res.ok) return setError(res.error);
    setOlder((o) => [...o, ...res.value.entries]);
    setNext(res.value.nextBeforeId);
  };
  const apply = (f: Filter): void => {
    setOlder([]);
    setNext(undefined);
    setFilter(f);
  };
  const verify = async (): Promise<void> => {
    const res = await api.call('audit.verify', {});
    if (!res.ok) return setError(res.error);
    setVerification(res.value);
  };

  return (
    <section className="screen" data-screen="audit" data-state={first.state}>
      <div className="screen-head">
        <h1>{t('audit.title')}</h1>
        <div className="row">
          <ExportDecisions />
          <button type="button" onClick={() => void verify()} data-testid="verify-chain">
            {t('audit.verify')}
          </button>
        </div>
      </div>
      {verification && (
        <p className={verification.ok ? 'ok-note' : 'error-note'} role="status" data-testid="chain-status" data-ok={String(verification.ok)}>
          {verification.ok
            ? t('audit.intact', { rows: verification.rows })
            : t('audit.broken', { id: verification.firstBroken?.id, why: t(`audit.why.${verification.firstBroken?.reason ?? 'edited'}`) })}
        </p>
      )}
      <form
        className="panel form"
        data-testid="audit-filter"
        onSubmit={(e) => {
          e.preventDefault();
          const from = day(draft.from);
          const to = day(draft.to);
          if (from === null || to === null) return setError({ code: 'invalid_input', message: 'unreadable date', params: { reason: 'bad_date' } });
          setError(undefined);
          apply({ ...draft, from, to });
        }}
      >
        <label>
          {t('audit.caseRef')}
          <input name="caseRef" value={draft.caseRef} onChange={(e) => setDraft({ ...draft, caseRef: e.target.value })} />
        </label>
        <label>
          {t('audit.actor')}
          <input name="actor" value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} />
        </label>
        <label>
          {t('audit.from')}
          <input name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} placeholder={t('audit.datePlaceholder')} />
        </label>
        <label>
          {t('audit.to')}
          <input name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} placeholder={t('audit.datePlaceholder')} />
        </label>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              apply(EMPTY);
            }}
          >
            {t('audit.clear')}
          </button>
          <button type="submit" className="primary">
            {t('audit.filter')}
          </button>
        </div>
      </form>
      <ErrorNote error={first.error ?? error} />
      {first.data && entries.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {entries.length > 0 && (
        <table className="grid compact audit" data-testid="audit-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>{t('audit.when')}</th>
              <th>{t('audit.who')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.case')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-action={e.action} data-actor={e.actor}>
                <td className="num mono">{e.id}</td>
                <td>{fmt.format(new Date(e.at))}</td>
                <td>
                  {actorName(t, e.actor)} <span className="muted">({roleName(t, e.role)})</span>
                </td>
                <td>{actionName(t, e.action)}</td>
                <td>{e.caseId ? <a href={hrefOf({ screen: 'case', caseId: e.caseId })}>{e.caseReference ?? e.caseId}</a> : '–'}</td>
                <td className="small-text detail">{auditText(words, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? (
        <button type="button" onClick={() => void loadOlder()}>
          {t('audit.more')}
        </button>
      ) : null}
    </section>
  );
}
