// Lists printed as tables (KK family members, heirs): find the header row, learn each column's
// position from it, then read the rows below, placing each word in the nearest column it can belong
// to (a digit run cannot be a name, a name cannot be a NIK), so misaligned or long cells still land.
import type { BBox, ExtractedField, ListEntry } from '../domain/documents';
import { parseIndonesianDate } from '../normalize/dates';
import { repairDigits } from '../normalize/digits';
import { editDistance, squash } from '../normalize/fuzzy';
import { normalizeNik } from '../normalize/identifiers';
import { isPlausibleName, normalizeName, parseGender, parseHubungan } from '../normalize/values';
import { unionBox, type Row, type Word } from './layout';
import { minConfidence, ocrConfidence, round } from './values';

export type Column = 'no' | 'nama' | 'nik' | 'jenis_kelamin' | 'tempat_lahir' | 'tanggal_lahir' | 'hubungan';

const HEADER_WORDS: readonly [string, Column][] = [
  ['no', 'no'], ['nama', 'nama'], ['namalengkap', 'nama'], ['nik', 'nik'], ['jenis', 'jenis_kelamin'], ['kelamin', 'jenis_kelamin'],
  ['jeniskelamin', 'jenis_kelamin'], ['tempat', 'tempat_lahir'], ['tempatlahir', 'tempat_lahir'], ['tanggal', 'tanggal_lahir'], ['tgl', 'tanggal_lahir'],
  ['tanggallahir', 'tanggal_lahir'], ['hubungan', 'hubungan'], ['status', 'hubungan'], ['statushubungan', 'hubungan'], ['hubungankeluarga', 'hubungan'],
];

function headerColumn(text: string): Column | null {
  const s = squash(text);
  if (!s) return null;
  for (const [w, c] of HEADER_WORDS) if (s === w || (w.length >= 5 && editDistance(s, w, 1) <= 1)) return c;
  // "NK", "NlK": the three-letter NIK header read with a letter lost or changed.
  if (s.length >= 2 && s.length <= 3 && s.startsWith('n') && s.endsWith('k')) return 'nik';
  return null;
}

interface Header {
  row: number;
  columns: { col: Column; box: BBox }[];
}

/** Header words glued by OCR ("KelaminTempat") are split where both halves name a column. */
function headerParts(w: Word): { col: Column; word: Word }[] {
  const whole = headerColumn(w.text);
  if (whole) return [{ col: whole, word: w }];
  const s = squash(w.text);
  for (let k = 2; k <= s.length - 2; k++) {
    const a = headerColumn(s.slice(0, k));
    // One misread letter at the seam ("Kelamiifempat") is tolerated on the right half.
    const b = headerColumn(s.slice(k)) ?? headerColumn(s.slice(k + 1));
    if (a && b) {
      const cut = w.bbox[0] + Math.round(((w.bbox[2] - w.bbox[0]) * k) / s.length);
      return [
        { col: a, word: { ...w, bbox: [w.bbox[0], w.bbox[1], cut, w.bbox[3]] } },
        { col: b, word: { ...w, bbox: [cut, w.bbox[1], w.bbox[2], w.bbox[3]] } },
      ];
    }
  }
  return [];
}

/** The first row naming at least three columns, including NIK or Nama. */
export function findHeader(rows: readonly Row[], from = 0): Header | null {
  for (let r = from; r < rows.length; r++) {
    const found = new Map<Column, Word[]>();
    for (const w of rows[r]?.words ?? []) {
      for (const { col: c, word } of headerParts(w)) if (c !== 'no') found.set(c, [...(found.get(c) ?? []), word]);
    }
    // Three named columns, or two when the next row carries a NIK (a header word lost to OCR).
    const nextHasNik = /\d{16}/.test((rows[r + 1]?.text ?? '').replace(/[\s.]/g, ''));
    if ((found.size >= 3 || (found.size >= 2 && nextHasNik)) && (found.has('nik') || found.has('nama'))) {
      return { row: r, columns: [...found].map(([col, ws]) => ({ col, box: unionBox(ws.map((w) => w.bbox)) })) };
    }
  }
  return null;
}

function fits(col: Column, w: Word): boolean {
  const t = w.text;
  const digity = repairDigits(t) !== null && /\d/.test(t);
  switch (col) {
    case 'nik': return digity && t.replace(/\D/g, '').length >= 3;
    case 'tanggal_lahir': return /\d/.test(t);
    case 'jenis_kelamin': return parseGender(t).value !== null;
    case 'no': return /^[^\p{L}\p{N}]*\d{1,2}[^\p{L}\p{N}]*$/u.test(t);
    default: return !digity && /[A-Za-z]/.test(t);
  }
}

const distance = (box: BBox, w: Word): number => {
  const cx = (w.bbox[0] + w.bbox[2]) / 2;
  return cx < box[0] ? box[0] - cx : cx > box[2] ? cx - box[2] : 0;
};

export interface TableResult {
  field: ExtractedField;
  rows: number[];
}

/** Read the list under a header; `want` names the entry keys the contract asks for, in order. */
export function readTable(rows: readonly Row[], header: Header, want: readonly Column[]): TableResult {
  const used = [header.row];
  const entries: ListEntry[] = [];
  const boxes: BBox[] = [];
  let conf = 1;
  let unsure = false;
  let hand = false;
  const cols = header.columns;
  for (let r = header.row + 1; r < rows.length; r++) {
    const row = rows[r] as Row;
    if (row.page !== rows[header.row]?.page) break;
    const cells = new Map<Column, Word[]>();
    for (const w of row.words) {
      if (fits('no', w) && w.bbox[0] < (Math.min(...cols.map((c) => c.box[0])) ?? 0)) continue;
      // Specks read as a letter or two with no confidence belong to no cell.
      if (w.confidence < 0.2 && w.text.length <= 2) continue;
      const ranked = cols.filter((c) => fits(c.col, w)).sort((a, b) => distance(a.box, w) - distance(b.box, w));
      const c = ranked[0];
      if (c) cells.set(c.col, [...(cells.get(c.col) ?? []), w]);
    }
    const text = (c: Column): string => (cells.get(c) ?? []).map((w) => w.text).join(' ');
    const nik = normalizeNik(text('nik'));
    const date = parseIndonesianDate(text('tanggal_lahir'));
    const gender = parseGender(text('jenis_kelamin'));
    const hub = parseHubungan(text('hubungan'));
    const typed = [nik.value, date.value, gender.value, hub.value].filter((v) => v !== null).length;
    if (typed === 0 && !/\d{6,}/.test(row.text.replace(/\s/g, ''))) break;
    used.push(r);
    boxes.push(row.bbox);
    const nama = normalizeName(text('nama'));
    const tempat = normalizeName(text('tempat_lahir'));
    const values: Record<Column, string | null> = {
      no: null, nama: isPlausibleName(nama) ? nama : null, nik: nik.value, jenis_kelamin: gender.value,
      tempat_lahir: tempat || null, tanggal_lahir: date.value, hubungan: hub.value,
    };
    const entry: ListEntry = {};
    for (const k of want) {
      const v = values[k];
      if (v === null) unsure = true;
      else entry[k] = v;
    }
    const words = [...cells.values()].flat();
    if (words.some((w) => w.handwritten)) hand = true;
    conf = Math.min(conf, ocrConfidence(words) * Math.pow(0.85, nik.repaired + date.repaired));
    entries.push(entry);
  }
  const page = rows[header.row]?.page ?? 1;
  const bbox = boxes.length ? unionBox(boxes) : null;
  if (!entries.length) return { field: { value: null, confidence: 0, page, bbox, needsKeying: true, reason: 'list_empty' }, rows: used };
  if (hand) return { field: { value: null, confidence: 0, page, bbox, needsKeying: true, reason: 'handwriting' }, rows: used };
  // One unreadable cell leaves the whole list to the officer: a half-right list would be taken as complete.
  if (unsure || conf < minConfidence()) {
    return { field: { value: null, confidence: round(Math.min(conf, 0.5)), page, bbox, needsKeying: true, reason: unsure ? 'list_incomplete' : 'low_confidence' }, rows: used };
  }
  return { field: { value: entries, confidence: round(conf), page, bbox, source: 'ocr' }, rows: used };
}
