// The officer's draft of a list field (a family card's members, an heir statement's heirs): rows of text
// cells as typed, turned into the entries the back end normalises. Kept apart from the component so the
// rules officers rely on (blank rows dropped, a refusal pointed at the row they typed) are unit-tested.
import type { FieldValue, ListEntry } from '../shared/domain/documents';
import type { ListColumn } from '../shared/domain/lists';
import { dmy } from './format';

export interface DraftRow {
  /** Stable across edits, so React keeps each row's inputs (and focus) when another row is removed. */
  id: number;
  cells: Record<string, string>;
  /** The row came from the page (OCR), not added by the officer: its empty cells are the unread ones. */
  read: boolean;
}

let nextId = 1;
export const blankRow = (columns: readonly ListColumn[]): DraftRow => ({ id: nextId++, cells: Object.fromEntries(columns.map((c) => [c, ''])), read: false });

/** A read list as draft rows (dates as the officer reads them, dd-mm-yyyy; the back end takes either); a list not read starts with one blank row, ready for keying. */
export function toDraft(value: FieldValue | null, columns: readonly ListColumn[]): DraftRow[] {
  const entries = Array.isArray(value) ? value.filter((v): v is ListEntry => typeof v === 'object') : [];
  if (!entries.length) return [blankRow(columns)];
  return entries.map((e) => ({ id: nextId++, cells: Object.fromEntries(columns.map((c) => [c, e[c] ? dmy(e[c]) : ''])), read: true }));
}

/** The entries to save (blank cells left out, blank rows dropped) and, for each, the draft row it came
 * from: the back end counts entries, the officer counts rows on the screen. */
export function fromDraft(rows: readonly DraftRow[], columns: readonly ListColumn[]): { entries: ListEntry[]; rowOf: number[] } {
  const entries: ListEntry[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, i) => {
    const entry: ListEntry = {};
    for (const c of columns) {
      const v = (row.cells[c] ?? '').trim();
      if (v) entry[c] = v;
    }
    if (Object.keys(entry).length) {
      entries.push(entry);
      rowOf.push(i);
    }
  });
  return { entries, rowOf };
}

export const sameDraft = (a: readonly DraftRow[], b: readonly DraftRow[], columns: readonly ListColumn[]): boolean =>
  JSON.stringify(fromDraft(a, columns).entries) === JSON.stringify(fromDraft(b, columns).entries);

/** Cells of read rows still empty while the engine said the list needs completing. */
export function missingCells(rows: readonly DraftRow[], columns: readonly ListColumn[], incomplete: boolean): Set<string> {
  const out = new Set<string>();
  if (!incomplete) return out;
  rows.forEach((row, i) => {
    if (row.read) for (const c of columns) if (!(row.cells[c] ?? '').trim()) out.add(cellKey(i, c));
  });
  return out;
}

export const cellKey = (row: number, column: string): string => `${row}:${column}`;
