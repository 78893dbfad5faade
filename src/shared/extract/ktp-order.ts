// A KTP prints its fields in one order fixed by law (Nama, Tempat/Tgl Lahir, Jenis Kelamin, Alamat,
// RT/RW, Kel/Desa, Kecamatan, Agama, Status Perkawinan, Pekerjaan, Kewarganegaraan, Berlaku Hingga), each
// value on its own line and all of them in one column. When OCR garbles a label ("Denia cok" for "Nama",
// a label lost in the card's guilloche), its value still stands in that column between its neighbours'
// values: a run of empty fields between two found ones takes the unclaimed lines of the column between
// them in order, only when there are exactly as many lines as fields (an address wrapped onto a second
// line makes the counts differ, and then nothing is guessed). Values placed so are less sure than
// labelled ones and stay below the confidence an officer may pass over.
import type { ExtractedField } from '../domain/documents';
import { median, type Row, type Word } from './layout';
import { FIELD_SPECS, type FieldSpec } from './specs';
import { splitPlaceDate } from './fields';
import { buildField } from './values';
import { KTP_ORDER } from '../tuning';

const SLOTS = [
  'nama',
  'tempat_lahir',
  'jenis_kelamin',
  'alamat',
  'rt_rw',
  'kel_desa',
  'kecamatan',
  'agama',
  'status_perkawinan',
  'pekerjaan',
  'kewarganegaraan',
  'berlaku_hingga',
] as const;
const SPECS = new Map<string, FieldSpec>(FIELD_SPECS.ktp.map((s) => [s.key, s]));

const mid = (b: readonly number[]): number => ((b[1] as number) + (b[3] as number)) / 2;
const filled = (f: ExtractedField | undefined): f is ExtractedField & { bbox: [number, number, number, number] } => !!f && f.value !== null && !!f.bbox;

interface ValueLine {
  y: number;
  words: Word[];
  page: number;
}

/** Fills empty KTP fields from the value column by the order of the card's lines (in place). */
export function fillKtpByOrder(fields: Record<string, ExtractedField>, rows: readonly Row[], refYear: number): void {
  const slotField = (k: (typeof SLOTS)[number]): ExtractedField | undefined =>
    k === 'tempat_lahir' ? (filled(fields.tempat_lahir) ? fields.tempat_lahir : fields.tanggal_lahir) : fields[k];
  const foundNow = (): (ExtractedField & { bbox: [number, number, number, number] })[] => SLOTS.map((k) => slotField(k)).filter(filled);
  const first = foundNow();
  if (first.length < KTP_ORDER.minFound) return;
  const page = first[0]?.page;
  // The value column: where most found values start.
  const columnX = median(first.filter((f) => f.page === page).map((f) => f.bbox[0]));
  const lineHeight = median(rows.filter((r) => r.page === page).map((r) => r.height));
  const reach = lineHeight * KTP_ORDER.columnReach;
  // Only a card whose values stand in one column (an e-KTP as printed): values set right after their
  // labels ("Nama: X", a reprint, a retyped copy) give no column to judge by.
  const inColumn = first.filter((f) => f.page === page && Math.abs(f.bbox[0] - columnX) <= reach).length;
  if (inColumn < first.length * KTP_ORDER.columnShare) return;
  // A value found by its label far right of the column is not the label's: the town or the date printed
  // beside the photo. (Left of it, a value may be a word glued to its label and cut from it by guess.)
  for (const k of SLOTS) {
    const f = fields[k];
    if (filled(f) && f.page === page && f.bbox[0] - columnX > lineHeight * KTP_ORDER.offColumn) {
      fields[k] = { value: null, confidence: 0, page: f.page, bbox: null, needsKeying: true, reason: 'not_found' };
    }
  }
  const pinned = SLOTS.map((k) => slotField(k)).map((f) => (filled(f) ? f : null));
  const found = foundNow();
  if (found.length === SLOTS.length) return;
  // The lines of the column: a word starting at the column (after the colon) and the rest of its cell.
  const lines: ValueLine[] = [];
  for (const r of rows) {
    if (r.page !== page) continue;
    for (const seg of r.segments) {
      const at = seg.words.findIndex((w) => Math.abs(w.bbox[0] - columnX) <= reach && /[A-Za-z0-9]/.test(w.text));
      if (at < 0) continue;
      const words = seg.words.slice(at);
      lines.push({ y: mid(words[0]?.bbox ?? r.bbox), words, page: r.page });
      break;
    }
  }
  lines.sort((a, b) => a.y - b.y);
  // A line holding a found value is claimed by it.
  const claimed = (l: ValueLine): boolean => found.some((f) => f.page === l.page && Math.abs(mid(f.bbox) - l.y) <= lineHeight * KTP_ORDER.sameLine);
  const top = filled(fields.nik) ? mid(fields.nik.bbox) : -Infinity;
  for (let i = 0; i < SLOTS.length;) {
    if (pinned[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < SLOTS.length && !pinned[j]) j++;
    const above = i > 0 ? mid((pinned[i - 1] as { bbox: number[] }).bbox) : top;
    const below = j < SLOTS.length ? mid((pinned[j] as { bbox: number[] }).bbox) : Infinity;
    const between = lines.filter((l) => l.y > above + lineHeight * KTP_ORDER.sameLine && l.y < below - lineHeight * KTP_ORDER.sameLine && !claimed(l));
    // (A run at the card's end is bounded by the card's last line of the column.)
    if (between.length === j - i) between.forEach((l, k) => place(fields, SLOTS[i + k] as (typeof SLOTS)[number], l, refYear));
    i = j;
  }
}

function place(fields: Record<string, ExtractedField>, key: (typeof SLOTS)[number], line: ValueLine, refYear: number): void {
  const sure = (f: ExtractedField): ExtractedField => ({ ...f, confidence: Math.min(f.confidence, KTP_ORDER.maxConfidence), reason: 'label_not_found' });
  if (key === 'tempat_lahir') {
    const { place: where, date } = splitPlaceDate(line.words);
    const tempat = buildField({ kind: 'text', words: where, page: line.page, labelDistance: 1, refYear });
    const tanggal = buildField({ kind: 'date', words: date, page: line.page, labelDistance: 1, refYear });
    if (fields.tempat_lahir?.value == null && tempat.value !== null) fields.tempat_lahir = sure(tempat);
    if (fields.tanggal_lahir?.value == null && tanggal.value !== null) fields.tanggal_lahir = sure(tanggal);
    return;
  }
  if (fields[key]?.value != null || fields[key]?.reason === 'handwriting') return;
  const spec = SPECS.get(key) as FieldSpec;
  const f = buildField({
    kind: spec.kind,
    words: line.words,
    page: line.page,
    labelDistance: 1,
    refYear,
    ...(spec.vocabulary ? { vocabulary: spec.vocabulary } : {}),
  });
  if (f.value !== null) fields[key] = sure(f);
}
