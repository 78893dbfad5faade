// A claim dossier as a branch receives it: the participant's documents for one claim type, rendered in
// varied office styles, degraded like scans and phone photos, bundled into multi-document PDFs and
// single images, each file with its ground truth. Deterministic by seed.
import type { ClaimType } from '../../src/shared/domain/claims';
import type { Participant } from '../../src/shared/domain/participant';
import type { KondisiAkhir } from '../../src/shared/normalize/values';
import { addDays, laterDate, randomDate, syntheticParticipant, REGIONS, BANKS } from './people';
import { Rng } from './random';
import { degrade, type Degradation } from './degrade';
import * as D from './documents';
import { DATE_STYLES } from './formats';
import { nameVariant, randomVariant } from './names';
import { buildFamily } from './family';
import { scannedPdf, type PdfPage } from './pdf';
import { generateRealDossier } from './real/dossier';
import { onA4, randomStyle, renderSpec } from './render';
import type { Block, DocSpec, DocTruth, FileTruth } from './spec';

export interface GeneratedFile {
  name: string;
  bytes: Uint8Array;
  mime: 'application/pdf' | 'image/jpeg' | 'image/png';
  truth: FileTruth;
}

export interface Dossier {
  claimType: ClaimType;
  participant: Participant;
  files: GeneratedFile[];
}

export interface DossierOptions {
  claimType?: ClaimType;
  /** Which synthetic participant (syntheticParticipant(seed, index)); default 0. */
  participantIndex?: number;
  /** Restrict the degradations used (e.g. ['clean'] for fast tests). */
  degradations?: readonly Degradation[];
  /** File-name prefix. */
  prefix?: string;
  /** Include a non-claim page now and then (default true). */
  otherPages?: boolean;
  /** Forms filled in by hand: on accident reports and receipts some values are handwritten (default
   * false). Drawn from its own random stream, so the rest of the dossier is the same either way. */
  handwriting?: boolean;
  /** 'classic': every type in one generic label-and-colon layout, one document per page (the default;
   * the layouts extraction was first built on). 'real': the formats of the real documents (docs/document-
   * formats.md), several documents on one page, desk photos and phone screenshots. */
  formats?: 'classic' | 'real';
}

function buildSpecs(p: Participant, claimType: ClaimType, rng: Rng, withOther: boolean): DocSpec[] {
  const city = (REGIONS.find((r) => p.nik.startsWith(r.code)) ?? REGIONS[0]).tempat;
  const ctx = (name: string, person: Participant = p): D.DocContext => ({ rng, person, printedName: name, dateStyle: rng.pick(DATE_STYLES), city });
  const variant = (name: string, g: 'L' | 'P'): string => nameVariant(name, g, rng, randomVariant(rng));
  const specs: DocSpec[] = [D.kartuPeserta(ctx(p.nama)), D.ktp(ctx(variant(p.nama, p.jenis_kelamin)))];
  const family = buildFamily(p, rng, rng.chance(0.7) ? p.nama : variant(p.nama, p.jenis_kelamin));
  const bank = p.nama_bank ?? rng.pick(BANKS).name;
  const account = p.nomor_rekening ?? rng.digits(10);
  const event = randomDate(rng, 2025, 2026);
  const eventDate = event > '2026-10-31' ? '2026-10-31' : laterDate(event, p.tanggal_kepesertaan);
  if (claimType === 'JKM' || claimType === 'BEASISWA') {
    const death = { date: eventDate, place: rng.pick([`RSUD ${city}`, city, `RUMAH, ${city}`]) };
    specs.push(D.kk(ctx(p.nama), family.nomorKk, family.members));
    specs.push(rng.chance(0.5) ? D.aktaKematian(ctx(p.nama), death) : D.suratKematian(ctx(p.nama), death));
    const heirs = family.members
      .filter((m) => m.nik !== p.nik)
      .map((m) => ({ ...m, hubungan: m.hubungan === 'kepala_keluarga' ? (m.jenis_kelamin === 'L' ? 'suami' : 'istri') : m.hubungan }) as D.Member);
    const almarhum = rng.chance(0.4) ? nameVariant(p.nama, p.jenis_kelamin, rng, 'bin', rng.pick(['SLAMET', 'ABDULLAH', 'SUKARDI', 'HASAN'])) : p.nama;
    if (heirs.length) specs.push(D.suratAhliWaris(ctx(almarhum), heirs, addDays(death.date, rng.int(3, 40)), death.date, rng.chance(0.4)));
    const heir = heirs[0];
    if (heir) {
      const heirP: Participant = { ...p, nik: heir.nik, nama: heir.nama, jenis_kelamin: heir.jenis_kelamin, tanggal_lahir: heir.tanggal_lahir };
      specs.push(D.ktp(ctx(heir.nama, heirP)));
      if (family.spouse) {
        const [suami, istri] = p.jenis_kelamin === 'L' ? [p.nama, family.spouse.nama] : [family.spouse.nama, p.nama];
        specs.push(D.bukuNikah(ctx(p.nama), suami, istri, randomDate(rng, 1995, 2020)));
      }
      specs.push(D.bukuTabungan(ctx(heir.nama, heirP), bank, account));
    }
  } else if (claimType === 'JKK') {
    const kondisi: KondisiAkhir = rng.pick(['sembuh', 'sembuh', 'cacat_sebagian_fungsi', 'cacat_sebagian_anatomis', 'cacat_total_tetap']);
    const a: D.Accident = {
      date: eventDate,
      time: `${String(rng.int(6, 21)).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`,
      place: rng.pick([`PASAR ${city}`, `JL. LINTAS SUMATERA KM ${rng.int(3, 40)}`, `KEBUN SAWIT DESA ${rng.pick(['SUKAMAJU', 'MEKAR SARI'])}`]),
      reportDate: addDays(eventDate, rng.chance(0.8) ? rng.int(0, 2) : rng.int(3, 9)),
      stage2Date: addDays(eventDate, rng.int(14, 60)),
      kondisi,
      diagnosa: rng.pick(['FRAKTUR RADIUS SINISTRA', 'VULNUS LACERATUM', 'CEDERA KEPALA RINGAN', 'FRAKTUR TIBIA DEKSTRA']),
      dokter: rng.pick(['dr. Andi Wijaya, Sp.OT', 'dr. Ratna Sari', 'dr. H. Bambang Nugroho, Sp.B', 'dr. Siti Rahmawati']),
      faskes: rng.pick([`RSUD RADEN MATTAHER ${city}`, `RS SILOAM ${city}`, `KLINIK PRATAMA SEHAT ${city}`]),
      examDate: addDays(eventDate, rng.int(10, 50)),
    };
    specs.push(D.formKk1(ctx(p.nama), a, rng.chance(0.4)), D.formKk2(ctx(p.nama), a), D.suratDokter(ctx(p.nama), a));
    for (let i = 0, n = rng.int(1, 2); i < n; i++) {
      specs.push(
        D.kuitansi(ctx(p.nama), {
          nomor: `KW/${eventDate.slice(0, 4)}/${String(rng.int(1, 9999)).padStart(4, '0')}`,
          date: addDays(eventDate, rng.int(0, 20)),
          amount: rng.int(3, 900) * 5000,
          penerima: a.faskes,
        }),
      );
    }
    specs.push(D.bukuTabungan(ctx(p.nama), bank, account));
  } else {
    specs.push(D.kk(ctx(p.nama), family.nomorKk, family.members), D.bukuTabungan(ctx(p.nama), bank, account));
  }
  if (rng.chance(0.4)) specs.push(D.npwp(ctx(p.nama), rng.chance(0.5) ? `0${rng.digits(8)}${rng.pick(['331', '202', '421'])}000` : p.nik));
  if (withOther && rng.chance(0.3)) specs.splice(rng.int(1, specs.length), 0, D.otherPage(ctx(p.nama)));
  return specs;
}

async function pagesOf(spec: DocSpec, rng: Rng): Promise<Buffer[]> {
  const style = randomStyle(rng);
  const pages = await renderSpec(spec, style);
  if (!(spec.size === 'card' && style.cardOnA4)) return pages;
  const out: Buffer[] = [];
  for (const pg of pages) out.push(await onA4(pg, rng));
  return out;
}

/** Forms a person fills in at the counter: each of their fillable values is handwritten with even odds,
 * at least one per form. */
function fillInByHand(specs: DocSpec[], rng: Rng): void {
  for (const spec of specs) {
    const fillable = spec.blocks.flatMap((b, i) => (b.kind === 'field' && b.key ? [i] : []));
    if (!fillable.length) continue;
    const chosen = fillable.filter(() => rng.chance(0.5));
    if (!chosen.length) chosen.push(rng.pick(fillable));
    for (const i of chosen) spec.blocks[i] = { ...(spec.blocks[i] as Extract<Block, { kind: 'field' }>), hand: true };
  }
}

/** One dossier: 2–5 files, each a PDF bundle of several documents or a single page image (classic
 * formats; real formats are drawn by real/dossier.ts). */
export async function generateDossier(seed: number, options: DossierOptions = {}): Promise<Dossier> {
  if (options.formats === 'real') return generateRealDossier(seed, options);
  const rng = new Rng(seed * 7919 + 17);
  const participant = syntheticParticipant(seed, options.participantIndex ?? 0);
  const claimType = options.claimType ?? rng.pick(['JKM', 'JKK', 'JHT', 'JKK', 'JKM'] as const);
  const specs = buildSpecs(participant, claimType, rng, options.otherPages ?? true);
  if (options.handwriting) fillInByHand(specs, new Rng(seed * 104729 + 3));
  const kinds = options.degradations ?? ['clean', 'scan', 'scan', 'photo', 'lowres'];
  const prefix = options.prefix ?? `dossier-${seed}`;
  const files: GeneratedFile[] = [];
  let i = 0;
  while (i < specs.length) {
    const take = Math.min(specs.length - i, rng.int(1, 4));
    const group = specs.slice(i, i + take);
    i += take;
    const kind = rng.pick(kinds);
    // One document at a time: the shared Rng must be drawn in the same order on every run.
    const rendered: Buffer[][] = [];
    for (const s of group) rendered.push(await pagesOf(s, rng));
    const documents: DocTruth[] = [];
    let page = 1;
    rendered.forEach((pages, k) => {
      const spec = group[k] as DocSpec;
      const handwritten = spec.blocks.flatMap((b) => (b.kind === 'field' && b.hand && b.key ? [b.key] : []));
      documents.push({ type: spec.type, pages: pages.map((_, j) => page + j), fields: spec.truth, ...(handwritten.length ? { handwritten } : {}) });
      page += pages.length;
    });
    const all = rendered.flat();
    const name = `${prefix}-${files.length + 1}`;
    if (all.length === 1 && rng.chance(0.5)) {
      const img = await degrade(all[0] as Buffer, kind, rng);
      files.push({
        name: `${name}.${img.format === 'jpeg' ? 'jpg' : 'png'}`,
        bytes: new Uint8Array(img.bytes),
        mime: img.format === 'jpeg' ? 'image/jpeg' : 'image/png',
        truth: { name: `${name}.${img.format === 'jpeg' ? 'jpg' : 'png'}`, documents },
      });
      continue;
    }
    const pages: PdfPage[] = [];
    for (const pg of all) {
      const img = await degrade(pg, kind, rng);
      // The paper stays A4 (renders are 150 dpi); a low-resolution copy just has fewer pixels on it.
      pages.push({ bytes: img.bytes, format: img.format, width: (img.sourceWidth * 72) / 150, height: (img.sourceHeight * 72) / 150 });
    }
    files.push({ name: `${name}.pdf`, bytes: await scannedPdf(pages), mime: 'application/pdf', truth: { name: `${name}.pdf`, documents } });
  }
  return { claimType, participant, files };
}
