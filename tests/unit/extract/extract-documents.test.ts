import { describe, expect, it } from 'vitest';
import { extractedDocumentSchema } from '../../../src/shared/domain/documents';
import { crossCheckDocuments, extractAs, extractDocuments, extractDossier } from '../../../src/shared/extract/index';
import { rowsOf } from '../../../src/shared/extract/layout';
import { fillUnlabelled } from '../../../src/shared/extract/unlabelled';
import { FIELD_SPECS } from '../../../src/shared/extract/specs';
import type { ExtractedField } from '../../../src/shared/domain/documents';
import { pageFromLines } from './page-builder';

const KTP = [
  'PROVINSI JAMBI',
  'KOTA JAMBI',
  'NIK           : 1571024506880003',
  'Nama          : HJ. SITI AMINAH, S.PD',
  'Tempat/Tgl Lahir : JAMBI, 05-06-1988',
  'Jenis Kelamin : PEREMPUAN        Gol. Darah : O',
  'Alamat        : JL. SUDIRMAN NO. 12',
  'RT/RW         : 003/012',
  'Kel/Desa      : PAAL MERAH',
  'Kecamatan     : KOTA BARU',
  'Agama         : ISLAM',
  'Status Perkawinan : KAWIN',
  'Pekerjaan     : WIRASWASTA',
  'Kewarganegaraan : WNI',
  'Berlaku Hingga : SEUMUR HIDUP',
];

const value = (doc: { fields: Record<string, { value: unknown }> }, key: string): unknown => doc.fields[key]?.value;

describe('extractDocuments', () => {
  it('reads an e-KTP into the contract keys with normalised values, pages and boxes', () => {
    const [doc] = extractDocuments([pageFromLines(KTP)]);
    expect(doc?.type).toBe('ktp');
    expect(doc?.pages).toEqual([1]);
    expect(extractedDocumentSchema.parse(doc)).toBeTruthy();
    const d = doc as NonNullable<typeof doc>;
    expect(value(d, 'nik')).toBe('1571024506880003');
    expect(value(d, 'nama')).toBe('HJ. SITI AMINAH, S.PD');
    expect(value(d, 'tempat_lahir')).toBe('JAMBI');
    expect(value(d, 'tanggal_lahir')).toBe('1988-06-05');
    expect(value(d, 'jenis_kelamin')).toBe('P');
    expect(value(d, 'golongan_darah')).toBe('O');
    expect(value(d, 'rt_rw')).toBe('003/012');
    expect(value(d, 'kel_desa')).toBe('PAAL MERAH');
    expect(value(d, 'provinsi')).toBe('JAMBI');
    expect(value(d, 'kabupaten_kota')).toBe('KOTA JAMBI');
    expect(value(d, 'berlaku_hingga')).toBe('SEUMUR HIDUP');
    const nik = d.fields.nik;
    expect(nik?.page).toBe(1);
    expect(nik?.bbox?.[0]).toBeGreaterThan(200);
    expect(nik?.confidence).toBeGreaterThan(0.8);
  });

  it('survives OCR damage: O/0 and I/1 in numbers, misspelt and glued labels, missing colons', () => {
    const [doc] = extractDocuments([
      pageFromLines([
        'BPJS Ketenagakerjaan',
        'KARTU PESERTA',
        'Nama DEWI LESTARI',
        'N1K : 3174O16204750O01',
        'Nomor Pesrta : 230-1234-5678',
        'TglLahir : 22 APR 1975',
        'Tanggal Kepesertaan : 5 Pebruari 2019',
        'Program : JKK, JKM',
      ]),
    ]);
    expect(doc?.type).toBe('kartu_peserta');
    const d = doc as NonNullable<typeof doc>;
    expect(value(d, 'nama')).toBe('DEWI LESTARI');
    expect(value(d, 'nomor_kpj')).toBe('23012345678');
    expect(value(d, 'tanggal_lahir')).toBe('1975-04-22');
    expect(value(d, 'tanggal_kepesertaan')).toBe('2019-02-05');
    expect(value(d, 'program')).toEqual(['JKK', 'JKM']);
    // Repaired digits lower the confidence but a structurally valid NIK is still filled.
    expect(value(d, 'nik')).toBe('3174016204750001');
    expect(d.fields.nik?.confidence).toBeLessThan(d.fields.nama?.confidence ?? 0);
  });

  it('reads a label with a spaced slash ("Tempat / Tanggal Lahir") as one label', () => {
    for (const label of ['Tempat / Tanggal Lahir', 'Tempat /. Tgl Lahir', 'Tempat/Tgl Lahir']) {
      const [doc] = extractDocuments([pageFromLines(KTP.map((l) => (l.startsWith('Tempat') ? `${label} : JAMBI, 05-06-1988` : l)))]);
      expect(value(doc as never, 'tempat_lahir'), label).toBe('JAMBI');
      expect(value(doc as never, 'tanggal_lahir'), label).toBe('1988-06-05');
    }
  });

  it('reads program codes with one letter misread only when a single code is that close', () => {
    const programs = (line: string): unknown => value(extractDocuments([pageFromLines(['KARTU PESERTA', ': 1571021203800001', line])])[0] as never, 'program');
    expect(programs('Program : IKK, JKM, JAT')).toEqual(['JKK', 'JKM', 'JHT']);
    expect(programs('Program : JKK - JKM - JHT - JP')).toEqual(['JKK', 'JKM', 'JHT', 'JP']);
    // "JKX" is as close to JKK, JKM and JKP: it names none of them, and a list with one code unread is
    // left for the officer rather than given one program short.
    expect(programs('Program : JKX, JHT')).toBeNull();
    expect(programs('Program : JKK, J.M, JHT')).toBeNull();
    expect(programs('Program : JKK, JKM dan JHT')).toEqual(['JKK', 'JKM', 'JHT']);
  });

  it('reads two-column rows and values printed on the line under their label', () => {
    const [doc] = extractDocuments([
      pageFromLines([
        'LAPORAN KECELAKAAN KERJA TAHAP II',
        'No. KPJ : 12345678901        Nama Tenaga Kerja : BUDI SANTOSO',
        'Tanggal Kecelakaan',
        '  12/03/2025',
        'Kondisi Akhir : CACAT SEBAGIAN FUNGSI',
        'Tanggal Laporan : 02-04-2025',
      ]),
    ]);
    expect(doc?.type).toBe('form_kk2');
    const d = doc as NonNullable<typeof doc>;
    expect(value(d, 'nomor_kpj')).toBe('12345678901');
    expect(value(d, 'nama')).toBe('BUDI SANTOSO');
    expect(value(d, 'tanggal_kecelakaan')).toBe('2025-03-12');
    expect(value(d, 'kondisi_akhir')).toBe('cacat_sebagian_fungsi');
    expect(value(d, 'tanggal_laporan')).toBe('2025-04-02');
  });

  it('leaves unsure values empty for keying instead of guessing', () => {
    const [doc] = extractDocuments([
      pageFromLines([
        'KARTU TANDA PENDUDUK',
        'PROVINSI JAMBI',
        'NIK : 1571029906880003',
        'Nama : BUD1 S4NT0SO',
        'Tempat/Tgl Lahir : JAMBI, 31-02-1988',
        'Pekerjaan : PETANI@0.3',
        'Berlaku Hingga : SEUMUR HIDUP',
      ]),
    ]);
    const d = doc as NonNullable<typeof doc>;
    expect(d.type).toBe('ktp');
    for (const [key, reason] of [
      ['nik', /nik_/],
      ['nama', /name/],
      ['tanggal_lahir', /date/],
      ['pekerjaan', /low_confidence/],
    ] as const) {
      expect(d.fields[key]?.value, key).toBeNull();
      expect(d.fields[key]?.needsKeying, key).toBe(true);
      expect(d.fields[key]?.reason, key).toMatch(reason);
    }
    // A field whose label is not on the page is listed for keying too.
    expect(d.fields.agama).toMatchObject({ value: null, needsKeying: true, reason: 'not_found' });
  });

  it('reads the family-member table of a Kartu Keluarga as a list', () => {
    const [doc] = extractDocuments([
      pageFromLines([
        'KARTU KELUARGA',
        'No. 1571020101150007',
        'Nama Kepala Keluarga : AHMAD HIDAYAT',
        'Alamat : JL. MERDEKA NO. 5',
        'No  Nama Lengkap       NIK                 Jenis Kelamin   Tempat Lahir   Tanggal Lahir   Hubungan',
        '1   AHMAD HIDAYAT      1571021203800001    LAKI-LAKI       JAMBI          12-03-1980      KEPALA KELUARGA',
        '2   SITI AMINAH        1571025507850002    PEREMPUAN       JAMBI          15-07-1985      ISTRI',
        '3   RIZKY HIDAYAT      1571020909100003    LAKI-LAKI       JAMBI          09-09-2010      ANAK',
      ]),
    ]);
    const d = doc as NonNullable<typeof doc>;
    expect(d.type).toBe('kk');
    expect(value(d, 'nomor_kk')).toBe('1571020101150007');
    expect(value(d, 'anggota')).toEqual([
      { nik: '1571021203800001', nama: 'AHMAD HIDAYAT', jenis_kelamin: 'L', tempat_lahir: 'JAMBI', tanggal_lahir: '1980-03-12', hubungan: 'kepala_keluarga' },
      { nik: '1571025507850002', nama: 'SITI AMINAH', jenis_kelamin: 'P', tempat_lahir: 'JAMBI', tanggal_lahir: '1985-07-15', hubungan: 'istri' },
      { nik: '1571020909100003', nama: 'RIZKY HIDAYAT', jenis_kelamin: 'L', tempat_lahir: 'JAMBI', tanggal_lahir: '2010-09-09', hubungan: 'anak' },
    ]);
  });

  it('splits a bundle into documents, joins a continuation page and types a non-claim page other', () => {
    const docs = extractDocuments([
      pageFromLines(
        [
          'SURAT KETERANGAN AHLI WARIS',
          'Nama Almarhum : AGUS SALIM BIN HASAN',
          'NIK : 1571021203800001',
          'No  Nama  NIK  Hubungan',
          '1  SITI AMINAH  1571025507850002  ISTRI',
        ],
        1,
      ),
      pageFromLines(['Halaman 2', 'Demikian surat pernyataan ini kami buat dengan sebenarnya.', 'Jambi, 12 Maret 2025'], 2),
      pageFromLines(['PENGUMUMAN', 'Pelayanan kantor tutup pada hari libur nasional.'], 3),
      pageFromLines(['KUITANSI', 'No. : KW/2025/0012', 'Uang sejumlah : Rp 1.250.000,-', 'Tanggal : 14/03/2025'], 4),
    ]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['surat_ahli_waris', [1, 2]],
      ['other', [3]],
      ['kuitansi', [4]],
    ]);
    expect(value(docs[0] as never, 'tanggal_surat')).toBe('2025-03-12');
    expect(value(docs[0] as never, 'nama_almarhum')).toBe('AGUS SALIM BIN HASAN');
    expect(value(docs[0] as never, 'ahli_waris')).toEqual([{ nama: 'SITI AMINAH', nik: '1571025507850002', hubungan: 'istri' }]);
    expect(docs[1]?.fields).toEqual({});
    expect(value(docs[2] as never, 'jumlah')).toBe(1250000);
    expect(value(docs[2] as never, 'nomor_kuitansi')).toBe('KW/2025/0012');
  });

  it('places an identifier whose label OCR lost by its shape, only when there is exactly one', () => {
    const [doc] = extractDocuments([pageFromLines(['KARTU PESERTA', ': BUDI SANTOSO', ': 1571021203800001', ': 230-1234-5678', 'Program : JKK'])]);
    const d = doc as NonNullable<typeof doc>;
    expect(d.type).toBe('kartu_peserta');
    expect(d.fields.nik).toMatchObject({ value: '1571021203800001', reason: 'label_not_found' });
    expect(d.fields.nik?.confidence).toBeLessThan(0.85);
    expect(value(d, 'nomor_kpj')).toBe('23012345678');
    const [two] = extractDocuments([pageFromLines(['KARTU PESERTA', ': 1571021203800001', ': 1571025507850002', 'Program : JKK'])]);
    expect(two?.fields.nik).toMatchObject({ value: null, needsKeying: true });
    // A label hit read with nothing after it (a card's title taken for 'No. Peserta') does not stop it.
    const fields: Record<string, ExtractedField> = { nomor_kpj: { value: null, confidence: 0, page: 1, bbox: null, needsKeying: true, reason: 'value_empty' } };
    fillUnlabelled(fields, FIELD_SPECS.kartu_peserta, rowsOf(pageFromLines(['KARTU PESERTA', 'DARMAWAN HAMZAH', ': 28602639019'])), new Set());
    expect(fields.nomor_kpj).toMatchObject({ value: '28602639019', reason: 'label_not_found' });
  });

  it("keeps an unsure reading found beyond a label's leftover words, so another document can confirm it", () => {
    // "Nomor Peserta" is the label, "(KPJ)" is left in its cell; the number stands in the next cell, unsure.
    const form = pageFromLines(
      [
        'LAPORAN KECELAKAAN KERJA TAHAP I',
        'FORMULIR 3 / KK1',
        '1 Nama Lengkap         EDI HERMAWAN',
        '2. Nomor Peserta (KPJ)          28943648453@0.5',
        '3. Tanggal Kecelakaan   18 Agustus 2026',
      ],
      2,
    );
    const alone = extractDocuments([form]);
    expect(alone[0]?.type).toBe('form_kk1');
    expect(alone[0]?.fields.nomor_kpj).toMatchObject({ value: null, reason: 'low_confidence' });
    const card = pageFromLines(['KARTU PESERTA', 'Nama : EDI HERMAWAN', 'No. KPJ : 28943648453', 'Program : JKK'], 1);
    expect(extractDocuments([card, form])[1]?.fields.nomor_kpj).toMatchObject({ value: '28943648453', reason: 'confirmed_by_other_document' });
  });

  it("places a receipt's date whose label OCR lost, when it is the one date on the receipt; never a letter's", () => {
    const receipt = (...dates: string[]) =>
      pageFromLines(['KUITANSI', 'No. Kuitansi : KW/2025/9116', 'Uang sejumlah : Rp2.220.000', 'Nama Pasien : SITI SUSANTI', 'Tal.', ...dates]);
    expect(extractDocuments([receipt('26-Feb-25')])[0]?.fields.tanggal).toMatchObject({ value: '2025-02-26', reason: 'label_not_found' });
    expect(extractDocuments([receipt('26-Feb-25', '01-03-2025')])[0]?.fields.tanggal).toMatchObject({ value: null, needsKeying: true });
    // A heir statement prints other dates (the death) in its text: its own date is never guessed.
    const heirs = pageFromLines(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum : BUDI SANTOSO', 'yang meninggal dunia pada 31-07-2025', 'Tgi Surat']);
    expect(extractDocuments([heirs])[0]?.fields.tanggal_surat?.value).toBeNull();
  });

  it('confirms a weak reading when another document of the bundle reads the same value confidently', () => {
    const card = (conf: string) => pageFromLines(['KARTU PESERTA', `Nama : BUDI${conf} SANTOSO`, 'No. KPJ : 23012345678', 'Program : JKK'], 2);
    const ktp = pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', 'Nama : BUDI SANTOSO', 'Berlaku Hingga : SEUMUR HIDUP'], 1);
    const alone = extractDocuments([card('@0.3')]);
    expect(alone[0]?.fields.nama).toMatchObject({ value: null, reason: 'low_confidence' });
    const both = extractDocuments([ktp, card('@0.3')]);
    expect(both[1]?.fields.nama).toMatchObject({ value: 'BUDI SANTOSO', reason: 'confirmed_by_other_document' });
    // A different weak reading is not confirmed.
    const other = extractDocuments([ktp, pageFromLines(['KARTU PESERTA', 'Nama : BUDl@0.3 SANTOS0', 'Program : JKK'], 2)]);
    expect(other[1]?.fields.nama?.value).toBeNull();
  });

  it('never pre-fills a handwritten value: not from the line under it, not from another document', () => {
    const receipt = pageFromLines([
      'KUITANSI',
      'No. Kuitansi : KW/2026/0404',
      'Sudah terima dari : BUDI SANTOSO',
      'Jumlah   Rp@h 2.655.000,00@h',
      'Tanggal : 25 MEI 2026',
      'Nama Pasien            BUDI@h SANTOSO@h',
      'RUANG MAWAR',
      'Penerima : RS SILOAM JAKARTA',
    ]);
    const ktp = pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', 'Nama : BUDI SANTOSO', 'Berlaku Hingga : SEUMUR HIDUP'], 2);
    const [doc] = extractDocuments([receipt, ktp]);
    expect(doc?.type).toBe('kuitansi');
    for (const key of ['jumlah', 'nama_pasien']) {
      expect(doc?.fields[key], key).toMatchObject({ value: null, reason: 'handwriting', needsKeying: true });
      expect(doc?.fields[key]?.bbox, key).not.toBeNull();
    }
    // The printed values around them are read as usual.
    expect(value(doc!, 'tanggal')).toBe('2026-05-25');
    expect(value(doc!, 'nomor_kuitansi')).toBe('KW/2026/0404');
    // The same words in print are read.
    const printed = extractDocuments([pageFromLines(['KUITANSI', 'Jumlah   Rp 2.655.000,00', 'Nama Pasien : BUDI SANTOSO'])]);
    expect(value(printed[0]!, 'jumlah')).toBe(2655000);
    expect(value(printed[0]!, 'nama_pasien')).toBe('BUDI SANTOSO');
  });

  it("never takes a day-and-date line for the report's place-and-date line", () => {
    const form = (report: string) =>
      pageFromLines([
        'LAPORAN KECELAKAAN KERJA TAHAP I',
        'FORMULIR KK1',
        'No. KPJ : 10000000003',
        'Tgl. Kecelakaan',
        'Senin, 8 Desember 2025',
        ...(report ? [report] : []),
        'Pelapor,',
      ]);
    // A handwritten report date stays for the officer; without one, no date is made up from the accident line.
    expect(extractDocuments([form('Tgl. Laporan : 9@h Desember@h 2025@h')])[0]?.fields.tanggal_laporan).toMatchObject({ value: null, reason: 'handwriting' });
    expect(extractDocuments([form('')])[0]?.fields.tanggal_laporan?.value).toBeNull();
    // A real place-and-date line is still read.
    expect(extractDocuments([form('Jambi, 10 Desember 2025')])[0]?.fields.tanggal_laporan?.value).toBe('2025-12-10');
  });

  it('keeps a line under a label apart even when one tall speck on it reaches up to the label', () => {
    const word = (text: string, bbox: [number, number, number, number]) => ({ text, confidence: 0.9, bbox });
    const line = (...words: ReturnType<typeof word>[]) => ({
      text: words.map((w) => w.text).join(' '),
      confidence: 0.9,
      bbox: words.reduce<[number, number, number, number]>(
        (b, w) => [Math.min(b[0], w.bbox[0]), Math.min(b[1], w.bbox[1]), Math.max(b[2], w.bbox[2]), Math.max(b[3], w.bbox[3])],
        [1e9, 1e9, -1e9, -1e9],
      ),
      words,
    });
    const page = pageFromLines([]);
    page.lines = [
      line(word('NIK', [140, 300, 230, 345])),
      line(word(':', [300, 318, 310, 340]), word('3174014411811001', [320, 306, 760, 342])),
      line(word('Tempat', [143, 1391, 299, 1430]), word('Kejadian', [316, 1389, 494, 1430])),
      line(
        word('JL', [190, 1460, 254, 1511]),
        word('LINTAS', [291, 1436, 496, 1528]),
        word('Ii', [823, 1372, 857, 1507]),
        word('SUMATERA', [515, 1434, 797, 1498]),
      ),
    ];
    const rows = rowsOf(page).map((r) => r.text);
    // A large label and its value with a small colon stay one row; the tall speck does not pull the line up.
    expect(rows).toEqual(['NIK : 3174014411811001', 'Tempat Kejadian', 'JL LINTAS SUMATERA Ii']);
  });

  it('reads the outcome of a stage-II form from the one marked box, and leaves an unmarked list to the officer', () => {
    const form = (...lines: string[]) =>
      extractDocuments([pageFromLines(['LAPORAN KECELAKAAN KERJA TAHAP II', 'FORMULIR 3a', 'No. KPJ : 10000000003', ...lines])])[0]?.fields.kondisi_akhir;
    // Options beside the label, wrapped onto the next line; and one under the other below the label.
    expect(form('Kondisi Akhir : ☐ Sembuh  ☐ Cacat Sebagian Anatomis', '☒ Cacat Sebagian Fungsi  ☐ Cacat Total Tetap', '☐ Meninggal Dunia')?.value).toBe(
      'cacat_sebagian_fungsi',
    );
    expect(
      form('Kondisi Akhir', '☐ Sembuh', '☐ Cacat Sebagian Anatomis', '☐ Cacat Total Tetap', '☒ Meninggal Dunia', 'Tanggal Laporan : 20-04-2025')?.value,
    ).toBe('meninggal');
    // No mark, two marks, a mark OCR is unsure of, or the options printed with no boxes read: nothing is guessed.
    expect(form('Kondisi Akhir : ☐ Sembuh  ☐ Cacat Total Tetap  ☐ Meninggal Dunia')).toMatchObject({ value: null, reason: 'choice_not_marked' });
    expect(form('Kondisi Akhir', '☒ Sembuh', '☐ Cacat Total Tetap', '☒ Meninggal Dunia')).toMatchObject({ value: null, reason: 'choice_several_marked' });
    expect(form('Kondisi Akhir : ☐ Sembuh  ☒@0.4 Cacat Total Tetap')).toMatchObject({ value: null, reason: 'choice_mark_unclear' });
    expect(form('Kondisi Akhir : Sembuh / Cacat Total Tetap / Meninggal Dunia')).toMatchObject({ value: null, reason: 'kondisi_several' });
    expect(form('Kondisi Akhir', 'Sembuh', 'Cacat Total Tetap', 'Meninggal Dunia', 'Tanggal Laporan : 20-04-2025')).toMatchObject({
      value: null,
      reason: 'kondisi_several',
    });
    // The value under its label, with the next field after it, is still read.
    expect(form('Kondisi Akhir', 'SEMBUH', 'Tanggal Laporan : 20-04-2025')?.value).toBe('sembuh');
    // A typed outcome is still read as printed.
    expect(form('Kondisi Akhir : CACAT TOTAL TETAP')?.value).toBe('cacat_total_tetap');
  });

  it('reads a numbered form item, a number written in boxes, and never a witness pair as the name', () => {
    const form = (...lines: string[]) => extractDocuments([pageFromLines(['LAPORAN KECELAKAAN KERJA TAHAP I', 'FORMULIR KK1', ...lines], 1)])[0]?.fields;
    const f = form(
      '2. Nomor Peserta (KPJ)   28943648453',
      '3. NIK   157   10   7   30   117 91796',
      'III. SAKSI-SAKSI',
      '1. Nama / No. HP   AGUS SINAGA / 087162046042',
    );
    expect(f?.nik?.value).toBe('1571073011791796');
    expect(f?.nomor_kpj?.value).toBe('28943648453');
    expect(f?.nama?.value).toBeNull();
    // Groups that do not make a NIK are not guessed at.
    expect(form('3. NIK   157   10   7   30   117')?.nik?.value).toBeNull();
  });

  it('reads a blood group beside dust or under a label whose first word was lost', () => {
    const ktp = (line: string) =>
      extractDocuments([pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', line, 'Berlaku Hingga : SEUMUR HIDUP'], 1)])[0]
        ?.fields.golongan_darah;
    expect(ktp('Jenis Kelamin : LAKI-LAKI   Gol Darah : A ed@0.33')?.value).toBe('A');
    expect(ktp('Jenis Kelamin : LAKI-LAKI   ☒   Darah O')?.value).toBe('O');
    // Sure letters after it are no dust: the value is left for keying.
    expect(ktp('Jenis Kelamin : LAKI-LAKI   Gol Darah : A ed')?.value).toBeNull();
  });

  it("reads a value beside an unsure mark before it, never the next label's value under an empty one", () => {
    const ktp = (...lines: string[]) =>
      extractDocuments([pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', ...lines, 'Berlaku Hingga : SEUMUR HIDUP'], 1)])[0]
        ?.fields;
    expect(ktp('Status Perkawinan   7@0.27 KAWIN', 'Pekerjaan   PEDAGANG')?.status_perkawinan?.value).toBe('KAWIN');
    const f = ktp('Status Perkawinan', 'Pekerjaan   AAN');
    expect(f?.status_perkawinan?.value).toBeNull();
    expect(f?.pekerjaan?.value).toBe('AAN');
  });

  it('checks the documents of a dossier against each other across its files, never changing what an officer keyed', () => {
    // The KTP photographed apart from the scanned bundle that holds the participant card.
    const ktpPhoto = [
      pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', 'Nama : BUDI SANTOSO', 'Berlaku Hingga : SEUMUR HIDUP'], 1),
    ];
    const bundle = [pageFromLines(['KARTU PESERTA', 'Nama : BUDI@0.3 SANTOSO', 'NIK : 1571021203800007@0.7', 'Program : JKK'], 1)];
    expect(extractDossier([bundle])[0]?.[0]?.fields.nama?.value).toBeNull();
    const [photo, scanned] = extractDossier([ktpPhoto, bundle]);
    expect(photo?.[0]?.fields.nik?.value).toBe('1571021203800001');
    expect(scanned?.[0]?.fields.nama).toMatchObject({ value: 'BUDI SANTOSO', reason: 'confirmed_by_other_document' });
    // The officer's NIK stands even one digit from another document's.
    const docs = [...extractDocuments(ktpPhoto), ...extractDocuments(bundle)];
    const card = docs[1] as (typeof docs)[number];
    card.fields.nik = { value: '1571021203800007', confidence: 0.5, page: 1, bbox: null, source: 'officer' };
    crossCheckDocuments(docs);
    expect(card.fields.nik.value).toBe('1571021203800007');
  });

  it('completes a NIK read one digit too long from the NIK of the bundle it holds whole', () => {
    const kk = pageFromLines(
      [
        'KARTU KELUARGA',
        'No. 1671012403185555',
        'No  Nama Lengkap       NIK                 Jenis Kelamin   Tempat Lahir   Tanggal Lahir   Hubungan',
        '1   MUHAMMAD PURNAMA   1671011312001006    LAKI-LAKI       PALEMBANG      13-12-2000      KEPALA KELUARGA',
      ],
      1,
    );
    const death = (nik: string) =>
      pageFromLines(['SURAT KETERANGAN KEMATIAN', 'Nama : MUHAMMAD PURNAMA', `Nomor Induk Kependudukan : ${nik}`, 'Tanggal Kematian : 18-06-2025'], 2);
    expect(extractDocuments([kk, death('11671011312001006')])[1]?.fields.nik).toMatchObject({
      value: '1671011312001006',
      reason: 'completed_from_other_document',
    });
    // Alone, or holding no NIK of the bundle, it stays for keying.
    expect(extractDocuments([death('11671011312001006')])[0]?.fields.nik).toMatchObject({ value: null, reason: 'wrong_length' });
    expect(extractDocuments([kk, death('16710113120010069')])[1]?.fields.nik?.value).toBe('1671011312001006');
    expect(extractDocuments([kk, death('11671011312001007')])[1]?.fields.nik?.value).toBeNull();
  });

  it('completes a NIK cut short from the one full NIK of the bundle that starts with its digits', () => {
    const ktp = pageFromLines(['KARTU TANDA PENDUDUK', 'PROVINSI JAMBI', 'NIK : 1571021203800001', 'Berlaku Hingga : SEUMUR HIDUP'], 1);
    const card = (nik: string) => pageFromLines(['KARTU PESERTA', `NIK : ${nik}`, 'Program : JKK'], 2);
    const docs = extractDocuments([ktp, card('157102120380')]);
    expect(docs[1]?.fields.nik).toMatchObject({ value: '1571021203800001', reason: 'completed_from_other_document' });
    // Trailing junk after the digits is not read as more digits.
    expect(extractDocuments([ktp, card('1571021203800!')])[1]?.fields.nik?.value).toBe('1571021203800001');
    // Alone, too short to be specific, or matching nothing: left for keying.
    expect(extractDocuments([card('157102120380')])[0]?.fields.nik).toMatchObject({ value: null, reason: 'wrong_length' });
    expect(extractDocuments([ktp, card('15710212038')])[1]?.fields.nik?.value).toBeNull();
    expect(extractDocuments([ktp, card('157102120390')])[1]?.fields.nik?.value).toBeNull();
    // Two full NIKs sharing the digits (twins on a KK): no choice is made.
    const kk = pageFromLines(
      [
        'KARTU KELUARGA',
        'No. 1571020101150007',
        'No  Nama Lengkap   NIK                 Jenis Kelamin   Tempat Lahir   Tanggal Lahir   Hubungan',
        '1   ANDI SANTOSO   1571021203800001    LAKI-LAKI       JAMBI          12-03-1980      KEPALA KELUARGA',
        '2   BUDI SANTOSO   1571021203800002    LAKI-LAKI       JAMBI          12-03-1980      FAMILI LAIN',
      ],
      3,
    );
    const twins = extractDocuments([kk, card('157102120380')]);
    expect(twins.find((d) => d.type === 'kartu_peserta')?.fields.nik?.value).toBeNull();
  });

  it('re-extracts pages as the type an officer chose', () => {
    const page = pageFromLines(['Nama : BUDI SANTOSO', 'NPWP : 01.234.567.8-331.000', 'NIK : 1571021203800001']);
    const auto = extractDocuments([page]);
    expect(auto[0]?.type).not.toBe('ktp');
    const doc = extractAs('npwp', [page]);
    expect(doc).toMatchObject({ type: 'npwp', typeConfidence: 1, pages: [1] });
    expect(value(doc, 'nomor_npwp')).toBe('012345678331000');
    expect(value(doc, 'nik')).toBe('1571021203800001');
    expect(extractAs('other', [page]).fields).toEqual({});
  });
});
