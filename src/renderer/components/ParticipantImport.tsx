import { useRef, useState } from 'react';
import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LineProblem } from '../../shared/api/methods-checks';
import { useDateTimeFormat } from '../format';
import type { ApiError } from '../../shared/api/result';
import { useApi, useQuery } from '../api-context';
import { ErrorNote } from './ErrorNote';

interface ImportOutcome {
  file: string;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { line: number; reason: string; problems?: LineProblem[] | undefined }[];
}

/** Settings: import the participant CSV and see who imported what, when. */
export function ParticipantImport({ onImported }: { onImported: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const history = useQuery('participants.importHistory', { limit: 20 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const input = useRef<HTMLInputElement>(null);
  const fmt = useDateTimeFormat();

  const run = async (file: File): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    try {
      // Streamed as is: the back end refuses a file that is not UTF-8 text, with its reason.
      const sent = await api.upload('participants', file);
      if (!sent.ok) {
        setError({ ...sent.error, params: { file: file.name, ...sent.error.params } });
        return;
      }
      const res = await api.call('participants.import', { upload: sent.value.upload, fileName: file.name });
      if (!res.ok) setError(res.error);
      else setOutcome({ file: file.name, ...res.value });
    } finally {
      setBusy(false);
      history.reload();
      onImported();
    }
  };

  return (
    <section className="panel" data-testid="participant-import" data-state={history.state}>
      <h2>{t('imports.title')}</h2>
      <p className="muted">{t('imports.hint')}</p>
      <button type="button" className="primary" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('imports.importing') : t('imports.choose')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="csv-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void run(f);
          e.target.value = '';
        }}
      />
      <ErrorNote error={error} />
      {outcome && (
        <div className="import-outcome" data-testid="import-outcome">
          <p className="ok-note">
            {t('imports.result', {
              file: outcome.file,
              inserted: outcome.inserted,
              updated: outcome.updated,
              unchanged: outcome.unchanged,
              errors: outcome.errors.length,
            })}
          </p>
          {outcome.errors.length > 0 && (
            <ul className="line-errors">
              {outcome.errors.slice(0, 100).map((e) => (
                <li key={e.line}>{t('imports.lineError', { line: e.line, reason: lineErrorText(t, e) })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{t('imports.history')}</h3>
      {history.data?.imports.length ? (
        <table className="grid compact">
          <thead>
            <tr>
              <th>{t('imports.when')}</th>
              <th>{t('imports.who')}</th>
              <th>{t('imports.file')}</th>
              <th>{t('imports.status')}</th>
              <th>{t('imports.counts')}</th>
            </tr>
          </thead>
          <tbody>
            {history.data.imports.map((h) => (
              <tr key={h.id}>
                <td>{fmt.format(new Date(h.finishedAt ?? h.startedAt))}</td>
                <td>{h.actor}</td>
                <td>{h.fileName}</td>
                <td data-testid="import-status" title={h.failure ? t('auditMore.importFailed') : undefined}>
                  {t(`imports.state.${h.status}`)}
                </td>
                <td className="mono">
                  {h.inserted} / {h.updated} / {h.unchanged} / {h.errorCount}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('imports.none')}</p>
      )}
    </section>
  );
}

/** A refused line in the reader's words: each problem by its code and column (the back end's English
 * only for a line without codes). */
export function lineErrorText(t: TFunction, e: { reason: string; problems?: LineProblem[] | undefined }): string {
  if (!e.problems?.length) return t('validation.badLine');
  const column = (c: string): string => (i18next.exists(`importColumns.${c}`) ? t(`importColumns.${c}`) : t('importColumns.other'));
  return e.problems
    .map((p) =>
      i18next.exists(`imports.problems.${p.code}`)
        ? t(`imports.problems.${p.code}`, { column: column(p.column), value: p.value ?? '', expected: p.expected ?? '' })
        : t('validation.badLine'),
    )
    .join('; ');
}
