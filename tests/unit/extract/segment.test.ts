// Several documents on one page: each is found with its own type, region and fields, and a page that
// is one document is never cut in two by its own captions, letterheads or a form's "Nama Bank" line.
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../../src/shared/extract/index';
import { pageFromBlocks, pageFromLines } from './page-builder';

const ktp = (nik: string, nama: string, heading = true): string[] => [
  ...(heading ? ['PROVINSI JAMBI', 'KOTA JAMBI'] : []),
  `NIK      : ${nik}`,
  `Nama     : ${nama}`,
  'Tempat/Tgl Lahir : JAMBI, 05-06-1988',
  'Jenis Kelamin : PEREMPUAN',
  'Alamat   : JL. SUDIRMAN NO. 12',
  'Agama    : ISLAM',
  'Status Perkawinan : KAWIN',
  'Kewarganegaraan : WNI',
  'Berlaku Hingga : SEUMUR HIDUP',
];
const card = ['BPJS Ketenagakerjaan      KARTU PESERTA', 'BUDI SANTOSO', 'No. KPJ : 230-1234-5678', 'NIK : 1571021203800001', 'Program : JKK / JKM'];
const passbook = [
  'BANK RAKYAT INDONESIA',
  'TABUNGAN BRITAMA',
  'Nama Nasabah : BUDI SANTOSO',
  'No. Rekening : 0123-01-045678-50-9',
  'TGL    SANDI    DEBET    KREDIT    SALDO',
];

const summary = (docs: ReturnType<typeof extractDocuments>): [string, unknown][] =>
  docs.map((d) => [d.type, d.fields.nik?.value ?? d.fields.nomor_rekening?.value ?? null]);

describe('documents sharing a page', () => {
  it('finds two KTPs one above the other, each with its own fields and region', () => {
    const docs = extractDocuments([
      pageFromBlocks([
        { x: 200, y: 200, lines: ktp('1571024506880003', 'SITI AMINAH') },
        { x: 200, y: 1500, lines: ktp('1571021203800001', 'BUDI SANTOSO') },
      ]),
    ]);
    expect(summary(docs)).toEqual([
      ['ktp', '1571024506880003'],
      ['ktp', '1571021203800001'],
    ]);
    expect(docs.map((d) => d.fields.nama?.value)).toEqual(['SITI AMINAH', 'BUDI SANTOSO']);
    const [a, b] = docs.map((d) => d.regions?.[0]?.bbox);
    expect(a && b && a[3] < b[1]).toBe(true);
  });

  it("gives a second KTP its own heading when OCR read the first card's heading taller and the second's stands apart", () => {
    const page = pageFromBlocks([
      { x: 200, y: 200, lines: ktp('1571024506880003', 'SITI AMINAH') },
      { x: 200, y: 1500, lines: ['PROVINSI JAMBI', 'KOTA JAMBI'] },
      { x: 200, y: 1700, lines: ktp('1571021203800001', 'BUDI SANTOSO', false) },
    ]);
    // The first heading's words read 1.6 times as tall (a guilloche stroke joined to them).
    for (const l of page.lines.slice(0, 2)) for (const w of l.words) w.bbox = [w.bbox[0], w.bbox[1] - 18, w.bbox[2], w.bbox[3]];
    const docs = extractDocuments([page]);
    expect(summary(docs)).toEqual([
      ['ktp', '1571024506880003'],
      ['ktp', '1571021203800001'],
    ]);
    expect(docs.map((d) => [d.fields.provinsi?.value, d.fields.kabupaten_kota?.value])).toEqual([
      ['JAMBI', 'KOTA JAMBI'],
      ['JAMBI', 'KOTA JAMBI'],
    ]);
  });

  it('finds two KTPs side by side, their lines at the same heights', () => {
    const docs = extractDocuments([
      pageFromBlocks([
        { x: 100, y: 300, lines: ktp('1571024506880003', 'SITI AMINAH') },
        { x: 1400, y: 300, lines: ktp('1571021203800001', 'BUDI SANTOSO') },
      ]),
    ]);
    expect(summary(docs)).toEqual([
      ['ktp', '1571024506880003'],
      ['ktp', '1571021203800001'],
    ]);
    const [a, b] = docs.map((d) => d.regions?.[0]?.bbox);
    expect(a && b && a[2] < b[0]).toBe(true);
  });

  it('tells a second KTP whose heading OCR lost by its own identity labels', () => {
    const docs = extractDocuments([
      pageFromBlocks([
        { x: 200, y: 200, lines: ktp('1571024506880003', 'SITI AMINAH') },
        { x: 200, y: 1500, lines: ktp('1571021203800001', 'BUDI SANTOSO', false) },
      ]),
    ]);
    expect(summary(docs)).toEqual([
      ['ktp', '1571024506880003'],
      ['ktp', '1571021203800001'],
    ]);
  });

  it('finds a participant card above a passbook page, and a KTP, card and passbook on one page', () => {
    expect(
      summary(
        extractDocuments([
          pageFromBlocks([
            { x: 300, y: 200, lines: card },
            { x: 200, y: 1200, lines: passbook },
          ]),
        ]),
      ),
    ).toEqual([
      ['kartu_peserta', '1571021203800001'],
      ['buku_tabungan', '012301045678509'],
    ]);
    const three = extractDocuments([
      pageFromBlocks([
        { x: 300, y: 100, lines: ktp('1571021203800001', 'BUDI SANTOSO') },
        { x: 300, y: 1200, lines: card },
        { x: 200, y: 2200, lines: passbook },
      ]),
    ]);
    expect(three.map((d) => d.type)).toEqual(['ktp', 'kartu_peserta', 'buku_tabungan']);
    // The passbook's holder is its own, never the card's or the KTP's line.
    expect(three[2]?.fields.nama_pemilik?.value).toBe('BUDI SANTOSO');
  });

  it('keeps one document whole: signature captions, a form naming a bank, a letter with its letterhead', () => {
    const heirs = extractDocuments([
      pageFromBlocks([
        { x: 600, y: 150, lines: ['SURAT KETERANGAN AHLI WARIS'] },
        {
          x: 200,
          y: 350,
          lines: ['Nama : SUPARMAN', 'NIK : 1571011705681511', 'No   Nama   NIK   Hubungan', '1.   MARLINA WAHYUNI   1571016004731323   Istri'],
        },
        { x: 300, y: 1500, lines: ['Ahli Waris 1              Ahli Waris 2', 'MARLINA WAHYUNI           YUSMAN PUTRA'] },
      ]),
    ]);
    expect(heirs.map((d) => d.type)).toEqual(['surat_ahli_waris']);
    const kk2 = extractDocuments([
      pageFromBlocks([
        { x: 200, y: 150, lines: ['BPJS Ketenagakerjaan', 'LAPORAN KECELAKAAN KERJA TAHAP II', 'Nama : ANWAR', 'Nomor Peserta (KPJ) : 12048515945'] },
        { x: 200, y: 1200, lines: ['IV. PEMBAYARAN MANFAAT', 'Nama Bank      BANK JAMBI', 'Nomor Rekening : 3773565097454'] },
      ]),
    ]);
    expect(kk2.map((d) => d.type)).toEqual(['form_kk2']);
    const doctor = extractDocuments([
      pageFromBlocks([
        { x: 700, y: 100, lines: ['RSUD AHMAD RIPIN', 'Jl Lintas Timur KM 17'] },
        { x: 600, y: 400, lines: ['SURAT KETERANGAN DOKTER'] },
        { x: 200, y: 600, lines: ['Nama : EDI HERMAWAN', 'Diagnosa : Fraktur clavicula'] },
      ]),
    ]);
    expect(doctor.map((d) => d.type)).toEqual(['surat_dokter']);
    expect(doctor[0]?.fields.fasilitas_kesehatan?.value).toBe('RSUD AHMAD RIPIN');
  });

  it('calls a page that is none of the claim documents other, and takes no fields from it', () => {
    const docs = extractDocuments([
      pageFromLines([
        'SURAT PERNYATAAN KRONOLOGIS KEJADIAN',
        'Saya yang bertanda tangan di bawah ini :',
        'Nama : ANWAR RAMADHAN',
        'No. KPJ : 12048515945',
        'Pekerjaan : PEDAGANG',
      ]),
    ]);
    expect(docs.map((d) => [d.type, d.fields])).toEqual([['other', {}]]);
  });
});
