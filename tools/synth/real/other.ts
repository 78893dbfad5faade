// Pages that are none of the contract's document types but sit in every dossier, some with the very
// labels claim documents carry: the chronology statement ("SURAT PERNYATAAN KRONOLOGIS KEJADIAN", with
// Nama / No. KPJ / NIK rows), and the cover letter asking the branch to pay the claim. Truth type
// `other`, no fields. Also the NPWP card, which the contract does know.
import type { ClaimType } from '../../../src/shared/domain/claims';
import { makeDoc, type RealCtx } from './context';
import { BALLPOINT, type TextStyle } from './kit';
import { signature } from './marks';
import { Flow, letterStyle, signBlock } from './letter';
import { mixedCase, writeDate, writeKpj, type RealDateStyle } from './print';
import { A4, CARD, type RealDoc } from './sheet';

export function kronologi(c: RealCtx, printedName: string, accident: { date: string; time: string; place: string; story: string }, signedOn: string): RealDoc {
  const { rng, person: p, home } = c;
  const s = letterStyle(rng, { justify: true });
  const dateStyle: RealDateStyle = rng.pick(['d bulan yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy']);
  const kpj = writeKpj(p.nomor_kpj, rng);
  return makeDoc(c, { type: 'other', variant: 'other/kronologi', kind: 'paper', size: A4, truth: {} }, [
    (k) => {
      const f = new Flow(k, s, 210, 28);
      f.center(
        k.rng.pick(['SURAT PERNYATAAN KRONOLOGIS KEJADIAN', 'KRONOLOGIS KEJADIAN KECELAKAAN KERJA', 'SURAT PERNYATAAN KRONOLOGI KECELAKAAN']),
        { bold: true, size: s.size + 1.5 },
        true,
      );
      f.gap(1);
      f.para('Yang bertanda tangan di bawah ini:');
      f.gap(0.3);
      f.row('Nama', printedName, 8)
        .row('No. KPJ', kpj, 8)
        .row('NIK', p.nik, 8)
        .row('Alamat', `${mixedCase(home.address.street)}, ${mixedCase(home.address.kelurahan)}`, 8);
      f.gap(0.4);
      f.para(
        `Dengan ini menerangkan bahwa pada hari ${['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'][new Date(`${accident.date}T00:00:00Z`).getUTCDay()]} tanggal ${writeDate(accident.date, dateStyle)} sekitar pukul ${accident.time.replace(':', '.')} WIB, saya mengalami kecelakaan di ${mixedCase(accident.place)}. ${accident.story} Setelah kejadian saya dibawa ke fasilitas kesehatan terdekat untuk mendapatkan pertolongan.`,
      );
      f.gap(0.4);
      f.para('Demikian surat pernyataan ini saya buat dengan sebenar-benarnya dan dapat dipertanggungjawabkan.');
      f.gap(1.5);
      const st: TextStyle = f.st;
      k.rect(118, f.y + 8, 20, 12, { stroke: '#7a4c9a', width: 0.3 });
      k.text('METERAI', 128, f.y + 13, { size: 6, font: 'Liberation Sans', bold: true, align: 'center', color: '#7a4c9a' });
      signBlock(
        k,
        150,
        f.y,
        { above: [`${mixedCase(home.address.town)}, ${writeDate(signedOn, dateStyle)}`, 'Yang membuat pernyataan,'], name: printedName },
        st,
      );
    },
  ]);
}

const PERIHAL: Record<ClaimType, string> = {
  JKM: 'Permohonan Pembayaran Jaminan Kematian (JKM)',
  JKK: 'Permohonan Klaim Jaminan Kecelakaan Kerja (JKK)',
  JHT: 'Permohonan Pencairan Jaminan Hari Tua (JHT)',
  BEASISWA: 'Permohonan Beasiswa Anak Peserta',
};

export function coverLetter(c: RealCtx, claim: ClaimType, sender: string, dated: string): RealDoc {
  const { rng, person: p, home } = c;
  const s = letterStyle(rng, { justify: true });
  return makeDoc(c, { type: 'other', variant: 'other/cover-letter', kind: 'paper', size: A4, truth: {} }, [
    (k) => {
      const f = new Flow(k, s, 210, 28);
      const st: TextStyle = f.st;
      k.text(`${mixedCase(home.address.town)}, ${writeDate(dated, 'd bulan yyyy')}`, f.right, f.y, { ...st, align: 'right' });
      f.gap(1.5);
      f.row('Perihal', PERIHAL[claim]).row('Lampiran', k.rng.pick(['1 (satu) berkas', '1 (satu) bundel', 'Satu berkas']));
      f.gap(1);
      f.para('Kepada Yth.');
      f.para('Kepala Kantor Cabang BPJS Ketenagakerjaan Jambi');
      f.para('di -');
      f.para('Tempat', 10);
      f.gap(1);
      f.para('Dengan hormat,');
      f.para(
        `Saya yang bertanda tangan di bawah ini mengajukan ${PERIHAL[claim].replace(/^Permohonan /, 'permohonan ')} atas nama peserta ${mixedCase(p.nama)}, nomor peserta ${p.nomor_kpj}. Sebagai kelengkapan, bersama ini kami lampirkan dokumen persyaratan yang diperlukan.`,
      );
      f.gap(0.5);
      f.para('Atas perhatian dan bantuan Bapak/Ibu, kami ucapkan terima kasih.');
      f.gap(1.5);
      signBlock(k, 150, f.y, { above: ['Hormat saya,'], name: sender }, st);
    },
  ]);
}

/** The NPWP card: the tax office's heading, the number large, name, NIK, address, registration. */
export function npwpCard(c: RealCtx, number: string, printedName: string): RealDoc {
  const { rng, person: p, home } = c;
  const printed =
    number.length === 15
      ? `${number.slice(0, 2)}.${number.slice(2, 5)}.${number.slice(5, 8)}.${number.slice(8, 9)}-${number.slice(9, 12)}.${number.slice(12)}`
      : number;
  const font = rng.pick(['Liberation Sans', 'DejaVu Sans Condensed', 'Liberation Sans Narrow']);
  const registered = `20${String(rng.int(10, 24))}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return makeDoc(
    c,
    { type: 'npwp', variant: 'npwp/card', kind: 'card', size: CARD, truth: { nomor_npwp: number, nama: printedName, nik: p.nik }, paper: '#eef3f8' },
    [
      (k) => {
        const st: TextStyle = { size: 6, font };
        k.rect(0, 0, CARD[0], 11, { fill: '#1f3c88' });
        k.text('KEMENTERIAN KEUANGAN REPUBLIK INDONESIA', 42.8, 4.6, { ...st, bold: true, color: '#ffffff', align: 'center' });
        k.text('DIREKTORAT JENDERAL PAJAK', 42.8, 8.6, { ...st, bold: true, color: '#ffffff', align: 'center' });
        k.text(`NPWP : ${printed}`, 5, 19, { size: 9.5, font, bold: true });
        k.text(printedName, 5, 25.5, { size: 8, font, bold: true });
        k.text(`NIK : ${p.nik}`, 5, 30.5, st);
        k.text(`${home.address.street} RT/RW ${home.address.rtrw}`, 5, 34.5, st);
        k.text(`${home.address.kelurahan}, ${home.address.kecamatan}, ${home.address.kabupaten.replace(/^KABUPATEN /, '')}`, 5, 38.2, st);
        k.text(`KPP PRATAMA ${home.address.town}`, 5, 44, st);
        k.text(`Tanggal Terdaftar : ${writeDate(registered, 'dd/mm/yyyy')}`, 5, 48, st);
        signature(k, 60, 40, 18, 6, BALLPOINT[1]);
      },
    ],
  );
}
