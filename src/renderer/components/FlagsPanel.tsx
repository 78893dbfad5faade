import i18next, { type TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_AGAIN, useHotkey } from '../hotkeys';
import type { ReviewFlag } from '../../shared/api/methods-review';
import type { ApiError } from '../../shared/api/result';
import { useApi, useQuery } from '../api-context';
import { dmyInText, missingLabel } from '../format';
import { flagText } from '../flag-text';
import { ErrorNote } from './ErrorNote';
import type { Evidence } from './FieldsPanel';
import { FactsForm } from './FactsForm';

const SEVERITY_ORDER = { blocker: 0, warning: 1, info: 2 } as const;

/** A value as evidence: dates as dd-mm-yyyy, a list entry as its columns' labels and values. */
export function showValue(v: unknown, t?: TFunction): string {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v)) return v.map((x) => showValue(x, t)).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${t && i18next.exists(`fields.${k}`) ? t(`fields.${k}`) : k}: ${showValue(x, t)}`)
      .join(', ');
  }
  return dmyInText(String(v));
}

export const sortFlags = <F extends { severity: keyof typeof SEVERITY_ORDER }>(flags: readonly F[]): F[] =>
  [...flags].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

/** Every mismatch with its reason and evidence, the officer's stated facts, and the document checklist. */
export function FlagsPanel({ caseId, onShow, locked = false }: { caseId: number; onShow: (e: Evidence) => void; locked?: boolean }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const checks = useQuery('checks.get', { caseId });
  const docs = useQuery('extraction.list', { caseId });
  const [error, setError] = useState<ApiError>();
  const rerun = async (facts?: Record<string, boolean | number | null>): Promise<void> => {
    const res = await api.call('checks.run', { caseId, ...(facts ? { facts } : {}) });
    setError(res.ok ? undefined : res.error);
    checks.reload();
  };
  const dismiss = async (flagKey: string, reason: string): Promise<ApiError | undefined> => {
    const res = await api.call('flags.dismiss', { caseId, flagKey, reason });
    checks.reload();
    return res.ok ? undefined : res.error;
  };

  useHotkey(CHECK_AGAIN, () => void rerun(), !locked);

  const fileOf = (documentId: string | undefined): number | undefined => docs.data?.documents.find((d) => String(d.id) === documentId)?.fileId;
  const flags = sortFlags(checks.data?.flags ?? []);
  const lang = i18n.language === 'en' ? 'en' : 'id';

  return (
    <section className="panel" data-testid="flags-panel" data-state={checks.state}>
      <div className="panel-head">
        <h2>{t('flags.title')}</h2>
        {!locked && (
          <button type="button" onClick={() => void rerun()} aria-keyshortcuts="Alt+K">
            {t('flags.run')}
          </button>
        )}
      </div>
      <ErrorNote error={checks.error ?? error} />
      <FactsForm caseId={caseId} onChange={rerun} locked={locked} />
      {checks.data && !checks.data.checkedAt && <p className="muted">{t('flags.notChecked')}</p>}
      {checks.data?.checkedAt && flags.length === 0 && <p className="ok-note">{t('flags.none')}</p>}
      <ul className="flags">
        {flags
          .filter((f) => f.severity !== 'info')
          .map((f) => (
            <FlagItem
              key={f.key}
              flag={f}
              lang={lang}
              fileId={fileOf(f.evidence.document?.documentId)}
              onShow={onShow}
              onDismiss={!locked && f.severity === 'warning' && !f.dismissal ? (reason) => dismiss(f.key, reason) : undefined}
            />
          ))}
      </ul>
      <InfoFlags flags={flags} lang={lang} />
      {checks.data && checks.data.checklist.length > 0 && (
        <>
          <h3>{t('flags.checklist')}</h3>
          <table className="grid compact" data-testid="checklist">
            <tbody>
              {checks.data.checklist.map((c) => (
                <tr key={c.type} className={c.required && !c.present ? 'missing' : undefined}>
                  <td>{t(`docTypes.${c.type}`)}</td>
                  <td>{c.required ? t('flags.required') : t('flags.optional')}</td>
                  <td>{c.present ? `✓ ${t('flags.present')}` : `✗ ${t('flags.absent')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Info findings (mostly checks that could not run yet) folded into one line, opened on demand. */
export function InfoFlags({ flags, lang }: { flags: readonly ReviewFlag[]; lang: 'id' | 'en' }): React.JSX.Element | null {
  const { t } = useTranslation();
  const info = flags.filter((f) => f.severity === 'info');
  if (info.length === 0) return null;
  return (
    <details className="flags-info" data-testid="info-flags">
      <summary>
        <span className="badge sev-info">{t('flags.severity.info')}</span> {t('rules.infoSummary', { count: info.length })}
      </summary>
      <ul>
        {info.map((f) => (
          <li key={f.key} data-rule={f.rule} data-severity="info">
            {flagText(t, lang, f)}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface FlagItemProps {
  flag: ReviewFlag;
  lang: 'id' | 'en';
  fileId: number | undefined;
  onShow: (e: Evidence) => void;
  /** Offered on a warning the officer may set aside, with a reason. */
  onDismiss?: ((reason: string) => Promise<ApiError | undefined>) | undefined;
  /** Extra controls (the supervisor's acknowledgement). */
  children?: React.ReactNode;
}

export function FlagItem({ flag, lang, fileId, onShow, onDismiss, children }: FlagItemProps): React.JSX.Element {
  const { t } = useTranslation();
  const doc = flag.evidence.document;
  const canShow = doc?.page !== undefined && fileId !== undefined;
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  return (
    <li
      // F8 brings a flag into focus (next-flag.ts).
      tabIndex={-1}
      className={`flag flag-${flag.severity}${flag.dismissal ? ' dismissed' : ''}`}
      data-rule={flag.rule}
      data-severity={flag.severity}
      data-dismissed={flag.dismissal ? 'true' : undefined}
    >
      <div className="flag-head">
        <span className={`badge sev-${flag.severity}`}>{t(`flags.severity.${flag.severity}`)}</span>
        <span className="flag-message">{flagText(t, lang, flag)}</span>
      </div>
      <div className="flag-evidence">
        {doc && (
          <span>
            {t('flags.document')}: {doc.documentType ? t(`docTypes.${doc.documentType}`) : '–'}
            {doc.field ? ` · ${t(`fields.${doc.field}`, { defaultValue: doc.field })}` : ''} = <strong className="mono">{showValue(doc.value, t)}</strong>
            {canShow && (
              <button
                type="button"
                className="link"
                data-testid="show-evidence"
                onClick={() =>
                  onShow({ page: { fileId, page: doc.page! }, bbox: doc.bbox ?? null, ...(doc.documentId ? { documentId: Number(doc.documentId) } : {}) })
                }
              >
                {t('extraction.pagesOf', { pages: doc.page })}
              </button>
            )}
          </span>
        )}
        {flag.evidence.record && (
          <span>
            {t('flags.record')}: {t(`fields.${flag.evidence.record.field}`, { defaultValue: flag.evidence.record.field })} ={' '}
            <strong className="mono">{showValue(flag.evidence.record.value, t)}</strong>
          </span>
        )}
        {flag.evidence.missing?.length ? (
          <span className="muted">{t('flags.missing', { values: flag.evidence.missing.map((m) => missingLabel(t, m)).join(', ') })}</span>
        ) : null}
        {flag.dismissal && (
          <span className="dismissal" data-testid="dismissal">
            {t('flags.dismissed', { who: flag.dismissal.by, reason: flag.dismissal.reason })}
          </span>
        )}
      </div>
      {children}
      {onDismiss &&
        (dismissing ? (
          <form
            className="dismiss-form"
            onSubmit={(e) => {
              e.preventDefault();
              void onDismiss(reason.trim()).then((err) => {
                setError(err);
                if (!err) setDismissing(false);
              });
            }}
          >
            <label>
              {t('flags.dismissReason')}
              <textarea
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                required
                minLength={3}
                maxLength={1000}
                data-testid="dismiss-reason"
              />
            </label>
            <ErrorNote error={error} />
            <div className="row">
              <button type="submit" className="small primary" disabled={reason.trim().length < 3}>
                {t('flags.dismissSave')}
              </button>
              <button type="button" className="small" onClick={() => setDismissing(false)}>
                {t('flags.dismissCancel')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="small" onClick={() => setDismissing(true)} data-testid="dismiss-flag">
            {t('flags.dismiss')}
          </button>
        ))}
    </li>
  );
}
