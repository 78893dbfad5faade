// Synthetic Indonesian identities for demo data, test fixtures and benchmarks. Never real people:
// names are recombined from common given names, NIKs use real region codes with random serials.
import type { Participant, Program } from '../../src/shared/domain/participant';
import { Rng } from './random';

export const MALE_GIVEN = [
  'AHMAD',
  'BUDI',
  'AGUS',
  'SLAMET',
  'JOKO',
  'HENDRA',
  'RUDI',
  'ANDI',
  'BAMBANG',
  'DEDI',
  'EKO',
  'FAJAR',
  'HARIS',
  'IRFAN',
  'RIZKY',
  'YUSUF',
  'SUTRISNO',
  'SUPRIYANTO',
  'WAHYU',
  'TEGUH',
  'ARIF',
  'DONI',
  'IMAM',
  'HASAN',
  'RAHMAT',
  'SUHARTO',
  'SUKIMAN',
  'TAUFIK',
  'ZAINAL',
  'ABDUL',
  'SYAIFUL',
  'NURDIN',
  'HERMAN',
] as const;
export const FEMALE_GIVEN = [
  'SITI',
  'SRI',
  'DEWI',
  'RINA',
  'NUR',
  'AMINAH',
  'FITRI',
  'YULIANA',
  'WATI',
  'LESTARI',
  'RATNA',
  'ENDANG',
  'SUMIATI',
  'HALIMAH',
  'NURHAYATI',
  'RAHMAWATI',
  'INDAH',
  'PUTRI',
  'AYU',
  'KARTINI',
  'MARYAM',
  'ZAINAB',
] as const;
export const SECOND_NAMES = [
  'SANTOSO',
  'WIJAYA',
  'SAPUTRA',
  'HIDAYAT',
  'KURNIAWAN',
  'SETIAWAN',
  'PRATAMA',
  'GUNAWAN',
  'NUGROHO',
  'HAKIM',
  'RAMADHAN',
  'SIREGAR',
  'NASUTION',
  'LUBIS',
  'HARAHAP',
  'SIMANJUNTAK',
  'PURNAMA',
  'HANDAYANI',
  'MULYANI',
  'SARI',
  'WULANDARI',
  'SUSANTI',
  'ANGGRAINI',
  'MAULANA',
  'FIRMANSYAH',
  'SUBAGYO',
  'SUPRIADI',
] as const;
export const FEMALE_SECOND = ['HANDAYANI', 'MULYANI', 'SARI', 'WULANDARI', 'SUSANTI', 'ANGGRAINI', 'LESTARI', 'PURNAMASARI'] as const;

/** Real province/regency/district code prefixes with their place names (Jambi first: the study branch). */
export const REGIONS = [
  { code: '157101', kota: 'KOTA JAMBI', kecamatan: 'KOTA BARU', provinsi: 'JAMBI', tempat: 'JAMBI' },
  { code: '157102', kota: 'KOTA JAMBI', kecamatan: 'JAMBI SELATAN', provinsi: 'JAMBI', tempat: 'JAMBI' },
  { code: '150501', kota: 'MUARO JAMBI', kecamatan: 'SEKERNAN', provinsi: 'JAMBI', tempat: 'MUARO JAMBI' },
  { code: '150401', kota: 'BATANG HARI', kecamatan: 'MUARA BULIAN', provinsi: 'JAMBI', tempat: 'MUARA BULIAN' },
  { code: '317401', kota: 'JAKARTA SELATAN', kecamatan: 'TEBET', provinsi: 'DKI JAKARTA', tempat: 'JAKARTA' },
  { code: '327301', kota: 'KOTA BANDUNG', kecamatan: 'SUKASARI', provinsi: 'JAWA BARAT', tempat: 'BANDUNG' },
  { code: '337401', kota: 'KOTA SEMARANG', kecamatan: 'SEMARANG TENGAH', provinsi: 'JAWA TENGAH', tempat: 'SEMARANG' },
  { code: '357801', kota: 'KOTA SURABAYA', kecamatan: 'GENTENG', provinsi: 'JAWA TIMUR', tempat: 'SURABAYA' },
  { code: '127101', kota: 'KOTA MEDAN', kecamatan: 'MEDAN KOTA', provinsi: 'SUMATERA UTARA', tempat: 'MEDAN' },
  { code: '167101', kota: 'KOTA PALEMBANG', kecamatan: 'ILIR BARAT I', provinsi: 'SUMATERA SELATAN', tempat: 'PALEMBANG' },
] as const;

export const BANKS = [
  { name: 'BANK RAKYAT INDONESIA', digits: 15 },
  { name: 'BANK NEGARA INDONESIA', digits: 10 },
  { name: 'BANK MANDIRI', digits: 13 },
  { name: 'BANK CENTRAL ASIA', digits: 10 },
  { name: 'BANK SYARIAH INDONESIA', digits: 10 },
  { name: 'BANK JAMBI', digits: 12 },
] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** NIK = region(6) + DDMMYY (day + 40 for women) + serial(4). */
export function buildNik(regionCode: string, isoDob: string, gender: 'L' | 'P', serial: number): string {
  const [y, m, d] = isoDob.split('-').map(Number) as [number, number, number];
  const day = gender === 'P' ? d + 40 : d;
  return `${regionCode}${pad2(day)}${pad2(m)}${pad2(y % 100)}${String(serial).padStart(4, '0')}`;
}

export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The later of two ISO dates. */
export const laterDate = (a: string, b: string): string => (a > b ? a : b);

export function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  const m = rng.int(1, 12);
  const d = rng.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function randomName(rng: Rng, gender: 'L' | 'P'): string {
  if (gender === 'L') {
    const first = rng.chance(0.12) ? 'MUHAMMAD' : rng.pick(MALE_GIVEN);
    return rng.chance(0.15) ? first : `${first} ${rng.pick(SECOND_NAMES)}`;
  }
  return `${rng.pick(FEMALE_GIVEN)} ${rng.pick(FEMALE_SECOND)}`;
}

/**
 * The i-th synthetic participant for a seed: the same (seed, i) always gives the same person, and KPJ
 * numbers and NIK serials are unique per i, so any count can be generated without a lookup table.
 */
export function syntheticParticipant(seed: number, i: number): Participant {
  const rng = new Rng(seed * 1_000_003 + i);
  const gender = rng.chance(0.55) ? 'L' : 'P';
  const region = rng.pick(REGIONS);
  const dob = randomDate(rng, 1960, 2003);
  const segmen = rng.chance(0.7) ? 'BPU' : 'PU';
  const joinYear = Math.max(Number(dob.slice(0, 4)) + 18, 2012);
  const joined = randomDate(rng, Math.min(joinYear, 2025), 2025);
  const statusRoll = rng.next();
  const status = statusRoll < 0.85 ? 'aktif' : statusRoll < 0.95 ? 'nonaktif' : 'berakhir';
  const paidMonth = status === 'aktif' ? rng.int(9, 11) : rng.int(1, 8);
  const programs: Program[] = segmen === 'BPU' ? ['JKK', 'JKM'] : ['JKK', 'JKM', 'JHT', 'JP'];
  if (segmen === 'BPU' && rng.chance(0.4)) programs.push('JHT');
  const bank = rng.pick(BANKS);
  const nama = randomName(rng, gender);
  const hasBank = rng.chance(0.8);
  return {
    nomor_kpj: String(10_000_000_000 + i * 7 + (seed % 7))
      .padStart(11, '0')
      .slice(-11),
    nik: buildNik(region.code, dob, gender, (i % 9999) + 1),
    nama,
    tempat_lahir: region.tempat,
    tanggal_lahir: dob,
    jenis_kelamin: gender,
    alamat: `JL. ${rng.pick(['MERDEKA', 'SUDIRMAN', 'GATOT SUBROTO', 'KAPTEN PATTIMURA', 'H. AGUS SALIM', 'SULTAN THAHA'])} NO. ${rng.int(1, 200)}, ${region.kecamatan}, ${region.kota}`,
    segmen,
    status,
    tanggal_kepesertaan: joined,
    iuran_lunas_sampai: `2026-${pad2(paidMonth)}`,
    program: programs,
    nama_bank: hasBank ? bank.name : null,
    nomor_rekening: hasBank ? rng.digits(bank.digits) : null,
    nama_pemilik_rekening: hasBank ? nama : null,
  };
}
