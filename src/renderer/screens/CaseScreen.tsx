import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { useApi, useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { ParticipantPicker } from '../components/ParticipantPicker';
import { ParticipantLetterButton } from '../components/ParticipantLetter';
import { CaseActions, CaseBanner } from '../components/CaseActions';
import { DocumentsPanel, type PageRef } from '../components/DocumentsPanel';
import { ErrorNote } from '../components/ErrorNote';
import { FieldsPanel, type DocumentPick, type Evidence } from '../components/FieldsPanel';
import { FlagsPanel } from '../components/FlagsPanel';
import { PageViewer } from '../components/PageViewer';
import { ReviewPanel } from '../components/ReviewPanel';
import { hrefOf } from '../router';
import { dmy } from '../format';
import { FieldFillContext, useFieldFillHolder } from '../field-fill';
import { useNextFlagKey } from '../next-flag';
import { TO_DECISION, useHotkey } from '../hotkeys';
import { useLeaveGuard } from '../leave-guard';
import { unsaved } from '../pending-saves';
import { usePendingSaves } from '../use-pending-saves';
import { SaveStatus } from '../components/SaveStatus';

export function CaseScreen({ caseId }: { caseId: number | null }): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useQuery('cases.get', caseId ? { id: caseId } : null);
  const { user } = useAuth();
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [picked, setPicked] = useState<DocumentPick | null>(null);
  const fill = useFieldFillHolder();
  // The screen is keyed by its case (App.tsx): values not saved belong to this case, and this person, only.
  const saves = usePendingSaves(caseId ?? 0, user.id);
  const notSaved = unsaved(saves.pending);
  useLeaveGuard(notSaved ? t('saveStatus.leave', { count: notSaved }) : null);
  useNextFlagKey(caseId, setEvidence);
  // Alt+S: to the decision's note (then Tab to its button).
  useHotkey(TO_DECISION, () => {
    const note = document.querySelector<HTMLElement>('[data-testid="submit-note"], [data-testid="decision-note"]');
    note?.focus({ preventScroll: true });
    note?.scrollIntoView({ block: 'center' });
  });
  // A word clicked on the page goes into the field being edited, if one is.
  const onWord = (text: string, add: boolean): boolean => {
    if (!fill.current) return false;
    fill.current(text, add);
    return true;
  };
  const pageRef: PageRef | null = evidence?.page ?? null;
  const selectedId = evidence?.documentId ?? null;
  // A document picked on the page becomes the selected one, and its fields come into view.
  const pick = (documentId: number): void => {
    setEvidence((e) => (e ? { page: e.page, bbox: null, documentId } : e));
    setPicked((p) => ({ documentId, seq: (p?.seq ?? 0) + 1 }));
  };
  if (!caseId) {
    return (
      <section className="screen" data-screen="case" data-state="ready">
        <p className="muted">{t('caseScreen.none')}</p>
      </section>
    );
  }
  const c = detail.data;
  const locked = c ? !c.editable : true;
  const reviewing = c?.status === 'awaiting_supervisor';
  return (
    <section className="screen" data-screen="case" data-state={detail.state}>
      <a href={hrefOf({ screen: 'worklist' })} className="back-link">
        ← {t('caseScreen.back')}
      </a>
      <ErrorNote error={detail.error} />
      {c && (
        <>
          <div className="screen-head">
            <h1>{t('caseScreen.title', { reference: c.reference })}</h1>
            <span className={`badge case-${c.status}`} data-testid="case-status" data-status={c.status}>
              {t(`status.${c.status}`)}
            </span>
            {c.status !== 'returned' && hasRole(user, 'officer', 'supervisor') && <ParticipantLetterButton caseId={c.id} reference={c.reference} />}
          </div>
          <CaseBanner detail={c} />
          <SaveStatus saves={saves} />
          <dl className="facts panel">
            <div>
              <dt>{t('worklist.claimType')}</dt>
              <dd>{t(`claimTypes.${c.claimType}`)}</dd>
            </div>
            <div>
              <dt>{t('worklist.participant')}</dt>
              <dd>{c.participantName ? `${c.participantName} (${c.kpj ?? ''})` : <LinkParticipant caseId={c.id} editable={c.editable} />}</dd>
            </div>
            <div>
              <dt>{t(`worklist.incidentDateOf.${c.claimType}`, { defaultValue: t('worklist.incidentDate') })}</dt>
              <dd>{dmy(c.incidentDate)}</dd>
            </div>
            <div>
              <dt>{t('caseScreen.createdBy')}</dt>
              <dd>{c.createdBy}</dd>
            </div>
            <div>
              <dt>{t('caseScreen.notes')}</dt>
              <dd>{c.notes || '–'}</dd>
            </div>
          </dl>
          <FieldFillContext.Provider value={fill}>
            <div className="case-grid">
              <div className="case-left">
                {reviewing && <ReviewPanel detail={c} onShow={setEvidence} onDecided={detail.reload} />}
                <DocumentsPanel caseId={c.id} selected={pageRef} onSelect={(page) => setEvidence({ page, bbox: null })} locked={locked} />
                {!reviewing && <FlagsPanel caseId={c.id} onShow={setEvidence} locked={locked} />}
                <FieldsPanel
                  caseId={c.id}
                  onShow={setEvidence}
                  onChanged={detail.reload}
                  selectedId={selectedId}
                  picked={picked}
                  locked={locked}
                  saves={saves}
                />
              </div>
              <div className="case-right">
                {pageRef ? (
                  <PageViewer
                    pageRef={pageRef}
                    highlight={evidence?.bbox ?? null}
                    caseId={c.id}
                    selectedId={selectedId}
                    onPick={pick}
                    onPage={(page) => setEvidence({ page, bbox: null })}
                    onWord={onWord}
                  />
                ) : (
                  <p className="panel muted">{t('documents.pickPage')}</p>
                )}
              </div>
            </div>
          </FieldFillContext.Provider>
          <CaseActions detail={c} onChanged={detail.reload} />
        </>
      )}
    </section>
  );
}

/** A case opened before its participant was known: the officer finds and links them here. */
function LinkParticipant({ caseId, editable }: { caseId: number; editable: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!open || !editable || !hasRole(user, 'officer', 'supervisor')) {
    return (
      <span className="link-participant">
        {t('caseScreen.noParticipant')}{' '}
        {editable && hasRole(user, 'officer', 'supervisor') && (
          <button type="button" onClick={() => setOpen(true)} data-testid="link-participant">
            {t('picker.link')}
          </button>
        )}
      </span>
    );
  }
  return (
    <div className="link-participant" aria-label={t('picker.linkTitle')} role="group">
      <ParticipantPicker
        picked={null}
        autoFocus
        onPick={(p) => {
          if (!p) return;
          void api.call('cases.setParticipant', { caseId, kpj: p.nomor_kpj }).then((res) => {
            if (res.ok) setOpen(false);
            else setError(res.error);
          });
        }}
      />
      <ErrorNote error={error} />
    </div>
  );
}
