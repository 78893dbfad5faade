// A stage-II accident form gives the outcome as a list of boxes, one crossed (print) or ticked (pen):
// the real OCR engine reads the boxes by their ink and extraction takes the marked option, while a
// form whose boxes are all empty (or two ticked) is left for the officer instead of taking the first
// option printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { extractDocuments } from '../../../src/shared/extract';
import { CHECKED, UNCHECKED } from '../../../src/shared/domain/ocr';
import { createOcrPool, type OcrPool } from '../../../src/main/ocr/pool';
import { readFile } from '../../../src/main/ocr/read-file';
import { degrade, randomStyle, renderSpec, type Block, type Degradation, type DocSpec } from '../../../tools/synth/index';
import { Rng } from '../../../tools/synth/random';

const OPTIONS = ['Sembuh', 'Cacat Sebagian Anatomis', 'Cacat Sebagian Fungsi', 'Cacat Total Tetap', 'Meninggal Dunia'];
const VALUES = ['sembuh', 'cacat_sebagian_anatomis', 'cacat_sebagian_fungsi', 'cacat_total_tetap', 'meninggal'];

interface Form {
  chosen: number[];
  layout: 'row' | 'column';
  mark: 'x' | 'tick';
  look: Degradation;
}

const FORMS: Form[] = [
  { chosen: [2], layout: 'row', mark: 'x', look: 'clean' },
  { chosen: [0], layout: 'row', mark: 'tick', look: 'scan' },
  { chosen: [3], layout: 'column', mark: 'tick', look: 'photo' },
  { chosen: [4], layout: 'column', mark: 'x', look: 'scan' },
  { chosen: [1], layout: 'column', mark: 'x', look: 'lowres' },
  { chosen: [], layout: 'row', mark: 'x', look: 'scan' },
  { chosen: [0, 4], layout: 'column', mark: 'tick', look: 'clean' },
];

/** A KK2 form whose outcome boxes are marked as `form` says (several marks: one list per mark, drawn over each other). */
async function render(form: Form, k: number): Promise<Buffer> {
  const rng = new Rng(7700 + k);
  const choices = (chosen: number): Block => ({ kind: 'choices', label: 'Kondisi Akhir', options: OPTIONS, chosen, layout: form.layout, mark: form.mark });
  const blocks: Block[] = [
    { kind: 'title', text: 'BPJS KETENAGAKERJAAN' },
    { kind: 'title', text: 'FORMULIR 3a (KK2)' },
    { kind: 'title', text: 'LAPORAN KECELAKAAN KERJA TAHAP II', size: 1.2 },
    { kind: 'field', label: 'No. KPJ', value: '10000000045' },
    { kind: 'field', label: 'Nama Tenaga Kerja', value: 'BUDI SANTOSO' },
    { kind: 'field', label: 'Tanggal Kecelakaan', value: '12-03-2025' },
    // -1 draws no mark; a second list drawn at the same place adds a second mark.
    choices(form.chosen[0] ?? -1),
    { kind: 'gap' },
    { kind: 'field', label: 'Tanggal Laporan', value: '20-04-2025' },
  ];
  const spec: DocSpec = { type: 'form_kk2', size: 'portrait', blocks, truth: {} };
  const style = { ...randomStyle(rng), layout: 'colon' as const };
  const [png] = await renderSpec(spec, style);
  let page = png as Buffer;
  if (form.chosen.length > 1) {
    // The same form with the second option marked too: the marks of both renders, on one page.
    const [again] = await renderSpec({ ...spec, blocks: blocks.map((b) => (b.kind === 'choices' ? choices(form.chosen[1] as number) : b)) }, style);
    const sharp = (await import('sharp')).default;
    page = await sharp(page)
      .composite([{ input: again as Buffer, blend: 'darken' }])
      .png()
      .toBuffer();
  }
  return (await degrade(page, form.look, rng)).bytes;
}

let pool: OcrPool;
const read: { form: Form; pages: OcrPage[] }[] = [];

beforeAll(async () => {
  pool = createOcrPool({ size: 2 });
  for (const [k, form] of FORMS.entries()) {
    const bytes = await render(form, k);
    read.push({ form, pages: (await readFile({ name: `kk2-${k}.png`, bytes }, { pool })).pages });
  }
}, 240_000);

afterAll(async () => {
  await pool?.terminate();
});

describe('an outcome ticked in a list of boxes', () => {
  it('is read as the marked option, on clean pages, scans, phone photos and low-resolution copies', () => {
    for (const { form, pages } of read.filter((r) => r.form.chosen.length === 1)) {
      const kk2 = extractDocuments(pages).find((d) => d.type === 'form_kk2');
      const f = kk2?.fields.kondisi_akhir;
      expect(f?.value, JSON.stringify(form)).toBe(VALUES[form.chosen[0] as number]);
      // The evidence box covers the mark and the option's words.
      expect(f?.bbox).not.toBeNull();
    }
  });

  it('puts a mark word in each box, one marked among empty ones', () => {
    for (const { form, pages } of read.filter((r) => r.form.chosen.length === 1)) {
      const words = pages.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text)));
      expect(words.filter((w) => w === CHECKED).length, JSON.stringify(form)).toBe(1);
      expect(words.filter((w) => w === UNCHECKED).length, JSON.stringify(form)).toBe(OPTIONS.length - 1);
    }
  });

  it('is left for the officer when no box, or more than one, is marked', () => {
    for (const { form, pages } of read.filter((r) => r.form.chosen.length !== 1)) {
      const f = extractDocuments(pages).find((d) => d.type === 'form_kk2')?.fields.kondisi_akhir;
      expect(f?.value ?? null, JSON.stringify(form)).toBeNull();
      expect(f?.reason, JSON.stringify(form)).toBe(form.chosen.length ? 'choice_several_marked' : 'choice_not_marked');
    }
  });
});
