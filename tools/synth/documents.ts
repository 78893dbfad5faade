// Content and truth of each contract document type for a synthetic person (issue 4 deliverable 1):
// identity and account documents here, death, heir, marriage, accident and payment ones in documents-events.
import type { Participant } from '../../src/shared/domain/participant';
import type { Hubungan } from '../../src/shared/normalize/values';
import type { Rng } from './random';
import { REGIONS } from './people';
import { DATE_STYLES, printAccount, printDate, printKpj, printNik, printRupiah, type DateStyle } from './formats';
import { LABELS, type Block, type DocSpec } from './spec';

export interface Member {
  nik: string;
  nama: string;
  jenis_kelamin: 'L' | 'P';
  tempat_lahir: string;
  tanggal_lahir: string;
  hubungan: Hubungan;
}

export interface DocContext {
  rng: Rng;
  person: Participant;
  /** The name as printed on this document (a variant of person.nama). */
  printedName: string;
  dateStyle: DateStyle;
  city: string;
}

export const lab = (rng: Rng, k: keyof typeof LABELS): string => rng.pick(LABELS[k]);
const region = (p: Participant): (typeof REGIONS)[number] => REGIONS.find((r) => p.nik.startsWith(r.code)) ?? REGIONS[0];
export const date = (c: DocContext, iso: string): string => printDate(iso, c.dateStyle, c.rng.chance(0.1));
export const field = (label: string, value: string, key?: string): Block => ({ kind: 'field', label, value, ...(key ? { key } : {}) });
export const GENDER = { L: 'LAKI-LAKI', P: 'PEREMPUAN' } as const;

export function ktp(c: DocContext): DocSpec {
  const { rng, person: p } = c;
  const r = region(p);
  const gol = rng.pick(['A', 'B', 'AB', 'O', '-']);
  const agama = rng.pick(['ISLAM', 'ISLAM', 'ISLAM', 'KRISTEN', 'KATHOLIK', 'HINDU', 'BUDDHA']);
  const status = rng.pick(['KAWIN', 'BELUM KAWIN', 'CERAI MATI']);
  const pekerjaan = rng.pick([
    'WIRASWASTA',
    'PETANI/PEKEBUN',
    'NELAYAN/PERIKANAN',
    'PEDAGANG',
    'KARYAWAN SWASTA',
    'MENGURUS RUMAH TANGGA',
    'BURUH HARIAN LEPAS',
  ]);
  const rtrw = `${String(rng.int(1, 30)).padStart(3, '0')}/${String(rng.int(1, 15)).padStart(3, '0')}`;
  const desa = rng.pick(['SIMPANG III SIPIN', 'PAAL MERAH', 'TALANG BAKUNG', 'SUKAJADI', 'MEKAR JAYA', 'KENALI ASAM BAWAH']);
  const street = (p.alamat ?? 'JL. MERDEKA NO. 1').split(',')[0] ?? 'JL. MERDEKA';
  const dobStyle: DateStyle = rng.chance(0.85) ? 'dd-mm-yyyy' : rng.pick(DATE_STYLES.slice(0, 3));
  const kota = r.kota.startsWith('KOTA') ? r.kota : `KABUPATEN ${r.kota}`;
  const truth: DocSpec['truth'] = {
    provinsi: r.provinsi,
    kabupaten_kota: kota,
    nik: p.nik,
    nama: c.printedName,
    tempat_lahir: p.tempat_lahir ?? r.tempat,
    tanggal_lahir: p.tanggal_lahir,
    jenis_kelamin: p.jenis_kelamin,
    alamat: street,
    rt_rw: rtrw,
    kel_desa: desa,
    kecamatan: r.kecamatan,
    agama,
    status_perkawinan: status,
    pekerjaan,
    kewarganegaraan: 'WNI',
    berlaku_hingga: 'SEUMUR HIDUP',
  };
  if (gol !== '-') truth.golongan_darah = gol;
  const blocks: Block[] = [
    { kind: 'title', text: `PROVINSI ${r.provinsi}` },
    { kind: 'title', text: kota },
    field('NIK', printNik(p.nik, rng)),
    field('Nama', c.printedName),
    field(lab(rng, 'ttl'), `${p.tempat_lahir ?? r.tempat}, ${printDate(p.tanggal_lahir, dobStyle)}`),
    { kind: 'field', label: 'Jenis Kelamin', value: GENDER[p.jenis_kelamin], label2: 'Gol. Darah', value2: gol },
    field('Alamat', street),
    field('RT/RW', rtrw),
    field(rng.pick(['Kel/Desa', 'Kel/Desa', 'Kelurahan/Desa']), desa),
    field('Kecamatan', r.kecamatan),
    field('Agama', agama),
    field('Status Perkawinan', status),
    field('Pekerjaan', pekerjaan),
    field('Kewarganegaraan', 'WNI'),
    field('Berlaku Hingga', 'SEUMUR HIDUP'),
  ];
  return { type: 'ktp', size: 'card', blocks, truth };
}

export function kk(c: DocContext, nomorKk: string, members: Member[]): DocSpec {
  const { rng } = c;
  const head = members.find((m) => m.hubungan === 'kepala_keluarga') ?? members[0];
  const alamat = (c.person.alamat ?? 'JL. MERDEKA NO. 1').split(',')[0] ?? '';
  const nikFirst = rng.chance(0.4);
  const cols = nikFirst
    ? ['No', 'NIK', 'Nama Lengkap', 'Jenis Kelamin', 'Tempat Lahir', 'Tanggal Lahir', rng.pick(['Hubungan', 'Status Hubungan'])]
    : ['No', 'Nama Lengkap', 'NIK', 'Jenis Kelamin', 'Tempat Lahir', 'Tanggal Lahir', rng.pick(['Hubungan', 'Status Hubungan'])];
  const widths = nikFirst ? [50, 300, 400, 210, 220, 240, 290] : [50, 400, 300, 210, 220, 240, 290];
  const hub: Record<Hubungan, string> = {
    kepala_keluarga: 'KEPALA KELUARGA',
    istri: 'ISTRI',
    suami: 'SUAMI',
    anak: 'ANAK',
    orang_tua: 'ORANG TUA',
    saudara: 'SAUDARA',
    lainnya: 'FAMILI LAIN',
  };
  const rows = members.map((m, i) => {
    const cells = [String(i + 1), m.nama, m.nik, GENDER[m.jenis_kelamin], m.tempat_lahir, printDate(m.tanggal_lahir, 'dd-mm-yyyy'), hub[m.hubungan]];
    return nikFirst ? [cells[0] ?? '', cells[2] ?? '', cells[1] ?? '', ...cells.slice(3)] : cells;
  });
  const blocks: Block[] = [
    { kind: 'title', text: 'KARTU KELUARGA', size: 1.4 },
    { kind: 'title', text: `No. ${printNik(nomorKk, rng)}` },
    field(rng.pick(['Nama Kepala Keluarga', 'Kepala Keluarga']), head?.nama ?? ''),
    field('Alamat', alamat),
    field('Kecamatan', region(c.person).kecamatan),
    { kind: 'gap' },
    { kind: 'table', columns: cols, rows, widths },
  ];
  return {
    type: 'kk',
    size: 'landscape',
    blocks,
    truth: {
      nomor_kk: nomorKk,
      nama_kepala_keluarga: head?.nama ?? '',
      alamat,
      anggota: members.map((m) => ({
        nik: m.nik,
        nama: m.nama,
        jenis_kelamin: m.jenis_kelamin,
        tempat_lahir: m.tempat_lahir,
        tanggal_lahir: m.tanggal_lahir,
        hubungan: m.hubungan,
      })),
    },
  };
}

export function kartuPeserta(c: DocContext): DocSpec {
  const { rng, person: p } = c;
  const blocks: Block[] = [
    { kind: 'title', text: 'BPJS Ketenagakerjaan', size: 1.3 },
    { kind: 'title', text: rng.pick(['KARTU PESERTA', 'KARTU PESERTA BPJS KETENAGAKERJAAN', 'KARTU KEPESERTAAN']) },
    field(lab(rng, 'nama'), c.printedName),
    field(rng.pick(['NIK', 'No. KTP']), printNik(p.nik, rng)),
    field(lab(rng, 'kpj'), printKpj(p.nomor_kpj, rng)),
    field(lab(rng, 'tgl_lahir'), date(c, p.tanggal_lahir)),
    field(rng.pick(['Tgl. Kepesertaan', 'Tanggal Kepesertaan', 'Terdaftar Sejak', 'Tgl Efektif']), date(c, p.tanggal_kepesertaan)),
    field('Program', p.program.filter((x) => x !== 'JKP').join(rng.pick([', ', ' - ', ' / ']))),
  ];
  return {
    type: 'kartu_peserta',
    size: 'card',
    blocks,
    truth: {
      nama: c.printedName,
      nik: p.nik,
      nomor_kpj: p.nomor_kpj,
      tanggal_lahir: p.tanggal_lahir,
      tanggal_kepesertaan: p.tanggal_kepesertaan,
      program: p.program.filter((x) => x !== 'JKP'),
    },
  };
}

export function bukuTabungan(c: DocContext, bank: string, account: string): DocSpec {
  const { rng } = c;
  const opened = `20${String(rng.int(10, 24))}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const blocks: Block[] = [
    { kind: 'title', text: bank, size: 1.3 },
    { kind: 'title', text: rng.pick(['BUKU TABUNGAN', 'TABUNGAN', 'BUKU TABUNGAN SIMPEDES']) },
    field(lab(rng, 'pemilik'), c.printedName),
    field(lab(rng, 'rekening'), printAccount(account, rng)),
    field('Cabang', `KCP ${c.city}`),
    field(rng.pick(['Tgl. Buka', 'Tanggal Pembukaan']), date(c, opened)),
    { kind: 'gap' },
    {
      kind: 'table',
      columns: ['Tanggal', 'Sandi', 'Mutasi', 'Saldo'],
      widths: [240, 140, 280, 280],
      rows: [[printDate(opened, 'dd-mm-yyyy'), 'SETOR', printRupiah(rng.int(1, 50) * 50000, rng), printRupiah(rng.int(50, 200) * 10000, rng)]],
    },
  ];
  return { type: 'buku_tabungan', size: 'portrait', blocks, truth: { nama_bank: bank, nomor_rekening: account, nama_pemilik: c.printedName } };
}

export * from './documents-events';
