// Lists read by their headers whatever the column order and wording (a family card's two tables joined
// by row, an heir table with wrapped cells), receipt amounts checked in words against figures, and
// facts stated in sentences rather than beside a label.
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../../src/shared/extract/index';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import type { BBox } from '../../../src/shared/domain/documents';
import { pageFromLines, pageOfLines, tableLines } from './page-builder';

describe('a family card', () => {
  // Two tables, as a real KK prints them: the first with the identities, the second with the family
  // relationship; a column-number row under each header, a header wrapped over two lines.
  const kk = pageOfLines([
    ...tableLines(80, [[[900, 'KARTU KELUARGA']], [[900, 'No. 1571010704220838']]]),
    ...tableLines(300, [
      [
        [100, 'Nama Kepala Keluarga'],
        [500, ': SUPARMAN'],
      ],
      [
        [100, 'Alamat'],
        [500, ': JL. SUNAN GUNUNG JATI NO. 16'],
      ],
    ]),
    ...tableLines(500, [
      [
        [100, 'No'],
        [200, 'Nama Lengkap'],
        [700, 'NIK'],
        [1000, 'Jenis Kelamin'],
        [1300, 'Tempat Lahir'],
        [1600, 'Tanggal Lahir'],
        [1900, 'Agama'],
      ],
      [
        [100, '(1)'],
        [200, '(2)'],
        [700, '(3)'],
        [1000, '(4)'],
        [1300, '(5)'],
        [1600, '(6)'],
        [1900, '(7)'],
      ],
      [
        [100, '1'],
        [200, 'SUPARMAN'],
        [650, '1571011705681511'],
        [1000, 'LAKI-LAKI'],
        [1300, 'MUARA BULIAN'],
        [1600, '17-05-1968'],
        [1900, 'ISLAM'],
      ],
      [
        [100, '2'],
        [200, 'MARLINA WAHYUNI'],
        [650, '1571016004731323'],
        [1000, 'PEREMPUAN'],
        [1300, 'MUARA TEBO'],
        [1600, '20-04-1973'],
        [1900, 'ISLAM'],
      ],
    ]),
    ...tableLines(900, [[[700, 'Status Hubungan Dalam']]]),
    ...tableLines(940, [
      [
        [100, 'No'],
        [200, 'Status Perkawinan'],
        [450, 'Kewarganegaraan'],
        [760, 'Keluarga'],
        [1100, 'Ayah'],
        [1400, 'Ibu'],
      ],
      [
        [100, '(1)'],
        [200, '(2)'],
        [450, '(3)'],
        [760, '(4)'],
        [1100, '(5)'],
        [1400, '(6)'],
      ],
      [
        [100, '1'],
        [200, 'KAWIN'],
        [450, 'WNI'],
        [700, 'KEPALA KELUARGA'],
        [1100, 'PONIMAN'],
        [1400, 'SARINAH'],
      ],
      [
        [100, '2'],
        [200, 'KAWIN'],
        [450, 'WNI'],
        [740, 'ISTRI'],
        [1100, 'RUSDI'],
        [1400, 'SUKARNI'],
      ],
    ]),
  ]);

  it('gives each member the fields of both tables, joined by the row number', () => {
    const [doc] = extractDocuments([kk]);
    expect(doc?.type).toBe('kk');
    expect(doc?.fields.anggota?.value).toEqual([
      { nik: '1571011705681511', nama: 'SUPARMAN', jenis_kelamin: 'L', tempat_lahir: 'MUARA BULIAN', tanggal_lahir: '1968-05-17', hubungan: 'kepala_keluarga' },
      { nik: '1571016004731323', nama: 'MARLINA WAHYUNI', jenis_kelamin: 'P', tempat_lahir: 'MUARA TEBO', tanggal_lahir: '1973-04-20', hubungan: 'istri' },
    ]);
    expect(doc?.fields.nomor_kk?.value).toBe('1571010704220838');
  });

  it("takes no punch hole or stamp edge beside a row for a word of the member's name", () => {
    // A punch hole left of the first member row, read as a short word twice the print's height.
    const y = 500 + 2 * 48;
    const hole = { text: 'an’', confidence: 0.9, bbox: [30, y - 15, 100, y + 45] as BBox };
    const holed = { ...kk, lines: [...kk.lines, { text: hole.text, confidence: 0.9, bbox: hole.bbox, words: [hole] }] };
    const members = extractDocuments([holed])[0]?.fields.anggota?.value as Record<string, string>[];
    expect(members.map((m) => m.nama)).toEqual(['SUPARMAN', 'MARLINA WAHYUNI']);
  });

  it("takes a row number misread as a letter for the number, not a word of the member's name", () => {
    const misread = { ...kk, lines: kk.lines.map((l) => ({ ...l, words: l.words.map((w) => (w.text === '1' && w.bbox[1] < 700 ? { ...w, text: 'T' } : w)) })) };
    const members = extractDocuments([misread])[0]?.fields.anggota?.value as Record<string, string>[];
    expect(members.map((m) => [m.nama, m.hubungan])).toEqual([
      ['SUPARMAN', 'kepala_keluarga'],
      ['MARLINA WAHYUNI', 'istri'],
    ]);
    // An initial stands close to the name and carries its stop: it stays the name's.
    const initial = {
      ...kk,
      lines: kk.lines.map((l) => ({
        ...l,
        words: l.words.flatMap((w) =>
          w.text === 'SUPARMAN'
            ? [
                { ...w, text: 'M.', bbox: [w.bbox[0], w.bbox[1], w.bbox[0] + 28, w.bbox[3]] as BBox },
                { ...w, bbox: [w.bbox[0] + 42, w.bbox[1], w.bbox[2] + 42, w.bbox[3]] as BBox },
              ]
            : [w],
        ),
      })),
    };
    expect((extractDocuments([initial])[0]?.fields.anggota?.value as Record<string, string>[])[0]?.nama).toBe('M. SUPARMAN');
  });

  it('keeps the rows read when one cell is not, for the officer to complete', () => {
    const damaged = { ...kk, lines: kk.lines.map((l) => ({ ...l, words: l.words.map((w) => (w.text === 'ISTRI' ? { ...w, text: 'I$#@' } : w)) })) };
    const f = extractDocuments([damaged])[0]?.fields.anggota;
    expect(f?.needsKeying).toBe(true);
    expect(f?.reason).toBe('list_incomplete');
    expect((f?.value as Record<string, string>[])[1]).not.toHaveProperty('hubungan');
    expect((f?.value as Record<string, string>[])[0]?.hubungan).toBe('kepala_keluarga');
  });
});

describe('a family card read with OCR damage', () => {
  // What a low-resolution or askew scan does to the same two tables: the small "No" and "NIK" headings
  // not read, the wrapped second header line read with words cut ("Perkawi", "Kei"), "Status Hubungan
  // Dalam" read with its middle lost, one cell read a little higher than its row, a speck in the body,
  // a date with a separator lost, and the second table's header lines askew.
  const line = (y: number, cells: [number, string][], h = 30): OcrPage['lines'][number] => {
    const [l] = tableLines(y, [cells]);
    const words = (l as OcrPage['lines'][number]).words.map((w) => ({ ...w, bbox: [w.bbox[0], y, w.bbox[2], y + h] as BBox }));
    return { ...(l as OcrPage['lines'][number]), words, bbox: [words[0]?.bbox[0] ?? 0, y, words.at(-1)?.bbox[2] ?? 0, y + h] };
  };
  const askew = (l: OcrPage['lines'][number], rise: number): OcrPage['lines'][number] => {
    const words = l.words.map((w) => ({ ...w, bbox: [w.bbox[0], w.bbox[1] + w.bbox[0] * rise, w.bbox[2], w.bbox[3] + w.bbox[0] * rise] as BBox }));
    return { ...l, words, bbox: [l.bbox[0], Math.min(...words.map((w) => w.bbox[1])), l.bbox[2], Math.max(...words.map((w) => w.bbox[3]))] };
  };
  const kk = pageOfLines([
    ...tableLines(80, [[[900, 'KARTU KELUARGA']], [[900, 'No. 1571010704220838']]]),
    line(500, [
      [200, 'Nama Lengkap'],
      [1000, 'Jenis Kelamin'],
      [1300, 'Tempat Lahir'],
      [1600, 'Tanggal Lahir'],
      [1900, 'Agama'],
    ]),
    line(548, [
      [200, '(2)'],
      [700, '(3)'],
      [1000, '(4)'],
      [1300, '(5)'],
      [1600, '(6)'],
      [1900, '(7)'],
    ]),
    line(596, [
      [100, '1'],
      [200, 'SUPARMAN'],
      [650, '1571011705681511'],
      [1000, 'LAKI-LAKI'],
      [1300, 'MUARA BULIAN'],
      [1600, '1705-1968'],
      [1900, 'ISLAM'],
    ]),
    line(614, [[1320, 'T']], 14),
    line(644, [
      [100, '2'],
      [200, 'MARLINA WAHYUNI'],
      [650, '1571016004731323'],
      [1000, 'PEREMPUAN'],
      [1300, 'MUARA TEBO'],
      [1600, '20-04-1973'],
    ]),
    line(636, [[1900, 'ISLAM']]),
    askew(
      line(900, [
        [460, 'Tanggal'],
        [700, 'Status ror@0.38 og@0.5 Dalam'],
      ]),
      0.03,
    ),
    askew(
      line(910, [
        [100, 'No'],
        [200, 'Status Perkawinan'],
        [460, 'Perkawi'],
        [760, 'Kei'],
        [1100, 'Kewarganegaraan'],
        [1400, 'Ayah'],
        [1700, 'Ibu'],
      ]),
      0.03,
    ),
    line(1010, [
      [100, '1'],
      [200, 'KAWIN'],
      [700, 'KEPALA KELUARGA'],
      [1100, 'WNI'],
      [1400, 'PONIMAN'],
      [1700, 'SARINAH'],
    ]),
    line(1058, [
      [100, '2'],
      [200, 'KAWIN'],
      [740, 'ISTRI'],
      [1100, 'WNI'],
      [1400, 'RUSDI'],
      [1700, 'SUKARNI'],
    ]),
  ]);

  it('still gives each member the fields of both tables', () => {
    expect(extractDocuments([kk])[0]?.fields.anggota?.value).toEqual([
      { nik: '1571011705681511', nama: 'SUPARMAN', jenis_kelamin: 'L', tempat_lahir: 'MUARA BULIAN', tanggal_lahir: '1968-05-17', hubungan: 'kepala_keluarga' },
      { nik: '1571016004731323', nama: 'MARLINA WAHYUNI', jenis_kelamin: 'P', tempat_lahir: 'MUARA TEBO', tanggal_lahir: '1973-04-20', hubungan: 'istri' },
    ]);
  });
});

describe('an heir statement', () => {
  it('reads the heirs by the table header, a name wrapped over two lines kept whole', () => {
    const [doc] = extractDocuments([
      pageOfLines([
        ...tableLines(100, [[[600, 'SURAT KETERANGAN AHLI WARIS']]]),
        ...tableLines(300, [
          [
            [150, 'Nama'],
            [450, ': SUPARMAN'],
          ],
          [
            [150, 'NIK'],
            [450, ': 1571011705681511'],
          ],
        ]),
        ...tableLines(
          600,
          [
            [
              [150, 'No'],
              [300, 'Nama'],
              [750, 'NIK'],
              [1100, 'Tgl. Lahir'],
              [1400, 'Hubungan'],
            ],
            [
              [150, '1.'],
              [250, 'MARLINA WAHYUNI'],
              [650, '1571016004731323'],
              [1100, '20-04-1973'],
              [1400, 'Istri'],
            ],
          ],
          90,
        ),
        ...tableLines(
          770,
          [
            [[250, 'YUSMAN MAHMUD']],
            [
              [150, '2.'],
              [650, '1571011212000377'],
              [1100, '12-12-2000'],
              [1400, 'Anak'],
            ],
            [
              [250, 'PUTRA'],
              [1400, 'Kandung'],
            ],
          ],
          30,
        ),
      ]),
    ]);
    expect(doc?.fields.ahli_waris?.value).toEqual([
      { nama: 'MARLINA WAHYUNI', nik: '1571016004731323', hubungan: 'istri' },
      { nama: 'YUSMAN MAHMUD PUTRA', nik: '1571011212000377', hubungan: 'anak' },
    ]);
  });
});

describe('values as documents print them', () => {
  it('reads a receipt amount spelled out in words and checks it against the figures', () => {
    const receipt = (words: string, figures: string): unknown =>
      extractDocuments([
        pageFromLines(['KWITANSI', 'Sudah terima dari : ABDUL MANAF', `Uang sejumlah : ${words}`, 'Untuk pembayaran : Biaya perawatan a.n. Abdul M.', figures]),
      ])[0]?.fields;
    expect(receipt('Dua Juta Seratus Lima Puluh Ribu Rupiah', 'Rp 2.150.000,-')).toMatchObject({
      jumlah: { value: 2150000, reason: 'words_match_figures' },
      nama_pasien: { value: 'ABDUL M.' },
    });
    expect(receipt('Dua Juta Seratus Lima Puluh Ribu Rupiah', 'Rp 2.510.000,-')).toMatchObject({
      jumlah: { value: null, needsKeying: true, reason: 'amount_words_disagree' },
    });
    expect(receipt('Empat Ratus Lima Puluh Ribu Rupiah', '')).toMatchObject({ jumlah: { value: 450000, reason: 'amount_in_words' } });
  });

  it('takes a date of death from the sentence that states it, never the birth date beside it', () => {
    const [doc] = extractDocuments([
      pageFromLines([
        'KUTIPAN AKTA KEMATIAN',
        'Berdasarkan Akta Kematian Nomor 1571-KM-14092026-0153, bahwa di RSUD RADEN MATTAHER JAMBI',
        'pada tanggal EMPAT BELAS SEPTEMBER DUA RIBU DUA PULUH ENAM (14-09-2026)',
        'telah meninggal dunia seorang laki-laki bernama',
        'SUPARMAN',
        'NIK 1571011705681511, lahir di MUARA BULIAN pada tanggal 17-05-1968.',
      ]),
    ]);
    expect(doc?.fields.tanggal_kematian?.value).toBe('2026-09-14');
    expect(doc?.fields.tempat_kematian?.value).toBe('RSUD RADEN MATTAHER JAMBI');
    // The name set apart on the line after "bernama", not the NIK's line after it.
    expect(doc?.fields.nama?.value).toBe('SUPARMAN');
  });

  it('takes a marriage date written in words and an examination date inside a sentence', () => {
    expect(
      extractDocuments([
        pageFromLines(['KUTIPAN AKTA NIKAH', 'Pada hari Rabu tanggal tiga puluh September dua ribu dua puluh enam telah dilangsungkan akad nikah']),
      ])[0]?.fields.tanggal_nikah?.value,
    ).toBe('2026-09-30');
    expect(
      extractDocuments([
        pageFromLines(['SURAT KETERANGAN DOKTER', 'Nama : EDI HERMAWAN', 'telah diperiksa pada tanggal 18 Agustus 2026 sehubungan dengan kecelakaan kerja']),
      ])[0]?.fields.tanggal_pemeriksaan?.value,
    ).toBe('2026-08-18');
  });

  it('keeps an address and a titled name as printed when OCR dropped their stops', () => {
    const [doc] = extractDocuments([
      pageFromLines(['PROVINSI JAMBI', 'KOTA JAMBI', 'NIK : 1571024506880003', 'Nama : HJ, SITI AMINAH, S.PD', 'Alamat : JL RADEN WIJAYA NO 111']),
    ]);
    expect(doc?.fields.nama?.value).toBe('HJ. SITI AMINAH, S.PD');
    expect(doc?.fields.alamat?.value).toBe('JL. RADEN WIJAYA NO. 111');
  });

  it('reads an RT/RW whose slash OCR lost as its two numbers, less surely', () => {
    const rtRw = (v: string) =>
      extractDocuments([pageFromLines(['PROVINSI JAMBI', 'KOTA JAMBI', 'NIK : 1571024506880003', 'Nama : SITI AMINAH', `RT/RW : ${v}`])])[0]?.fields.rt_rw;
    expect(rtRw('015/010')).toMatchObject({ value: '015/010' });
    const lost = rtRw('015010');
    expect(lost?.value).toBe('015/010');
    expect(lost?.confidence).toBeLessThan(rtRw('015/010')?.confidence ?? 0);
    expect(rtRw('01501')?.value ?? null).toBeNull();
  });
});
