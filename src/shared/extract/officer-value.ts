// What an officer keys in is normalised the same way as OCR output, and refused when it does not fit
// the field (a NIK that is not a valid NIK, a date that does not exist), so saved data stays clean. A
// refusal names its problem as a code (and, in a list, the entry and the column), so the UI can say it
// in the officer's language; `reason` is the English for logs and the CLI.
import type { DocumentType, FieldValue, ListEntry } from '../domain/documents';
import { LIST_FIELDS, REQUIRED_COLUMNS, isListKey, type ListColumn, type ListKey } from '../domain/lists';
import { parseHubungan } from '../normalize/values';
import { fieldKind, type FieldKind } from './specs';
import { buildField } from './values';

/** Why a keyed value was refused; each has a translation in the UI (errors.value.*). */
export const VALUE_PROBLEMS = [
  'not_a_field',
  'single_value',
  'not_a_list',
  'entry_shape',
  'unknown_column',
  'missing',
  'duplicate_nik',
  'nik',
  'kk',
  'kpj',
  'npwp',
  'account',
  'date',
  'date_future',
  'time',
  'gender',
  'hubungan',
  'name',
  'text',
  'money',
  'kondisi',
  'blood',
  'rtrw',
  'programs',
  'docno',
  'validity',
] as const;
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];

export interface OfficerValueRefusal {
  ok: false;
  /** English, naming the entry and column of a list. */
  reason: string;
  problem: ValueProblem;
  /** 1-based entry of a list, as the officer counts rows. */
  entry?: number;
  column?: string;
}
export type OfficerValueResult = { ok: true; value: FieldValue | null } | OfficerValueRefusal;

/** How each list column is read: the same kinds as the document's own fields. */
const COLUMN_KIND: Record<Exclude<ListColumn, 'hubungan'>, FieldKind> = {
  nik: 'nik',
  nama: 'name',
  jenis_kelamin: 'gender',
  tempat_lahir: 'text',
  tanggal_lahir: 'date',
};

type Checked = { ok: true; value: FieldValue } | { ok: false; problem: ValueProblem; detail: string };

const refYear = (): number => new Date().getUTCFullYear();

/** One keyed text read as OCR text of that kind is read: same normalisation, same validation. */
function readAs(kind: FieldKind, text: string): Checked {
  const f = buildField({ kind, words: [{ text, confidence: 1, bbox: [0, 0, 0, 0] }], page: 1, labelDistance: 0, refYear: refYear() });
  if (f.value !== null) return { ok: true, value: f.value };
  const detail = f.reason ?? 'unreadable';
  return { ok: false, problem: problemOf(kind, detail), detail };
}

function problemOf(kind: FieldKind, reason: string): ValueProblem {
  if (reason === 'date_in_future') return 'date_future';
  if (kind === 'address' || kind === 'ttl') return 'text';
  return kind;
}

function readColumn(column: ListColumn, text: string): Checked {
  if (column !== 'hubungan') return readAs(COLUMN_KIND[column], text);
  const r = parseHubungan(text);
  return r.value ? { ok: true, value: r.value } : { ok: false, problem: 'hubungan', detail: r.reason ?? 'hubungan_unreadable' };
}

const refuse = (reason: string, problem: ValueProblem, at?: { entry: number; column?: string }): OfficerValueRefusal => ({
  ok: false,
  reason,
  problem,
  ...(at ? { entry: at.entry, ...(at.column ? { column: at.column } : {}) } : {}),
});

/** A list keyed or corrected by the officer: every entry's cells normalised, the first bad one refused. */
function normalizeList(key: ListKey, value: FieldValue): OfficerValueResult {
  if (!Array.isArray(value)) return refuse(`${key} must be a list of entries`, 'not_a_list');
  // Removing every row clears the list, as clearing a single field does.
  if (value.length === 0) return { ok: true, value: null };
  const columns: readonly ListColumn[] = LIST_FIELDS[key];
  const entries: ListEntry[] = [];
  const niks = new Map<string, number>();
  for (const [i, raw] of (value as unknown[]).entries()) {
    const entry = i + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return refuse(`${key} entry ${entry} must be an entry of ${columns.join(', ')}`, 'entry_shape', { entry });
    const cells = raw as Record<string, unknown>;
    const unknown = Object.keys(cells).find((c) => !(columns as readonly string[]).includes(c));
    if (unknown !== undefined)
      return refuse(`${key} entry ${entry}: "${unknown}" is not a column (${columns.join(', ')})`, 'unknown_column', { entry, column: unknown });
    const out: ListEntry = {};
    for (const column of columns) {
      const cell = cells[column];
      if (cell !== undefined && typeof cell !== 'string') return refuse(`${key} entry ${entry}, ${column}: must be text`, 'entry_shape', { entry, column });
      const text = (cell ?? '').trim();
      if (!text) {
        if (REQUIRED_COLUMNS[key].includes(column)) return refuse(`${key} entry ${entry}, ${column}: missing`, 'missing', { entry, column });
        continue;
      }
      const read = readColumn(column, text);
      if (!read.ok) return refuse(`${key} entry ${entry}, ${column}: ${read.detail}`, read.problem, { entry, column });
      out[column] = String(read.value);
    }
    // The same person twice is a slip of the keyboard (a row copied and not changed).
    const nik = out.nik;
    if (nik !== undefined) {
      const first = niks.get(nik);
      if (first !== undefined) return refuse(`${key} entry ${entry}, nik: the same NIK as entry ${first}`, 'duplicate_nik', { entry, column: 'nik' });
      niks.set(nik, entry);
    }
    entries.push(out);
  }
  return { ok: true, value: entries };
}

export function normalizeOfficerValue(type: DocumentType, key: string, value: FieldValue | null): OfficerValueResult {
  const kind = fieldKind(type, key);
  if (!kind) return refuse(`"${key}" is not a field of ${type}`, 'not_a_field');
  if (value === null) return { ok: true, value: null };
  if (kind === 'list') return isListKey(key) ? normalizeList(key, value) : refuse(`"${key}" is not a field of ${type}`, 'not_a_field');
  if (kind === 'programs') {
    // Unticking every program clears the field.
    if (Array.isArray(value) && value.length === 0) return { ok: true, value: null };
    if (Array.isArray(value) && value.some((v) => typeof v !== 'string')) return refuse(`${key} must be a list of program codes`, 'programs');
    const read = readAs(kind, Array.isArray(value) ? value.join(' ') : String(value));
    return read.ok ? { ok: true, value: read.value } : refuse(`${key}: ${read.detail}`, read.problem);
  }
  if (typeof value !== 'string' && typeof value !== 'number') return refuse(`${key} takes a single value`, 'single_value');
  const read = readAs(kind, String(value));
  return read.ok ? { ok: true, value: read.value } : refuse(`${key}: ${read.detail}`, read.problem);
}
