import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDocument } from '../../shared/api/methods-extraction';
import type { ApiError } from '../../shared/api/result';
import type { Comparison } from '../../shared/domain/claims';
import { DOCUMENT_TYPES, type BBox, type DocumentType, type ExtractedField, type FieldValue } from '../../shared/domain/documents';
import { isListKey } from '../../shared/domain/lists';
import { useApi, useQuery } from '../api-context';
import { errorText } from '../i18n/index';
import type { PageRef } from './DocumentsPanel';
import { ErrorNote } from './ErrorNote';
import { ListEditor } from './ListEditor';
import { ProgramsEditor } from './ProgramsEditor';
import { useFillTarget } from '../field-fill';
import { EXTRACT_AGAIN, NEEDS_ME, NEXT_NEEDING, alt, useHotkey } from '../hotkeys';
import { focusNextNeeding } from '../field-focus';
import { dmy } from '../format';
import { fieldId, type PendingSave } from '../pending-saves';
import type { PendingSaves } from '../use-pending-saves';
import { typing } from './ShortcutsHelp';

export interface Evidence {
  page: PageRef;
  bbox: BBox | null;
  /** The document the evidence belongs to: its region is emphasised on a page several documents share. */
  documentId?: number;
}

/** A document picked on the page: its fields are brought into view and focused. `seq` makes picking the
 * same document again count as a new request. */
export interface DocumentPick {
  documentId: number;
  seq: number;
}

interface Props {
  caseId: number;
  onShow: (evidence: Evidence) => void;
  onChanged: () => void;
  /** The document whose fields the officer is working on (emphasised here and on the page). */
  selectedId: number | null;
  picked: DocumentPick | null;
  /** The case awaits a decision or is decided: fields are shown, not edited. */
  locked?: boolean;
  /** The case screen's saves: a value the database could not take stays here, marked, until it is stored. */
  saves: PendingSaves;
}

/** Pre-filled fields beside their evidence: the officer confirms or corrects each one. */
export function FieldsPanel({ caseId, onShow, onChanged, selectedId, picked, locked = false, saves }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const list = useQuery('extraction.list', { caseId });
  // The record's value beside each document value the checks compared with it.
  const checks = useQuery('checks.get', { caseId });
  const compared = new Map((checks.data?.comparisons ?? []).map((c) => [`${c.documentId}:${c.field}`, c]));
  const [error, setError] = useState<ApiError>();
  const [needsMe, setNeedsMe] = useNeedsMe();

  const after = (res: { ok: boolean; error?: ApiError }): void => {
    setError(res.ok ? undefined : res.error);
    list.reload();
    onChanged();
  };
  // A field's save answers its own refusal, shown beside the field (and the cell) it is about.
  // The officer's changes on this screen, latest last: Alt+Z (or the Undo button) takes back the last.
  // A value is listed when it is stored, at once or by a later try after the database could not take it.
  const [done, setDone] = useState<{ documentId: number; key: string }[]>([]);
  const { onStored } = saves;
  useEffect(() => onStored((documentId, key) => setDone((d) => [...d, { documentId, key }])), [onStored]);
  // Sent against the value the officer saw (`expected`), so a value another desk saved meanwhile is
  // never overwritten; one the database could not take is kept and marked (the case screen's queue).
  const saveField = async (documentId: number, key: string, value: FieldValue | null, expected: FieldValue | null): Promise<ApiError | undefined> => {
    const res = await saves.save(documentId, key, value, expected);
    return res === 'kept' || res === 'saved' ? undefined : res;
  };
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const el = refocus.current ? document.getElementById(refocus.current) : null;
    if (!el) return;
    refocus.current = null;
    el.focus();
  }, [list.data]);
  const undo = useCallback(async (): Promise<void> => {
    const last = done[done.length - 1];
    if (!last || locked) return;
    const res = await api.call('extraction.undoField', last);
    setDone((d) => d.slice(0, -1));
    setError(res.ok ? undefined : res.error);
    if (res.ok) {
      list.reload();
      onChanged();
      // Back to the field that was undone, to type it again or confirm it, once it is shown as it was.
      refocus.current = `f-${last.documentId}-${last.key}`;
    }
  }, [api, done, list, locked, onChanged]);
  useHotkey(UNDO, () => void undo(), !locked);
  useHotkey(EXTRACT_AGAIN, () => void api.call('extraction.run', { caseId }).then(after), !locked);
  const lastDone = done[done.length - 1];
  const lastLabel = lastDone ? t(`fields.${lastDone.key}`, { defaultValue: lastDone.key }) : '';

  const docs = list.data?.documents ?? [];
  return (
    <section className="panel" data-testid="fields-panel" data-state={list.state} data-locked={locked || undefined}>
      <div className="panel-head">
        <h2>{t('extraction.title')}</h2>
        <label className="check needs-me" title={t('extraction.needsMeHint')}>
          <input type="checkbox" checked={needsMe} onChange={(e) => setNeedsMe(e.target.checked)} name="needs-me" aria-keyshortcuts="Alt+M" />
          {t('extraction.needsMe')}
        </label>
        {!locked && lastDone && (
          <button
            type="button"
            onClick={() => void undo()}
            aria-keyshortcuts="Alt+Z"
            data-testid="undo-field"
            title={`${t('extraction.undo', { field: lastLabel })} (Alt+Z)`}
          >
            ↶ {t('extraction.undo', { field: lastLabel })}
          </button>
        )}
        {!locked && (
          <button type="button" onClick={() => void api.call('extraction.run', { caseId }).then(after)} aria-keyshortcuts="Alt+X">
            {t('extraction.run')}
          </button>
        )}
      </div>
      <ErrorNote error={list.error ?? error} />
      {docs.length > 0 && <FieldLegend />}
      {list.state === 'ready' && docs.length === 0 && <p className="muted">{t('extraction.empty')}</p>}
      {docs.map((doc) => (
        <DocumentFields
          // Keyed by id: a document found again in the same place keeps its id through re-extraction, so
          // a correction the officer is still typing survives; two documents on one page stay apart.
          key={doc.id}
          doc={doc}
          selected={doc.id === selectedId}
          picked={picked?.documentId === doc.id ? picked.seq : null}
          locked={locked}
          needsMe={needsMe}
          compared={(key) => compared.get(`${doc.id}:${key}`)}
          onShow={onShow}
          onType={(type) => void api.call('extraction.setType', { documentId: doc.id, type }).then(after)}
          onSave={(key, value) => saveField(doc.id, key, value, doc.fields[key]?.value ?? null)}
          saves={saves}
        />
      ))}
    </section>
  );
}

function DocumentFields(props: {
  doc: CaseDocument;
  selected: boolean;
  /** Set (to a new number each time) when the officer picked this document on the page. */
  picked: number | null;
  locked: boolean;
  /** Only the fields that need the officer are shown. */
  needsMe: boolean;
  /** The record's value a field was compared with, if it was. */
  compared: (key: string) => Comparison | undefined;
  onShow: (e: Evidence) => void;
  onType: (type: DocumentType) => void;
  onSave: (key: string, value: FieldValue | null) => Promise<ApiError | undefined>;
  saves: PendingSaves;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { doc, picked } = props;
  const firstPage = doc.pages[0] ?? 1;
  const self = useRef<HTMLElement>(null);
  useEffect(() => {
    if (picked === null) return;
    // Picked on the page: bring its fields into view and move focus there, so the keyboard follows.
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    self.current?.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    self.current?.focus({ preventScroll: true });
  }, [picked]);
  return (
    <article
      ref={self}
      tabIndex={-1}
      className={props.selected ? 'doc-fields selected' : 'doc-fields'}
      data-doc-type={doc.type}
      data-document-id={doc.id}
      data-selected={props.selected || undefined}
      aria-label={`${t(`docTypes.${doc.type}`)} · ${doc.fileName}`}
    >
      <header className="doc-head">
        <select value={doc.type} onChange={(e) => props.onType(e.target.value as DocumentType)} aria-label={t('extraction.type')} disabled={props.locked}>
          {DOCUMENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`docTypes.${type}`)}
            </option>
          ))}
        </select>
        <button type="button" className="link" onClick={() => props.onShow({ page: { fileId: doc.fileId, page: firstPage }, bbox: null, documentId: doc.id })}>
          {doc.fileName} · {t('extraction.pagesOf', { pages: doc.pages.join(', ') })}
        </button>
        <span className="badge subtle">{t('extraction.confidence', { pct: Math.round(doc.typeConfidence * 100) })}</span>
      </header>
      <div className="field-rows">
        {props.needsMe && !Object.entries(doc.fields).some(([key, f]) => needsOfficer(f, props.compared(key))) && (
          <p className="muted settled">{t('extraction.allSettled')}</p>
        )}
        {Object.entries(doc.fields)
          .filter(([key, field]) => !props.needsMe || needsOfficer(field, props.compared(key)))
          .map(([key, field]) => (
            <FieldRow
              key={`${key}:${JSON.stringify(field.value)}:${field.source ?? ''}`}
              id={`f-${doc.id}-${key}`}
              name={key}
              field={field}
              comparison={props.compared(key)}
              locked={props.locked}
              onShow={() => props.onShow({ page: { fileId: doc.fileId, page: field.page }, bbox: field.bbox, documentId: doc.id })}
              onSave={(v) => props.onSave(key, v)}
              pending={props.saves.pending.get(fieldId(doc.id, key))}
              onRetry={props.saves.retryNow}
              onKeepMine={() => props.saves.keepMine(fieldId(doc.id, key), field.value)}
              onDiscard={() => props.saves.discard(fieldId(doc.id, key))}
            />
          ))}
      </div>
    </article>
  );
}

/** The engine's reason codes are many and specific; officers see one of six plain categories. */
export function reasonCategory(reason: string): 'handwriting' | 'choice' | 'low_confidence' | 'missing' | 'unreadable' | 'invalid' {
  if (reason.includes('handwrit')) return 'handwriting';
  // A list of options with no box (or several boxes) plainly ticked, or printed with no mark at all.
  if (reason.startsWith('choice_') || reason.endsWith('_several')) return 'choice';
  if (reason === 'low_confidence') return 'low_confidence';
  if (reason === 'empty' || reason.endsWith('not_found') || reason.endsWith('_empty')) return 'missing';
  if (reason.endsWith('unreadable')) return 'unreadable';
  return 'invalid';
}

/** A field the officer still has to look at: keyed by no one, unsure, or empty, and not exactly the
 * participant record's value (which settles it, however unsure the reading was). */
export const needsOfficer = (field: ExtractedField, comparison?: Comparison): boolean =>
  field.source !== 'officer' && !comparison?.same && (field.needsKeying || field.value === null || field.confidence < 0.8);

/** How sure the reading is, in three bands; the colour of its badge. */
export const confidenceBand = (confidence: number): 'high' | 'mid' | 'low' => (confidence >= 0.9 ? 'high' : confidence >= 0.8 ? 'mid' : 'low');

/** What the colours of a field mean. */
function FieldLegend(): React.JSX.Element {
  const { t } = useTranslation();
  const keys = ['record', 'high', 'mid', 'low', 'keying', 'confirmed'] as const;
  return (
    <ul className="field-legend" aria-label={t('extraction.legend.title')}>
      {keys.map((k) => (
        <li key={k}>
          <span className={`swatch swatch-${k}`} aria-hidden="true" />
          {t(`extraction.legend.${k}`)}
        </li>
      ))}
    </ul>
  );
}

const NEEDS_ME_KEY = 'claimdesk.needsMe';

/** Alt+Z anywhere; Ctrl+Z (⌘Z) too outside a text field, where it is the field's own undo. */
const UNDO = (e: KeyboardEvent): boolean => alt('KeyZ')(e) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyZ' && !typing(e.target));

/** "Only what needs me", remembered on this desk; Alt+M switches it from anywhere on the case screen. */
function useNeedsMe(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => window.localStorage.getItem(NEEDS_ME_KEY) === '1');
  useEffect(() => window.localStorage.setItem(NEEDS_ME_KEY, on ? '1' : '0'), [on]);
  useHotkey(NEEDS_ME, () =>
    setOn((v) => {
      // Switched on from the keyboard: straight to the first field that needs the officer.
      if (!v) window.requestAnimationFrame(() => focusNextNeeding(null));
      return !v;
    }),
  );
  useHotkey(NEXT_NEEDING, () => focusNextNeeding(document.activeElement instanceof HTMLElement ? document.activeElement : null, true));
  return [on, setOn];
}

/** A value as typed in its input: dates as dd-mm-yyyy (the back end reads them as printed ones). */
const asText = (v: FieldValue | null): string => (v === null ? '' : Array.isArray(v) ? '' : typeof v === 'string' ? dmy(v) : String(v));

interface RowProps {
  /** Unique on the screen: two documents on one page have the same keys on the same page. */
  id: string;
  name: string;
  field: ExtractedField;
  comparison: Comparison | undefined;
  locked: boolean;
  onShow: () => void;
  onSave: (v: FieldValue | null) => Promise<ApiError | undefined>;
  /** The officer's value for this field that is not stored yet, if there is one. */
  pending: PendingSave | undefined;
  onRetry: () => void;
  onKeepMine: () => void;
  onDiscard: () => void;
}

function FieldRow({ id, name, field, comparison, locked, onShow, onSave, pending, onRetry, onKeepMine, onDiscard }: RowProps): React.JSX.Element {
  const { t } = useTranslation();
  // A value not stored yet stays what the field shows, whatever the store holds (shown beside it on a conflict).
  const [draft, setDraft] = useState(asText(pending ? pending.value : field.value));
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const saving = sending || pending?.state === 'saving';
  /** Not stored, and not on its way: marked as such beside the field. */
  const held = pending && pending.state !== 'saving' ? pending : undefined;
  const heldId = `${id}-unsaved`;
  // Lists and program codes have editors of their own; everything else is one text input.
  const editor = isListKey(name) ? 'list' : name === 'program' ? 'programs' : 'text';
  // Their editors show the officer's value not stored yet, too.
  const shown: ExtractedField = pending && editor !== 'text' ? { ...field, value: pending.value } : field;
  const dirty = editor === 'text' && draft !== asText(field.value);
  const discard = (): void => {
    onDiscard();
    setDraft(asText(field.value));
  };
  const save = (value: FieldValue | null): void => {
    setSending(true);
    void onSave(value).then((e) => {
      setError(e);
      setSending(false);
    });
  };
  const saveDraft = (): void => save(typeof field.value === 'number' ? Number(draft.replace(/\D/g, '')) : draft.trim() === '' ? null : draft.trim());
  // A word clicked on the page replaces the draft (Shift adds it after what is there).
  const fillTarget = useFillTarget((text, add) => setDraft((d) => (add && d.trim() ? `${d.trimEnd()} ${text}` : text)));
  // A value on its way is not shown as confirmed before the store has it (the stored one may be another desk's).
  const state = held
    ? held.state === 'waiting'
      ? 'unsaved'
      : held.state
    : pending
      ? 'saving'
      : field.source === 'officer'
        ? 'confirmed'
        : comparison?.same
          ? 'record'
          : field.needsKeying
            ? 'keying'
            : field.confidence < 0.8
              ? 'unsure'
              : 'ok';
  const band = confidenceBand(field.confidence);
  const labelId = `${id}-label`;
  const label = t(`fields.${name}`, { defaultValue: name });
  return (
    <div
      className={`field-row field-${state}${editor === 'list' ? ' field-list' : ''}`}
      data-field={name}
      data-field-state={state}
      data-needs={needsOfficer(field, comparison) || undefined}
      aria-busy={saving || undefined}
    >
      {editor === 'text' ? (
        <label htmlFor={id} id={labelId} className="field-label">
          {label}
        </label>
      ) : (
        <span id={labelId} className="field-label">
          {label}
        </span>
      )}
      {editor === 'list' && isListKey(name) ? (
        <fieldset className="plain" disabled={locked}>
          <ListEditor name={name} field={shown} onSave={onSave} onShow={onShow} labelId={labelId} />
        </fieldset>
      ) : editor === 'programs' ? (
        <fieldset className="plain" disabled={locked}>
          <ProgramsEditor field={shown} onSave={onSave} onShow={onShow} labelId={labelId} />
        </fieldset>
      ) : (
        <input
          id={id}
          readOnly={locked}
          value={draft}
          onFocus={() => {
            onShow();
            fillTarget.onFocus();
          }}
          onBlur={fillTarget.onBlur}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (locked) return;
            if (e.key === 'Enter') {
              // Enter keeps what is typed (or confirms the value as read) and moves on to the next field
              // that needs the officer.
              if (dirty) saveDraft();
              else if (field.source !== 'officer' && field.value !== null) save(field.value);
              focusNextNeeding(e.currentTarget);
            }
            // Escape: back to the stored value, giving up one not saved.
            if (e.key === 'Escape') discard();
          }}
          placeholder={field.needsKeying ? t('extraction.needsKeying') : ''}
          className={field.needsKeying ? 'needs-keying' : undefined}
          aria-invalid={error || held ? true : undefined}
          aria-describedby={held ? heldId : undefined}
        />
      )}
      <span className="field-meta">
        {saving ? (
          <span className="badge subtle" role="status">
            {t('extraction.saving')}
          </span>
        ) : held ? (
          <span className="badge unsaved" data-testid="unsaved-badge">
            <span aria-hidden="true">⚠ </span>
            {t('extraction.unsaved.badge')}
          </span>
        ) : field.source === 'officer' ? (
          <span className="badge ok">{t('extraction.confirmed')}</span>
        ) : field.needsKeying ? (
          <span className="badge poor" title={field.reason}>
            {field.reason ? t(`extraction.reasons.${reasonCategory(field.reason)}`) : t('extraction.needsKeying')}
          </span>
        ) : (
          <span className={`badge conf-${band}`} title={t(`extraction.band.${band}`, { pct: Math.round(field.confidence * 100) })} data-band={band}>
            {Math.round(field.confidence * 100)}%
          </span>
        )}
        <button type="button" className="link" onClick={onShow} title={t('extraction.showOnPage', { page: field.page })}>
          {t('extraction.pagesOf', { pages: field.page })}
        </button>
        {locked || (held && draft === asText(held.value)) ? null : dirty ? (
          <button type="button" className="primary small" onClick={saveDraft}>
            {t('extraction.save')}
          </button>
        ) : (
          // Lists and programs confirm from their own editors, beside their Save.
          editor === 'text' &&
          field.source !== 'officer' &&
          field.value !== null && (
            <button type="button" className="small" onClick={() => save(field.value)}>
              ✓ {t('extraction.confirm')}
            </button>
          )
        )}
      </span>
      {comparison && (
        <div className={`record-value record-${comparison.same ? 'same' : comparison.agrees ? 'agrees' : 'differs'}`} data-testid="record-value">
          {t('extraction.record', { value: dmy(comparison.recordValue) })}{' '}
          <span className="record-verdict">{t(`extraction.recordVerdict.${comparison.same ? 'same' : comparison.agrees ? 'agrees' : 'differs'}`)}</span>
        </div>
      )}
      {held && <Unsaved id={heldId} save={held} stored={field.value} onRetry={onRetry} onKeepMine={onKeepMine} onDiscard={discard} />}
      {editor === 'text' && error && (
        <div className="field-error">
          <ErrorNote error={error} />
        </div>
      )}
    </div>
  );
}

/** Beside a field whose value is not stored: why, and what the officer can do about it. */
function Unsaved(props: {
  id: string;
  save: PendingSave;
  stored: FieldValue | null;
  onRetry: () => void;
  onKeepMine: () => void;
  onDiscard: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { save } = props;
  return (
    <div className={`unsaved-note unsaved-${save.state}`} data-testid="field-unsaved" data-pending={save.state}>
      <p id={props.id}>
        {save.state === 'conflict'
          ? t('extraction.unsaved.conflict', { value: asText(props.stored) || '–' })
          : save.state === 'refused' && save.error
            ? `${t('extraction.unsaved.refused')} ${errorText(save.error)}`
            : save.error?.code === 'database_busy'
              ? t('extraction.unsaved.busy')
              : t('extraction.unsaved.waiting')}
      </p>
      <div className="row">
        {save.state === 'waiting' && (
          <button type="button" className="small" onClick={props.onRetry} data-testid="save-again">
            {t('extraction.unsaved.retry')}
          </button>
        )}
        {save.state === 'conflict' && (
          <button type="button" className="small" onClick={props.onKeepMine} data-testid="keep-mine">
            {t('extraction.unsaved.keepMine')}
          </button>
        )}
        {save.state !== 'waiting' && (
          <button type="button" className="small" onClick={props.onDiscard} data-testid="use-stored">
            {t('extraction.unsaved.useStored')}
          </button>
        )}
      </div>
    </div>
  );
}
