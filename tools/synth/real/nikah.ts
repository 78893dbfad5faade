// The marriage book's certificate page (Kutipan Akta Nikah, Kementerian Agama): the number, the date of
// the marriage inside a sentence ("Pada hari Rabu tanggal 27 Januari 1999 …" or in words, "tiga puluh
// September …"), then the husband's and the wife's particulars under SUAMI and ISTRI, in two sections
// or side by side. Couples not married by the KUA have Dukcapil's Kutipan Akta Perkawinan instead: the
// marriage told in one sentence with the date in words and digits. Names on deeds carry no titles.
import type { FieldValue } from '../../../src/shared/domain/documents';
import { makeDoc, type RealCtx } from './context';
import { officialName, officialNip, type Resident } from './household';
import { deedHeading, deedSignature, Flow, letterStyle, signBlock } from './letter';
import { emblem } from './marks';
import { dateInWords, mixedCase, weekday, writeDate } from './print';
import { A4, type RealDoc } from './sheet';

export function bukuNikah(c: RealCtx, husband: Resident, wife: Resident, date: string): RealDoc {
  return husband.agama === 'ISLAM' ? kutipanAktaNikah(c, husband, wife, date) : aktaPerkawinan(c, husband, wife, date);
}

function aktaPerkawinan(c: RealCtx, husband: Resident, wife: Resident, date: string): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const s = letterStyle(rng, { font: rng.pick(['Liberation Serif', 'DejaVu Serif', 'Liberation Sans']), justify: true });
  const nomor = `${husband.nik.slice(0, 4)}-KW-${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(0, 4)}-${String(rng.int(1, 2999)).padStart(4, '0')}`;
  const official = officialName(rng);
  const nip = officialNip(rng);
  const truth: Record<string, FieldValue> = { nomor_akta_nikah: nomor, nama_suami: husband.nama, nama_istri: wife.nama, tanggal_nikah: date };
  return makeDoc(c, { type: 'buku_nikah', variant: 'buku_nikah/akta-perkawinan', kind: 'paper', size: A4, truth, paper: '#f7f3e6' }, [
    (k) => {
      const f = new Flow(k, s, 210, 18);
      deedHeading(k, f, 'KUTIPAN AKTA PERKAWINAN', nomor);
      f.para(
        `Bahwa di ${a.town} pada tanggal ${writeDate(date, 'WORDS (dd-mm-yyyy)')} telah dilangsungkan perkawinan menurut Agama ${mixedCase(husband.agama)} antara ${husband.nama}, lahir di ${husband.tempat_lahir} pada tanggal ${writeDate(husband.tanggal_lahir, 'dd-mm-yyyy')}, dan ${wife.nama}, lahir di ${wife.tempat_lahir} pada tanggal ${writeDate(wife.tanggal_lahir, 'dd-mm-yyyy')}, yang telah dicatat dalam Register Akta Perkawinan.`,
      );
      f.gap(2);
      deedSignature(k, f, a, date, official, nip);
    },
  ]);
}

function kutipanAktaNikah(c: RealCtx, husband: Resident, wife: Resident, date: string): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const s = letterStyle(rng, { font: rng.pick(['Liberation Serif', 'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans Condensed']), justify: false });
  const layout = rng.pick(['sections', 'sections', 'columns'] as const);
  const words = rng.chance(0.4);
  const nomor = `${rng
    .int(1, 999)
    .toString()
    .padStart(rng.chance(0.5) ? 4 : 3, '0')}/${rng.int(10, 99)}/${rng.pick(['I', 'III', 'V', 'VI', 'IX', 'XII'])}/${date.slice(0, 4)}`;
  const kua = `KUA KECAMATAN ${a.kecamatan}`;
  const penghulu =
    `${rng.pick(['H.', 'Drs. H.', '', 'Drs.'])} ${rng.pick(['AHMAD', 'MUHAMMAD', 'ABDUL'])} ${rng.pick(['SYUKRI', 'FAUZI', 'MAHMUD', 'ROSYID'])}`.trim();
  const maskawin = rng.pick(['Seperangkat alat sholat', 'Emas 5 gram', 'Uang tunai Rp 500.000,-', 'Seperangkat alat sholat dan emas 10 gram']);
  const nip = officialNip(rng);
  const truth: Record<string, FieldValue> = { nomor_akta_nikah: nomor, nama_suami: husband.nama, nama_istri: wife.nama, tanggal_nikah: date };
  const particulars = (p: Resident): [string, string][] => [
    ['Nama', p.nama],
    ['Tempat dan Tanggal Lahir', `${mixedCase(p.tempat_lahir)}, ${writeDate(p.tanggal_lahir, 'd bulan yyyy')}`],
    ['Warganegara', 'Indonesia'],
    ['Agama', 'Islam'],
    ['Pekerjaan', mixedCase(p.pekerjaan)],
    ['Tempat Tinggal', `${mixedCase(a.street)} ${mixedCase(a.kelurahan)}`],
    [p.jenis_kelamin === 'L' ? 'Bin' : 'Binti', p.ayah],
  ];
  return makeDoc(c, { type: 'buku_nikah', variant: `buku_nikah/${layout}${words ? '-date-in-words' : ''}`, kind: 'paper', size: A4, truth, paper: '#f8f4e8' }, [
    (k) => {
      const f = new Flow(k, s, 210, 22);
      emblem(k, 105, f.y + 4, 18, '#6b5a2a');
      f.y += 18;
      f.center('KEMENTERIAN AGAMA REPUBLIK INDONESIA', { bold: true });
      f.center(kua, { size: s.size - 1 });
      f.gap(0.5);
      f.center('KUTIPAN AKTA NIKAH', { bold: true, size: s.size + 4, spacing: 0.3 });
      f.center(`Nomor : ${nomor}`, { bold: true });
      f.gap(1);
      const when = words
        ? `Pada hari ini ${weekday(date)} tanggal ${dateInWords(date)}`
        : `Pada hari ${weekday(date)} tanggal ${writeDate(date, 'd bulan yyyy')}`;
      f.para(`${when} telah dilangsungkan akad nikah di ${mixedCase(a.kecamatan)}, ${mixedCase(a.kabupaten)}, dan tercatat pada ${mixedCase(kua)}, antara:`);
      f.gap(0.8);
      if (layout === 'sections') {
        for (const [head, p] of [
          ['SUAMI', husband],
          ['ISTRI', wife],
        ] as const) {
          f.center(head, { bold: true });
          f.gap(0.2);
          for (const [l, v] of particulars(p)) f.row(l, v, 6);
          f.gap(0.6);
        }
      } else {
        const st = f.st;
        const colW = (f.right - f.left) / 2;
        k.text('SUAMI', f.left + colW / 2, f.y, { ...st, bold: true, align: 'center' });
        k.text('ISTRI', f.left + colW * 1.5, f.y, { ...st, bold: true, align: 'center' });
        f.gap(1.2);
        const ph = particulars(husband);
        const pw = particulars(wife);
        ph.forEach(([l, v], i) => {
          k.text(l, f.left, f.y, { ...st, size: s.size - 1.5, color: '#444' });
          f.gap(0.85);
          k.fitted(v, f.left + 2, f.y, colW - 6, { ...st, bold: i === 0 });
          k.fitted(pw[i]?.[1] ?? '', f.left + colW + 2, f.y, colW - 6, { ...st, bold: i === 0 });
          f.gap(1.1);
        });
      }
      f.row('Mas Kawin', maskawin, 0).row('Dibayar', k.rng.pick(['Tunai', 'Tunai', 'Hutang']), 0);
      f.gap(1);
      signBlock(
        k,
        150,
        f.y,
        { above: [`${mixedCase(a.town)}, ${writeDate(date, 'd bulan yyyy')}`, 'Kepala KUA / Penghulu,'], name: penghulu, nip, stamp: kua },
        f.st,
      );
    },
  ]);
}
