import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantRow } from '../../shared/api/methods-participants';
import { useQuery } from '../api-context';
import { ErrorNote } from '../components/ErrorNote';
import { dmy, dmyInText } from '../format';
import { navigate } from '../router';

export function ParticipantsScreen({ initialQuery }: { initialQuery?: string | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initialQuery ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  const query = initialQuery?.trim() ?? '';
  const search = useQuery('participants.search', query ? { query, limit: 50 } : null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    // "/" focuses the search box, as in most search-heavy tools.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') {
        e.preventDefault();
        inputRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const state = !query ? 'ready' : search.state;
  return (
    <section className="screen" data-screen="participants" data-state={state}>
      <h1>{t('participants.title')}</h1>
      <form
        className="search-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSelected(null);
          navigate({ screen: 'participants', query: draft.trim() });
        }}
      >
        <label htmlFor="participant-query" className="visually-hidden">
          {t('participants.searchLabel')}
        </label>
        <input
          id="participant-query"
          ref={inputRef}
          type="search"
          value={draft}
          placeholder={t('participants.searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
          aria-keyshortcuts="/"
        />
        <button type="submit" className="primary">
          {t('participants.search')}
        </button>
      </form>
      {!query && <p className="hint">{t('participants.hint')}</p>}
      <ErrorNote error={search.error} />
      {query && search.state === 'ready' && search.data && (
        <>
          <p className="muted" data-testid="result-count">
            {search.data.hits.length === 0 ? t('participants.noResults', { query }) : t('participants.results', { count: search.data.total })}
          </p>
          {search.data.hits.length > 0 && (
            <table className="grid" data-testid="participant-results">
              <thead>
                <tr>
                  <th>{t('participants.nik')}</th>
                  <th>{t('participants.kpj')}</th>
                  <th>{t('participants.name')}</th>
                  <th>{t('participants.birth')}</th>
                  <th>{t('participants.status')}</th>
                </tr>
              </thead>
              <tbody>
                {search.data.hits.map((p) => (
                  <tr
                    key={p.id}
                    tabIndex={0}
                    className={selected === p.id ? 'selected' : undefined}
                    onClick={() => setSelected(p.id)}
                    onKeyDown={(e) => e.key === 'Enter' && setSelected(p.id)}
                    data-nik={p.nik}
                  >
                    <td className="mono">{p.nik}</td>
                    <td className="mono">{p.nomor_kpj}</td>
                    <td>
                      {p.nama} <span className="badge subtle">{t(`participants.matchedBy.${p.matchedBy}`)}</span>
                    </td>
                    <td>
                      {p.tempat_lahir}, {dmy(p.tanggal_lahir)}
                    </td>
                    <td>
                      <span className={`badge status-${p.status}`}>{t(`participants.statuses.${p.status}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {selected !== null && <ParticipantDetail id={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

function ParticipantDetail({ id, onClose }: { id: number; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useQuery('participants.get', { id });
  const p = detail.data?.participant;
  return (
    <aside className="panel" data-testid="participant-detail" data-state={detail.state} aria-label={p?.nama}>
      <ErrorNote error={detail.error} />
      {p && (
        <>
          <div className="panel-head">
            <h2>{p.nama}</h2>
            <button type="button" onClick={onClose}>
              {t('participants.close')}
            </button>
          </div>
          <ParticipantFacts p={p} />
          <h3>{t('participants.memberships')}</h3>
          {detail.data?.memberships.length ? (
            <ul>
              {detail.data.memberships.map((m) => (
                <li key={m.id} className="mono">
                  {m.nomor_kpj} · {m.segmen} · {t(`participants.statuses.${m.status}`)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('participants.noMemberships')}</p>
          )}
        </>
      )}
    </aside>
  );
}

export function ParticipantFacts({ p }: { p: ParticipantRow }): React.JSX.Element {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('participants.nik'), p.nik],
    [t('participants.kpj'), p.nomor_kpj],
    [t('participants.birth'), `${p.tempat_lahir ?? '–'}, ${dmy(p.tanggal_lahir)}`],
    [t('participants.gender'), t(`participants.genders.${p.jenis_kelamin}`)],
    [t('participants.segment'), p.segmen],
    [t('participants.status'), t(`participants.statuses.${p.status}`)],
    [t('participants.since'), dmy(p.tanggal_kepesertaan)],
    [t('participants.paidThrough'), dmyInText(p.iuran_lunas_sampai)],
    [t('participants.programs'), p.program.join(', ')],
    [t('participants.bank'), p.nomor_rekening ? `${p.nama_bank ?? ''} ${p.nomor_rekening} (${p.nama_pemilik_rekening ?? ''})` : '–'],
    [t('participants.address'), p.alamat ?? '–'],
  ];
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
