// The Kartu Keluarga, A4 landscape: "KARTU KELUARGA" and "No. <16 digits>", the head-of-family block in
// two columns, then the members in two ruled tables joined by the row number (identity and birth in the
// first; marriage, family relation, citizenship, immigration papers and parents in the second), each
// with its "(1) (2) …" column-number row, headers wrapping over two lines and empty rows ruled to the
// end; the issue date and the signature block (a QR code on electronically signed cards) at the foot.
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { Hubungan } from '../../../src/shared/normalize/values';
import { jitter, makeDoc, SANS, type RealCtx } from './context';
import { officialName, officialNip, type Resident } from './household';
import { PT, type TextStyle } from './kit';
import { emblem, qr, roundStamp, signature } from './marks';
import { GENDER_TEXT, writeDate } from './print';
import { A4_LANDSCAPE, type RealDoc } from './sheet';

const HUB: Record<Hubungan, string> = {
  kepala_keluarga: 'KEPALA KELUARGA',
  istri: 'ISTRI',
  suami: 'SUAMI',
  anak: 'ANAK',
  orang_tua: 'ORANG TUA',
  saudara: 'FAMILI LAIN',
  lainnya: 'FAMILI LAIN',
};

interface Column {
  head: string;
  width: number;
  cell: (m: Resident, i: number) => string;
}

const dmy = (iso: string | null): string => (iso ? writeDate(iso, 'dd-mm-yyyy') : '-');

export function kk(c: RealCtx): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const font = rng.pick([...SANS, 'Liberation Sans']);
  const size = jitter(rng, 6.6, 0.06);
  const nikFirst = rng.chance(0.25);
  const electronic = rng.chance(0.6);
  const rows = Math.max(home.members.length + rng.int(1, 3), rng.pick([8, 10, 10]));
  const w = (a1: string, a2: string): string => (rng.chance(0.5) ? a1 : a2);
  const nameCol: Column = { head: 'Nama Lengkap', width: 50, cell: (m) => m.titled };
  const nikCol: Column = { head: w('NIK', 'N I K'), width: 35, cell: (m) => m.nik };
  const first: Column[] = [
    { head: 'No', width: 8, cell: (_m, i) => String(i + 1) },
    ...(nikFirst ? [nikCol, nameCol] : [nameCol, nikCol]),
    { head: 'Jenis Kelamin', width: 19, cell: (m) => GENDER_TEXT[m.jenis_kelamin] },
    { head: 'Tempat Lahir', width: 27, cell: (m) => m.tempat_lahir },
    { head: 'Tanggal Lahir', width: 20, cell: (m) => dmy(m.tanggal_lahir) },
    { head: 'Agama', width: 17, cell: (m) => m.agama },
    { head: w('Pendidikan', 'Pendidikan Terakhir'), width: 36, cell: (m) => m.pendidikan },
    { head: w('Jenis Pekerjaan', 'Pekerjaan'), width: 37, cell: (m) => m.pekerjaan },
    { head: w('Golongan Darah', 'Gol. Darah'), width: 18, cell: (m) => m.golDarah },
  ];
  const second: Column[] = [
    { head: 'No', width: 8, cell: (_m, i) => String(i + 1) },
    { head: 'Status Perkawinan', width: 27, cell: (m) => m.statusKawin },
    { head: 'Tanggal Perkawinan', width: 24, cell: (m) => dmy(m.tanggalKawin) },
    { head: w('Status Hubungan Dalam Keluarga', 'Status Hubungan Dalam Keluarga'), width: 34, cell: (m) => HUB[m.hubungan] },
    { head: 'Kewarganegaraan', width: 26, cell: () => 'WNI' },
    { head: 'No. Paspor', width: 28, cell: () => '-' },
    { head: 'No. KITAP', width: 28, cell: () => '-' },
    { head: 'Ayah', width: 46, cell: (m) => m.ayah },
    { head: 'Ibu', width: 46, cell: (m) => m.ibu },
  ];
  const truth: Record<string, FieldValue> = {
    nomor_kk: home.nomorKk,
    nama_kepala_keluarga: home.head.titled,
    alamat: a.street,
    anggota: home.members.map((m) => ({
      nik: m.nik,
      nama: m.titled,
      jenis_kelamin: m.jenis_kelamin,
      tempat_lahir: m.tempat_lahir,
      tanggal_lahir: m.tanggal_lahir,
      hubungan: m.hubungan === 'saudara' ? 'lainnya' : m.hubungan,
    })),
  };
  const official = officialName(rng);
  const nip = officialNip(rng);
  const colour = rng.chance(0.6);

  return makeDoc(
    c,
    {
      type: 'kk',
      variant: `kk/${electronic ? 'tte-qr' : 'wet-signature'}${nikFirst ? '-nik-first' : ''}`,
      kind: 'paper',
      size: A4_LANDSCAPE,
      truth,
      paper: colour ? '#f3f8f1' : '#fbfbfa',
    },
    [
      (k) => {
        const st: TextStyle = { size, font };
        const bold: TextStyle = { ...st, bold: true };
        emblem(k, 24, 16, 16, colour ? '#8a6d1f' : '#555');
        k.text('KARTU KELUARGA', 148.5, 15, { size: 17, font, bold: true, align: 'center', spacing: 0.4 });
        k.text(`No. ${home.nomorKk}`, 148.5, 22, { size: 11.5, font, bold: true, align: 'center' });
        // The head-of-family block in two columns.
        const left: [string, string][] = [
          ['Nama Kepala Keluarga', home.head.titled],
          ['Alamat', a.street],
          ['RT/RW', a.rtrw],
          ['Desa/Kelurahan', a.kelurahan],
        ];
        const right: [string, string][] = [
          ['Kecamatan', a.kecamatan],
          ['Kabupaten/Kota', a.kabupaten.replace(/^KABUPATEN /, '')],
          ['Kode Pos', a.kodePos],
          ['Provinsi', a.provinsi],
        ];
        const hs = { ...st, size: size * 1.12 };
        left.forEach(([l, v], i) => k.row(l, v, 15, 31 + i * 4.4, { ...hs, labelWidth: 36, colon: 'column' }));
        right.forEach(([l, v], i) => k.row(l, v, 180, 31 + i * 4.4, { ...hs, labelWidth: 28, colon: 'column' }));
        const table = (cols: Column[], top: number, firstNumber: number, groups: readonly (readonly [number, string])[]): number => {
          const xs = [15];
          for (const col of cols) xs.push((xs[xs.length - 1] as number) + col.width);
          const headH = 8.5;
          const numH = 3.6;
          const rowH = size * PT * 1.9;
          const ys = [top, top + headH, top + headH + numH];
          for (let r = 0; r < rows; r++) ys.push(top + headH + numH + (r + 1) * rowH);
          const bottom = ys[ys.length - 1] as number;
          // A group heading ("Nama Orang Tua") spans its two columns in the header's top half.
          const grouped = new Map(groups.map(([from, label]) => [from, label]));
          const inner = new Set(groups.map(([from]) => from + 1));
          for (const y of ys) k.line(15, y, xs[xs.length - 1] as number, y, 0.22);
          xs.forEach((x, i) => k.line(x, inner.has(i) ? top + headH * 0.5 : top, x, bottom, 0.22));
          const lh = size * PT * 1.2;
          for (const [from, label] of grouped) {
            const x0 = xs[from] as number;
            const x1 = xs[from + 2] as number;
            k.line(x0, top + headH * 0.5, x1, top + headH * 0.5, 0.22);
            k.text(label, (x0 + x1) / 2, top + headH * 0.25 + size * PT * 0.35, { ...bold, align: 'center' });
          }
          cols.forEach((col, i) => {
            const cx = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
            const half = grouped.has(i) || inner.has(i);
            const lines = k.wrap(col.head, col.width - 1.5, bold);
            const mid = half ? top + headH * 0.75 : top + headH / 2;
            const y0 = mid - ((lines.length - 1) * lh) / 2 + size * PT * 0.35;
            lines.forEach((l, j) => k.text(l, cx, y0 + j * lh, { ...bold, align: 'center' }));
            if (i > 0) k.text(`(${firstNumber + i - 1})`, cx, top + headH + numH - 0.9, { ...st, size: size * 0.8, align: 'center' });
          });
          home.members.forEach((m, r) => {
            const y = top + headH + numH + (r + 1) * rowH - rowH * 0.3;
            cols.forEach((col, i) => {
              const text = col.cell(m, r);
              const x0 = xs[i] as number;
              if (i === 0 || col.width < 20) k.text(text, x0 + col.width / 2, y, { ...st, align: 'center' });
              else k.fitted(text, x0 + 1, y, col.width - 2, st);
            });
          });
          return bottom;
        };
        const end1 = table(first, 50, 1, []);
        const end2 = table(second, end1 + 5, first.length, [
          [5, 'Dokumen Imigrasi'],
          [7, 'Nama Orang Tua'],
        ]);
        const foot = Math.min(end2 + 8, 178);
        k.text(`Dikeluarkan Tanggal : ${dmy(home.kkIssued)}`, 15, foot, st);
        if (!electronic) k.text('LEMBAR I : UNTUK KEPALA KELUARGA', 15, foot + 4.5, { ...st, size: size * 0.9 });
        k.text('KEPALA KELUARGA', 120, foot, { ...st, align: 'center' });
        signature(k, 108, foot + 3, 24, 9);
        k.text(`( ${home.head.titled} )`, 120, foot + 19, { ...st, align: 'center' });
        const issuer = `KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL ${a.kabupaten}`;
        const lines = k.wrap(issuer, 80, st);
        lines.forEach((l, i) => k.text(l, 232, foot + i * 3.2, { ...st, align: 'center' }));
        if (electronic) {
          qr(k, 268, foot + 4, 16);
          k.para(
            'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh Balai Sertifikasi Elektronik (BSrE), BSSN',
            15,
            203,
            200,
            { ...st, size: size * 0.8, italic: true },
          );
        } else {
          roundStamp(k, 224, foot + 11, 8.5, `DINAS DUKCAPIL ${a.kabupaten.replace(/^KABUPATEN /, '')} `, '#3c4aa0');
          signature(k, 222, foot + 6, 26, 9);
        }
        k.text(official, 232, foot + 21, { ...bold, align: 'center' });
        k.text(`NIP. ${nip}`, 232, foot + 24.5, { ...st, align: 'center' });
      },
    ],
  );
}
