// The synthetic dossier generator: deterministic by seed, every contract type covered, ground truth
// in the contract's normalised form and internally consistent (NIKs encode birth date and gender).
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, extractedDocumentSchema } from '../../../src/shared/domain/documents';
import { fieldKeys } from '../../../src/shared/extract/specs';
import { nikMatches } from '../../../src/shared/normalize/nik';
import sharp from 'sharp';
import { generateDossier, type Dossier } from '../../../tools/synth/index';
import { renderSpec, type OfficeStyle } from '../../../tools/synth/render';
import type { DocSpec } from '../../../tools/synth/spec';

const dossiers: Dossier[] = [];
const get = async (seed: number, claimType: 'JKM' | 'JKK' | 'JHT'): Promise<Dossier> => {
  const d = await generateDossier(seed, { claimType, degradations: ['clean'] });
  dossiers.push(d);
  return d;
};

describe('generateDossier', () => {
  it('gives byte-identical files for the same seed', async () => {
    const a = await generateDossier(31, { claimType: 'JKK' });
    const b = await generateDossier(31, { claimType: 'JKK' });
    expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
    a.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b.files[i]!.bytes))).toBe(true));
    const c = await generateDossier(32, { claimType: 'JKK' });
    expect(Buffer.from(c.files[0]!.bytes).equals(Buffer.from(a.files[0]!.bytes))).toBe(false);
  }, 60_000);

  it('covers every contract document type across claim types, with truth keys from the contract', async () => {
    const all = [await get(11, 'JKM'), await get(12, 'JKK'), await get(13, 'JHT'), await get(14, 'JKM'), await get(15, 'JKK'), await get(16, 'JKM')];
    const docs = all.flatMap((d) => d.files.flatMap((f) => f.truth.documents));
    const types = new Set(docs.map((d) => d.type));
    for (const t of DOCUMENT_TYPES.filter((x) => x !== 'other' && x !== 'npwp' && x !== 'surat_kematian' && x !== 'akta_kematian')) expect(types, t).toContain(t);
    expect(types.has('akta_kematian') || types.has('surat_kematian')).toBe(true);
    for (const d of docs) {
      for (const key of Object.keys(d.fields)) expect(fieldKeys(d.type), `${d.type}.${key}`).toContain(key);
      // The truth has the same shape as extraction output.
      const asDoc = { type: d.type, typeConfidence: 1, pages: d.pages, fields: Object.fromEntries(Object.entries(d.fields).map(([k, v]) => [k, { value: v, confidence: 1, page: d.pages[0] ?? 1, bbox: null }])) };
      expect(extractedDocumentSchema.safeParse(asDoc).success).toBe(true);
    }
  }, 120_000);

  it('writes truth that is internally consistent: NIKs encode birth date and gender, pages are contiguous', () => {
    for (const d of dossiers) {
      for (const f of d.files) {
        const pages = f.truth.documents.flatMap((x) => x.pages);
        expect(pages).toEqual(pages.map((_, i) => i + 1));
        for (const doc of f.truth.documents) {
          const v = doc.fields;
          if (doc.type === 'ktp') expect(nikMatches(String(v.nik), String(v.tanggal_lahir), v.jenis_kelamin as 'L' | 'P')).toBe(true);
          if (doc.type === 'kk') {
            for (const m of v.anggota as Record<string, string>[]) expect(nikMatches(m.nik!, m.tanggal_lahir!, m.jenis_kelamin as 'L' | 'P')).toBe(true);
            expect(String(v.nomor_kk)).toMatch(/^\d{16}$/);
          }
          for (const [k, val] of Object.entries(v)) if (k.startsWith('tanggal')) expect(val).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
    expect(dossiers.length).toBeGreaterThan(0);
  });
});

describe('renderSpec', () => {
  it('never prints past the right margin: a pair that does not fit side by side goes on two lines', async () => {
    const spec: DocSpec = {
      type: 'surat_ahli_waris',
      size: 'portrait',
      blocks: [
        { kind: 'field', label: 'Nama Pewaris', value: 'HENDRA FIRMANSYAH BIN ABDULLAH' },
        { kind: 'field', label: 'NIK', value: '1505011007841012' },
        { kind: 'field', label: 'KPJ', value: '10000007099', label2: 'Nama Peserta', value2: 'SUMIATI PURNAMASARI BINTI SUPARMAN' },
      ],
      truth: {},
    };
    for (const layout of ['twocol', 'colon'] as const) {
      const style: OfficeStyle = { font: 'DejaVu Serif', fontSize: 32, layout, labelWidth: 380, cardOnA4: false, tint: '#ffffff', tableGrid: false };
      const [png] = await renderSpec(spec, style);
      const { data, info } = await sharp(png as Buffer).greyscale().raw().toBuffer({ resolveWithObject: true });
      // The right-hand 60 px of the page (inside its 90 px margin) hold no ink.
      let ink = 0;
      for (let y = 0; y < info.height; y++) for (let x = info.width - 60; x < info.width; x++) if ((data[y * info.width + x] as number) < 128) ink++;
      expect(ink, layout).toBe(0);
    }
  });
});
