import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { Flag } from '../../shared/domain/claims';
import { useApi, useEvents, useQuery } from '../api-context';
import { ErrorNote } from './ErrorNote';
import type { Evidence } from './FieldsPanel';
import { FactsForm } from './FactsForm';

const SEVERITY_ORDER = { blocker: 0, warning: 1, info: 2 } as const;

const show = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Every mismatch with its reason and evidence, the officer's stated facts, and the document checklist. */
export function FlagsPanel({ caseId, onShow }: { caseId: number; onShow: (e: Evidence) => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const checks = useQuery('checks.get', { caseId }, String(caseId));
  const docs = useQuery('extraction.list', { caseId }, `flags-docs-${caseId}`);
  const [error, setError] = useState<ApiError>();
  useEvents((e) => {
    if (e.name === 'case.changed' && (e.payload as { caseId: number }).caseId === caseId) {
      checks.reload();
      docs.reload();
    }
  });

  const rerun = async (facts?: Record<string, boolean | number | null>): Promise<void> => {
    const res = await api.call('checks.run', { caseId, ...(facts ? { facts } : {}) });
    setError(res.ok ? undefined : res.error);
    checks.reload();
  };

  const fileOf = (documentId: string | undefined): number | undefined => docs.data?.documents.find((d) => String(d.id) === documentId)?.fileId;
  const flags = [...(checks.data?.flags ?? [])].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const lang = i18n.language === 'en' ? 'en' : 'id';

  return (
    <section className="panel" data-testid="flags-panel" data-state={checks.state}>
      <div className="panel-head">
        <h2>{t('flags.title')}</h2>
        <button type="button" onClick={() => void rerun()}>
          {t('flags.run')}
        </button>
      </div>
      <ErrorNote error={checks.error ?? error} />
      <FactsForm caseId={caseId} onChange={rerun} />
      {checks.data && !checks.data.checkedAt && <p className="muted">{t('flags.notChecked')}</p>}
      {checks.data?.checkedAt && flags.length === 0 && <p className="ok-note">{t('flags.none')}</p>}
      <ul className="flags">
        {flags.map((f, i) => (
          <FlagItem key={`${f.rule}-${i}`} flag={f} lang={lang} fileId={fileOf(f.evidence.document?.documentId)} onShow={onShow} />
        ))}
      </ul>
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

function FlagItem({ flag, lang, fileId, onShow }: { flag: Flag; lang: 'id' | 'en'; fileId: number | undefined; onShow: (e: Evidence) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const doc = flag.evidence.document;
  const canShow = doc?.page !== undefined && fileId !== undefined;
  return (
    <li className={`flag flag-${flag.severity}`} data-rule={flag.rule} data-severity={flag.severity}>
      <div className="flag-head">
        <span className={`badge sev-${flag.severity}`}>{t(`flags.severity.${flag.severity}`)}</span>
        <span className="flag-message">{flag.message[lang]}</span>
      </div>
      <div className="flag-evidence">
        {doc && (
          <span>
            {t('flags.document')}: {doc.documentType ? t(`docTypes.${doc.documentType}`) : '–'}
            {doc.field ? ` · ${t(`fields.${doc.field}`, { defaultValue: doc.field })}` : ''} = <strong className="mono">{show(doc.value)}</strong>
            {canShow && (
              <button type="button" className="link" onClick={() => onShow({ page: { fileId, page: doc.page! }, bbox: doc.bbox ?? null, ...(doc.documentId ? { documentId: Number(doc.documentId) } : {}) })}>
                {t('extraction.pagesOf', { pages: doc.page })}
              </button>
            )}
          </span>
        )}
        {flag.evidence.record && (
          <span>
            {t('flags.record')}: {t(`fields.${flag.evidence.record.field}`, { defaultValue: flag.evidence.record.field })} ={' '}
            <strong className="mono">{show(flag.evidence.record.value)}</strong>
          </span>
        )}
        {flag.evidence.missing?.length ? <span className="muted">{t('flags.missing', { values: flag.evidence.missing.join(', ') })}</span> : null}
      </div>
    </li>
  );
}
