// Finds a participant by KPJ, NIK or name while the officer types, and lets them pick one with the
// arrow keys and Enter (or a click). Used by the new-case form and to link a case to its participant.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api-context';
import { dmy, useSettled } from '../format';
import { ErrorNote } from './ErrorNote';

export interface PickedParticipant {
  nomor_kpj: string;
  nama: string;
  nik: string;
}

export function ParticipantPicker({
  picked,
  onPick,
  autoFocus = false,
}: {
  picked: PickedParticipant | null;
  onPick: (p: PickedParticipant | null) => void;
  autoFocus?: boolean;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const query = useSettled(text.trim());
  const search = useQuery('participants.search', query.length >= 3 && !picked ? { query, limit: 6 } : null);
  const hits = picked ? [] : (search.data?.hits ?? []);
  useEffect(() => setActive(0), [query]);

  if (picked) {
    return (
      <div className="picked-participant" data-testid="picked-participant">
        <span>
          <strong>{picked.nama}</strong> <span className="mono">KPJ {picked.nomor_kpj}</span> <span className="mono muted">NIK {picked.nik}</span>
        </span>
        <button type="button" onClick={() => onPick(null)}>
          {t('picker.change')}
        </button>
      </div>
    );
  }
  const choose = (i: number): void => {
    const h = hits[i];
    if (h) onPick({ nomor_kpj: h.nomor_kpj, nama: h.nama, nik: h.nik });
  };
  return (
    <div className="participant-picker">
      <input
        name="participant"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('picker.hint')}
        aria-label={t('picker.label')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits.length ? `${listId}-${active}` : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && hits.length) {
            e.preventDefault();
            setActive((a) => Math.min(hits.length - 1, a + 1));
          } else if (e.key === 'ArrowUp' && hits.length) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && hits.length) {
            // Enter picks the highlighted participant; it submits the form only once one is picked.
            e.preventDefault();
            choose(active);
          }
        }}
      />
      {query.length >= 3 && search.state === 'ready' && hits.length === 0 && (
        <p className="muted" data-testid="picker-none">
          {t('picker.none')}
        </p>
      )}
      <ErrorNote error={search.error} />
      {hits.length > 0 && (
        <ul className="picker-hits" id={listId} role="listbox" data-testid="picker-hits">
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <strong>{h.nama}</strong> <span className="mono">KPJ {h.nomor_kpj}</span> <span className="mono muted">NIK {h.nik}</span>{' '}
              <span className="muted born">{t('picker.born', { date: dmy(h.tanggal_lahir) })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
