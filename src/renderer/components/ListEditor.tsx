import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { ExtractedField, FieldValue } from '../../shared/domain/documents';
import { GENDERS, HUBUNGAN, LIST_FIELDS, REQUIRED_COLUMNS, type ListColumn, type ListKey } from '../../shared/domain/lists';
import { blankRow, cellKey, fromDraft, missingCells, sameDraft, toDraft, type DraftRow } from '../list-draft';
import { ErrorNote } from './ErrorNote';

interface Props {
  name: ListKey;
  field: ExtractedField;
  /** Saves the list; answers the back end's refusal, if any, so it is shown beside the cell at fault. */
  onSave: (value: FieldValue | null) => Promise<ApiError | undefined>;
  onShow: () => void;
  labelId: string;
}

/** Columns whose values come from the contract's closed lists: chosen, never typed. */
const CHOICES: Partial<Record<ListColumn, readonly string[]>> = { jenis_kelamin: GENDERS, hubungan: HUBUNGAN };

/**
 * A list field as a table the officer corrects (a read list, pre-filled) or keys (a list not read, from
 * one blank row): an input per cell, the closed columns as selects, rows added and removed, Enter saves,
 * Escape undoes. Cells the engine could not read are marked until they are filled.
 */
export function ListEditor({ name, field, onSave, onShow, labelId }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const columns: readonly ListColumn[] = LIST_FIELDS[name];
  const initial = useMemo(() => toDraft(field.value, columns), [field.value, columns]);
  const [rows, setRows] = useState<DraftRow[]>(initial);
  const [error, setError] = useState<{ error: ApiError; cell: string | null }>();
  const [saving, setSaving] = useState(false);
  const [focusCell, setFocusCell] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const dirty = !sameDraft(rows, initial, columns);
  const incomplete = field.needsKeying === true && field.reason === 'list_incomplete' && Array.isArray(field.value);
  const missing = missingCells(rows, columns, incomplete);
  // A list with unread cells is completed, not confirmed as it stands.
  const canConfirm = !dirty && field.source !== 'officer' && field.value !== null && missing.size === 0;

  // Focus follows the officer's action: a new row's first cell, or the cell a refusal points at.
  useEffect(() => {
    if (!focusCell) return;
    table.current?.querySelector<HTMLElement>(`[data-cell="${focusCell}"]`)?.focus();
    setFocusCell(null);
  }, [focusCell]);

  const setCell = (row: number, column: ListColumn, value: string): void =>
    setRows((rs) => rs.map((r, i) => (i === row ? { ...r, cells: { ...r.cells, [column]: value } } : r)));

  const save = async (value: FieldValue | null, rowOf: number[]): Promise<void> => {
    setSaving(true);
    const refused = await onSave(value);
    setSaving(false);
    if (!refused) return setError(undefined);
    const { entry, column } = refused.params ?? {};
    const row = typeof entry === 'number' ? rowOf[entry - 1] : undefined;
    const cell = row !== undefined && typeof column === 'string' ? cellKey(row, column) : null;
    setError({ error: refused, cell });
    if (cell) setFocusCell(cell);
  };

  const submit = (): void => {
    if (!dirty || saving) return;
    const { entries, rowOf } = fromDraft(rows, columns);
    void save(entries, rowOf);
  };

  const cancel = (): void => {
    setRows(initial);
    setError(undefined);
  };

  const addRow = (): void => {
    setRows((rs) => [...rs, blankRow(columns)]);
    setFocusCell(cellKey(rows.length, columns[0] as string));
  };

  const removeRow = (row: number): void => {
    setRows((rs) => rs.filter((_, i) => i !== row));
    setError(undefined);
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      submit();
    }
  };

  const fieldLabel = t(`fields.${name}`, { defaultValue: name });
  return (
    <div className="list-editor" data-list={name} data-dirty={dirty} aria-busy={saving}>
      <div className="list-scroll">
        <table className="grid compact list-grid" ref={table} aria-labelledby={labelId} onKeyDown={onKeyDown}>
          <caption className="visually-hidden">{t('extraction.list.caption', { field: fieldLabel, count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('extraction.list.number')}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {t(`fields.${c}`, { defaultValue: c })}
                  {REQUIRED_COLUMNS[name].includes(c) ? '' : ` (${t('flags.optional')})`}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('extraction.list.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id} data-row={i + 1}>
                <th scope="row">{i + 1}</th>
                {columns.map((c) => {
                  const key = cellKey(i, c);
                  const isMissing = missing.has(key);
                  const label = `${t('extraction.list.cell', { column: t(`fields.${c}`, { defaultValue: c }), row: i + 1 })}${isMissing ? ` (${t('extraction.list.missingCell')})` : ''}`;
                  const common = {
                    'data-cell': key,
                    'aria-label': label,
                    'aria-invalid': error?.cell === key || undefined,
                    className: isMissing ? 'cell-missing' : undefined,
                    onFocus: onShow,
                  };
                  const choices = CHOICES[c];
                  return (
                    <td key={c} data-column={c} data-missing={isMissing || undefined}>
                      {choices ? (
                        <select {...common} value={row.cells[c] ?? ''} onChange={(e) => setCell(i, c, e.target.value)}>
                          <option value="">{t('extraction.list.choose')}</option>
                          {/* A value the engine read outside the closed list stays visible until changed. */}
                          {row.cells[c] && !choices.includes(row.cells[c]) && <option value={row.cells[c]}>{row.cells[c]}</option>}
                          {choices.map((v) => (
                            <option key={v} value={v}>
                              {c === 'hubungan' ? t(`hubungan.${v}`) : t(`participants.genders.${v}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          {...common}
                          value={row.cells[c] ?? ''}
                          onChange={(e) => setCell(i, c, e.target.value)}
                          placeholder={isMissing ? t('extraction.list.missingCell') : ''}
                          inputMode={c === 'nik' ? 'numeric' : undefined}
                        />
                      )}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="small"
                    onClick={() => removeRow(i)}
                    aria-label={t('extraction.list.removeRow', { row: i + 1 })}
                    title={t('extraction.list.removeRow', { row: i + 1 })}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {field.value === null && !dirty && <p className="hint">{t('extraction.list.empty')}</p>}
      {missing.size > 0 && (
        <p className="hint missing-note" data-testid="missing-cells">
          {t('extraction.list.missingCells', { count: missing.size })}
        </p>
      )}
      <ErrorNote error={error?.error} />
      <div className="row list-actions">
        <button type="button" className="small" onClick={addRow}>
          + {t('extraction.list.addRow')}
        </button>
        {dirty && (
          <>
            <button type="button" className="primary small" onClick={submit} disabled={saving}>
              {t('extraction.save')}
            </button>
            <button type="button" className="small" onClick={cancel}>
              {t('extraction.list.cancel')}
            </button>
          </>
        )}
        {canConfirm && (
          <button
            type="button"
            className="small"
            onClick={() =>
              void save(
                field.value,
                initial.map((_, i) => i),
              )
            }
          >
            ✓ {t('extraction.confirm')}
          </button>
        )}
        <span className="muted small-text">{t('extraction.list.keys')}</span>
      </div>
    </div>
  );
}
