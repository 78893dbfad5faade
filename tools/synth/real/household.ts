// A participant's household as civil-registry documents describe it: one address (street as printed,
// RT/RW, village, district, regency, province, postal code) and, for every member, what a KTP or a
// Kartu Keluarga prints (religion, education, occupation, blood group, marital status, parents).
// Names come as registered by Dukcapil: titles allowed on KTP and KK, never on deeds (domain notes §7).
import type { Participant } from '../../../src/shared/domain/participant';
import type { Hubungan } from '../../../src/shared/normalize/values';
import { buildFamily } from '../family';
import { randomDate, randomName, REGIONS } from '../people';
import type { Rng } from '../random';

export interface Address {
  /** The street line as printed: "JL. RADEN WIJAYA NO. 111", "GG. MAWAR II". */
  street: string;
  rtrw: string;
  kelurahan: string;
  kecamatan: string;
  /** "KOTA JAMBI" or "KABUPATEN MUARO JAMBI", as KTP and KK headers print it. */
  kabupaten: string;
  provinsi: string;
  kodePos: string;
  /** The town for "Jambi, 4 Oktober 2026" lines and birthplaces. */
  town: string;
  /** A village (desa) rather than an urban kelurahan: letterheads say "Kepala Desa", not "Lurah". */
  desa: boolean;
}

export interface Resident {
  nik: string;
  /** The name in the civil registry, without titles. */
  nama: string;
  /** The name as KTP and KK print it: with the person's titles, if any. */
  titled: string;
  jenis_kelamin: 'L' | 'P';
  tempat_lahir: string;
  tanggal_lahir: string;
  hubungan: Hubungan;
  agama: string;
  pendidikan: string;
  pekerjaan: string;
  golDarah: string;
  statusKawin: string;
  tanggalKawin: string | null;
  ayah: string;
  ibu: string;
}

export interface Household {
  nomorKk: string;
  address: Address;
  members: Resident[];
  head: Resident;
  self: Resident;
  spouse: Resident | null;
  /** Heirs of the participant, in the order an heir statement lists them. */
  heirs: Resident[];
  kkIssued: string;
}

/** Villages per district code, and postal codes: plausible, not checked against the postal register. */
const PLACES: Record<string, { kel: readonly string[]; desa: boolean; pos: string }> = {
  '157101': { kel: ['SIMPANG III SIPIN', 'PAAL LIMA', 'KENALI ASAM ATAS', 'SUKA KARYA', 'BAGAN PETE'], desa: false, pos: '36128' },
  '157102': { kel: ['PAKUAN BARU', 'TAMBAK SARI', 'WIJAYA PURA', 'THEHOK', 'PASIR PUTIH'], desa: false, pos: '36138' },
  '150501': { kel: ['SEKERNAN', 'BUKIT BARINGIN', 'TUNJUNG', 'SUAK PUTAT', 'PULAU MENTARO'], desa: true, pos: '36381' },
  '150401': { kel: ['RENGAS CONDONG', 'PASAR BARU', 'MUARA BULIAN', 'SRIDADI', 'BAJUBANG DARAT'], desa: true, pos: '36613' },
  '317401': { kel: ['TEBET BARAT', 'TEBET TIMUR', 'MANGGARAI', 'BUKIT DURI'], desa: false, pos: '12810' },
  '327301': { kel: ['SARIJADI', 'GEGERKALONG', 'ISOLA', 'SUKARASA'], desa: false, pos: '40152' },
  '337401': { kel: ['PEKUNDEN', 'MIROTO', 'KEMBANGSARI', 'SEKAYU'], desa: false, pos: '50134' },
  '357801': { kel: ['GENTENG', 'KAPASARI', 'KETABANG', 'PENELEH'], desa: false, pos: '60275' },
  '127101': { kel: ['PASAR BARU', 'TELADAN TIMUR', 'SUKARAJ', 'MESJID'], desa: false, pos: '20212' },
  '167101': { kel: ['BUKIT BARU', 'SIRING AGUNG', 'LOROK PAKJO', 'DEMANG LEBAR DAUN'], desa: false, pos: '30139' },
};

/** Health facilities in Jambi where treatment, examination and death happen. */
export const FACILITIES = [
  'RSUD RADEN MATTAHER JAMBI',
  'RSUD H. ABDUL MANAP',
  'RS ST. THERESIA JAMBI',
  'RS ROYAL PRIMA JAMBI',
  'RS SILOAM JAMBI',
  'RS BHAYANGKARA JAMBI',
  'RSUD AHMAD RIPIN',
  'RSUD HAMBA MUARA BULIAN',
  'RS MITRA JAMBI',
  'RS BAITURRAHIM JAMBI',
  'PUSKESMAS PAKUAN BARU',
  'PUSKESMAS SIMPANG KAWAT',
  'KLINIK PRATAMA SEHAT BERSAMA',
] as const;
export const HOSPITALS = FACILITIES.filter((f) => f.startsWith('RS'));

const STREETS = [
  'JL. RADEN WIJAYA',
  'JL. SULTAN AGUNG',
  'JL. KH. AHMAD DAHLAN',
  'JL. HOS COKROAMINOTO',
  'JL. SLAMET RIYADI',
  'JL. KAPT. A. BAKARUDDIN',
  'JL. LINGKAR SELATAN',
  'JL. PATIMURA',
  'JL. SUNAN KALIJAGA',
  'JL. DR. SUTOMO',
  'JL. GATOT SUBROTO',
  'JL. KOL. ABUNJANI',
  'JL. M. YAMIN',
  'JL. PROF. DR. SRI SOEDEWI',
  'JL. H. ADAM MALIK',
  'JL. LINTAS TIMUR',
];
const LANES = ['GG. MAWAR II', 'GG. MELATI', 'GG. SEPAKAT', 'LRG. PUSKESMAS', 'LRG. KARYA BHAKTI', 'GG. ANGGREK III', 'LRG. SWADAYA'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

function street(rng: Rng, desa: boolean): string {
  const r = rng.next();
  if (desa && r < 0.35) return `DUSUN ${rng.pick(ROMAN)} ${rng.pick(['SUKAMAJU', 'MEKAR SARI', 'KARYA JAYA', 'TANJUNG'])}`;
  if (r < 0.55) return `${rng.pick(STREETS)} NO. ${rng.int(1, 199)}`;
  if (r < 0.75) return `${rng.pick(LANES)}${rng.chance(0.5) ? ` NO. ${rng.int(1, 60)}` : ''}`;
  if (r < 0.9)
    return `${rng.pick(['PERUM GRIYA MAYANG', 'PERUMNAS AUR DURI', 'KOMP. BUMI PERMATA', 'PERUM KOTA BARU INDAH'])} BLOK ${rng.pick(['A', 'B', 'C', 'D', 'F'])}${rng.chance(0.5) ? '-' : ' NO. '}${rng.int(1, 40)}`;
  return `${rng.pick(STREETS)} RT. ${String(rng.int(1, 40)).padStart(2, '0')}`;
}

/** Where the household lives: mostly in Jambi province, the branch's area, whatever region the NIK was
 * first issued in (a NIK keeps its region code when its holder moves). */
export function addressOf(p: Participant, rng: Rng): Address {
  const own = REGIONS.find((r) => p.nik.startsWith(r.code)) ?? REGIONS[0];
  const region = own.provinsi === 'JAMBI' || rng.chance(0.25) ? own : rng.pick(REGIONS.filter((r) => r.provinsi === 'JAMBI'));
  const place = PLACES[region.code] ?? { kel: ['SUKAJADI'], desa: false, pos: '36100' };
  // Cities print "KOTA …"; Jakarta's administrative cities their bare name; regencies "KABUPATEN …".
  const kabupaten = region.kota.startsWith('KOTA') || region.provinsi === 'DKI JAKARTA' ? region.kota : `KABUPATEN ${region.kota}`;
  return {
    street: street(rng, place.desa),
    rtrw: `${String(rng.int(1, 45)).padStart(3, '0')}/${String(rng.int(1, 12)).padStart(3, '0')}`,
    kelurahan: rng.pick(place.kel),
    kecamatan: region.kecamatan,
    kabupaten,
    provinsi: region.provinsi,
    kodePos: place.pos,
    town: region.tempat,
    desa: place.desa,
  };
}

const FRONT = { L: ['H.', 'DRS.', 'IR.', 'DRS. H.', 'H.'], P: ['HJ.', 'DRA.', 'HJ.', 'IR.'] } as const;
const BACK = [', S.PD', ', S.E', ', S.H', ', S.KOM', ', S.T', ', A.MD', ', M.M', ', S.PD.I', ', S.AG', ', S.SOS', ', A.MA.PD'];

/** The name with the titles its holder registered on KTP and KK, or unchanged (most people). */
export function titledName(name: string, g: 'L' | 'P', rng: Rng, share = 0.22): string {
  if (!rng.chance(share)) return name;
  const r = rng.next();
  if (r < 0.4) return `${rng.pick(FRONT[g])} ${name}`;
  if (r < 0.8) return `${name}${rng.pick(BACK)}`;
  return `${rng.pick(FRONT[g])} ${name}${rng.pick(BACK)}`;
}

const AGAMA = ['ISLAM', 'ISLAM', 'ISLAM', 'ISLAM', 'KRISTEN', 'KATHOLIK', 'BUDDHA', 'HINDU'];
const PENDIDIKAN = [
  'TIDAK/BELUM SEKOLAH',
  'TAMAT SD/SEDERAJAT',
  'SLTP/SEDERAJAT',
  'SLTA/SEDERAJAT',
  'DIPLOMA I/II',
  'AKADEMI/DIPLOMA III/S. MUDA',
  'DIPLOMA IV/STRATA I',
];
const KERJA_DEWASA = [
  'WIRASWASTA',
  'PETANI/PEKEBUN',
  'PEDAGANG',
  'KARYAWAN SWASTA',
  'BURUH HARIAN LEPAS',
  'NELAYAN/PERIKANAN',
  'SOPIR',
  'TUKANG BATU',
  'GURU',
  'PERDAGANGAN',
];
const GOL = ['A', 'B', 'AB', 'O', 'TIDAK TAHU', 'TIDAK TAHU', '-'];

function resident(
  m: { nik: string; nama: string; jenis_kelamin: 'L' | 'P'; tempat_lahir: string; tanggal_lahir: string; hubungan: Hubungan },
  rng: Rng,
  father: string,
  mother: string,
): Resident {
  const age = 2026 - Number(m.tanggal_lahir.slice(0, 4));
  const child = m.hubungan === 'anak';
  const pekerjaan = age < 18 ? 'PELAJAR/MAHASISWA' : m.hubungan === 'istri' && rng.chance(0.6) ? 'MENGURUS RUMAH TANGGA' : rng.pick(KERJA_DEWASA);
  const pendidikan = age < 7 ? 'TIDAK/BELUM SEKOLAH' : age < 13 ? 'BELUM TAMAT SD/SEDERAJAT' : age < 16 ? 'TAMAT SD/SEDERAJAT' : rng.pick(PENDIDIKAN.slice(2));
  const titled = child || age < 24 ? m.nama : titledName(m.nama, m.jenis_kelamin, rng);
  return {
    ...m,
    titled,
    agama: 'ISLAM',
    pendidikan,
    pekerjaan,
    golDarah: rng.pick(GOL),
    statusKawin: child ? 'BELUM KAWIN' : 'KAWIN',
    tanggalKawin: null,
    ayah: father,
    ibu: mother,
  };
}

/** The household of a participant: the family of ../family with the rest of what the registry prints. */
export function household(p: Participant, rng: Rng): Household {
  const fam = buildFamily(p, rng, p.nama);
  const address = addressOf(p, rng);
  const agama = rng.pick(AGAMA);
  const wed = fam.spouse ? randomDate(rng, Math.max(Number(fam.head.tanggal_lahir.slice(0, 4)) + 20, 1980), 2021) : null;
  const headName = fam.head.nama;
  const wifeName = fam.members.find((m) => m.hubungan === 'istri')?.nama ?? randomName(rng, 'P');
  const members = fam.members.map((m) => {
    const parents =
      m.hubungan === 'anak' ? [headName, wifeName] : [randomName(rng, 'L').split(' ')[0] ?? 'SLAMET', randomName(rng, 'P').split(' ')[0] ?? 'SITI'];
    const r = resident(m, rng, parents[0] as string, parents[1] as string);
    return { ...r, agama, tanggalKawin: r.statusKawin === 'KAWIN' ? wed : null };
  });
  const self = members.find((m) => m.nik === p.nik) ?? (members[0] as Resident);
  const head = members.find((m) => m.hubungan === 'kepala_keluarga') ?? self;
  const spouse =
    members.find(
      (m) => m.nik !== self.nik && (m.hubungan === 'istri' || m.hubungan === 'suami' || (m.hubungan === 'kepala_keluarga' && self.hubungan === 'istri')),
    ) ?? null;
  // The participant's heirs: the spouse first, then the children. (A head of family who is the spouse
  // is the husband for the heir statement.)
  const heirs = members.filter((m) => m.nik !== self.nik).map((m) => (m.hubungan === 'kepala_keluarga' ? { ...m, hubungan: 'suami' as const } : m));
  const reg = fam.nomorKk;
  const kkIssued = `20${reg.slice(10, 12)}-${reg.slice(8, 10)}-${reg.slice(6, 8)}`;
  return { nomorKk: fam.nomorKk, address, members, head, self, spouse, heirs, kkIssued };
}

/** A head of a Dukcapil or KUA office as signature blocks print the name. */
export const officialName = (rng: Rng): string =>
  `${rng.pick(['Drs. H.', 'Drs.', 'H.', '', 'Ir.'])} ${rng.pick(['ARIFIN', 'SYAHRIAL', 'ZULKIFLI', 'MARDIANSYAH', 'ERWIN', 'RIDWAN'])} ${rng.pick(['NASUTION', 'SAPUTRA', 'HASIBUAN', 'EFENDI', 'LUBIS'])}${rng.pick(['', ', S.H', ', M.Si', ', S.Sos'])}`.trim();

/** A village head or lurah. */
export const villageHeadName = (rng: Rng): string =>
  `${rng.pick(['SYAMSUL', 'M. NASIR', 'ZAINUDDIN', 'H. ABDUL GANI'])} ${rng.pick(['BAHRI', 'ARIFIN', 'HAMID'])}`;

/** A camat, with the civil-service degree most carry. */
export const camatName = (rng: Rng): string =>
  `${rng.pick(['Drs. ', '', 'H. '])}${rng.pick(['FIRDAUS', 'SUHARDI', 'ROZALI'])} ${rng.pick(['HASAN', 'ISKANDAR', 'YUSUF'])}, ${rng.pick(['S.STP', 'M.Si', 'S.Sos'])}`;

/** A civil servant's NIP as signature blocks print it: birth date, appointment month, gender, serial. */
export const officialNip = (rng: Rng): string =>
  `19${rng.int(62, 85)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')} ${rng.int(1988, 2012)}${String(rng.int(1, 12)).padStart(2, '0')} ${rng.int(1, 2)} ${String(rng.int(1, 30)).padStart(3, '0')}`;
