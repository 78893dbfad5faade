import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusNextNeeding } from '../field-focus';
import type { ApiError } from '../../shared/api/result';
import type { ExtractedField, FieldValue } from '../../shared/domain/documents';
import { PROGRAMS } from '../../shared/domain/lists';
import { ErrorNote } from './ErrorNote';

interface Props {
  field: ExtractedField;
  onSave: (value: FieldValue | null) => Promise<ApiError | undefined>;
  onShow: () => void;
  labelId: string;
}

const codesOf = (v: FieldValue | null): string[] => (Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string') : []);

/** A participant card's programs as five check boxes: the contract's codes are a closed list, so the
 * officer ticks them rather than typing them. Enter saves, Escape undoes. */
export function ProgramsEditor({ field, onSave, onShow, labelId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const saved = codesOf(field.value);
  const [ticked, setTicked] = useState<string[]>(saved);
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  // Compared in the contract's order, whatever order the boxes were ticked in.
  const ordered = PROGRAMS.filter((p) => ticked.includes(p));
  const dirty = ordered.join() !== PROGRAMS.filter((p) => saved.includes(p)).join();

  const save = async (value: FieldValue | null): Promise<void> => {
    setSaving(true);
    setError(await onSave(value));
    setSaving(false);
  };
  const submit = (): void => {
    if (dirty && !saving) void save([...ordered]);
  };

  return (
    <div className="programs-editor">
      <div
        role="group"
        aria-labelledby={labelId}
        className="program-boxes"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // As in a text field: keep the ticks (or confirm them as read), then on to the next field.
            e.preventDefault();
            if (dirty) submit();
            else if (field.source !== 'officer' && field.value !== null && !saving) void save(field.value);
            if (e.target instanceof HTMLElement) focusNextNeeding(e.target);
          }
          if (e.key === 'Escape') setTicked(saved);
        }}
      >
        {PROGRAMS.map((code) => (
          <label key={code} title={t(`programs.${code}`)}>
            <input
              type="checkbox"
              value={code}
              checked={ticked.includes(code)}
              onFocus={onShow}
              onChange={(e) => setTicked((cur) => (e.target.checked ? [...cur, code] : cur.filter((c) => c !== code)))}
              aria-label={t(`programs.${code}`)}
            />
            {code}
          </label>
        ))}
      </div>
      <ErrorNote error={error} />
      {dirty ? (
        <span className="row">
          <button type="button" className="primary small" onClick={submit} disabled={saving}>
            {t('extraction.save')}
          </button>
          <button type="button" className="small" onClick={() => setTicked(saved)}>
            {t('extraction.list.cancel')}
          </button>
        </span>
      ) : field.value === null ? (
        <span className="hint small-text">{t('extraction.programsHint')}</span>
      ) : (
        field.source !== 'officer' && (
          <button type="button" className="small" onClick={() => void save(field.value)}>
            ✓ {t('extraction.confirm')}
          </button>
        )
      )}
    </div>
  );
}
