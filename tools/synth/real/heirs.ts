// The heir statement (surat keterangan / pernyataan ahli waris): a sentence naming the deceased with
// Nama, NIK and Alamat, the heirs in a ruled table (No, Nama, NIK, Tgl. Lahir, Hubungan, Tanda Tangan)
// whose cells wrap onto two lines, the place and date ("Jambi, 4 Oktober 2026"), the heirs' duty stamp,
// two witnesses, and the lurah's or village head's and the camat's signatures (domain notes §2.1 #5:
// signed by all heirs, 2 witnesses, the lurah/kades and the camat). It runs onto a second page when
// the table is long or the office's type is large.
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { Hubungan } from '../../../src/shared/normalize/values';
import { makeDoc, type RealCtx } from './context';
import { camatName, officialNip, villageHeadName, type Resident } from './household';
import { type Kit, PT, type TextStyle } from './kit';
import { signature } from './marks';
import { Flow, letterStyle, signBlock } from './letter';
import { mixedCase, writeDate, type RealDateStyle } from './print';
import { A4, type RealDoc } from './sheet';

const HUB: Record<Hubungan, readonly string[]> = {
  kepala_keluarga: ['KEPALA KELUARGA'],
  istri: ['ISTRI', 'ISTRI', 'ISTERI'],
  suami: ['SUAMI'],
  anak: ['ANAK KANDUNG', 'ANAK', 'ANAK KANDUNG'],
  orang_tua: ['ORANG TUA', 'IBU KANDUNG', 'AYAH KANDUNG'],
  saudara: ['SAUDARA KANDUNG'],
  lainnya: ['FAMILI LAIN'],
};

export function suratAhliWaris(c: RealCtx, deceased: Resident, printedName: string, heirs: Resident[], letterDate: string, deathDate: string): RealDoc {
  const { rng, home } = c;
  const a = home.address;
  const s = letterStyle(rng, { justify: true });
  const twoPages = rng.chance(0.3) || heirs.length > 4;
  const title = rng.pick(['SURAT KETERANGAN AHLI WARIS', 'SURAT PERNYATAAN AHLI WARIS', 'SURAT KETERANGAN AHLI WARIS']);
  const dateStyle: RealDateStyle = rng.pick(['d bulan yyyy', 'd bulan yyyy', 'dd-mm-yyyy', 'dd BULAN yyyy']);
  const dobStyle: RealDateStyle = rng.pick(['dd-mm-yyyy', 'dd/mm/yyyy', 'd bulan yyyy']);
  const heirTable = heirs.map((h) => ({ h, hub: rng.pick(HUB[h.hubungan]), name: h.titled }));
  const witnesses = [
    `${rng.pick(['ABDULLAH', 'SAMSUDIN', 'M. YUNUS', 'RAHMAD'])} ${rng.pick(['', 'HASAN', 'EFENDI'])}`.trim(),
    `${rng.pick(['SAPRUDIN', 'IDRIS', 'JUMADI', 'NAZARUDDIN'])}`,
  ];
  const head = a.desa ? `Kepala Desa ${mixedCase(a.kelurahan)}` : `Lurah ${mixedCase(a.kelurahan)}`;
  const lurah = villageHeadName(rng);
  const camat = camatName(rng);
  const reg = `${rng.int(10, 300)}/${a.desa ? 'DS' : 'KEL'}/${letterDate.slice(0, 4)}`;
  const nips = [officialNip(rng), officialNip(rng)];
  const truth: Record<string, FieldValue> = {
    nama_almarhum: printedName,
    nik_almarhum: deceased.nik,
    ahli_waris: heirs.map((h) => ({ nama: h.titled, nik: h.nik, hubungan: h.hubungan === 'kepala_keluarga' ? 'suami' : h.hubungan })),
    tanggal_surat: letterDate,
  };

  /** The heirs' table; returns the y under it. Long names and relations wrap onto a second line. */
  const table = (k: Kit, f: Flow): number => {
    const st: TextStyle = { ...f.st, size: s.size - 1 };
    const bold = { ...st, bold: true };
    const w = f.right - f.left;
    const cols = [0.06, 0.3, 0.24, 0.14, 0.13, 0.13].map((x) => x * w);
    const heads = [
      'No',
      'Nama',
      'NIK',
      k.rng.pick(['Tgl. Lahir', 'Tanggal Lahir', 'Tgl Lahir']),
      k.rng.pick(['Hubungan', 'Hubungan Keluarga', 'Status']),
      'Tanda Tangan',
    ];
    const lh = st.size * PT * 1.3;
    const xs = [f.left];
    for (const cw of cols) xs.push((xs[xs.length - 1] as number) + cw);
    let y = f.y - lh;
    const top = y;
    const ys = [y];
    const headLines = heads.map((h, i) => k.wrap(h, (cols[i] as number) - 2, bold));
    const hh = Math.max(...headLines.map((l) => l.length)) * lh + 2;
    headLines.forEach((lines, i) =>
      lines.forEach((l, j) =>
        k.fitted(l, (xs[i] as number) + (cols[i] as number) / 2, y + 1 + lh * (j + 0.8), (cols[i] as number) - 1.5, { ...bold, align: 'center' }),
      ),
    );
    y += hh;
    ys.push(y);
    heirTable.forEach((r, i) => {
      const cells = [`${i + 1}.`, r.name, r.h.nik, writeDate(r.h.tanggal_lahir, dobStyle), r.hub];
      const lines = cells.map((cell, j) => (j === 2 ? [cell] : k.wrap(cell, (cols[j] as number) - 2, st)));
      const rh = Math.max(2, ...lines.map((l) => l.length)) * lh + 2;
      lines.forEach((ls, j) => ls.forEach((l, m) => k.fitted(l, (xs[j] as number) + 1, y + 1 + lh * (m + 0.85), (cols[j] as number) - 2, st)));
      k.text(`${i + 1}.`, (xs[5] as number) + (i % 2 ? (cols[5] as number) / 2 : 1), y + lh, st);
      signature(k, (xs[5] as number) + 5 + (i % 2 ? (cols[5] as number) / 2 - 3 : 0), y + 0.5, (cols[5] as number) * 0.4, rh - 2);
      y += rh;
      ys.push(y);
    });
    for (const yy of ys) k.line(f.left, yy, f.right, yy, 0.25);
    for (const x of xs) k.line(x, top, x, y, 0.25);
    return y + lh;
  };

  const closing = (k: Kit, f: Flow): void => {
    f.para(
      'Demikian surat pernyataan ini kami buat dengan sebenarnya tanpa paksaan dari pihak manapun, dan apabila di kemudian hari ternyata keterangan ini tidak benar, kami bersedia dituntut sesuai hukum yang berlaku.',
    );
    f.gap(1);
    const st = f.st;
    k.text(`${mixedCase(a.town)}, ${writeDate(letterDate, dateStyle)}`, f.right, f.y, { ...st, align: 'right' });
    f.gap(1);
    k.text('Kami para ahli waris:', f.right - 45, f.y, { ...st, align: 'center' });
    k.rect(f.right - 70, f.y + 2, 22, 14, { stroke: '#7a4c9a', width: 0.3 });
    k.text('METERAI', f.right - 59, f.y + 7, { size: 6.5, font: 'Liberation Sans', bold: true, align: 'center', color: '#7a4c9a' });
    k.text('10000', f.right - 59, f.y + 11.5, { size: 7.5, font: 'Liberation Sans', bold: true, align: 'center', color: '#7a4c9a' });
    signature(k, f.right - 66, f.y + 4, 30, 12);
    k.text(`( ${heirTable[0]?.name ?? ''} )`, f.right - 45, f.y + 22, { ...st, align: 'center' });
    f.gap(1);
    k.text('Saksi-saksi:', f.left, f.y, st);
    witnesses.forEach((wname, i) => {
      const y = f.y + (i + 1) * f.line * 1.6;
      k.text(`${i + 1}. ${wname}`, f.left + 2, y, st);
      k.dots(f.left + 45, f.left + 75, y, st);
      signature(k, f.left + 47, y - 6, 22, 7);
    });
    f.y += f.line * 5;
    k.text(k.rng.pick(['Mengetahui / Menguatkan:', 'Mengetahui:', 'Dikuatkan oleh:']), 105, f.y, { ...st, align: 'center' });
    f.gap(1);
    k.text(`Nomor Register : ${reg}`, f.left, f.y, { ...st, size: s.size - 1 });
    k.text(`Nomor Register : ${reg.replace(/(DS|KEL)/, 'KEC')}`, f.right - 70, f.y, { ...st, size: s.size - 1 });
    f.gap(1);
    const bottom = Math.min(f.y, 240);
    signBlock(
      k,
      f.left + 35,
      bottom,
      { above: [`${head},`], name: lurah, ...(a.desa ? {} : { nip: nips[0] as string }), stamp: a.desa ? `DESA ${a.kelurahan}` : `KELURAHAN ${a.kelurahan}` },
      st,
    );
    signBlock(
      k,
      f.right - 35,
      bottom,
      { above: [`Camat ${mixedCase(a.kecamatan)},`], name: camat, nip: nips[1] as string, stamp: `KECAMATAN ${a.kecamatan}` },
      st,
    );
  };

  const first = (k: Kit): void => {
    const f = new Flow(k, s, 210, 24);
    f.center(title, { bold: true, size: s.size + 2.5 }, true);
    if (k.rng.chance(0.5)) f.center(`Nomor : ${k.rng.int(10, 300)}/SKAW/${a.desa ? 'DS' : 'KEL'}/${letterDate.slice(0, 4)}`);
    f.gap(0.8);
    f.para(`Kami yang bertanda tangan di bawah ini, para ahli waris dari ${deceased.jenis_kelamin === 'L' ? 'almarhum' : 'almarhumah'}:`);
    f.gap(0.3);
    f.row(k.rng.pick(['Nama', 'Nama', 'Nama Almarhum']), printedName, 8);
    f.row(k.rng.pick(['NIK', 'NIK', 'No. KTP']), deceased.nik, 8);
    f.row('Tempat/Tgl. Lahir', `${deceased.tempat_lahir}, ${writeDate(deceased.tanggal_lahir, dobStyle)}`, 8);
    f.row('Alamat', `${a.street} RT/RW ${a.rtrw} ${k.rng.pick(['Kel.', 'Desa'])} ${mixedCase(a.kelurahan)} Kec. ${mixedCase(a.kecamatan)}`, 8);
    f.gap(0.2);
    f.para(
      `yang telah meninggal dunia di ${mixedCase(a.town)} pada tanggal ${writeDate(deathDate, dateStyle)}, dengan ini menyatakan dengan sebenarnya bahwa ${deceased.jenis_kelamin === 'L' ? 'almarhum' : 'almarhumah'} semasa hidupnya meninggalkan ahli waris sebagai berikut:`,
    );
    f.gap(1);
    f.y = table(k, f);
    f.gap(0.5);
    if (!twoPages) closing(k, f);
    else k.text('- 1 -', 105, 287, { ...f.st, size: s.size - 1, align: 'center' });
  };
  const second = (k: Kit): void => {
    const f = new Flow(k, s, 210, 24);
    k.text('- 2 -', 105, 14, { ...f.st, size: s.size - 1, align: 'center' });
    f.para(
      'Bahwa selain nama-nama tersebut di atas tidak ada lagi ahli waris lain dari almarhum/almarhumah, dan tidak ada pihak lain yang berhak atas harta peninggalannya.',
    );
    f.gap(1);
    closing(k, f);
  };
  return makeDoc(
    c,
    { type: 'surat_ahli_waris', variant: `surat_ahli_waris/${twoPages ? 'two-pages' : 'one-page'}`, kind: 'paper', size: A4, truth },
    twoPages ? [first, second] : [first],
  );
}
