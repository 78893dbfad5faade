// A claim dossier in the real documents' formats: the participant's documents for one claim type
// (real/*.ts), laid on pages as real bundles lay them (arrange.ts), degraded like scans, phone photos
// and low-resolution copies, and bundled into PDFs and single images, each file with its ground truth
// (regions for documents that share a page). Deterministic by seed.
import type { ClaimType } from '../../../src/shared/domain/claims';
import type { Participant } from '../../../src/shared/domain/participant';
import type { KondisiAkhir } from '../../../src/shared/normalize/values';
import { degrade, type Degradation } from '../degrade';
import type { Dossier, DossierOptions, GeneratedFile } from '../dossier';
import { nameVariant } from '../names';
import { scannedPdf, MM_TO_PT, type PdfPage } from '../pdf';
import { addDays, buildNik, laterDate, randomDate, randomName, syntheticParticipant } from '../people';
import { Rng } from '../random';
import type { DocTruth } from '../spec';
import { formKk1, formKk2, type Accident } from './accident';
import { alone, cardsAbovePassbook, cardsBesideLetter, onDesk, screenshot, twoCards, type Unit } from './arrange';
import type { RealCtx } from './context';
import { aktaKematian, suratKematian, type Death } from './death';
import { asJpeg, deskPhoto } from './desk';
import { suratDokter } from './dokter';
import { suratAhliWaris } from './heirs';
import { FACILITIES, household, type Resident } from './household';
import { kk } from './kk';
import { ktp } from './ktp';
import { bukuNikah } from './nikah';
import { coverLetter, kronologi, npwpCard } from './other';
import { bankByName, passbook } from './passbook';
import { jmoScreenshot, kartuPeserta, PHONE_DPI } from './peserta';
import { handReceipt, hospitalReceipt } from './receipts';
import { renderSheet, type RealDoc, type Sheet } from './sheet';

const DOKTER = [
  'dr. Siska Amelia',
  'dr. Fadhil Akbar, Sp.OT',
  'dr. H. Bambang Irawan, Sp.B',
  'dr. Rina Marlina',
  'dr. Yudi Pratama, Sp.OT',
  'dr. Mega Utami, M.Kes',
  'dr. Hendri Gunawan, Sp.B',
  'dr. Nurul Hidayah',
  'dr. Andika Putra, Sp.BS',
];
const DIAGNOSA = [
  'FRAKTUR RADIUS SINISTRA',
  'VULNUS LACERATUM REGIO CRURIS',
  'CEDERA KEPALA RINGAN',
  'FRAKTUR TIBIA DEKSTRA',
  'FRAKTUR CLAVICULA DEKSTRA',
  'LUKA BAKAR DERAJAT II',
  'DISLOKASI BAHU SINISTRA',
];
/** Where accidents happen, with what the chronology says happened there. */
const SCENES: readonly ((c: RealCtx, rng: Rng) => [string, string])[] = [
  (_c, rng) => [
    `JL. LINTAS SUMATERA KM ${rng.int(3, 40)}`,
    'Saat berangkat bekerja, sepeda motor yang saya kendarai ditabrak kendaraan lain dari arah berlawanan.',
  ],
  (_c, rng) => [
    `KEBUN SAWIT DESA ${rng.pick(['SUKAMAJU', 'MEKAR SARI', 'TANJUNG'])}`,
    'Saat memanen sawit, saya terjatuh dari tangga dan tangan kiri saya terbentur batang pohon.',
  ],
  (c) => [`PASAR ${c.home.address.town}`, 'Ketika menurunkan barang dagangan dari mobil, kaki saya tertimpa karung beras.'],
  (c) => [`${c.home.address.street}, ${c.home.address.kelurahan}`, 'Saat bekerja di bengkel, tangan saya terkena mesin gerinda.'],
];

interface Bundle {
  filed: string;
  cover: RealDoc | null;
  peserta: RealDoc;
  ktps: RealDoc[];
  npwp: RealDoc | null;
  passbook: RealDoc | null;
  /** Letters and forms, in the order a dossier carries them. */
  papers: RealDoc[];
  receipts: RealDoc[];
  others: RealDoc[];
}

/** A parent as heir, for a participant with no spouse or children. */
function parentHeir(p: Participant, rng: Rng, self: Resident): Resident {
  const dob = randomDate(rng, 1938, Math.min(Number(p.tanggal_lahir.slice(0, 4)) - 18, 1975));
  const nama = randomName(rng, 'P');
  return {
    ...self,
    nik: buildNik(p.nik.slice(0, 6), dob, 'P', rng.int(1, 9999)),
    nama,
    titled: nama,
    jenis_kelamin: 'P',
    tanggal_lahir: dob,
    hubungan: 'orang_tua',
    pekerjaan: 'MENGURUS RUMAH TANGGA',
    statusKawin: 'CERAI MATI',
  };
}

function bundle(c: RealCtx, claimType: ClaimType, withOther: boolean): Bundle {
  const { rng, person: p, home } = c;
  const event = randomDate(rng, 2025, 2026);
  const eventDate = event > '2026-10-31' ? '2026-10-31' : laterDate(event, p.tanggal_kepesertaan);
  const filed = addDays(eventDate, rng.int(10, 45));
  const formName = (): string => (rng.chance(0.8) ? p.nama : nameVariant(p.nama, p.jenis_kelamin, rng, rng.pick(['muhammad', 'old'] as const)));
  const peserta = rng.chance(0.3) ? jmoScreenshot(c, p.nama) : kartuPeserta(c, p.nama);
  const ktps = [ktp(c, home.self)];
  const papers: RealDoc[] = [];
  const receipts: RealDoc[] = [];
  const others: RealDoc[] = [];
  let holder = p.nama_pemilik_rekening ?? home.self.titled;
  let bank = bankByName(p.nama_bank, rng);
  let account = p.nomor_rekening ?? rng.digits(bank.digits);
  if (claimType === 'JKM' || claimType === 'BEASISWA') {
    const death: Death = {
      date: eventDate,
      time: `${String(rng.int(0, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
      place: rng.pick([rng.pick(FACILITIES), `RUMAH KEDIAMAN, ${home.address.kelurahan}`, home.address.town]),
      cause: rng.pick(['Sakit', 'Penyakit Jantung', 'Stroke', 'Sakit tua', 'Diabetes Melitus']),
    };
    const heirs = home.heirs.length ? home.heirs : [parentHeir(p, rng, home.self)];
    const first = heirs[0] as Resident;
    ktps.push(ktp(c, first));
    const adult = heirs.find((h, i) => i > 0 && Number(h.tanggal_lahir.slice(0, 4)) < 2008);
    if (adult && rng.chance(0.5)) ktps.push(ktp(c, adult));
    papers.push(kk(c));
    const which = rng.next();
    if (which < 0.55) papers.push(aktaKematian(c, home.self, death));
    else if (which < 0.85) papers.push(suratKematian(c, home.self, death));
    else papers.push(suratKematian(c, home.self, death), aktaKematian(c, home.self, death));
    const almarhum = rng.chance(0.35) ? nameVariant(p.nama, p.jenis_kelamin, rng, 'bin', home.self.ayah) : home.self.titled;
    papers.push(suratAhliWaris(c, home.self, almarhum, heirs, addDays(death.date, rng.int(3, 40)), death.date));
    if (home.spouse) {
      const [husband, wife] = p.jenis_kelamin === 'L' ? [home.self, home.spouse] : [home.spouse, home.self];
      papers.push(bukuNikah(c, husband, wife, home.self.tanggalKawin ?? randomDate(rng, 1990, 2020)));
    }
    // The benefit is paid to an heir's account.
    bank = bankByName(rng.chance(0.6) ? p.nama_bank : null, rng);
    account = rng.digits(bank.digits);
    holder = rng.chance(0.8) ? first.titled : first.nama;
  } else if (claimType === 'JKK') {
    const kondisi: KondisiAkhir = rng.pick(['sembuh', 'sembuh', 'sembuh', 'cacat_sebagian_fungsi', 'cacat_sebagian_anatomis', 'cacat_total_tetap']);
    const faskes = rng.pick(FACILITIES);
    const [place, story] = rng.pick(SCENES)(c, rng);
    const a: Accident = {
      date: eventDate,
      time: `${String(rng.int(6, 21)).padStart(2, '0')}:${String(rng.int(0, 11) * 5).padStart(2, '0')}`,
      place,
      reportDate: addDays(eventDate, rng.chance(0.8) ? rng.int(0, 2) : rng.int(3, 9)),
      stage2Date: addDays(eventDate, rng.int(14, 60)),
      kondisi,
      diagnosa: rng.pick(DIAGNOSA),
      dokter: rng.pick(DOKTER),
      faskes,
      examDate: addDays(eventDate, rng.int(0, 20)),
      story,
    };
    papers.push(formKk1(c, a, formName()), formKk2(c, a, formName()), suratDokter(c, a, formName()));
    for (let i = 0, n = rng.int(1, 3); i < n; i++) {
      const date = addDays(eventDate, rng.int(0, 25));
      const amount = rng.int(3, 900) * 5000;
      if (rng.chance(0.55)) {
        receipts.push(
          hospitalReceipt(c, {
            nomor: rng.pick([
              `RJ/${date.slice(0, 4)}/${String(rng.int(1, 99999)).padStart(6, '0')}`,
              `KW-${date.slice(2, 4)}${date.slice(5, 7)}${String(rng.int(1, 9999)).padStart(4, '0')}`,
              `INV/RS/${date.slice(0, 4)}/${rng.int(100, 9999)}`,
            ]),
            date,
            amount,
            penerima: faskes,
            patient: p.nama,
          }),
        );
      } else {
        const [penerima, purpose] = rng.pick([
          [`APOTEK ${rng.pick(['KIMIA FARMA', 'SEHAT FARMA', 'K-24', 'MANDIRI'])}`, 'Pembelian obat'],
          [`${rng.pick(['SUPRIADI', 'RUSLAN EFENDI', 'ABDUL KADIR', 'JUNAIDI'])}`, 'Sewa mobil ke rumah sakit'],
          [`AMBULANS DESA ${rng.pick(['SUKAMAJU', 'MEKAR SARI', 'TANJUNG'])}`, 'Biaya transportasi ambulans'],
        ] as const);
        receipts.push(handReceipt(c, { nomor: String(rng.int(1, 9_999_999)).padStart(7, '0'), date, amount, penerima, patient: p.nama }, purpose));
      }
    }
    if (withOther && rng.chance(0.5)) others.push(kronologi(c, p.nama, a, addDays(eventDate, rng.int(1, 10))));
    if (rng.chance(0.3)) papers.unshift(kk(c));
  } else {
    papers.push(kk(c));
  }
  const pb = passbook(c, bank.name, account, holder);
  const npwp = rng.chance(claimType === 'JKM' ? 0.3 : 0.12)
    ? npwpCard(c, rng.chance(0.6) ? `0${rng.digits(8)}${rng.pick(['331', '332', '421'])}000` : p.nik, home.self.titled)
    : null;
  const cover =
    withOther && rng.chance(0.35)
      ? coverLetter(c, claimType, claimType === 'JKM' || claimType === 'BEASISWA' ? (home.heirs[0]?.nama ?? p.nama) : p.nama, filed)
      : null;
  return { filed, cover, peserta, ktps, npwp, passbook: pb, papers, receipts, others };
}

/** Lays the bundle's documents on pages: several per page where real bundles put them together. */
function arrange(b: Bundle, rng: Rng, desk: boolean): Unit[] {
  const units: Unit[] = [];
  const stamp = b.filed;
  const cards: RealDoc[] = b.peserta.kind === 'card' ? [b.peserta] : [];
  const ktps = [...b.ktps];
  let pb = b.passbook;
  const coverAt = units.length;
  if (b.peserta.kind === 'screen') units.push(screenshot(b.peserta, PHONE_DPI));
  const r = rng.next();
  if (pb && cards.length && r < 0.3) {
    units.push(cardsAbovePassbook([cards.shift() as RealDoc], pb, rng, stamp));
    pb = null;
  } else if (pb && cards.length && ktps.length && r < 0.5) {
    units.push(cardsAbovePassbook([ktps.shift() as RealDoc, cards.shift() as RealDoc], pb, rng, stamp));
    pb = null;
  }
  if (ktps.length >= 2 && rng.chance(0.65)) units.push(twoCards(ktps.shift() as RealDoc, ktps.shift() as RealDoc, rng, stamp));
  const loose = [...cards, ...ktps];
  const shortLetter = [...b.papers, ...b.others, ...(b.cover ? [b.cover] : [])].find(
    (d) => d.pages.length === 1 && (d.type === 'surat_kematian' || d.type === 'other'),
  );
  let besideLetter: RealDoc | null = null;
  if (loose.length && shortLetter && rng.chance(0.5)) {
    besideLetter = shortLetter;
    const with_ = loose.splice(0, rng.chance(0.5) ? 2 : 1);
    units.push(cardsBesideLetter(with_, shortLetter, rng, stamp));
  }
  if (b.cover && b.cover !== besideLetter) units.splice(coverAt, 0, alone(b.cover, rng, stamp));
  for (const card of loose) units.push(desk && rng.chance(0.2) ? onDesk(card) : alone(card, rng, stamp));
  for (const d of b.papers) if (d !== besideLetter) units.push(alone(d, rng, stamp));
  for (const d of b.receipts)
    units.push(desk && (d.variant === 'kuitansi/hand-filled' ? rng.chance(0.55) : rng.chance(0.15)) ? onDesk(d) : alone(d, rng, stamp));
  if (pb) units.push(desk && rng.chance(0.2) ? onDesk(pb) : alone(pb, rng, stamp));
  if (b.npwp) units.push(alone(b.npwp, rng, stamp));
  for (const d of b.others) if (d !== besideLetter) units.splice(rng.int(1, units.length), 0, alone(d, rng, stamp));
  return units;
}

/** Keys written by hand at the counter: each fillable value of a form with even odds, at least one. */
function fillInByHand(docs: RealDoc[], rng: Rng): void {
  for (const d of docs) {
    const keys = d.fillable ?? [];
    if (!keys.length) continue;
    const chosen = keys.filter(() => rng.chance(0.5));
    if (!chosen.length) chosen.push(rng.pick(keys));
    for (const k of chosen) d.hand.add(k);
  }
}

interface Page {
  png: Buffer;
  sheet: Sheet;
  regions: Map<RealDoc, [number, number, number, number]>;
}

function pageOf(sheet: Sheet, rng: Rng): Page {
  const r = renderSheet(sheet, rng);
  const regions = new Map<RealDoc, [number, number, number, number]>();
  for (const [placement, box] of r.regions) regions.set(placement.doc, box);
  return { png: r.png, sheet, regions };
}

/** The truth of a file's pages: each document's pages, and its regions where it shares a page. */
function truthOf(pages: readonly Page[]): DocTruth[] {
  const docs = new Map<RealDoc, DocTruth>();
  pages.forEach((pg, i) => {
    const shared = pg.sheet.items.length > 1;
    for (const item of pg.sheet.items) {
      const t = docs.get(item.doc) ?? {
        type: item.doc.type,
        pages: [],
        fields: item.doc.truth,
        variant: item.doc.variant,
        ...(item.doc.hand.size ? { handwritten: [...item.doc.hand] } : {}),
      };
      if (!t.pages.includes(i + 1)) t.pages.push(i + 1);
      if (shared) (t.regions ??= []).push({ page: i + 1, box: pg.regions.get(item.doc) as [number, number, number, number] });
      docs.set(item.doc, t);
    }
  });
  const top = (t: DocTruth): number => t.regions?.[0]?.box[1] ?? 0;
  const leftOf = (t: DocTruth): number => t.regions?.[0]?.box[0] ?? 0;
  return [...docs.values()].sort((a, b) => (a.pages[0] ?? 0) - (b.pages[0] ?? 0) || top(a) - top(b) || leftOf(a) - leftOf(b));
}

export async function generateRealDossier(seed: number, options: DossierOptions = {}): Promise<Dossier> {
  const rng = new Rng(seed * 7919 + 23);
  const participant = syntheticParticipant(seed, options.participantIndex ?? 0);
  const claimType = options.claimType ?? rng.pick(['JKM', 'JKK', 'JHT', 'JKK', 'JKM'] as const);
  const c: RealCtx = { rng, person: participant, home: household(participant, rng) };
  const b = bundle(c, claimType, options.otherPages ?? true);
  if (options.handwriting) fillInByHand(b.papers, new Rng(seed * 104729 + 5));
  const kinds: readonly Degradation[] = options.degradations ?? ['clean', 'scan', 'scan', 'photo', 'lowres'];
  const desk = kinds.includes('photo');
  const units = arrange(b, rng, desk);
  const prefix = options.prefix ?? `dossier-${seed}`;
  const files: GeneratedFile[] = [];
  const add = (ext: 'pdf' | 'jpg' | 'png', bytes: Uint8Array, documents: DocTruth[]): void => {
    const name = `${prefix}-${files.length + 1}.${ext}`;
    files.push({ name, bytes, mime: ext === 'pdf' ? 'application/pdf' : ext === 'jpg' ? 'image/jpeg' : 'image/png', truth: { name, documents } });
  };
  let i = 0;
  while (i < units.length) {
    const u = units[i] as Unit;
    if (u.kind !== 'sheets') {
      i++;
      const page = pageOf(u.sheet, rng);
      if (u.kind === 'desk') {
        const photo = await deskPhoto(page.png, rng);
        add('jpg', new Uint8Array(photo.bytes), truthOf([page]));
      } else if (kinds.some((k) => k !== 'clean') && rng.chance(0.5)) {
        // A screenshot forwarded through a messaging app comes back as a JPEG.
        add('jpg', new Uint8Array(await asJpeg(page.png, rng.int(60, 85))), truthOf([page]));
      } else add('png', new Uint8Array(page.png), truthOf([page]));
      continue;
    }
    // Up to four units of sheets in one file, never past a photo or screenshot.
    const group: Unit[] = [];
    for (let n = rng.int(1, 4); n > 0 && i < units.length && (units[i] as Unit).kind === 'sheets'; n--) group.push(units[i++] as Unit);
    const sheets = group.flatMap((g) => (g.kind === 'sheets' ? g.sheets : []));
    const kind = rng.pick(kinds);
    const pages = sheets.map((s) => pageOf(s, rng));
    const documents = truthOf(pages);
    if (pages.length === 1 && rng.chance(0.5)) {
      const img = await degrade((pages[0] as Page).png, kind, rng);
      add(img.format === 'jpeg' ? 'jpg' : 'png', new Uint8Array(img.bytes), documents);
      continue;
    }
    const pdfPages: PdfPage[] = [];
    for (const pg of pages) {
      const img = await degrade(pg.png, kind, rng);
      pdfPages.push({ bytes: img.bytes, format: img.format, width: pg.sheet.size[0] * MM_TO_PT, height: pg.sheet.size[1] * MM_TO_PT });
    }
    add('pdf', await scannedPdf(pdfPages), documents);
  }
  return { claimType, participant, files };
}
