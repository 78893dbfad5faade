// The BPJS Ketenagakerjaan participant card in its two forms: the plastic card (85.6 × 54 mm; logo text,
// the name large, then KPJ, NIK, birth date, membership date and programs, labelled or not), scanned or
// photographed; and the JMO app's digital card as a phone screenshot (status bar, "Kartu Digital", a
// coloured card with the name and "KPJ 123-4567-8901", labelled rows under it).
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { Rng } from '../random';
import { jitter, makeDoc, type RealCtx } from './context';
import { type Kit, type TextStyle } from './kit';
import { mixedCase, writeDate, type RealDateStyle } from './print';
import { CARD, type RealDoc } from './sheet';

/** A phone screen: 1080 × 2400 pixels over 67.5 mm, about 406 dpi. */
export const PHONE: readonly [number, number] = [67.5, 150];
export const PHONE_DPI = (1080 / 67.5) * 25.4;

const GREEN = '#0a8f3c';

/** The logo as text beside a stand-in mark (two leaves), as copies of the card show it. */
function logo(k: Kit, x: number, y: number, size: number, color: string, text = color): void {
  const c = k.ctx;
  const s = size * 0.36;
  c.save();
  c.fillStyle = color;
  c.beginPath();
  c.ellipse(x + s * 0.5, y - s * 0.55, s * 0.5, s * 0.28, -0.6, 0, Math.PI * 2);
  c.fill();
  c.fillStyle = color === '#ffffff' ? '#d9f2e0' : '#1a5fb4';
  c.beginPath();
  c.ellipse(x + s * 0.55, y + s * 0.05, s * 0.5, s * 0.26, 0.5, 0, Math.PI * 2);
  c.fill();
  c.restore();
  const end = k.text('BPJS', x + s * 1.25, y, { size, font: 'Liberation Sans', bold: true, color: text });
  k.text('Ketenagakerjaan', end + size * 0.08, y, { size: size * 0.72, font: 'Liberation Sans', color: text });
}

const programsOf = (program: readonly string[]): string[] => program.filter((p) => p === 'JKK' || p === 'JKM' || p === 'JHT' || p === 'JP');

export function kartuPeserta(c: RealCtx, printedName: string): RealDoc {
  const { rng, person: p } = c;
  const design = rng.pick(['white', 'white', 'green-band', 'unlabelled'] as const);
  const font = rng.pick(['Liberation Sans', 'DejaVu Sans', 'Liberation Sans Narrow', 'DejaVu Sans Condensed']);
  const dateStyle: RealDateStyle = rng.pick(['dd-mm-yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy', 'dd MMM yyyy upper', 'd bulan yyyy']);
  const sep = rng.pick([' / ', ' - ', ', ', ' / ']);
  const programs = programsOf(p.program);
  const kpjText = rng.pick([
    p.nomor_kpj,
    p.nomor_kpj,
    `${p.nomor_kpj.slice(0, 3)} ${p.nomor_kpj.slice(3, 7)} ${p.nomor_kpj.slice(7)}`,
    `${p.nomor_kpj.slice(0, 3)}-${p.nomor_kpj.slice(3, 7)}-${p.nomor_kpj.slice(7)}`,
  ]);
  const kpjLabel = rng.pick(['No. KPJ', 'KPJ', 'No. Peserta', 'Nomor KPJ']);
  const dobLabel = rng.pick(['Tgl. Lahir', 'Tanggal Lahir', 'Tgl Lahir']);
  const joinLabel = rng.pick(['Tgl. Kepesertaan', 'Tanggal Kepesertaan', 'Terdaftar Sejak', 'Tgl. Efektif']);
  const size = jitter(rng, 6.4, 0.06);
  const truth: Record<string, FieldValue> = {
    nomor_kpj: p.nomor_kpj,
    nama: printedName,
    nik: p.nik,
    tanggal_lahir: p.tanggal_lahir,
    tanggal_kepesertaan: p.tanggal_kepesertaan,
    program: programs,
  };
  return makeDoc(c, { type: 'kartu_peserta', variant: `kartu_peserta/card-${design}`, kind: 'card', size: CARD, truth, paper: '#ffffff' }, [
    (k) => {
      const c2 = k.ctx;
      const st: TextStyle = { size, font };
      if (design === 'green-band') {
        k.rect(0, 0, CARD[0], 13, { fill: GREEN });
        logo(k, 4, 8.6, 9, '#ffffff');
        k.text('KARTU PESERTA', 81.5, 8.2, { size: 6.5, font, bold: true, color: '#ffffff', align: 'right' });
      } else {
        logo(k, 4, 8.6, 9, GREEN, '#13395e');
        // The card's wave: a band of colour along the foot.
        c2.save();
        c2.fillStyle = 'rgba(10,143,60,0.85)';
        c2.beginPath();
        c2.moveTo(0, 49);
        c2.bezierCurveTo(25, 44, 55, 53, 85.6, 45);
        c2.lineTo(85.6, 54);
        c2.lineTo(0, 54);
        c2.fill();
        c2.restore();
        if (design === 'white')
          k.text(rng.pick(['KARTU PESERTA', 'KARTU PESERTA BPU', 'Kartu Peserta']), 81.5, 8.2, { size: 6, font, bold: true, color: '#13395e', align: 'right' });
      }
      k.fitted(printedName, 5, 20.5, 76, { size: size * 1.55, font, bold: true });
      const rows: [string, string][] = [
        [kpjLabel, kpjText],
        ['NIK', p.nik],
        [dobLabel, writeDate(p.tanggal_lahir, dateStyle)],
        [joinLabel, writeDate(p.tanggal_kepesertaan, dateStyle)],
        ['Program', programs.join(sep)],
      ];
      let y = 26.5;
      const step = size * 0.3528 * 1.45;
      rows.forEach(([label, value], i) => {
        if (design === 'unlabelled' && i === 0) {
          // The number alone under the name, larger, as some cards print it.
          k.text(kpjText, 5, y + 0.6, { size: size * 1.35, font: 'Liberation Mono', bold: true });
          y += step * 1.3;
          return;
        }
        k.row(label, value, 5, y, { ...st, labelWidth: 25, colon: 'column' });
        y += step;
      });
    },
  ]);
}

function statusBar(k: Kit, rng: Rng, dark: boolean): void {
  const fg = dark ? '#ffffff' : '#111111';
  k.text(`${String(rng.int(6, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`, 4, 4, {
    size: 6.5,
    font: 'Liberation Sans',
    bold: true,
    color: fg,
  });
  for (let i = 0; i < 4; i++) k.rect(46 + i * 1.3, 4 - 0.7 * (i + 1), 0.8, 0.7 * (i + 1), { fill: fg });
  k.rect(53, 1.6, 6, 2.6, { stroke: fg, width: 0.25, radius: 0.5 });
  k.rect(53.4, 2, 5.2 * (0.3 + 0.7 * rng.next()), 1.8, { fill: fg });
  k.text(`${rng.int(18, 99)}%`, 60, 4, { size: 5.5, font: 'Liberation Sans', color: fg });
}

export function jmoScreenshot(c: RealCtx, printedName: string): RealDoc {
  const { rng, person: p } = c;
  const font = rng.pick(['DejaVu Sans', 'Liberation Sans', 'DejaVu Sans Condensed']);
  const cardColour = rng.pick([
    [GREEN, '#19b35a'],
    ['#0b6e4f', '#2bb673'],
    ['#0f4c81', '#1f9d55'],
  ] as const);
  const dateStyle: RealDateStyle = rng.pick(['d bulan yyyy', 'dd-mm-yyyy', 'dd MMM yyyy', 'dd/mm/yyyy']);
  const programs = programsOf(p.program);
  const layout = rng.pick(['stacked', 'side'] as const);
  const showName = rng.chance(0.75) ? printedName : mixedCase(printedName);
  const truth: Record<string, FieldValue> = {
    nomor_kpj: p.nomor_kpj,
    nama: printedName,
    nik: p.nik,
    tanggal_lahir: p.tanggal_lahir,
    tanggal_kepesertaan: p.tanggal_kepesertaan,
    program: programs,
  };
  return makeDoc(c, { type: 'kartu_peserta', variant: `kartu_peserta/jmo-${layout}`, kind: 'screen', size: PHONE, truth, paper: '#f4f6f8' }, [
    (k) => {
      const r = k.rng;
      k.rect(0, 0, PHONE[0], 15, { fill: '#ffffff', stroke: '#ffffff' });
      statusBar(k, r, false);
      k.text('←', 4, 12, { size: 10, font: 'DejaVu Sans', color: '#222' });
      k.text('Kartu Digital', 12, 11.6, { size: 8.5, font, bold: true, color: '#222' });
      const g = k.ctx.createLinearGradient(4, 19, 63.5, 55);
      g.addColorStop(0, cardColour[0]);
      g.addColorStop(1, cardColour[1]);
      k.ctx.fillStyle = g;
      k.ctx.beginPath();
      k.ctx.roundRect(4, 19, 59.5, 36, 3);
      k.ctx.fill();
      logo(k, 7, 26, 7, '#ffffff');
      k.fitted(showName, 7, 37, 53, { size: 8.5, font, bold: true, color: '#ffffff' });
      k.text(`KPJ ${p.nomor_kpj.slice(0, 3)}-${p.nomor_kpj.slice(3, 7)}-${p.nomor_kpj.slice(7)}`, 7, 43, { size: 7, font, color: '#ffffff' });
      k.text(p.segmen === 'BPU' ? 'Bukan Penerima Upah' : 'Penerima Upah', 7, 51.5, { size: 5.5, font, color: '#e6f5ea' });
      k.text('Informasi Peserta', 4, 63, { size: 7, font, bold: true, color: '#222' });
      const rows: [string, string][] = [
        ['NIK', p.nik],
        ['Tanggal Lahir', writeDate(p.tanggal_lahir, dateStyle)],
        ['Tanggal Kepesertaan', writeDate(p.tanggal_kepesertaan, dateStyle)],
        ['Segmen', p.segmen === 'BPU' ? 'Bukan Penerima Upah (BPU)' : 'Penerima Upah (PU)'],
        ['Program', programs.join(' - ')],
        ['Status', p.status === 'aktif' ? 'Aktif' : 'Tidak Aktif'],
      ];
      let y = 67;
      for (const [label, value] of rows) {
        k.rect(4, y, 59.5, layout === 'stacked' ? 10 : 7, { fill: '#ffffff', stroke: '#e3e6ea', width: 0.15, radius: 1.2 });
        if (layout === 'stacked') {
          k.text(label, 6.5, y + 3.8, { size: 5.5, font, color: '#7a7f87' });
          k.text(value, 6.5, y + 8, { size: 6.8, font, bold: true, color: label !== 'Status' ? '#1d1f23' : p.status === 'aktif' ? GREEN : '#c0392b' });
          y += 11.5;
        } else {
          k.text(label, 6.5, y + 4.6, { size: 5.8, font, color: '#7a7f87' });
          k.fitted(value, 61, y + 4.6, 30, {
            size: 6.2,
            font,
            bold: true,
            color: label !== 'Status' ? '#1d1f23' : p.status === 'aktif' ? GREEN : '#c0392b',
            align: 'right',
          });
          y += 8.5;
        }
      }
      k.rect(0, 139, PHONE[0], 11, { fill: '#ffffff', stroke: '#e3e6ea', width: 0.15 });
      ['Beranda', 'Kartu', 'Notifikasi', 'Akun'].forEach((t, i) =>
        k.text(t, 8.5 + i * 16.8, 146.5, { size: 5, font, align: 'center', color: i === 1 ? GREEN : '#888' }),
      );
    },
  ]);
}
