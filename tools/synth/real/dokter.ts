// The doctor's certificate for a work accident (Formulir 3b): the hospital's or puskesmas's letterhead
// (the facility's name is the letterhead), the patient's particulars, "telah diperiksa pada tanggal
// 06-10-2026" inside a sentence (or as a label row), diagnosis and outcome, and the doctor's name under
// the signature ("dr. Siska Amelia", "dr. X, Sp.OT").
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { KondisiAkhir } from '../../../src/shared/normalize/values';
import { KONDISI, type Accident } from './accident';
import { makeDoc, type RealCtx } from './context';
import { Flow, letterhead, letterStyle, signBlock } from './letter';
import { mixedCase, writeDate, type RealDateStyle } from './print';
import { A4, type RealDoc } from './sheet';

const KONDISI_TEXT = Object.fromEntries(KONDISI) as Record<KondisiAkhir, string>;

export function suratDokter(c: RealCtx, a: Accident, printedName: string): RealDoc {
  const { rng, person: p, home } = c;
  const s = letterStyle(rng);
  const sentence = rng.chance(0.7);
  const upper = rng.chance(0.5);
  const dateStyle: RealDateStyle = rng.pick(['dd-mm-yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy', 'd bulan yyyy']);
  const code = rng.pick(['FORMULIR 3b', 'FORMULIR KK3', 'Form 3b']);
  const outcomeAs = rng.pick(['typed', 'typed', 'checkboxes'] as const);
  const age = Number(a.examDate.slice(0, 4)) - Number(p.tanggal_lahir.slice(0, 4));
  const puskesmas = a.faskes.startsWith('PUSKESMAS');
  const truth: Record<string, FieldValue> = {
    nama: printedName,
    tanggal_pemeriksaan: a.examDate,
    diagnosa: a.diagnosa,
    kondisi_akhir: a.kondisi,
    nama_dokter: a.dokter.toUpperCase(),
    fasilitas_kesehatan: a.faskes,
  };
  const address = `${rng.pick(['Jl. Letjen Suprapto No. 31', 'Jl. Dr. Sutomo No. 19', 'Jl. Jenderal Sudirman No. 45', 'Jl. Kol. Abunjani No. 9'])}, ${mixedCase(home.address.town)} Telp. (0741) ${rng.int(20000, 79999)}`;
  return makeDoc(c, { type: 'surat_dokter', variant: `surat_dokter/${sentence ? 'sentence' : 'rows'}-${outcomeAs}`, kind: 'paper', size: A4, truth }, [
    (k) => {
      const lines = puskesmas ? [`PEMERINTAH ${home.address.kabupaten}`, 'DINAS KESEHATAN', a.faskes] : [a.faskes];
      const top = letterhead(k, { lines, address, mark: { initials: puskesmas ? 'PKM' : 'RS', colour: puskesmas ? '#2e7d32' : '#1565c0' } }, s.font);
      k.rect(160, top - 4, 32, 7, { width: 0.3 });
      k.text(code, 176, top + 1, { size: 9, font: s.font, bold: true, align: 'center' });
      const f = new Flow(k, s, 210, top + 9);
      f.center('SURAT KETERANGAN DOKTER', { bold: true, size: s.size + 2 }, true);
      f.center(k.rng.pick(['(Untuk Peserta Kecelakaan Kerja)', 'Pemeriksaan Kecelakaan Kerja', '']), { size: s.size - 1 });
      f.gap(0.6);
      f.para(
        `Yang bertanda tangan di bawah ini, dokter ${k.rng.pick(['pemeriksa', 'yang merawat', 'pemeriksa / yang merawat'])} pada ${mixedCase(a.faskes)}, menerangkan bahwa:`,
      );
      f.gap(0.3);
      f.row(k.rng.pick(['Nama', 'Nama Pasien', 'Nama Tenaga Kerja']), upper ? printedName : mixedCase(printedName), 8);
      f.row('Umur', `${age} tahun`, 8);
      f.row('Jenis Kelamin', p.jenis_kelamin === 'L' ? 'Laki-laki' : 'Perempuan', 8);
      if (k.rng.chance(0.6)) f.row('No. KPJ', p.nomor_kpj, 8);
      f.row('Alamat', `${mixedCase(home.address.street)}, ${mixedCase(home.address.kelurahan)}`, 8);
      f.gap(0.3);
      if (sentence) f.para(`telah diperiksa pada tanggal ${writeDate(a.examDate, dateStyle)} dengan hasil pemeriksaan sebagai berikut:`);
      else f.row(k.rng.pick(['Tanggal Pemeriksaan', 'Tgl. Pemeriksaan', 'Diperiksa tanggal']), writeDate(a.examDate, dateStyle), 0);
      f.gap(0.3);
      f.row(k.rng.pick(['Diagnosa', 'Diagnosis']), upper ? a.diagnosa : mixedCase(a.diagnosa), 8);
      f.row('Tindakan', k.rng.pick(['Reposisi dan pemasangan gips', 'Hecting, perawatan luka', 'Operasi (ORIF)', 'Observasi dan rawat inap 3 hari']), 8);
      const kondisiLabel = k.rng.pick(['Kondisi Akhir', 'Keadaan Akhir', 'Kondisi Tenaga Kerja']);
      if (outcomeAs === 'typed') f.row(kondisiLabel, KONDISI_TEXT[a.kondisi].toUpperCase(), 8);
      else {
        k.text(kondisiLabel, f.left + 8, f.y, f.st);
        k.text(':', f.left + 8 + s.labelWidth - 2.5, f.y, f.st);
        Object.entries(KONDISI_TEXT).forEach(([key, text], i) => {
          const x = f.left + 8 + s.labelWidth + (i % 2) * 55;
          const y = f.y + Math.floor(i / 2) * f.line * 1.1;
          k.checkbox(x, y - 3.2, 3.6, key === a.kondisi ? 'tick' : null);
          k.text(text, x + 5.5, y, f.st);
        });
        f.gap(3.5);
      }
      f.gap(0.5);
      f.para('Demikian surat keterangan ini dibuat untuk dapat dipergunakan sebagaimana mestinya.');
      f.gap(1.2);
      const signed = writeDate(a.examDate, k.rng.pick(['d bulan yyyy', 'dd-mm-yyyy'] as const));
      signBlock(
        k,
        150,
        f.y,
        {
          above: [`${mixedCase(home.address.town)}, ${signed}`, k.rng.pick(['Dokter Pemeriksa,', 'Dokter yang merawat,'])],
          name: a.dokter,
          ...(k.rng.chance(0.5) ? { id: `SIP. 503/${k.rng.int(100, 999)}/DPMPTSP/${k.rng.int(2018, 2025)}` } : {}),
        },
        f.st,
      );
    },
  ]);
}
