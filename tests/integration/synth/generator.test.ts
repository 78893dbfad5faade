// The synthetic dossier generator (tools/synth), in its classic and its real formats: deterministic by
// seed, every contract type covered, ground truth in the contract's normalised form and internally
// consistent (NIKs encode birth date and gender), regions only where documents share a page, within
// the page and apart from each other. Generating dossiers takes seconds each: integration tier.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { DOCUMENT_TYPES, extractedDocumentSchema } from '../../../src/shared/domain/documents';
import { fieldKeys } from '../../../src/shared/extract/specs';
import { nikMatches } from '../../../src/shared/normalize/nik';
import { generateDossier, type Dossier } from '../../../tools/synth/index';
import { renderSpec, type OfficeStyle } from '../../../tools/synth/render';
import type { DocSpec, DocTruth } from '../../../tools/synth/spec';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Every truth document is shaped like extraction output, carries only contract keys, and is consistent. */
function checkTruth(d: DocTruth): void {
  for (const key of Object.keys(d.fields)) expect(fieldKeys(d.type), `${d.type}.${key}`).toContain(key);
  const asDoc = {
    type: d.type,
    typeConfidence: 1,
    pages: d.pages,
    fields: Object.fromEntries(Object.entries(d.fields).map(([k, v]) => [k, { value: v, confidence: 1, page: d.pages[0] ?? 1, bbox: null }])),
  };
  expect(extractedDocumentSchema.safeParse(asDoc).success).toBe(true);
  const v = d.fields;
  if (d.type === 'ktp') expect(nikMatches(String(v.nik), String(v.tanggal_lahir), v.jenis_kelamin as 'L' | 'P')).toBe(true);
  if (d.type === 'kk') {
    for (const m of v.anggota as Record<string, string>[]) expect(nikMatches(m.nik!, m.tanggal_lahir!, m.jenis_kelamin as 'L' | 'P')).toBe(true);
    expect(String(v.nomor_kk)).toMatch(/^\d{16}$/);
  }
  for (const [k, val] of Object.entries(v)) if (k.startsWith('tanggal')) expect(val, `${d.type}.${k}`).toMatch(ISO);
  if (typeof v.nama === 'string') expect(v.nama).toBe(v.nama.toUpperCase());
  if (d.type === 'kuitansi') expect(Number.isInteger(v.jumlah)).toBe(true);
}

describe('generateDossier, classic formats', () => {
  const dossiers: Dossier[] = [];
  const get = async (seed: number, claimType: 'JKM' | 'JKK' | 'JHT'): Promise<Dossier> => {
    const d = await generateDossier(seed, { claimType, degradations: ['clean'] });
    dossiers.push(d);
    return d;
  };

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
    for (const t of DOCUMENT_TYPES.filter((x) => x !== 'other' && x !== 'npwp' && x !== 'surat_kematian' && x !== 'akta_kematian'))
      expect(types, t).toContain(t);
    expect(types.has('akta_kematian') || types.has('surat_kematian')).toBe(true);
    for (const d of docs) checkTruth(d);
    // One document per page: no regions.
    expect(docs.some((d) => d.regions)).toBe(false);
  }, 120_000);

  it('writes pages that are contiguous within each file', () => {
    for (const d of dossiers) {
      for (const f of d.files) {
        const pages = f.truth.documents.flatMap((x) => x.pages);
        expect(pages).toEqual(pages.map((_, i) => i + 1));
      }
    }
    expect(dossiers.length).toBeGreaterThan(0);
  });
});

describe('generateDossier, real formats', () => {
  const real: Dossier[] = [];

  it('is deterministic by seed', async () => {
    const a = await generateDossier(5, { formats: 'real', claimType: 'JKM' });
    const b = await generateDossier(5, { formats: 'real', claimType: 'JKM' });
    expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
    a.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b.files[i]!.bytes)), f.name).toBe(true));
    expect(JSON.stringify(a.files.map((f) => f.truth))).toBe(JSON.stringify(b.files.map((f) => f.truth)));
    real.push(a);
  }, 120_000);

  it('covers every contract type, other pages, several documents on one page, photos and screenshots', async () => {
    for (const [seed, claimType] of [
      [1, 'JKK'],
      [2, 'JKM'],
      [3, 'JHT'],
      [4, 'JKK'],
      [6, 'JKM'],
      [7, 'JKM'],
      [8, 'JKK'],
    ] as const) {
      real.push(await generateDossier(seed, { formats: 'real', claimType, participantIndex: seed }));
    }
    const docs = real.flatMap((d) => d.files.flatMap((f) => f.truth.documents));
    const types = new Set(docs.map((d) => d.type));
    for (const t of DOCUMENT_TYPES.filter((x) => x !== 'npwp')) {
      if (t === 'surat_kematian' || t === 'akta_kematian') continue;
      expect(types, t).toContain(t);
    }
    expect(types.has('akta_kematian') || types.has('surat_kematian')).toBe(true);
    for (const d of docs) checkTruth(d);
    expect(docs.filter((d) => d.regions).length).toBeGreaterThan(3);
    const names = real.flatMap((d) => d.files.map((f) => f.name));
    expect(names.some((n) => n.endsWith('.jpg'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
    const variants = new Set(docs.map((d) => d.variant));
    expect([...variants].some((v) => v?.startsWith('kartu_peserta/jmo'))).toBe(true);
    expect([...variants].some((v) => v === 'kuitansi/hand-filled' || v === 'kuitansi/hospital-printed')).toBe(true);
  }, 300_000);

  it('gives regions only on shared pages, inside the page and apart from each other', () => {
    for (const d of real) {
      for (const f of d.files) {
        const pages = new Map<number, DocTruth[]>();
        for (const doc of f.truth.documents) for (const p of doc.pages) pages.set(p, [...(pages.get(p) ?? []), doc]);
        for (const [p, on] of pages) {
          if (on.length === 1) {
            expect(on[0]!.regions?.some((r) => r.page === p) ?? false, `${f.name} p${p}`).toBe(false);
            continue;
          }
          const boxes = on.map((doc) => doc.regions?.find((r) => r.page === p)?.box);
          for (const b of boxes) {
            expect(b, `${f.name} p${p}`).toBeDefined();
            const [x0, y0, x1, y1] = b!;
            expect(0 <= x0 && x0 < x1 && x1 <= 1 && 0 <= y0 && y0 < y1 && y1 <= 1, `${f.name} p${p} ${b}`).toBe(true);
          }
          // Documents laid side by side or stacked overlap at most along a turned card's corner.
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const [a, b] = [boxes[i]!, boxes[j]!];
              const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
              const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
              const smaller = Math.min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]));
              expect((w * h) / smaller, `${f.name} p${p}`).toBeLessThan(0.05);
            }
          }
        }
      }
    }
  });

  it('fills accident forms in by hand when asked: those keys are listed as handwritten', async () => {
    const d = await generateDossier(9, { formats: 'real', claimType: 'JKK', handwriting: true, degradations: ['clean'] });
    const forms = d.files.flatMap((f) => f.truth.documents).filter((x) => x.type === 'form_kk1' || x.type === 'form_kk2');
    expect(forms.length).toBe(2);
    for (const f of forms) {
      expect(f.handwritten?.length, f.type).toBeGreaterThan(0);
      for (const k of f.handwritten ?? []) expect(Object.keys(f.fields)).toContain(k);
    }
  }, 120_000);
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
      const { data, info } = await sharp(png as Buffer)
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      // The right-hand 60 px of the page (inside its 90 px margin) hold no ink.
      let ink = 0;
      for (let y = 0; y < info.height; y++) for (let x = info.width - 60; x < info.width; x++) if ((data[y * info.width + x] as number) < 128) ink++;
      expect(ink, layout).toBe(0);
    }
  });
});
