// The officer's submit (with a note, and where the case will go), the supervisor's reopen of a decided
// case (with a reason), the case's state in one sentence, and its history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ParticipantLetterButton } from './ParticipantLetter';
import type { CaseDetail } from '../../shared/api/methods-cases';
import type { ApiError, Result } from '../../shared/api/result';
import { canReopen, canSubmit, isDecided, routeOnSubmit } from '../../shared/domain/workflow';
import { useApi, useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { actionName, actorName, auditText, roleName, useAuditWords } from '../audit-text';
import { missingLabel, useDateTimeFormat } from '../format';
import { ErrorNote } from './ErrorNote';

/** Where the case stands: returned with what to fix, awaiting a decision, or decided and frozen. */
export function CaseBanner({ detail }: { detail: CaseDetail }): React.JSX.Element | null {
  const { t } = useTranslation();
  const fmt = useDateTimeFormat();
  const d = detail.lastDecision;
  if (detail.status === 'awaiting_supervisor') {
    return (
      <p className="notice" data-testid="case-banner" data-kind="awaiting">
        {t('caseState.awaiting')}
      </p>
    );
  }
  if (isDecided(detail.status) && d) {
    return (
      <div className="notice frozen" data-testid="case-banner" data-kind="frozen">
        <p>{t('caseState.frozen', { status: t(`status.${detail.status}`).toLowerCase(), who: d.decidedBy, when: fmt.format(new Date(d.decidedAt)) })}</p>
        <p className="muted">
          “{d.note}”{d.reasonCode ? ` · ${t(`review.reasons.${d.reasonCode as 'other'}`)}` : ''}
        </p>
      </div>
    );
  }
  if (detail.status === 'returned' && d && (d.kind === 'return' || d.kind === 'reopen')) {
    return (
      <div className="notice returned" data-testid="case-banner" data-kind="returned">
        <p>{t(d.kind === 'return' ? 'caseState.returned' : 'caseState.reopened', { who: d.decidedBy, note: d.note })}</p>
        {d.items.length > 0 && (
          <>
            <p>{t('caseState.itemsToFix')}</p>
            <ul data-testid="items-to-fix">
              {d.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        )}
        {/* What the participant must bring now, in a letter for them. */}
        <div className="row">
          <ParticipantLetterButton caseId={detail.id} reference={detail.reference} primary />
        </div>
      </div>
    );
  }
  return null;
}

export function CaseActions({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { user } = useAuth();
  const fmt = useDateTimeFormat();
  const words = useAuditWords();
  const submits = hasRole(user, 'officer', 'supervisor') && canSubmit(detail.status);
  const reopens = hasRole(user, 'supervisor') && canReopen(detail.status);
  return (
    <section className="panel" data-testid="case-actions">
      {/* Without a form here (a supervisor's review has its own), the panel is the case's history. */}
      <h2>{t(submits || reopens ? 'actions.title' : 'actions.history')}</h2>
      {submits && <SubmitForm detail={detail} onChanged={onChanged} />}
      {reopens && <ReopenForm detail={detail} onChanged={onChanged} />}
      {detail.workedBy.length > 0 && (
        <p className="muted small-text" data-testid="worked-by">
          {t('caseState.workedBy')}: {detail.workedBy.join(', ')}
        </p>
      )}
      {detail.history.length > 0 && (
        <>
          {(submits || reopens) && <h3>{t('actions.history')}</h3>}
          <ol className="history">
            {detail.history.map((h, i) => {
              const text = auditText(words, h);
              return (
                <li key={i} data-action={h.action}>
                  <span className="muted">{fmt.format(new Date(h.at))}</span> · {actorName(t, h.actor)} ({roleName(t, h.role)}) · {actionName(t, h.action)}
                  {text ? `: ${text}` : ''}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

/** A form around one piece of text sent with a case action: shows the refusal, clears itself when done. */
function NoteForm(p: {
  testId: string;
  label: string;
  required: boolean;
  send: (text: string) => Promise<Result<unknown>>;
  onChanged: () => void;
  button: React.ReactNode;
  textareaTestId?: string;
  children?: React.ReactNode;
}): React.JSX.Element {
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError>();
  const send = async (): Promise<void> => {
    const res = await p.send(text.trim());
    if (!res.ok) return setError(res.error);
    setError(undefined);
    setText('');
    p.onChanged();
  };
  return (
    <form
      className="decision"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      data-testid={p.testId}
    >
      <label>
        {p.label}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} required={p.required} maxLength={2000} data-testid={p.textareaTestId} />
      </label>
      {p.children}
      <ErrorNote error={error} />
      <div className="row">{p.button}</div>
    </form>
  );
}

/** The officer's submit, with a note for the supervisor and where the case will go. */
function SubmitForm({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const checks = useQuery('checks.get', { caseId: detail.id });
  const settings = useQuery('settings.get', {});
  const policy = settings.data?.review.autoApprove[detail.claimType] ?? false;
  const route = checks.data ? routeOnSubmit(checks.data.flags, policy) : null;
  return (
    <NoteForm
      testId="submit-form"
      textareaTestId="submit-note"
      label={t('submit.note')}
      required={false}
      send={(note) => api.call('cases.submit', { caseId: detail.id, version: detail.version, note })}
      onChanged={onChanged}
      button={
        <button type="submit" className="primary" data-testid="submit-case">
          {t('submit.send')}
        </button>
      }
    >
      {route && (
        <div className="muted" data-testid="submit-route" data-to={route.to}>
          {route.to === 'approved' ? (
            <p>{t('submit.routeClean')}</p>
          ) : (
            <>
              <p>{t('submit.routeSupervisor', { blockers: route.blockers, warnings: route.warnings })}</p>
              {route.unjudged.length > 0 && <p>{t('submit.routeUnjudged', { values: route.unjudged.map((m) => missingLabel(t, m)).join(', ') })}</p>}
              {!route.autoApproveAllowed && <p>{t('submit.routePolicy', { claimType: detail.claimType })}</p>}
            </>
          )}
        </div>
      )}
    </NoteForm>
  );
}

/** A supervisor's way back from a decision: to the officer, with the reason. */
function ReopenForm({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <>
      <p className="muted">{t('caseState.reopenHint')}</p>
      <NoteForm
        testId="reopen-form"
        label={t('caseState.reopenReason')}
        required
        send={(reason) => api.call('cases.reopen', { caseId: detail.id, version: detail.version, reason })}
        onChanged={onChanged}
        button={
          <button type="submit" className="danger">
            {t('caseState.reopen')}
          </button>
        }
      />
    </>
  );
}
