// No OCR text, however garbled, crashes the extractor, and whatever it returns is contract-valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, extractedDocumentSchema } from '../../../src/shared/domain/documents';
import { extractAs, extractDocuments } from '../../../src/shared/extract/index';
import { normalizeOfficerValue } from '../../../src/shared/extract/officer-value';
import { parseIndonesianDate } from '../../../src/shared/normalize/dates';
import { parseRupiah } from '../../../src/shared/normalize/values';
import { pageFromLines } from './page-builder';

// Words that steer the extractor into its label, table and date paths, mixed with noise.
const vocabulary = fc.constantFrom(
  'NIK',
  'Nama',
  ':',
  'KARTU',
  'KELUARGA',
  'Tanggal',
  'Lahir',
  'Rp',
  '1.250.000,-',
  '05-06-1988',
  '5 Juni 1988',
  'LAKI-LAKI',
  'PEREMPUAN',
  'ISTRI',
  'ANAK',
  '1571024506880003',
  'O0O0',
  'l1I|',
  'TAHAP',
  'II',
  'KUITANSI',
  'AHLI',
  'WARIS',
  'No',
  'Hubungan',
  'Jenis',
  'Kelamin',
  'Halaman',
  '2',
  '|',
  '~~',
  'Sp.OT',
  'BIN',
  'dr.',
  '0',
  '',
  '@',
  '14.30',
  'WIB',
  'KPJ',
  'NPWP',
);
const word = fc.oneof(vocabulary, fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9OIlSB.\-/]{1,20}$/));
const line = fc.array(word, { maxLength: 10 }).map((ws) => ws.join(fc.sample(fc.constantFrom(' ', '  ', '   '), 1)[0] ?? ' '));
const pageLines = fc.array(line, { maxLength: 25 });

describe('extractor robustness', () => {
  it('never throws on random OCR text and always returns contract-valid documents', () => {
    fc.assert(
      fc.property(fc.array(pageLines, { minLength: 1, maxLength: 4 }), (pages) => {
        const ocr = pages.map((lines, i) => pageFromLines(lines, i + 1, 0.9));
        const docs = extractDocuments(ocr);
        // Every page belongs to a document; a page shared by several documents gives each its region.
        expect([...new Set(docs.flatMap((d) => d.pages))].sort((a, b) => a - b)).toEqual(ocr.map((p) => p.page));
        for (const p of ocr) {
          const on = docs.filter((d) => d.pages.includes(p.page));
          if (on.length > 1) for (const d of on) expect(d.regions?.some((r) => r.page === p.page)).toBe(true);
        }
        for (const d of docs) {
          extractedDocumentSchema.parse(d);
          if (d.type === 'other') expect(d.fields).toEqual({});
        }
      }),
      { numRuns: 300 },
    );
  });

  it('re-extraction as any type never throws', () => {
    fc.assert(
      fc.property(pageLines, fc.constantFrom(...DOCUMENT_TYPES), (lines, type) => {
        extractedDocumentSchema.parse(extractAs(type, [pageFromLines(lines)]));
      }),
      { numRuns: 200 },
    );
  });

  it('normalisers accept any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const d = parseIndonesianDate(s);
        if (d.value) expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const m = parseRupiah(s);
        if (m.value !== null) expect(Number.isSafeInteger(m.value)).toBe(true);
        normalizeOfficerValue('ktp', 'nik', s);
      }),
      { numRuns: 500 },
    );
  });
});
