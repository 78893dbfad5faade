import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { CASE_STATUSES, CLAIM_TYPES, newCaseProblems, type CaseStatus, type ClaimType } from '../../shared/domain/claims';
import { isDecided } from '../../shared/domain/workflow';
import { useApi, useQuery } from '../api-context';
import { hasRole, useAuth } from '../auth';
import { CaseTable } from '../components/CaseTable';
import { ErrorNote } from '../components/ErrorNote';
import { ParticipantPicker, type PickedParticipant } from '../components/ParticipantPicker';
import { parseDmy, todayIso, useSettled } from '../format';
import { navigate } from '../router';

const PAGE = 50;

export function WorklistScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const { user } = useAuth();
  // Officers and supervisors open cases; administrators manage the system, not claims.
  const mayCreate = hasRole(user, 'officer', 'supervisor');
  const [creating, setCreating] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<CaseStatus | 'open' | ''>('open');
  const [claimType, setClaimType] = useState<ClaimType | ''>('');
  const [sort, setSort] = useState<'due' | 'updated'>('due');
  const [offset, setOffset] = useState(0);
  const query = useSettled(text.trim());
  const list = useQuery('cases.list', {
    ...(status === 'open' ? { status: OPEN_STATUSES } : status ? { status: [status] } : {}),
    ...(claimType ? { claimType: [claimType] } : {}),
    ...(query ? { query } : {}),
    sort,
    offset,
    limit: PAGE,
  });
  // A new filter starts at the first page.
  useEffect(() => setOffset(0), [query, status, claimType, sort]);
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
  const total = list.data?.total ?? 0;

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
      <div className="filters panel" role="search">
        <label>
          {t('worklist.search')}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('worklist.searchHint')} name="case-query" />
        </label>
        <Choice
          label={t('worklist.status')}
          name="status"
          value={status}
          onChange={setStatus}
          options={[['open', t('worklist.open')], ['', t('worklist.filterAll')], ...CASE_STATUSES.map((s) => [s, t(`status.${s}`)] as const)]}
        />
        <Choice
          label={t('worklist.claimType')}
          name="claim-type"
          value={claimType}
          onChange={setClaimType}
          options={[['', t('worklist.filterAll')], ...CLAIM_TYPES.map((c) => [c, t(`claimTypes.${c}`)] as const)]}
        />
        <Choice
          label={t('worklist.sort')}
          name="sort"
          value={sort}
          onChange={setSort}
          options={[
            ['due', t('worklist.sortDue')],
            ['updated', t('worklist.sortUpdated')],
          ]}
        />
      </div>
      <ErrorNote error={list.error} />
      {list.data &&
        (list.data.cases.length === 0 ? (
          <p className="muted">{query || claimType || status !== 'open' ? t('worklist.noneFound') : t('worklist.empty')}</p>
        ) : (
          <>
            <CaseTable cases={list.data.cases} />
            <nav className="pager" aria-label={t('worklist.pages')}>
              <span data-testid="case-count">{t('worklist.range', { from: offset + 1, to: offset + list.data.cases.length, total })}</span>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('worklist.previous')}
              </button>
              <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                {t('worklist.next')}
              </button>
            </nav>
          </>
        ))}
    </section>
  );
}

/** A labelled choice among fixed values (the worklist's filters). */
function Choice<V extends string>(props: {
  label: string;
  name: string;
  value: V;
  onChange: (v: V) => void;
  options: readonly (readonly [V, string])[];
}): React.JSX.Element {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as V)} name={props.name}>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Cases still being worked on: every status but the decided ones. */
const OPEN_STATUSES = CASE_STATUSES.filter((s) => !isDecided(s));

function NewCaseForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [claimType, setClaimType] = useState<ClaimType>('JKK');
  const [participant, setParticipant] = useState<PickedParticipant | null>(null);
  const [dateText, setDateText] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  // The incident is the accident for JKK and the death for JKM: the label says which date is meant.
  const dateLabel = t(`worklist.incidentDateOf.${claimType}`, { defaultValue: t('worklist.incidentDate') });

  const submit = async (): Promise<void> => {
    const incidentDate = parseDmy(dateText);
    if (incidentDate === null) return setError({ code: 'invalid_input', message: 'date', params: { reason: 'date_format' } });
    const [problem] = newCaseProblems({ claimType, incidentDate: incidentDate || undefined }, todayIso());
    if (problem) return setError({ code: 'invalid_input', message: problem.reason, params: { field: problem.field, reason: problem.reason } });
    setBusy(true);
    const res = await api.call('cases.create', {
      claimType,
      ...(participant ? { kpj: participant.nomor_kpj } : {}),
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
        <select
          value={claimType}
          onChange={(e) => {
            setClaimType(e.target.value as ClaimType);
            setError(undefined);
          }}
          autoFocus
        >
          {CLAIM_TYPES.map((c) => (
            <option key={c} value={c}>
              {t(`claimTypes.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field wide">
        <span className="label">{t('worklist.participant')}</span>
        <ParticipantPicker
          picked={participant}
          onPick={(p) => {
            setParticipant(p);
            setError(undefined);
            // Picked: on to the date (Enter there creates the case).
            if (p) setTimeout(() => dateInput.current?.focus(), 0);
          }}
        />
      </div>
      <label>
        {dateLabel}
        <input
          ref={dateInput}
          value={dateText}
          onChange={(e) => {
            setDateText(e.target.value);
            setError(undefined);
          }}
          name="incidentDate"
          placeholder={t('worklist.dateHint')}
          inputMode="numeric"
          aria-invalid={parseDmy(dateText) === null}
        />
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
