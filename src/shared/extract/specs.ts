// What each contract document type carries (docs/contract.md §1) and the label wordings seen
// across offices and form years. Decoys are labels whose values must not be taken for a field.
import type { DocumentType } from '../domain/documents';

export type FieldKind =
  | 'nik'
  | 'kk'
  | 'kpj'
  | 'npwp'
  | 'account'
  | 'date'
  | 'time'
  | 'gender'
  | 'name'
  | 'text'
  | 'money'
  | 'kondisi'
  | 'blood'
  | 'rtrw'
  | 'programs'
  | 'ttl'
  | 'docno'
  | 'validity'
  | 'address';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
  labels: readonly string[];
  /** Printed values come from a fixed list (KTP religion, marital status…): misreads snap back to it. */
  vocabulary?: readonly string[];
  /** The only value of its kind the document prints (a receipt's date): found by its shape when its
   * label was lost, if exactly one such value is on the document. */
  onlyOfKind?: true;
}

const AGAMA = ['ISLAM', 'KRISTEN', 'KATHOLIK', 'KATOLIK', 'HINDU', 'BUDHA', 'BUDDHA', 'KONGHUCU', 'KHONGHUCU', 'KEPERCAYAAN TERHADAP TUHAN YME'];
const KAWIN = ['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI', 'KAWIN TERCATAT', 'KAWIN BELUM TERCATAT'];
/** The commonest Dukcapil occupation entries; others are kept as read. */
const PEKERJAAN = [
  'BELUM/TIDAK BEKERJA',
  'MENGURUS RUMAH TANGGA',
  'PELAJAR/MAHASISWA',
  'PENSIUNAN',
  'PEGAWAI NEGERI SIPIL',
  'TENTARA NASIONAL INDONESIA',
  'KEPOLISIAN RI',
  'PERDAGANGAN',
  'PETANI/PEKEBUN',
  'PETERNAK',
  'NELAYAN/PERIKANAN',
  'INDUSTRI',
  'KONSTRUKSI',
  'TRANSPORTASI',
  'KARYAWAN SWASTA',
  'KARYAWAN BUMN',
  'KARYAWAN BUMD',
  'KARYAWAN HONORER',
  'BURUH HARIAN LEPAS',
  'BURUH TANI/PERKEBUNAN',
  'BURUH NELAYAN/PERIKANAN',
  'PEMBANTU RUMAH TANGGA',
  'TUKANG BATU',
  'TUKANG KAYU',
  'TUKANG JAHIT',
  'SOPIR',
  'PEDAGANG',
  'GURU',
  'WIRASWASTA',
  'DOSEN',
  'DOKTER',
  'BIDAN',
  'PERAWAT',
  'MEKANIK',
  'PERANGKAT DESA',
  'KEPALA DESA',
  'LAINNYA',
];

const NAMA = ['nama', 'nama lengkap', 'n a m a'];
const NIK = ['nik', 'n i k', 'no ktp', 'nomor ktp', 'nomor induk kependudukan', 'no nik', 'nik ktp'];
const KPJ = ['no kpj', 'nomor kpj', 'kpj', 'no peserta', 'nomor peserta', 'no kartu peserta', 'nomor kepesertaan', 'no kepesertaan'];
const TGL_LAHIR = ['tanggal lahir', 'tgl lahir', 'tgl lhr'];
const TGL_MATI = [
  'tanggal kematian',
  'tanggal meninggal',
  'meninggal pada tanggal',
  'hari tanggal meninggal',
  'hari tanggal kematian',
  'tgl meninggal',
  'tgl kematian',
  'meninggal tanggal',
  'wafat tanggal',
];
const TEMPAT_MATI = ['tempat kematian', 'tempat meninggal', 'meninggal di', 'tempat meninggal dunia'];
const TGL_KECELAKAAN = ['tanggal kecelakaan', 'tgl kecelakaan', 'tanggal kejadian', 'tanggal terjadinya kecelakaan', 'tgl kejadian'];
const TGL_LAPOR = ['tanggal laporan', 'tgl laporan', 'tanggal pelaporan', 'dilaporkan tanggal', 'tanggal lapor'];
const KONDISI = ['kondisi akhir', 'keadaan akhir', 'kondisi tenaga kerja', 'kondisi akhir peserta', 'keadaan tenaga kerja'];
const NAMA_TK = ['nama tenaga kerja', 'nama peserta', 'nama pekerja', ...NAMA];

export const FIELD_SPECS: Record<Exclude<DocumentType, 'other'>, readonly FieldSpec[]> = {
  ktp: [
    { key: 'nik', kind: 'nik', labels: ['nik', 'n i k'] },
    { key: 'nama', kind: 'name', labels: NAMA },
    { key: 'tempat_lahir', kind: 'ttl', labels: ['tempat tgl lahir', 'tempat tanggal lahir', 'tempat tgl lhr', 'tempat lahir', 'ttl'] },
    { key: 'jenis_kelamin', kind: 'gender', labels: ['jenis kelamin', 'kelamin'] },
    { key: 'golongan_darah', kind: 'blood', labels: ['gol darah', 'golongan darah', 'gol drh', 'darah'] },
    { key: 'alamat', kind: 'address', labels: ['alamat'] },
    { key: 'rt_rw', kind: 'rtrw', labels: ['rt rw', 'rtrw'] },
    { key: 'kel_desa', kind: 'text', labels: ['kel desa', 'kelurahan desa', 'desa kelurahan', 'kel'] },
    { key: 'kecamatan', kind: 'text', labels: ['kecamatan'] },
    { key: 'agama', kind: 'text', labels: ['agama'], vocabulary: AGAMA },
    { key: 'status_perkawinan', kind: 'text', labels: ['status perkawinan', 'perkawinan'], vocabulary: KAWIN },
    { key: 'pekerjaan', kind: 'text', labels: ['pekerjaan'], vocabulary: PEKERJAAN },
    { key: 'kewarganegaraan', kind: 'text', labels: ['kewarganegaraan'], vocabulary: ['WNI', 'WNA'] },
    { key: 'berlaku_hingga', kind: 'validity', labels: ['berlaku hingga', 'berlaku sampai'], vocabulary: ['SEUMUR HIDUP'] },
  ],
  kk: [
    { key: 'nomor_kk', kind: 'kk', labels: ['no', 'nomor', 'no kk', 'nomor kk', 'no kartu keluarga', 'nomor kartu keluarga'] },
    { key: 'nama_kepala_keluarga', kind: 'name', labels: ['nama kepala keluarga', 'kepala keluarga'] },
    { key: 'alamat', kind: 'address', labels: ['alamat'] },
  ],
  kartu_peserta: [
    { key: 'nama', kind: 'name', labels: NAMA },
    { key: 'nik', kind: 'nik', labels: NIK },
    { key: 'nomor_kpj', kind: 'kpj', labels: KPJ },
    { key: 'tanggal_lahir', kind: 'date', labels: TGL_LAHIR },
    {
      key: 'tanggal_kepesertaan',
      kind: 'date',
      labels: [
        'tgl kepesertaan',
        'tanggal kepesertaan',
        'terdaftar sejak',
        'tgl efektif',
        'tanggal efektif',
        'tgl terdaftar',
        'tanggal terdaftar',
        'mulai kepesertaan',
        'peserta sejak',
        'kepesertaan sejak',
        'tgl daftar',
        'tanggal daftar',
        'mulai menjadi peserta',
      ],
    },
    { key: 'program', kind: 'programs', labels: ['program', 'program jaminan', 'jenis program'] },
  ],
  buku_tabungan: [
    { key: 'nama_pemilik', kind: 'name', labels: ['nama', 'nama nasabah', 'pemilik rekening', 'nama pemilik', 'nama pemilik rekening', 'atas nama'] },
    {
      key: 'nomor_rekening',
      kind: 'account',
      labels: ['no rekening', 'nomor rekening', 'no rek', 'rekening no', 'no rekening tabungan', 'nomor rek', 'rekening'],
    },
  ],
  akta_kematian: [
    { key: 'nomor_akta', kind: 'docno', labels: ['nomor', 'no akta', 'nomor akta', 'no'] },
    { key: 'nama', kind: 'name', labels: NAMA },
    { key: 'nik', kind: 'nik', labels: NIK },
    { key: 'tempat_kematian', kind: 'text', labels: TEMPAT_MATI },
    { key: 'tanggal_kematian', kind: 'date', labels: TGL_MATI },
  ],
  surat_kematian: [
    { key: 'nama', kind: 'name', labels: NAMA },
    { key: 'nik', kind: 'nik', labels: NIK },
    // Under "Telah meninggal dunia pada :", the day, time and place have labels of their own.
    { key: 'tanggal_kematian', kind: 'date', labels: [...TGL_MATI, 'hari tanggal'] },
    { key: 'tempat_kematian', kind: 'text', labels: [...TEMPAT_MATI, 'tempat'] },
  ],
  surat_ahli_waris: [
    { key: 'nama_almarhum', kind: 'name', labels: ['nama almarhum', 'nama almarhumah', 'nama pewaris', 'nama alm', ...NAMA] },
    { key: 'nik_almarhum', kind: 'nik', labels: ['nik almarhum', 'nik pewaris', 'nik alm', ...NIK] },
    { key: 'tanggal_surat', kind: 'date', labels: ['tanggal surat', 'tgl surat'] },
  ],
  buku_nikah: [
    { key: 'nomor_akta_nikah', kind: 'docno', labels: ['nomor', 'nomor akta nikah', 'no akta', 'no akta nikah', 'no'] },
    { key: 'nama_suami', kind: 'name', labels: ['nama suami', 'suami'] },
    { key: 'nama_istri', kind: 'name', labels: ['nama istri', 'nama isteri', 'istri', 'isteri'] },
    {
      key: 'tanggal_nikah',
      kind: 'date',
      labels: ['tanggal nikah', 'tanggal akad nikah', 'dilangsungkan pada tanggal', 'tgl nikah', 'tanggal pernikahan', 'pada tanggal'],
    },
  ],
  form_kk1: [
    { key: 'nomor_kpj', kind: 'kpj', labels: KPJ },
    { key: 'nama', kind: 'name', labels: NAMA_TK },
    { key: 'nik', kind: 'nik', labels: NIK },
    { key: 'tanggal_kecelakaan', kind: 'date', labels: TGL_KECELAKAAN },
    { key: 'jam_kecelakaan', kind: 'time', labels: ['jam kecelakaan', 'pukul', 'jam kejadian', 'waktu kecelakaan', 'jam', 'waktu kejadian'] },
    { key: 'tempat_kecelakaan', kind: 'text', labels: ['tempat kecelakaan', 'lokasi kecelakaan', 'tempat kejadian', 'lokasi kejadian'] },
    { key: 'tanggal_laporan', kind: 'date', labels: TGL_LAPOR },
  ],
  form_kk2: [
    { key: 'nomor_kpj', kind: 'kpj', labels: KPJ },
    { key: 'nama', kind: 'name', labels: NAMA_TK },
    { key: 'tanggal_kecelakaan', kind: 'date', labels: TGL_KECELAKAAN },
    { key: 'kondisi_akhir', kind: 'kondisi', labels: KONDISI },
    { key: 'tanggal_laporan', kind: 'date', labels: TGL_LAPOR },
  ],
  surat_dokter: [
    { key: 'nama', kind: 'name', labels: ['nama pasien', 'nama tenaga kerja', 'nama peserta', ...NAMA] },
    { key: 'tanggal_pemeriksaan', kind: 'date', labels: ['tanggal pemeriksaan', 'tgl pemeriksaan', 'diperiksa tanggal', 'tanggal periksa'] },
    { key: 'diagnosa', kind: 'text', labels: ['diagnosa', 'diagnosis'] },
    { key: 'kondisi_akhir', kind: 'kondisi', labels: KONDISI },
    { key: 'fasilitas_kesehatan', kind: 'text', labels: ['fasilitas kesehatan', 'faskes', 'nama faskes', 'nama rumah sakit'] },
    { key: 'nama_dokter', kind: 'name', labels: ['nama dokter', 'dokter pemeriksa', 'dokter yang memeriksa'] },
  ],
  kuitansi: [
    { key: 'nomor_kuitansi', kind: 'docno', labels: ['no', 'nomor', 'no kuitansi', 'nomor kuitansi', 'no kwitansi'] },
    { key: 'tanggal', kind: 'date', labels: ['tanggal', 'tgl'], onlyOfKind: true },
    { key: 'jumlah', kind: 'money', labels: ['uang sejumlah', 'jumlah', 'banyaknya uang', 'sejumlah', 'total', 'jumlah uang'] },
    { key: 'penerima', kind: 'text', labels: ['penerima', 'yang menerima', 'diterima oleh'] },
    { key: 'nama_pasien', kind: 'name', labels: ['nama pasien', 'pasien'] },
  ],
  npwp: [
    { key: 'nomor_npwp', kind: 'npwp', labels: ['npwp', 'no npwp', 'nomor npwp'] },
    { key: 'nama', kind: 'name', labels: NAMA },
    { key: 'nik', kind: 'nik', labels: NIK },
  ],
};

/** Labels of other printed lines: matched so their values are not taken for a field. */
export const DECOY_LABELS: readonly string[] = [
  'nama ibu',
  'nama ayah',
  'nama ibu kandung',
  'nama orang tua',
  'umur',
  'usia',
  'sebab kematian',
  'cabang',
  'tgl buka',
  'tanggal pembukaan',
  'untuk pembayaran',
  'guna membayar',
  'telah terima dari',
  'sudah terima dari',
  'terima dari',
  'kpp',
  'alamat',
  'jenis kelamin',
  'agama',
  'pekerjaan',
  'kecamatan',
  'rt rw',
  'kode pos',
  'telepon',
  'no telp',
  'no hp',
  'terbilang',
  'keterangan',
  'tempat lahir',
  'tempat tgl lahir',
  'tempat tanggal lahir',
  'kabupaten kota',
  'provinsi',
  'desa kelurahan',
  'kelurahan',
  'nama bank',
  'bank',
  'dibawa ke',
  'nama wadah',
  'nama perusahaan',
  'atas nama',
  // Generic labels, so a value printed under its label is never taken from another label's row.
  'nama',
  'nik',
  'tanggal lahir',
  'tgl lahir',
  'tanggal',
  'nomor',
  'no',
];

/** Fields read from letterheads, sections or tables rather than from a label (see special.ts, tables.ts). */
const EXTRA_KEYS: Partial<Record<DocumentType, readonly string[]>> = {
  ktp: ['provinsi', 'kabupaten_kota'],
  kk: ['anggota'],
  buku_tabungan: ['nama_bank'],
  surat_kematian: ['penerbit'],
  surat_ahli_waris: ['ahli_waris'],
};

/** Every contract field key of a document type (contract §1). */
export const fieldKeys = (type: DocumentType): string[] =>
  type === 'other' ? [] : [...FIELD_SPECS[type].flatMap((f) => (f.kind === 'ttl' ? ['tempat_lahir', 'tanggal_lahir'] : [f.key])), ...(EXTRA_KEYS[type] ?? [])];

/** The value kind of a key, for validating what an officer keys in. */
export function fieldKind(type: DocumentType, key: string): FieldKind | 'list' | null {
  if (type === 'other') return null;
  if (key === 'anggota' || key === 'ahli_waris') return EXTRA_KEYS[type]?.includes(key) ? 'list' : null;
  if (EXTRA_KEYS[type]?.includes(key)) return 'text';
  if (key === 'tempat_lahir' && type === 'ktp') return 'text';
  if (key === 'tanggal_lahir' && type === 'ktp') return 'date';
  return FIELD_SPECS[type].find((f) => f.key === key)?.kind ?? null;
}
