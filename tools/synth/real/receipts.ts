// Receipts for treatment and transport. A hospital's computer-printed KUITANSI PEMBAYARAN (letterhead,
// receipt number, date and time, patient, an itemised table, TOTAL, "Terbilang: …" in words, the
// cashier's name in parentheses under "Petugas Kasir"), and the hand-filled kwitansi of a receipt book
// ("Sudah terima dari", "Uang sejumlah" in words, "Untuk pembayaran", the amount in a box, place and
// date, the recipient's name in parentheses under the signature): its printed number is the only value
// not written by hand, so the rest is listed as handwritten in the truth.
import type { FieldValue } from '../../../src/shared/domain/documents';
import { makeDoc, MONO, type RealCtx } from './context';
import type { Kit, TextStyle } from './kit';
import { signature } from './marks';
import { Flow, letterhead, letterStyle } from './letter';
import { mixedCase, rupiahInWords, thousands, writeDate, writeRupiah, type RealDateStyle, type RupiahStyle } from './print';
import type { RealDoc } from './sheet';

export interface Receipt {
  nomor: string;
  date: string;
  amount: number;
  /** Who received the money: the facility, a pharmacy, a driver. */
  penerima: string;
  patient: string;
}

const A5: readonly [number, number] = [148, 210];
const RECEIPT_BOOK: readonly [number, number] = [200, 100];

/** Items that add up to the total: services and drugs at round prices. */
function items(k: Kit, total: number): [string, number][] {
  const names = [
    'Pemeriksaan Dokter Spesialis',
    'Tindakan IGD',
    'Rontgen / Radiologi',
    'Laboratorium',
    'Obat-obatan',
    'Bahan Habis Pakai',
    'Jasa Perawat',
    'Administrasi',
    'Rawat Inap Kelas I',
  ];
  const n = k.rng.int(2, 5);
  const out: [string, number][] = [];
  let left = total;
  for (let i = 0; i < n - 1 && left > 20_000; i++) {
    const v = Math.max(5000, Math.round((left * (0.15 + 0.35 * k.rng.next())) / 5000) * 5000);
    if (v >= left) break;
    out.push([names[(i * 3 + k.rng.int(0, 2)) % names.length] as string, v]);
    left -= v;
  }
  out.push(['Obat dan Alat Kesehatan', left]);
  return out;
}

export function hospitalReceipt(c: RealCtx, r: Receipt): RealDoc {
  const { rng, home } = c;
  const s = letterStyle(rng, { size: 9.5, labelWidth: rng.int(28, 36), justify: false, font: rng.pick([...MONO, 'Liberation Sans', 'DejaVu Sans Condensed']) });
  const money: RupiahStyle = rng.pick(['Rp 2.150.000', 'Rp. 2.150.000,00', '2.150.000,00', 'Rp 2.150.000,-']);
  const dateStyle: RealDateStyle = rng.pick(['dd/mm/yyyy', 'dd-mm-yyyy', 'dd MMM yyyy upper', 'd bulan yyyy']);
  const cashier = `${rng.pick(['NOVITA', 'RAHMA', 'DEDI', 'YENI', 'FITRIANI'])} ${rng.pick(['SARI', 'PUTRI', 'KURNIAWAN', 'HANDAYANI'])}`;
  const words = rng.pick(['first', 'words', 'upper'] as const);
  const truth: Record<string, FieldValue> = { nomor_kuitansi: r.nomor, tanggal: r.date, jumlah: r.amount, penerima: r.penerima, nama_pasien: r.patient };
  return makeDoc(c, { type: 'kuitansi', variant: 'kuitansi/hospital-printed', kind: 'paper', size: A5, truth }, [
    (k) => {
      const top = letterhead(
        k,
        {
          lines: [r.penerima],
          address: `${mixedCase(home.address.town)} - Telp. (0741) ${k.rng.int(20000, 79999)}`,
          mark: { initials: 'RS', colour: '#1565c0' },
        },
        s.font,
        A5[0],
        8,
      );
      const f = new Flow(k, { ...s, margin: 12 }, A5[0], top);
      f.center(k.rng.pick(['KUITANSI PEMBAYARAN', 'BUKTI PEMBAYARAN', 'KWITANSI PEMBAYARAN']), { bold: true, size: s.size + 2 });
      f.gap(0.4);
      f.row(k.rng.pick(['No. Kuitansi', 'No. Kwitansi', 'Nomor']), r.nomor);
      f.row(
        k.rng.pick(['Tanggal', 'Tgl. Bayar', 'Tanggal']),
        `${writeDate(r.date, dateStyle)} ${String(k.rng.int(7, 20)).padStart(2, '0')}:${String(k.rng.int(0, 59)).padStart(2, '0')}`,
      );
      f.row('No. RM', `${k.rng.int(10, 99)}-${k.rng.int(10, 99)}-${k.rng.int(10, 99)}`);
      f.row(k.rng.pick(['Nama Pasien', 'Pasien']), r.patient);
      f.row('Penjamin', k.rng.pick(['UMUM', 'PRIBADI', 'UMUM / TUNAI']));
      f.gap(0.3);
      const st: TextStyle = f.st;
      const xs = [f.left, f.left + 8, f.right - 52, f.right - 40, f.right];
      k.line(f.left, f.y - 3.5, f.right, f.y - 3.5, 0.3);
      ['No', 'Uraian', 'Jml', 'Jumlah (Rp)'].forEach((h, i) =>
        k.text(h, i === 3 ? (xs[4] as number) - 1 : (xs[i] as number) + 1, f.y, { ...st, bold: true, align: i === 3 ? 'right' : 'left' }),
      );
      k.line(f.left, f.y + 1.5, f.right, f.y + 1.5, 0.3);
      f.gap(1.1);
      items(k, r.amount).forEach(([name, v], i) => {
        k.text(String(i + 1), (xs[0] as number) + 1, f.y, st);
        k.fitted(name, (xs[1] as number) + 1, f.y, (xs[2] as number) - (xs[1] as number) - 2, st);
        k.text('1', (xs[2] as number) + 3, f.y, st);
        k.text(thousands(v), (xs[4] as number) - 1, f.y, { ...st, align: 'right' });
        f.gap();
      });
      k.line(f.left, f.y - 3, f.right, f.y - 3, 0.3);
      k.text('TOTAL', (xs[2] as number) - 2, f.y + 0.5, { ...st, bold: true, align: 'right' });
      k.text(writeRupiah(r.amount, money), (xs[4] as number) - 1, f.y + 0.5, { ...st, bold: true, align: 'right' });
      f.gap(1.5);
      f.para(`Terbilang : ${rupiahInWords(r.amount, words)}`, 0, { italic: true });
      f.gap(1.2);
      const x = f.right - 25;
      k.text('Petugas Kasir,', x, f.y, { ...st, align: 'center' });
      signature(k, x - 12, f.y + 2, 22, 8);
      k.text(`( ${cashier} )`, x, f.y + 15, { ...st, align: 'center' });
      k.text(`Dicetak: ${writeDate(r.date, 'dd/mm/yyyy')}`, f.left, 202, { ...st, size: s.size - 2, color: '#555' });
    },
  ]);
}

export function handReceipt(c: RealCtx, r: Receipt, purpose: string): RealDoc {
  const { rng, home } = c;
  const font = rng.pick(['Liberation Serif', 'DejaVu Serif', 'Liberation Sans', 'DejaVu Sans Condensed']);
  const tint = rng.pick(['#fbf7e9', '#eef6fb', '#fdf0f0', '#fbfbf8']);
  const money = rng.pick([`${thousands(r.amount)},-`, `${thousands(r.amount)},00`, thousands(r.amount)]);
  const words = rupiahInWords(r.amount, rng.pick(['first', 'words', 'upper'] as const));
  const dateWritten = writeDate(r.date, rng.pick(['d bulan yyyy', 'dd-mm-yyyy', 'dd/mm/yyyy'] as const));
  const truth: Record<string, FieldValue> = { nomor_kuitansi: r.nomor, tanggal: r.date, jumlah: r.amount, penerima: r.penerima, nama_pasien: r.patient };
  const doc = makeDoc(c, { type: 'kuitansi', variant: 'kuitansi/hand-filled', kind: 'paper', size: RECEIPT_BOOK, truth, paper: tint }, [
    (k) => {
      const st: TextStyle = { size: 10, font };
      k.rect(4, 4, RECEIPT_BOOK[0] - 8, RECEIPT_BOOK[1] - 8, { width: 0.4 });
      k.text(k.rng.pick(['KWITANSI', 'KUITANSI']), 100, 15, { size: 17, font, bold: true, align: 'center', spacing: 1.2 });
      k.text('No.', 150, 14, st);
      k.text(r.nomor, 158, 14, { size: 11, font: 'Liberation Mono', bold: true, color: '#b3261e' });
      const rows: [string, string, number][] = [
        [k.rng.pick(['Sudah terima dari', 'Telah terima dari']), r.patient, 28],
        ['Uang sejumlah', words, 40],
        ['Untuk pembayaran', `${purpose} a.n. ${mixedCase(r.patient)}`, 52],
      ];
      for (const [label, value, y] of rows) {
        k.text(label, 12, y, st);
        k.text(':', 50, y, st);
        k.dots(53, 190, y + 0.8, { ...st, color: '#777' });
        const lines = k.wrap(value, 130, { size: 13, font: 'Liberation Sans' });
        k.hand(lines.slice(0, 2).join(' '), 54, y - 0.6, 13);
      }
      // The amount in its box, the place and date, the signature and the recipient in parentheses.
      k.rect(12, 66, 62, 12, { width: 0.5, fill: 'rgba(0,0,0,0.04)' });
      k.text('Rp', 15, 74.5, { size: 12, font, bold: true });
      k.hand(money, 26, 75, 16);
      k.text(`${mixedCase(home.address.town)},`, 128, 64, st);
      k.dots(146, 190, 64.8, { ...st, color: '#777' });
      k.hand(dateWritten, 148, 63.6, 12);
      k.text(k.rng.pick(['Yang menerima,', 'Penerima,']), 158, 70, { ...st, align: 'center' });
      signature(k, 146, 72, 26, 9);
      k.text('(', 132, 90, st);
      k.text(')', 186, 90, st);
      k.hand(r.penerima, 136, 89.5, 11.5);
    },
  ]);
  // Everything but the receipt book's printed number is written by hand.
  for (const key of ['tanggal', 'jumlah', 'penerima', 'nama_pasien']) doc.hand.add(key);
  return doc;
}
