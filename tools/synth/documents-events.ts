// Death, heir, marriage, accident, treatment and tax documents for a synthetic person.
import type { Hubungan, KondisiAkhir } from '../../src/shared/normalize/values';
import { date, field, GENDER, lab, type DocContext, type Member } from './documents';
import { printDate, printKpj, printNik, printNpwp, printRupiah, printTime, titleCase } from './formats';
import { Rng } from './random';
import type { Block, DocSpec } from './spec';

export function aktaKematian(c: DocContext, death: { date: string; place: string }): DocSpec {
  const { rng, person: p } = c;
  const nomor = `${p.nik.slice(0, 4)}-KM-${death.date.slice(8, 10)}${death.date.slice(5, 7)}${death.date.slice(0, 4)}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
  const blocks: Block[] = [
    { kind: 'title', text: 'REPUBLIK INDONESIA' },
    { kind: 'title', text: rng.pick(['KUTIPAN AKTA KEMATIAN', 'AKTA KEMATIAN']), size: 1.3 },
    field(rng.pick(['Nomor', 'No. Akta', 'Nomor Akta']), nomor),
    { kind: 'text', text: 'Berdasarkan Akta Kematian, dinyatakan bahwa:' },
    field('Nama', c.printedName),
    field('NIK', printNik(p.nik, rng)),
    field(lab(rng, 'tempat_kematian'), death.place),
    field(lab(rng, 'tgl_kematian'), date(c, death.date)),
    { kind: 'gap' },
    { kind: 'text', text: `Dinas Kependudukan dan Pencatatan Sipil ${c.city}`, align: 'right' },
  ];
  return {
    type: 'akta_kematian',
    size: 'portrait',
    blocks,
    truth: { nomor_akta: nomor, nama: c.printedName, nik: p.nik, tempat_kematian: death.place, tanggal_kematian: death.date },
  };
}

export function suratKematian(c: DocContext, death: { date: string; place: string }): DocSpec {
  const { rng, person: p } = c;
  const penerbit = rng.pick([
    `RUMAH SAKIT UMUM DAERAH ${c.city}`,
    `PUSKESMAS ${c.city} KOTA`,
    `KELURAHAN ${rng.pick(['SIMPANG III SIPIN', 'PAAL MERAH', 'SUKAJADI'])}`,
    `RS BHAYANGKARA ${c.city}`,
  ]);
  const blocks: Block[] = [
    { kind: 'title', text: `PEMERINTAH ${rng.pick(['KOTA', 'KABUPATEN'])} ${c.city}` },
    { kind: 'title', text: penerbit },
    { kind: 'title', text: 'SURAT KETERANGAN KEMATIAN', size: 1.25 },
    { kind: 'text', text: `Nomor: 474.3/${rng.int(10, 999)}/${death.date.slice(0, 4)}`, align: 'center' },
    { kind: 'text', text: 'Yang bertanda tangan di bawah ini menerangkan bahwa:' },
    field(lab(rng, 'nama'), c.printedName),
    field(lab(rng, 'nik'), printNik(p.nik, rng)),
    field(lab(rng, 'jk'), GENDER[p.jenis_kelamin]),
    field(lab(rng, 'tgl_kematian'), printDate(death.date, rng.pick(['hari, d bulan yyyy', 'dd-mm-yyyy', 'd bulan yyyy'] as const))),
    field(lab(rng, 'tempat_kematian'), death.place),
    field('Sebab Kematian', rng.pick(['Sakit', 'Penyakit jantung', 'Usia lanjut'])),
    { kind: 'gap' },
    { kind: 'text', text: 'Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.' },
  ];
  return {
    type: 'surat_kematian',
    size: 'portrait',
    blocks,
    truth: { nama: c.printedName, nik: p.nik, tanggal_kematian: death.date, tempat_kematian: death.place, penerbit },
  };
}

export function suratAhliWaris(c: DocContext, heirs: Member[], letterDate: string, deathDate: string, twoPages: boolean): DocSpec {
  const { rng, person: p } = c;
  const hubText: Record<Hubungan, string> = {
    kepala_keluarga: 'KEPALA KELUARGA',
    istri: 'ISTRI',
    suami: 'SUAMI',
    anak: 'ANAK KANDUNG',
    orang_tua: 'ORANG TUA',
    saudara: 'SAUDARA KANDUNG',
    lainnya: 'LAINNYA',
  };
  const blocks: Block[] = [
    { kind: 'title', text: rng.pick(['SURAT KETERANGAN AHLI WARIS', 'SURAT PERNYATAAN AHLI WARIS']), size: 1.3 },
    { kind: 'text', text: 'Kami yang bertanda tangan di bawah ini adalah ahli waris dari almarhum/almarhumah:' },
    field(rng.pick(['Nama', 'Nama Almarhum', 'Nama Pewaris']), c.printedName),
    field(rng.pick(['NIK', 'NIK Almarhum']), printNik(p.nik, rng)),
    field(lab(rng, 'tgl_kematian'), date(c, deathDate)),
    { kind: 'text', text: 'Menerangkan bahwa yang bersangkutan meninggalkan ahli waris sebagai berikut:' },
    {
      kind: 'table',
      columns: ['No', 'Nama', 'NIK', 'Hubungan'],
      widths: [60, 480, 340, 300],
      rows: heirs.map((h, i) => [String(i + 1), h.nama, h.nik, hubText[h.hubungan]]),
    },
    { kind: 'gap' },
  ];
  if (twoPages) blocks.push({ kind: 'pagebreak' }, { kind: 'text', text: 'Halaman 2' });
  blocks.push(
    { kind: 'text', text: 'Demikian surat pernyataan ini kami buat dengan sebenarnya tanpa paksaan dari pihak manapun.' },
    { kind: 'text', text: `${titleCase(c.city)}, ${printDate(letterDate, rng.pick(['d bulan yyyy', 'dd-mm-yyyy'] as const))}`, align: 'right' },
    { kind: 'text', text: 'Saksi-saksi:          Mengetahui, Lurah / Kepala Desa' },
  );
  return {
    type: 'surat_ahli_waris',
    size: 'portrait',
    blocks,
    truth: {
      nama_almarhum: c.printedName,
      nik_almarhum: p.nik,
      ahli_waris: heirs.map((h) => ({ nama: h.nama, nik: h.nik, hubungan: h.hubungan })),
      tanggal_surat: letterDate,
    },
  };
}

export function bukuNikah(c: DocContext, suami: string, istri: string, tanggal: string): DocSpec {
  const { rng } = c;
  const nomor = `${rng.int(100, 999)}/${rng.int(10, 99)}/${rng.pick(['I', 'III', 'VI', 'IX', 'XII'])}/${tanggal.slice(0, 4)}`;
  const sectioned = rng.chance(0.5);
  const blocks: Block[] = [
    { kind: 'title', text: 'KEMENTERIAN AGAMA REPUBLIK INDONESIA' },
    { kind: 'title', text: rng.pick(['KUTIPAN AKTA NIKAH', 'BUKU NIKAH']), size: 1.3 },
    field(rng.pick(['Nomor', 'Nomor Akta Nikah', 'No. Akta']), nomor),
    field(rng.pick(['Tanggal Nikah', 'Tanggal Akad Nikah', 'Dilangsungkan pada tanggal']), date(c, tanggal)),
  ];
  if (sectioned) blocks.push({ kind: 'section', text: 'SUAMI' }, field('Nama', suami), { kind: 'section', text: 'ISTRI' }, field('Nama', istri));
  else blocks.push(field('Nama Suami', suami), field('Nama Istri', istri));
  return { type: 'buku_nikah', size: 'portrait', blocks, truth: { nomor_akta_nikah: nomor, nama_suami: suami, nama_istri: istri, tanggal_nikah: tanggal } };
}

export interface Accident {
  date: string;
  time: string;
  place: string;
  reportDate: string;
  stage2Date: string;
  kondisi: KondisiAkhir;
  diagnosa: string;
  dokter: string;
  faskes: string;
  examDate: string;
}

const KONDISI_TEXT: Record<KondisiAkhir, string> = {
  sembuh: 'SEMBUH',
  cacat_sebagian_anatomis: 'CACAT SEBAGIAN ANATOMIS',
  cacat_sebagian_fungsi: 'CACAT SEBAGIAN FUNGSI',
  cacat_total_tetap: 'CACAT TOTAL TETAP',
  meninggal: 'MENINGGAL DUNIA',
};

export function formKk1(c: DocContext, a: Accident, twoPages: boolean): DocSpec {
  const { rng, person: p } = c;
  const blocks: Block[] = [
    { kind: 'title', text: 'BPJS KETENAGAKERJAAN' },
    { kind: 'title', text: rng.pick(['FORMULIR 3', 'FORMULIR KK1', 'FORMULIR 3 (KK1)']) },
    { kind: 'title', text: rng.pick(['LAPORAN KECELAKAAN KERJA TAHAP I', 'LAPORAN KECELAKAAN TAHAP I']), size: 1.2 },
    { kind: 'section', text: 'A. DATA TENAGA KERJA' },
    field(lab(rng, 'kpj'), printKpj(p.nomor_kpj, rng)),
    field(rng.pick(['Nama Tenaga Kerja', 'Nama Peserta', 'Nama']), c.printedName),
    field(lab(rng, 'nik'), printNik(p.nik, rng)),
    field(lab(rng, 'jk'), GENDER[p.jenis_kelamin]),
    { kind: 'section', text: 'B. KECELAKAAN' },
    field(lab(rng, 'tgl_kecelakaan'), date(c, a.date), 'tanggal_kecelakaan'),
    field(rng.pick(['Jam Kecelakaan', 'Pukul', 'Jam Kejadian', 'Waktu Kecelakaan']), printTime(a.time, rng), 'jam_kecelakaan'),
    field(rng.pick(['Tempat Kecelakaan', 'Lokasi Kecelakaan', 'Tempat Kejadian']), a.place, 'tempat_kecelakaan'),
  ];
  if (twoPages)
    blocks.push(
      { kind: 'pagebreak' },
      { kind: 'section', text: 'C. URAIAN KEJADIAN' },
      { kind: 'text', text: 'Korban terjatuh saat bekerja dan dibawa ke fasilitas kesehatan terdekat.' },
    );
  blocks.push({ kind: 'gap' }, field(lab(rng, 'tgl_laporan'), date(c, a.reportDate), 'tanggal_laporan'), { kind: 'text', text: 'Pelapor,', align: 'right' });
  return {
    type: 'form_kk1',
    size: 'portrait',
    blocks,
    truth: {
      nomor_kpj: p.nomor_kpj,
      nama: c.printedName,
      nik: p.nik,
      tanggal_kecelakaan: a.date,
      jam_kecelakaan: a.time,
      tempat_kecelakaan: a.place,
      tanggal_laporan: a.reportDate,
    },
  };
}

/** Options of the stage-II form's outcome, in the order Formulir 3a lists them. */
const KONDISI_OPTIONS: readonly [KondisiAkhir, string][] = [
  ['sembuh', 'Sembuh'],
  ['cacat_sebagian_anatomis', 'Cacat Sebagian Anatomis'],
  ['cacat_sebagian_fungsi', 'Cacat Sebagian Fungsi'],
  ['cacat_total_tetap', 'Cacat Total Tetap'],
  ['meninggal', 'Meninggal Dunia'],
];

/**
 * The outcome as most stage-II forms give it, a list of boxes with one ticked or crossed, or as the
 * typed word. Which one, and how, comes from a stream of its own (seeded by the dates), so the
 * document's random stream, and every other value of the dossier, is drawn as before.
 */
function kondisiBlock(rng: Rng, a: Accident): Block {
  const own = new Rng(Number(a.stage2Date.replace(/-/g, '')) * 31 + a.time.charCodeAt(1));
  const label = lab(rng, 'kondisi');
  if (own.chance(0.4)) return field(label, KONDISI_TEXT[a.kondisi], 'kondisi_akhir');
  return {
    kind: 'choices',
    label,
    options: KONDISI_OPTIONS.map(([, t]) => t),
    chosen: KONDISI_OPTIONS.findIndex(([k]) => k === a.kondisi),
    layout: own.chance(0.5) ? 'row' : 'column',
    mark: own.chance(0.5) ? 'x' : 'tick',
  };
}

export function formKk2(c: DocContext, a: Accident): DocSpec {
  const { rng, person: p } = c;
  const blocks: Block[] = [
    { kind: 'title', text: 'BPJS KETENAGAKERJAAN' },
    { kind: 'title', text: rng.pick(['FORMULIR 3a', 'FORMULIR KK2', 'FORMULIR 3a (KK2)']) },
    { kind: 'title', text: rng.pick(['LAPORAN KECELAKAAN KERJA TAHAP II', 'LAPORAN KECELAKAAN TAHAP II']), size: 1.2 },
    field(lab(rng, 'kpj'), printKpj(p.nomor_kpj, rng)),
    field(rng.pick(['Nama Tenaga Kerja', 'Nama Peserta', 'Nama']), c.printedName),
    field(lab(rng, 'tgl_kecelakaan'), date(c, a.date), 'tanggal_kecelakaan'),
    kondisiBlock(rng, a),
    { kind: 'gap' },
    field(lab(rng, 'tgl_laporan'), date(c, a.stage2Date), 'tanggal_laporan'),
  ];
  return {
    type: 'form_kk2',
    size: 'portrait',
    blocks,
    truth: { nomor_kpj: p.nomor_kpj, nama: c.printedName, tanggal_kecelakaan: a.date, kondisi_akhir: a.kondisi, tanggal_laporan: a.stage2Date },
  };
}

export function suratDokter(c: DocContext, a: Accident): DocSpec {
  const { rng } = c;
  const mixed = rng.chance(0.5);
  const show = (s: string): string => (mixed ? titleCase(s) : s);
  const blocks: Block[] = [
    { kind: 'title', text: a.faskes },
    { kind: 'title', text: rng.pick(['FORMULIR 3b', 'FORMULIR KK3']) },
    { kind: 'title', text: rng.pick(['SURAT KETERANGAN DOKTER', 'SURAT KETERANGAN DOKTER PEMERIKSA']), size: 1.2 },
    field(rng.pick(['Nama Pasien', 'Nama Tenaga Kerja', 'Nama']), show(c.printedName)),
    field(rng.pick(['Tanggal Pemeriksaan', 'Tgl. Pemeriksaan', 'Diperiksa tanggal']), date(c, a.examDate)),
    field(rng.pick(['Diagnosa', 'Diagnosis']), show(a.diagnosa)),
    field(lab(rng, 'kondisi'), KONDISI_TEXT[a.kondisi]),
    field(rng.pick(['Fasilitas Kesehatan', 'Rumah Sakit', 'Faskes']), a.faskes),
    field(rng.pick(['Nama Dokter', 'Dokter Pemeriksa']), a.dokter),
  ];
  return {
    type: 'surat_dokter',
    size: 'portrait',
    blocks,
    truth: {
      nama: c.printedName,
      tanggal_pemeriksaan: a.examDate,
      diagnosa: a.diagnosa,
      kondisi_akhir: a.kondisi,
      fasilitas_kesehatan: a.faskes,
      nama_dokter: a.dokter.toUpperCase(),
    },
  };
}

export function kuitansi(c: DocContext, r: { nomor: string; date: string; amount: number; penerima: string }): DocSpec {
  const { rng } = c;
  const blocks: Block[] = [
    { kind: 'title', text: r.penerima },
    { kind: 'title', text: rng.pick(['KUITANSI', 'KWITANSI', 'KUITANSI PEMBAYARAN']), size: 1.4 },
    field(rng.pick(['No.', 'Nomor', 'No. Kuitansi']), r.nomor),
    field(rng.pick(['Telah terima dari', 'Sudah terima dari']), c.printedName),
    field(rng.pick(['Uang sejumlah', 'Jumlah', 'Banyaknya uang']), printRupiah(r.amount, rng), 'jumlah'),
    field(rng.pick(['Untuk pembayaran', 'Guna membayar']), 'Biaya perawatan dan obat'),
    field(rng.pick(['Nama Pasien', 'Pasien']), c.printedName, 'nama_pasien'),
    field(rng.pick(['Tanggal', 'Tgl.']), date(c, r.date), 'tanggal'),
    field(rng.pick(['Penerima', 'Yang Menerima']), r.penerima),
  ];
  return {
    type: 'kuitansi',
    size: 'portrait',
    blocks,
    truth: { nomor_kuitansi: r.nomor, tanggal: r.date, jumlah: r.amount, penerima: r.penerima, nama_pasien: c.printedName },
  };
}

export function npwp(c: DocContext, number: string): DocSpec {
  const { rng, person: p } = c;
  const blocks: Block[] = [
    { kind: 'title', text: 'KEMENTERIAN KEUANGAN REPUBLIK INDONESIA' },
    { kind: 'title', text: 'DIREKTORAT JENDERAL PAJAK' },
    { kind: 'title', text: rng.pick(['NPWP', 'NOMOR POKOK WAJIB PAJAK']), size: 1.3 },
    field('NPWP', printNpwp(number)),
    field('Nama', c.printedName),
    field('NIK', printNik(p.nik, rng)),
    field('KPP', `KPP PRATAMA ${c.city}`),
  ];
  return { type: 'npwp', size: 'card', blocks, truth: { nomor_npwp: number, nama: c.printedName, nik: p.nik } };
}

/** A page that is not a claim document (cover letter, blank form, photo of a receipt roll…). */
export function otherPage(c: DocContext): DocSpec {
  const { rng } = c;
  const blocks: Block[] = rng.pick([
    [
      { kind: 'title', text: 'DAFTAR HADIR RAPAT' } as Block,
      { kind: 'text', text: 'Rapat koordinasi warga RT 05 membahas kebersihan lingkungan dan jadwal ronda.' } as Block,
    ],
    [
      { kind: 'title', text: 'PENGUMUMAN' } as Block,
      { kind: 'text', text: 'Pelayanan kantor tutup pada hari libur nasional. Terima kasih atas perhatian Anda.' } as Block,
    ],
    [{ kind: 'text', text: 'Catatan belanja: beras 5 kg, minyak goreng, gula pasir, telur satu rak.' } as Block],
  ]);
  return { type: 'other', size: 'portrait', blocks, truth: {} };
}
