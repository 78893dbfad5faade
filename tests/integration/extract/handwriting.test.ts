// Handwriting is never pre-filled: accident forms and receipts generated with some values written by
// hand (blue or black ballpoint), read by the real OCR engine. Every handwritten value is left empty
// for the officer with the reason "handwriting"; the printed values around it are still read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../../src/shared/domain/documents';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { extractDocuments } from '../../../src/shared/extract';
import { createOcrPool, type OcrPool } from '../../../src/main/ocr/pool';
import { readFile } from '../../../src/main/ocr/read-file';
import { generateDossier, type GeneratedFile } from '../../../tools/synth/index';

let pool: OcrPool;
const read: { file: GeneratedFile; pages: OcrPage[]; docs: ExtractedDocument[] }[] = [];

beforeAll(async () => {
  pool = createOcrPool({ size: 2 });
  const d = await generateDossier(4242, { claimType: 'JKK', degradations: ['clean'], otherPages: false, handwriting: true });
  for (const file of d.files.filter((f) => f.truth.documents.some((t) => t.handwritten?.length))) {
    const { pages } = await readFile({ name: file.name, bytes: Buffer.from(file.bytes) }, { pool });
    read.push({ file, pages, docs: extractDocuments(pages) });
  }
}, 240_000);

afterAll(async () => {
  await pool?.terminate();
});

const each = (fn: (t: GeneratedFile['truth']['documents'][number], doc: ExtractedDocument | undefined) => void): void => {
  for (const r of read)
    for (const t of r.file.truth.documents)
      fn(
        t,
        r.docs.find((x) => x.type === t.type && x.pages[0] === t.pages[0]),
      );
};

describe('handwritten values', () => {
  it('the generated dossier has forms filled in by hand', () => {
    const keys = read.flatMap((r) => r.file.truth.documents.flatMap((t) => t.handwritten ?? []));
    expect(keys.length).toBeGreaterThanOrEqual(3);
  });

  it('are left empty for keying, most of them named as handwriting, with the box where the writing is', () => {
    let seen = 0;
    let named = 0;
    each((t, doc) => {
      expect(doc, t.type).toBeDefined();
      for (const key of t.handwritten ?? []) {
        const f = doc?.fields[key];
        expect(f?.value ?? null, `${t.type}.${key}`).toBeNull();
        expect(f?.needsKeying, `${t.type}.${key}`).toBe(true);
        seen++;
        // A short value ("08.30") has too few letters to tell a hand by; it is left for doubt instead.
        if (f?.reason === 'handwriting') {
          expect(f.bbox).not.toBeNull();
          named++;
        }
      }
    });
    expect(seen).toBeGreaterThan(0);
    expect(named / seen).toBeGreaterThanOrEqual(0.75);
  });

  it('leave the printed values of the same documents to be read, none taken for handwriting', () => {
    let printed = 0;
    let right = 0;
    each((t, doc) => {
      for (const [key, expected] of Object.entries(t.fields)) {
        if (t.handwritten?.includes(key)) continue;
        printed++;
        expect(doc?.fields[key]?.reason, `${t.type}.${key}`).not.toBe('handwriting');
        if (JSON.stringify(doc?.fields[key]?.value) === JSON.stringify(expected)) right++;
      }
    });
    expect(printed).toBeGreaterThan(5);
    expect(right / printed).toBeGreaterThan(0.85);
  });

  it('are marked word by word on the OCR page, and printed labels are not', () => {
    const words = read.flatMap((r) => r.pages.flatMap((p) => p.lines.flatMap((l) => l.words)));
    expect(words.some((w) => w.handwritten)).toBe(true);
    for (const label of ['Tanggal', 'Jumlah', 'KUITANSI', 'KWITANSI', 'BPJS', 'KETENAGAKERJAAN']) {
      expect(
        words.filter((w) => w.text === label && w.handwritten),
        label,
      ).toEqual([]);
    }
  });
});
