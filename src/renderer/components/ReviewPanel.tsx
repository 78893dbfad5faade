// What a supervisor needs to decide a case: each finding with its evidence on the page, the checks that
// could not run, every officer correction beside the value OCR read, the officer's note; then a decision
// that always carries a note, acknowledges every blocker to approve, names a reason to reject, and lists
// what to fix to return. Whoever worked on the case sees all of it but cannot decide (four-eyes).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../shared/api/methods-cases';
import type { Correction } from '../../shared/api/methods-review';
import type { ApiError } from '../../shared/api/result';
import { REJECT_REASONS, RETURN_REASONS, type Decision, type RejectReason, type ReturnReason } from '../../shared/domain/workflow';
import { useApi, useQuery } from '../api-context';
import { missingLabel, useDateTimeFormat } from '../format';
import { ErrorNote } from './ErrorNote';
import type { Evidence } from './FieldsPanel';
import { FlagItem, InfoFlags, showValue, sortFlags } from './FlagsPanel';
import { flagText } from '../flag-text';

interface Props {
  detail: CaseDetail;
  onShow: (e: Evidence) => void;
  onDecided: () => void;
}

export function ReviewPanel({ detail, onShow, onDecided }: Props): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useDateTimeFormat();
  const review = useQuery('cases.review', { caseId: detail.id });
  const docs = useQuery('extraction.list', { caseId: detail.id });
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const [reasonCode, setReasonCode] = useState<RejectReason | ''>('');
  const [items, setItems] = useState('');
  const [returnReason, setReturnReason] = useState<ReturnReason | ''>('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const r = review.data;
  const flags = sortFlags(r?.flags ?? []);
  const blockers = flags.filter((f) => f.severity === 'blocker');
  const fileOf = (documentId: string | undefined): number | undefined => docs.data?.documents.find((d) => String(d.id) === documentId)?.fileId;
  const mayDecide = detail.you.mayDecide;

  const decide = async (decision: Decision): Promise<void> => {
    setBusy(true);
    const res = await api.call('cases.decide', {
      caseId: detail.id,
      version: detail.version,
      decision,
      note: note.trim(),
      ...(decision === 'reject' && reasonCode ? { reasonCode } : {}),
      ...(decision === 'return' && returnReason ? { returnReason } : {}),
      items:
        decision === 'return'
          ? items
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : [],
      acknowledged: [...acknowledged],
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(undefined);
    onDecided();
  };
  const toggle = (key: string, on: boolean): void =>
    setAcknowledged((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const addItem = (text: string): void => setItems((s) => (s.split('\n').includes(text) ? s : `${s.trim() ? `${s.trim()}\n` : ''}${text}`));

  return (
    <section className="panel review" data-testid="review-panel" data-state={review.state}>
      <h2>{t('review.title')}</h2>
      <ErrorNote error={review.error} />
      {r && (
        <>
          <div className="submission" data-testid="submission">
            {r.submission && <p className="muted">{t('review.submittedBy', { who: r.submission.by, when: fmt.format(new Date(r.submission.at)) })}</p>}
            <h3>{t('review.officerNote')}</h3>
            <blockquote className="officer-note" data-testid="officer-note">
              {r.submission?.note || <span className="muted">{t('review.noNote')}</span>}
            </blockquote>
          </div>

          <h3>{t('review.flagsTitle')}</h3>
          {flags.length === 0 && <p className="ok-note">{t('review.noFlags')}</p>}
          <ul className="flags">
            {flags
              .filter((f) => f.severity !== 'info')
              .map((f) => (
                <FlagItem key={f.key} flag={f} lang={lang} fileId={fileOf(f.evidence.document?.documentId)} onShow={onShow}>
                  <div className="row flag-actions">
                    {f.severity === 'blocker' && mayDecide && (
                      <label className="ack">
                        <input type="checkbox" checked={acknowledged.has(f.key)} onChange={(e) => toggle(f.key, e.target.checked)} data-testid="acknowledge" />
                        {t('review.acknowledge')}
                      </label>
                    )}
                    {mayDecide && f.severity !== 'info' && (
                      <button type="button" className="link" onClick={() => addItem(flagText(t, lang, f))}>
                        {t('review.addFlag')}
                      </button>
                    )}
                  </div>
                </FlagItem>
              ))}
          </ul>
          {/* Checks that could not run are listed below with what they lack; other info findings fold here. */}
          <InfoFlags flags={flags.filter((f) => !f.evidence.missing?.length)} lang={lang} />

          {r.unjudged.length > 0 && (
            <div className="unjudged" data-testid="unjudged">
              <h3>{t('review.unjudgedTitle')}</h3>
              <p className="muted">{t('review.unjudgedHint')}</p>
              <ul>
                {r.unjudged.map((m) => (
                  <li key={m} data-missing={m}>
                    {missingLabel(t, m)}
                  </li>
                ))}
              </ul>
            </div>
          )}

          <h3>{t('review.correctionsTitle')}</h3>
          <Corrections corrections={r.corrections} onShow={onShow} />

          {r.decisions.length > 0 && (
            <>
              <h3>{t('review.history')}</h3>
              <ul className="history">
                {r.decisions.map((d, i) => (
                  <li key={i}>
                    {t('review.decided', { kind: t(`review.kinds.${d.kind}`), who: d.decidedBy, when: fmt.format(new Date(d.decidedAt)) })}: “{d.note}”
                    {d.items.length > 0 && <span className="muted"> · {d.items.join('; ')}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}

      <h3>{t('review.decisionTitle')}</h3>
      {!mayDecide && (
        <p className="notice" data-testid="cannot-decide" data-why={detail.you.why ?? undefined}>
          {detail.you.why === 'four_eyes' ? t('review.fourEyes') : t('review.notSupervisor')}
        </p>
      )}
      {mayDecide && (
        <form className="decision" onSubmit={(e) => e.preventDefault()} data-testid="decision-form">
          {blockers.length > 0 && (
            <p className={acknowledged.size >= blockers.length ? 'ok-note' : 'muted'} data-testid="ack-count">
              {t('review.acknowledged', { done: blockers.filter((b) => acknowledged.has(b.key)).length, total: blockers.length })}
            </p>
          )}
          <label>
            {t('review.note')}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required maxLength={2000} data-testid="decision-note" />
          </label>
          <label>
            {t('review.returnReason')}
            <select value={returnReason} onChange={(e) => setReturnReason(e.target.value as ReturnReason | '')} data-testid="return-reason">
              <option value="">{t('review.chooseReason')}</option>
              {RETURN_REASONS.map((c) => (
                <option key={c} value={c}>
                  {t(`review.reasons.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('review.items')}
            <textarea value={items} onChange={(e) => setItems(e.target.value)} rows={3} data-testid="return-items" />
          </label>
          <label>
            {t('review.reasonCode')}
            <select value={reasonCode} onChange={(e) => setReasonCode(e.target.value as RejectReason | '')} data-testid="reject-reason">
              <option value="">{t('review.chooseReason')}</option>
              {REJECT_REASONS.map((c) => (
                <option key={c} value={c}>
                  {t(`review.reasons.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <ErrorNote error={error} />
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void decide('approve')} data-testid="approve">
              {t('review.approve')}
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('return')} data-testid="return">
              {t('review.return')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void decide('reject')} data-testid="reject">
              {t('review.reject')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Corrections({ corrections, onShow }: { corrections: Correction[]; onShow: (e: Evidence) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const fmt = useDateTimeFormat();
  if (corrections.length === 0) return <p className="muted">{t('review.noCorrections')}</p>;
  const label = (c: Correction): string => (c.field === '(type)' ? t('review.typeField') : t(`fields.${c.field}`, { defaultValue: c.field }));
  const value = (c: Correction, v: unknown): string =>
    c.field === '(type)' && typeof v === 'string' ? t(`docTypes.${v}`, { defaultValue: v }) : showValue(v, t);
  return (
    <table className="grid compact" data-testid="corrections">
      <thead>
        <tr>
          <th>{t('review.field')}</th>
          <th>{t('review.ocrValue')}</th>
          <th>{t('review.officerValue')}</th>
          <th>{t('review.by')}</th>
        </tr>
      </thead>
      <tbody>
        {corrections.map((c) => (
          <tr key={`${c.documentId}-${c.field}`} data-field={c.field}>
            <td>
              {t(`docTypes.${c.documentType}`, { defaultValue: c.documentType })} · {label(c)}
              {c.fileId !== null && c.page !== null && (
                <button
                  type="button"
                  className="link"
                  onClick={() => onShow({ page: { fileId: c.fileId!, page: c.page! }, bbox: c.bbox, documentId: c.documentId })}
                >
                  {t('extraction.pagesOf', { pages: c.page })}
                </button>
              )}
            </td>
            <td className="mono">{c.ocrValue === null ? <span className="muted">{t('review.notRead')}</span> : value(c, c.ocrValue)}</td>
            <td className="mono">
              <strong>{value(c, c.officerValue)}</strong>
              {c.note && <div className="muted small-text">“{c.note}”</div>}
            </td>
            <td className="small-text">
              {c.by}
              <div className="muted">{fmt.format(new Date(c.at))}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
