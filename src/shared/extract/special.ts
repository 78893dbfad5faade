// Fields that are not "label : value": letterhead lines (KTP province and regency, the issuer of a death
// statement, the bank of a passbook), marriage-book sections, and "Place, date" signature lines.
import type { ExtractedField } from '../domain/documents';
import { parseIndonesianDate } from '../normalize/dates';
import { editDistance, squash } from '../normalize/fuzzy';
import { normalizeName } from '../normalize/values';
import { extractFields } from './fields';
import type { Row, Word } from './layout';
import type { FieldSpec } from './specs';
import { buildField, minConfidence, ocrConfidence, round } from './values';
import { unionBox } from './layout';
import { PROSE } from '../tuning';

const fromWords = (words: readonly Word[], page: number, value: string, validity = 1): ExtractedField => {
  const c = ocrConfidence(words) * validity;
  const bbox = words.length ? unionBox(words.map((w) => w.bbox)) : null;
  if (words.some((w) => w.handwritten)) return { value: null, confidence: 0, page, bbox, needsKeying: true, reason: 'handwriting' };
  return c >= minConfidence() && value
    ? { value, confidence: round(c), page, bbox, source: 'ocr' }
    : { value: null, confidence: round(c), page, bbox, needsKeying: true, reason: value ? 'low_confidence' : 'not_found' };
};

/** KTP letterhead: "PROVINSI JAMBI" and "KOTA JAMBI" / "KABUPATEN MUARO JAMBI" above the NIK. */
export function ktpHeader(rows: readonly Row[]): Record<string, ExtractedField> {
  const out: Record<string, ExtractedField> = {};
  for (const row of rows.slice(0, 4)) {
    const all = row.segments.find((sg) => sg.words.some((w) => /[A-Za-z]/.test(w.text)))?.words ?? row.words;
    const words = all.slice(
      Math.max(
        0,
        all.findIndex((w) => /[A-Za-z]/.test(w.text)),
      ),
    );
    const first = squash(words[0]?.text ?? '');
    if (!out.provinsi && first.startsWith('provinsi')) {
      // "PROVINSIDKI" glued: keep what follows the word.
      const rest = [words[0]?.text.replace(/^[^A-Za-z]*provinsi/i, '') ?? '', ...words.slice(1).map((w) => w.text)].join(' ');
      out.provinsi = fromWords(words, row.page, normalizeName(rest));
    } else if (!out.kabupaten_kota && (first.startsWith('kota') || editDistance(first.slice(0, 9), 'kabupaten', 2) <= 2 || first === 'kab')) {
      // "KOTAPALEMBANG" glued: the word after KOTA/KABUPATEN starts a new word.
      const text = words
        .map((w) => w.text)
        .join(' ')
        .replace(/^(KOTA|KABUPATEN)(?=[A-Z]{3,})/i, '$1 ');
      out.kabupaten_kota = fromWords(words, row.page, normalizeName(text));
    }
  }
  return out;
}

const ISSUER = /^(rumah|rsud|rsu|rs|puskesmas|klinik|kelurahan|desa|kecamatan|kantor|pemerintah)/;

/** The issuing body of a death statement: the letterhead line naming a hospital, clinic or village office. */
export function issuer(rows: readonly Row[]): ExtractedField {
  const top = rows.slice(0, 5);
  const candidates = top.filter((r) => ISSUER.test(squash(r.words[0]?.text ?? '')) && !squash(r.words[0]?.text ?? '').startsWith('pemerintah'));
  const row = candidates[0] ?? top.find((r) => ISSUER.test(squash(r.words[0]?.text ?? '')));
  if (!row) return { value: null, confidence: 0, page: rows[0]?.page ?? 1, bbox: null, needsKeying: true, reason: 'not_found' };
  const words = row.segments[0]?.words ?? row.words;
  return fromWords(words, row.page, normalizeName(words.map((w) => w.text).join(' ')));
}

const FACILITY = /^(rumahsakit|rsud|rsu|rs|rsia|rsb|puskesmas|uptdpuskesmas|klinik|balaipengobatan|apotek|apotik|laboratorium)/;

/**
 * The health facility a letter or a receipt comes from: its letterhead, the first line near the top
 * that names a hospital, a puskesmas or a clinic ("RS ROYAL PRIMA JAMBI"), as printed there, without
 * the address that may follow it on the line.
 */
export function facility(rows: readonly Row[]): ExtractedField {
  for (const row of rows.slice(0, FACILITY_ROWS)) {
    for (const seg of row.segments) {
      const at = seg.words.findIndex(
        (w, i) =>
          FACILITY.test(
            squash(
              seg.words
                .slice(i, i + 2)
                .map((x) => x.text)
                .join(''),
            ),
          ) && /^[A-Z]/.test(w.text),
      );
      if (at < 0) continue;
      // The name ends where an address or a telephone number starts.
      const rest = seg.words.slice(at);
      const stop = rest.findIndex((w, i) => i > 0 && (/^(jl|jln|jalan|telp|tel|no)\.?$/i.test(w.text) || /^[(\d]/.test(w.text)));
      const words = stop > 0 ? rest.slice(0, stop) : rest;
      if (words.length < 2) continue;
      return fromWords(
        words,
        row.page,
        normalizeName(
          words
            .map((w) => w.text)
            .join(' ')
            .replace(/[,;]$/, ''),
        ),
      );
    }
  }
  return { value: null, confidence: 0, page: rows[0]?.page ?? 1, bbox: null, needsKeying: true, reason: 'not_found' };
}

/** A letterhead stands in the first rows of its document. */
const FACILITY_ROWS = PROSE.letterheadRows;

/**
 * The doctor who signs: the name under "Dokter Pemeriksa," (or any signature line), printed with its
 * title "dr." and degrees ("dr. Mega Utami, M.Kes"); the first such name below the body of the letter.
 */
export function signingDoctor(rows: readonly Row[]): ExtractedField {
  const start = Math.floor(rows.length / 3);
  for (let r = start; r < rows.length; r++) {
    const row = rows[r] as Row;
    for (const seg of row.segments) {
      const first = seg.words[0]?.text ?? '';
      if (!/^(dr|drg)\.?$/i.test(first) && !/^(dr|drg)\.[A-Za-z]/i.test(first)) continue;
      if (seg.words.length < 2 && !/^(dr|drg)\.[A-Za-z]{3,}/i.test(first)) continue;
      const v = normalizeName(seg.text).replace(/^(DRG?)\s/, '$1. ');
      if (!/[A-Z]{3}/.test(v.replace(/^DRG?\./, ''))) continue;
      return fromWords(seg.words, row.page, v);
    }
  }
  return { value: null, confidence: 0, page: rows[0]?.page ?? 1, bbox: null, needsKeying: true, reason: 'not_found' };
}

/** Banks by the initials or short name their logos print, with the name they print in full. */
const BANKS: readonly [string, string][] = [
  ['bri', 'BANK RAKYAT INDONESIA'],
  ['bni', 'BANK NEGARA INDONESIA'],
  ['bca', 'BANK CENTRAL ASIA'],
  ['bsi', 'BANK SYARIAH INDONESIA'],
  ['btn', 'BANK TABUNGAN NEGARA'],
  ['mandiri', 'BANK MANDIRI'],
  ['bankjambi', 'BANK JAMBI'],
  ['bank9jambi', 'BANK JAMBI'],
  ['cimb', 'BANK CIMB NIAGA'],
  ['danamon', 'BANK DANAMON'],
  ['muamalat', 'BANK MUAMALAT'],
  ['btpn', 'BANK BTPN'],
];

/**
 * The bank of a passbook: its name as the header prints it ("BANK RAKYAT INDONESIA" beside the logo),
 * else the bank its logo's initials stand for. Only the top of the document is looked at: a "BANK …"
 * further down is a transfer's counterparty.
 */
export function bankName(rows: readonly Row[]): ExtractedField {
  const top = rows.slice(0, BANK_HEADER_ROWS);
  for (const row of top) {
    for (const seg of row.segments) {
      const at = seg.words.findIndex((w) => editDistance(squash(w.text), 'bank', 1) <= 1 && w.text.length >= 4);
      if (at < 0) continue;
      const words = seg.words.slice(at).filter((w) => /[A-Za-z0-9]/.test(w.text));
      if (words.length < 2 || words.length > 5) continue;
      return fromWords(
        words,
        row.page,
        normalizeName(
          words
            .map((w) => w.text)
            .join(' ')
            .replace(/^\S+/, 'BANK'),
        ),
      );
    }
  }
  for (const row of top) {
    for (const seg of row.segments) {
      const key = squash(seg.text);
      const bank = BANKS.find(([k]) => key === k || (k.length >= 6 && editDistance(key, k, 1) <= 1));
      if (bank) return fromWords(seg.words, row.page, bank[1], 0.95);
    }
  }
  return { value: null, confidence: 0, page: rows[0]?.page ?? 1, bbox: null, needsKeying: true, reason: 'not_found' };
}

/** A passbook's bank is named in its first lines. */
const BANK_HEADER_ROWS = PROSE.letterheadRows;

/** "Jambi, 12 Maret 2024" above the signatures: the letter's date. */
const WEEKDAY = /^(senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)$/i;

export function placeDateLine(rows: readonly Row[], refYear: number): ExtractedField | null {
  for (let r = rows.length - 1; r >= 0; r--) {
    const row = rows[r] as Row;
    for (const seg of row.segments) {
      const m = /^[^A-Za-z]{0,3}([A-Za-z .]{3,30}),\s*(.+)$/.exec(seg.text);
      // "Senin, 8 Desember 2025" is a day and a date (another field's value), not a place and a date.
      if (!m || WEEKDAY.test((m[1] ?? '').trim()) || !parseIndonesianDate(m[2] ?? '', refYear).value) continue;
      const comma = seg.words.findIndex((w) => w.text.endsWith(','));
      const dateWords = seg.words.slice(comma + 1);
      return buildField({ kind: 'date', words: dateWords, page: row.page, labelDistance: 0, refYear });
    }
  }
  return null;
}

/** Marriage books print "SUAMI" and "ISTRI" sections, each with its own "Nama". */
export function marriageSections(rows: readonly Row[], refYear: number): Record<string, ExtractedField> {
  const out: Record<string, ExtractedField> = {};
  const nama: FieldSpec = { key: 'nama', kind: 'name', labels: ['nama', 'nama lengkap'] };
  const sections: [string, string[]][] = [
    ['nama_suami', ['suami', 'calonsuami']],
    ['nama_istri', ['istri', 'isteri', 'calonistri']],
  ];
  for (const [key, words] of sections) {
    const at = rows.findIndex((r) => r.words.length <= 3 && words.includes(squash(r.text)));
    if (at < 0) continue;
    const f = extractFields(rows.slice(at + 1, at + 4), [nama], refYear).nama;
    if (f && f.value !== null) out[key] = f;
  }
  return out;
}
