// The work-accident reports: stage I (Formulir 3 / KK1) and stage II (Formulir 3a / KK2). BPJS forms
// with numbered label rows under lettered or Roman sections, digit boxes for the KPJ and NIK, check
// boxes for sex and outcome, and the report's place and date above the reporter's signature. Values are
// typed in, or written by hand at the counter (then listed as handwritten in the truth).
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { KondisiAkhir } from '../../../src/shared/normalize/values';
import { makeDoc, type RealCtx } from './context';
import type { Kit, TextStyle } from './kit';
import { Flow, letterStyle, signBlock } from './letter';
import { mixedCase, thousands, writeDate, type RealDateStyle } from './print';
import { A4, type RealDoc } from './sheet';

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
  story: string;
}

/** The outcomes in the order the forms list them, as printed. */
export const KONDISI: readonly [KondisiAkhir, string][] = [
  ['sembuh', 'Sembuh'],
  ['cacat_sebagian_anatomis', 'Cacat Sebagian Anatomis'],
  ['cacat_sebagian_fungsi', 'Cacat Sebagian Fungsi'],
  ['cacat_total_tetap', 'Cacat Total Tetap'],
  ['meninggal', 'Meninggal Dunia'],
];

interface FormLook {
  boxes: boolean;
  numbering: 'digits' | 'letters';
  sections: 'roman' | 'letters';
  dateStyle: RealDateStyle;
  font: string;
}

function look(c: RealCtx): FormLook {
  const { rng } = c;
  return {
    boxes: rng.chance(0.65),
    numbering: rng.pick(['digits', 'digits', 'letters']),
    sections: rng.pick(['roman', 'letters']),
    dateStyle: rng.pick(['dd-mm-yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy', 'd bulan yyyy', 'dd MMM yyyy upper']),
    font: rng.pick(['Liberation Sans', 'Liberation Sans', 'DejaVu Sans', 'Liberation Sans Narrow', 'DejaVu Sans Condensed', 'Liberation Serif']),
  };
}

const sectionName = (l: FormLook, i: number, text: string): string =>
  `${l.sections === 'roman' ? ['I', 'II', 'III', 'IV'][i] : ['A', 'B', 'C', 'D'][i]}. ${text}`;
const num = (l: FormLook, i: number): string => (l.numbering === 'digits' ? `${i + 1}.` : `${'abcdefghij'[i]}.`);

/** The BPJS form header: logo text, form number in a box, the form's title. Returns the y under it. */
function formHeader(k: Kit, font: string, code: string, title: string): number {
  k.text('BPJS', 20, 20, { size: 15, font: 'Liberation Sans', bold: true, color: '#13395e' });
  k.text('Ketenagakerjaan', 38, 20, { size: 9, font: 'Liberation Sans', color: '#0a8f3c' });
  k.rect(150, 12, 42, 11, { width: 0.35 });
  k.text(code, 171, 19.5, { size: 10, font, bold: true, align: 'center' });
  k.line(20, 25, 190, 25, 0.5);
  const lines = k.wrap(title, 150, { size: 12, font, bold: true });
  lines.forEach((l, i) => k.text(l, 105, 33 + i * 5.5, { size: 12, font, bold: true, align: 'center' }));
  return 33 + lines.length * 5.5 + 4;
}

/** A label row whose value sits in digit boxes (or on a dotted line when the form has no boxes). */
function boxedRow(k: Kit, f: Flow, l: FormLook, n: string, label: string, digits: string, count: number, hand: boolean): void {
  if (!l.boxes) {
    f.numbered(n, label, digits, hand);
    return;
  }
  k.text(n, f.left, f.y, f.st);
  k.text(label, f.left + 7, f.y, f.st);
  k.text(':', f.left + 7 + f.s.labelWidth - 2.5, f.y, f.st);
  const cell = Math.min(6, (f.right - (f.left + 7 + f.s.labelWidth)) / count);
  k.digitBoxes(digits, count, f.left + 7 + f.s.labelWidth, f.y + 0.6, cell, { ...f.st, size: f.s.size }, hand);
  f.gap(1.3);
}

export function formKk1(c: RealCtx, a: Accident, printedName: string): RealDoc {
  const { rng, person: p, home } = c;
  const l = look(c);
  const s = letterStyle(rng, { font: l.font, size: 10, labelWidth: rng.int(48, 58), colon: 'column', justify: false });
  const code = rng.pick(['FORMULIR 3', 'FORMULIR KK1', 'FORM 3 (KK1)']);
  const title = rng.pick(['LAPORAN KECELAKAAN KERJA TAHAP I', 'LAPORAN KECELAKAAN KERJA (TAHAP I)', 'FORMULIR LAPORAN KECELAKAAN KERJA TAHAP I']);
  const twoPages = rng.chance(0.35);
  const reporter = rng.chance(0.5) ? printedName : `${rng.pick(['RUSDI', 'HASAN', 'SURYADI', 'WAHYUNI'])} ${rng.pick(['EFENDI', 'SAPUTRA', 'LESTARI'])}`;
  const truth: Record<string, FieldValue> = {
    nomor_kpj: p.nomor_kpj,
    nama: printedName,
    nik: p.nik,
    tanggal_kecelakaan: a.date,
    jam_kecelakaan: a.time,
    tempat_kecelakaan: a.place,
    tanggal_laporan: a.reportDate,
  };
  const kk1 = (k: Kit, doc: RealDoc, page: number): void => {
    const h = (key: string): boolean => doc.hand.has(key);
    const top = formHeader(k, l.font, code, title);
    const f = new Flow(k, s, 210, top);
    const sec = (i: number, t: string): void => {
      k.rect(f.left - 1, f.y - f.line * 0.75, f.right - f.left + 2, f.line, { fill: '#e8ece8', stroke: '#e8ece8' });
      k.text(sectionName(l, i, t), f.left, f.y, { ...f.st, bold: true });
      f.gap(1.2);
    };
    /** A row of check boxes after a numbered label, the one that applies crossed. */
    const boxes = (n: string, label: string, options: readonly string[], chosen: number): void => {
      k.text(n, f.left, f.y, f.st);
      k.text(label, f.left + 7, f.y, f.st);
      k.text(':', f.left + 7 + s.labelWidth - 2.5, f.y, f.st);
      let x = f.left + 7 + s.labelWidth;
      options.forEach((o, i) => {
        k.checkbox(x, f.y - 3.2, 3.6, i === chosen ? 'x' : null);
        x = k.text(o, x + 5.5, f.y, f.st) + 5;
      });
      f.gap(1.2);
    };
    if (page === 0) {
      sec(0, k.rng.pick(['DATA PEMBERI KERJA / PESERTA', 'IDENTITAS PEMBERI KERJA']));
      boxes(num(l, 0), 'Segmen Kepesertaan', ['PU', 'BPU', 'JAKON', 'PMI'], p.segmen === 'BPU' ? 1 : 0);
      f.numbered(num(l, 1), p.segmen === 'BPU' ? 'Nama Wadah / Mitra' : 'Nama Pemberi Kerja', p.segmen === 'BPU' ? '-' : 'CV. SUMBER REJEKI');
      f.numbered(num(l, 2), 'Alamat', `${mixedCase(home.address.street)}, ${mixedCase(home.address.town)}`);
      f.gap(0.3);
      sec(1, 'DATA TENAGA KERJA');
      f.numbered(num(l, 0), k.rng.pick(['Nama Tenaga Kerja', 'Nama Lengkap', 'Nama Peserta']), printedName, h('nama'));
      boxedRow(k, f, l, num(l, 1), k.rng.pick(['Nomor KPJ', 'No. KPJ', 'No. Peserta']), p.nomor_kpj, 11, h('nomor_kpj'));
      boxedRow(k, f, l, num(l, 2), k.rng.pick(['NIK', 'Nomor Induk Kependudukan', 'No. KTP']), p.nik, 16, h('nik'));
      f.numbered(num(l, 3), 'Tempat, Tgl. Lahir', `${mixedCase(p.tempat_lahir ?? home.address.town)}, ${writeDate(p.tanggal_lahir, l.dateStyle)}`);
      k.text(num(l, 4), f.left, f.y, f.st);
      k.text('Jenis Kelamin', f.left + 7, f.y, f.st);
      k.text(':', f.left + 7 + s.labelWidth - 2.5, f.y, f.st);
      const bx = f.left + 7 + s.labelWidth;
      k.checkbox(bx, f.y - 3.2, 3.6, p.jenis_kelamin === 'L' ? 'x' : null);
      k.text('Laki-laki', bx + 5.5, f.y, f.st);
      k.checkbox(bx + 30, f.y - 3.2, 3.6, p.jenis_kelamin === 'P' ? 'x' : null);
      k.text('Perempuan', bx + 35.5, f.y, f.st);
      f.gap(1.2);
      f.numbered(num(l, 5), 'Jenis Pekerjaan', k.rng.pick(['Pedagang', 'Ojek', 'Petani', 'Buruh Harian', 'Nelayan']));
      f.numbered(num(l, 6), 'Alamat', `${mixedCase(home.address.street)} RT/RW ${home.address.rtrw}, ${mixedCase(home.address.kelurahan)}`);
      f.numbered(num(l, 7), 'No. Telp / HP', `08${k.rng.pick(['12', '13', '21', '52', '77'])}${k.rng.digits(8)}`);
      f.numbered(num(l, 8), 'Upah / Penghasilan', `Rp ${thousands(k.rng.int(10, 50) * 100_000)},- / bulan`);
      f.gap(0.3);
      sec(2, 'KETERANGAN KECELAKAAN');
      f.numbered(num(l, 0), k.rng.pick(['Tanggal Kecelakaan', 'Tgl. Kecelakaan', 'Tanggal Kejadian']), writeDate(a.date, l.dateStyle), h('tanggal_kecelakaan'));
      f.numbered(
        num(l, 1),
        k.rng.pick(['Jam Kecelakaan', 'Pukul', 'Jam Kejadian', 'Waktu Kecelakaan']),
        k.rng.pick([`${a.time.replace(':', '.')} WIB`, a.time, `Pukul ${a.time.replace(':', '.')}`]),
        h('jam_kecelakaan'),
      );
      f.numbered(num(l, 2), k.rng.pick(['Tempat Kecelakaan', 'Lokasi Kecelakaan', 'Tempat Kejadian']), a.place, h('tempat_kecelakaan'));
      boxes('', 'Lokasi', ['Di dalam lokasi kerja', 'Di luar lokasi kerja', 'Lalu lintas'], a.place.startsWith('JL. LINTAS') ? 2 : 0);
      if (!twoPages) {
        f.numbered(num(l, 3), 'Uraian Kejadian', a.story);
        f.numbered(num(l, 4), 'Akibat Kecelakaan', mixedCase(a.diagnosa));
        f.numbered(num(l, 5), 'Dibawa ke', mixedCase(a.faskes));
      }
    } else {
      sec(2, 'KETERANGAN KECELAKAAN (lanjutan)');
      f.numbered(num(l, 3), 'Uraian Kejadian', a.story);
      f.numbered(num(l, 4), 'Akibat / Cedera', mixedCase(a.diagnosa));
      f.numbered(num(l, 5), 'Dibawa ke', mixedCase(a.faskes));
      f.gap(0.5);
      sec(3, 'PERNYATAAN');
      f.para('Dengan ini kami menyatakan bahwa keterangan di atas adalah benar dan dapat dipertanggungjawabkan.');
    }
    if (page === doc.pages.length - 1) {
      f.gap(1.5);
      const st: TextStyle = f.st;
      const x = 150;
      const place = `${mixedCase(home.address.town)}, `;
      const end = k.text(place, x - 25, f.y, st);
      if (h('tanggal_laporan')) k.hand(writeDate(a.reportDate, l.dateStyle), end + 1, f.y, s.size * 1.35);
      else k.text(writeDate(a.reportDate, l.dateStyle), end, f.y, st);
      f.gap(1);
      signBlock(k, x, f.y, { above: [k.rng.pick(['Pelapor,', 'Pemberi Kerja / Peserta,', 'Yang Melaporkan,'])], name: reporter }, st);
    }
  };
  return makeDoc(
    c,
    {
      type: 'form_kk1',
      variant: `form_kk1/${l.boxes ? 'boxes' : 'dotted'}${twoPages ? '-two-pages' : ''}`,
      kind: 'paper',
      size: A4,
      truth,
      fillable: ['nomor_kpj', 'nik', 'tanggal_kecelakaan', 'jam_kecelakaan', 'tempat_kecelakaan', 'tanggal_laporan'],
    },
    (twoPages ? [0, 1] : [0]).map((page) => (k: Kit, doc: RealDoc) => kk1(k, doc, page)),
  );
}

export function formKk2(c: RealCtx, a: Accident, printedName: string): RealDoc {
  const { rng, person: p, home } = c;
  const l = look(c);
  const s = letterStyle(rng, { font: l.font, size: 10, labelWidth: rng.int(55, 70), colon: 'column', justify: false });
  const code = rng.pick(['FORMULIR 3a', 'FORMULIR KK2', 'FORM 3a (KK2)']);
  const title = rng.pick(['LAPORAN KECELAKAAN KERJA TAHAP II', 'LAPORAN KECELAKAAN KERJA (TAHAP II)', 'LAPORAN KECELAKAAN TAHAP II']);
  const typed = rng.chance(0.3);
  const mark = rng.pick(['x', 'tick'] as const);
  const outOfWork = a.date;
  const backToWork = a.kondisi === 'sembuh' ? a.stage2Date : null;
  const truth: Record<string, FieldValue> = {
    nomor_kpj: p.nomor_kpj,
    nama: printedName,
    tanggal_kecelakaan: a.date,
    kondisi_akhir: a.kondisi,
    tanggal_laporan: a.stage2Date,
  };
  return makeDoc(
    c,
    {
      type: 'form_kk2',
      variant: `form_kk2/${l.boxes ? 'boxes' : 'dotted'}-${typed ? 'typed-outcome' : `checkboxes-${mark}`}`,
      kind: 'paper',
      size: A4,
      truth,
      fillable: ['nomor_kpj', 'tanggal_kecelakaan', 'tanggal_laporan'],
    },
    [
      (k, doc) => {
        const h = (key: string): boolean => doc.hand.has(key);
        const f = new Flow(k, s, 210, formHeader(k, l.font, code, title));
        const sec = (i: number, t: string): void => {
          k.text(sectionName(l, i, t), f.left, f.y, { ...f.st, bold: true });
          k.line(f.left, f.y + 1.2, f.right, f.y + 1.2, 0.3);
          f.gap(1.3);
        };
        sec(0, 'DATA TENAGA KERJA');
        f.numbered(num(l, 0), k.rng.pick(['Nama Tenaga Kerja', 'Nama Peserta', 'Nama Lengkap']), printedName, h('nama'));
        boxedRow(k, f, l, num(l, 1), k.rng.pick(['Nomor KPJ', 'No. KPJ', 'No. Peserta']), p.nomor_kpj, 11, h('nomor_kpj'));
        f.numbered(num(l, 2), 'Alamat', `${mixedCase(home.address.street)}, ${mixedCase(home.address.kelurahan)}`);
        f.gap(0.3);
        sec(1, 'KETERANGAN');
        f.numbered(
          num(l, 0),
          k.rng.pick(['Tanggal Kecelakaan', 'Tgl. Kecelakaan', 'Tanggal Kejadian']),
          writeDate(a.date, l.dateStyle),
          h('tanggal_kecelakaan'),
        );
        f.numbered(num(l, 1), 'Mulai Tidak Mampu Bekerja', writeDate(outOfWork, l.dateStyle));
        f.numbered(num(l, 2), 'Mulai Bekerja Kembali', backToWork ? writeDate(backToWork, l.dateStyle) : '-');
        f.numbered(num(l, 3), 'Diagnosa Akhir', mixedCase(a.diagnosa));
        const kondisiLabel = k.rng.pick(['Kondisi Akhir', 'Keadaan Akhir', 'Kondisi Tenaga Kerja']);
        if (typed) f.numbered(num(l, 4), kondisiLabel, (KONDISI.find(([key]) => key === a.kondisi)?.[1] ?? '').toUpperCase());
        else {
          k.text(num(l, 4), f.left, f.y, f.st);
          k.text(kondisiLabel, f.left + 7, f.y, f.st);
          k.text(':', f.left + 7 + s.labelWidth - 2.5, f.y, f.st);
          KONDISI.forEach(([key, text], i) => {
            const y = f.y + i * f.line * 1.1;
            const x = f.left + 7 + s.labelWidth;
            k.checkbox(x, y - 3.2, 3.6, key === a.kondisi ? mark : null);
            k.text(text, x + 5.5, y, f.st);
          });
          f.gap(KONDISI.length * 1.1);
        }
        f.numbered(num(l, 5), 'Biaya Pengobatan', `Rp ${thousands(k.rng.int(5, 400) * 25_000)},-`);
        f.gap(1.5);
        const st = f.st;
        const x = 150;
        const end = k.text(`${mixedCase(home.address.town)}, `, x - 25, f.y, st);
        if (h('tanggal_laporan')) k.hand(writeDate(a.stage2Date, l.dateStyle), end + 1, f.y, s.size * 1.35);
        else k.text(writeDate(a.stage2Date, l.dateStyle), end, f.y, st);
        f.gap(1);
        signBlock(k, x, f.y, { above: [k.rng.pick(['Pemberi Kerja / Peserta,', 'Pelapor,'])], name: printedName }, st);
      },
    ],
  );
}
