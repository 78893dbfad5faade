// When OCR loses a label (faint print, a stamp over it), an identifier can still be placed by its
// shape: if the document holds exactly one unclaimed 16-digit NIK (or 11-digit KPJ, or NPWP) and the
// field is still empty (its label not found, or found with nothing after it), that value is the field's,
// with a lower confidence. The same for a value that is the only one of its kind on its document (a
// receipt's date), when exactly one is printed. Never when ambiguous.
import type { ExtractedField } from '../domain/documents';
import { parseIndonesianDate } from '../normalize/dates';
import { normalizeKk, normalizeKpj, normalizeNik, normalizeNpwp, type IdentifierResult } from '../normalize/identifiers';
import { unionBox, type Row, type Word } from './layout';
import type { FieldSpec } from './specs';
import { minConfidence, ocrConfidence, round } from './values';

const BY_KIND: Partial<Record<FieldSpec['kind'], (t: string) => IdentifierResult>> = {
  nik: normalizeNik,
  kpj: normalizeKpj,
  npwp: normalizeNpwp,
  kk: normalizeKk,
};

interface Candidate {
  value: string;
  words: Word[];
  page: number;
  repaired: number;
}

function candidates(rows: readonly Row[], parse: (t: string) => IdentifierResult, skip: ReadonlySet<number>): Candidate[] {
  const out: Candidate[] = [];
  rows.forEach((row, r) => {
    if (skip.has(r)) return;
    for (const seg of row.segments) {
      const digitWords = seg.words.filter((w) => /\d/.test(w.text));
      if (!digitWords.length) continue;
      const res = parse(digitWords.map((w) => w.text).join(' '));
      if (res.value) out.push({ value: res.value, words: digitWords, page: row.page, repaired: res.repaired });
    }
  });
  return out;
}

/** A date read as an identifier-like result, so dates go through the same search. */
const dateOnly = (t: string): IdentifierResult => {
  const r = parseIndonesianDate(t);
  return r.value ? { value: r.value, repaired: r.repaired } : { value: null, repaired: r.repaired, reason: r.reason ?? 'not_found' };
};

export function fillUnlabelled(fields: Record<string, ExtractedField>, specs: readonly FieldSpec[], rows: readonly Row[], skip: ReadonlySet<number>): void {
  const taken = new Set(
    Object.values(fields)
      .map((f) => (typeof f.value === 'string' ? f.value : ''))
      .filter(Boolean),
  );
  for (const spec of specs) {
    const parse = spec.kind === 'date' ? (spec.onlyOfKind ? dateOnly : undefined) : BY_KIND[spec.kind];
    const f = fields[spec.key];
    if (!parse || !f || f.value !== null || (f.reason !== 'not_found' && f.reason !== 'value_empty')) continue;
    const found = candidates(rows, parse, skip).filter((c) => !taken.has(c.value));
    const distinct = [...new Set(found.map((c) => c.value))];
    if (distinct.length !== 1) continue;
    const c = found[0] as Candidate;
    const confidence = ocrConfidence(c.words) * Math.pow(0.85, c.repaired) * 0.85;
    if (confidence < minConfidence()) continue;
    fields[spec.key] = {
      value: c.value,
      confidence: round(confidence),
      page: c.page,
      bbox: unionBox(c.words.map((w) => w.bbox)),
      source: 'ocr',
      reason: 'label_not_found',
    };
    taken.add(c.value);
  }
}
