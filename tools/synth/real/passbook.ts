// Passbooks of the banks common in Jambi (BRI, BNI, Bank Mandiri, BSI, Bank Jambi / Bank 9 Jambi, BCA,
// BTN): the bank's name and logo text and the product ("TABUNGAN BRITAMA", "TAPLUS", "TAHAPAN"…)
// pre-printed in colour, the holder's data printed into it by the branch's passbook printer (often a
// monospace face, a little off the pre-printed labels), and the transaction table beside or below.
// nama_bank is the bank's name as the participant records write it (BANKS in ../people), whatever
// short or legal form the passbook prints.
import type { FieldValue } from '../../../src/shared/domain/documents';
import type { Rng } from '../random';
import { jitter, makeDoc, MONO, SANS, type RealCtx } from './context';
import type { Kit, TextStyle } from './kit';
import { addDays } from '../people';
import { thousands, writeDate } from './print';
import type { RealDoc } from './sheet';

interface Bank {
  /** As participant records and the contract's truth write it. */
  name: string;
  logo: string;
  legal: string;
  colour: string;
  products: readonly string[];
  digits: number;
  group: (a: string) => string;
}

const dash = (a: string, sizes: number[]): string => {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(a.slice(at, at + n));
    at += n;
  }
  return out.filter(Boolean).join('-');
};

/** Account lengths follow the participant records' (BANKS in ../people); BTN's is an assumption. */
export const REAL_BANKS: readonly Bank[] = [
  {
    name: 'BANK RAKYAT INDONESIA',
    logo: 'BRI',
    legal: 'PT. BANK RAKYAT INDONESIA (PERSERO) Tbk.',
    colour: '#00529c',
    products: ['TABUNGAN BRITAMA', 'SIMPEDES', 'BRITAMA BISNIS'],
    digits: 15,
    group: (a) => dash(a, [4, 2, 6, 2, 1]),
  },
  {
    name: 'BANK NEGARA INDONESIA',
    logo: 'BNI',
    legal: 'PT BANK NEGARA INDONESIA (PERSERO) Tbk',
    colour: '#e0601f',
    products: ['TAPLUS', 'BNI TAPLUS', 'TAPLUS MUDA'],
    digits: 10,
    group: (a) => dash(a, [3, 3, 4]),
  },
  {
    name: 'BANK MANDIRI',
    logo: 'mandiri',
    legal: 'PT BANK MANDIRI (PERSERO) Tbk.',
    colour: '#003d79',
    products: ['TABUNGAN MANDIRI', 'TABUNGANKU', 'MANDIRI TABUNGAN BISNIS'],
    digits: 13,
    group: (a) => dash(a, [3, 2, 7, 1]),
  },
  {
    name: 'BANK SYARIAH INDONESIA',
    logo: 'BSI',
    legal: 'PT BANK SYARIAH INDONESIA Tbk',
    colour: '#00a39d',
    products: ['BSI TABUNGAN EASY WADIAH', 'TABUNGAN EASY MUDHARABAH'],
    digits: 10,
    group: (a) => dash(a, [4, 3, 3]),
  },
  {
    name: 'BANK JAMBI',
    logo: 'bank9jambi',
    legal: 'PT BANK PEMBANGUNAN DAERAH JAMBI',
    colour: '#c8102e',
    products: ['TABUNGAN SIMPEDA', 'TABUNGAN SERAMO', 'TABUNGANKU'],
    digits: 12,
    group: (a) => dash(a, [3, 2, 7]),
  },
  {
    name: 'BANK CENTRAL ASIA',
    logo: 'BCA',
    legal: 'PT BANK CENTRAL ASIA Tbk',
    colour: '#0060af',
    products: ['TAHAPAN', 'TAHAPAN BCA', 'TAHAPAN XPRESI'],
    digits: 10,
    group: (a) => dash(a, [3, 3, 4]),
  },
  {
    name: 'BANK TABUNGAN NEGARA',
    logo: 'BTN',
    legal: 'PT BANK TABUNGAN NEGARA (PERSERO) Tbk',
    colour: '#0b4ea2',
    products: ['TABUNGAN BTN BATARA', 'BTN BATARA', 'TABUNGAN BTN JUARA'],
    digits: 16,
    group: (a) => dash(a, [4, 2, 2, 7, 1]),
  },
];

export const bankByName = (name: string | null, rng: Rng): Bank => REAL_BANKS.find((b) => b.name === name) ?? rng.pick(REAL_BANKS);

/** The bank's letterhead: logo text in its colour, the name or legal form beside or under it. */
function header(k: Kit, b: Bank, x: number, y: number, w: number, font: string, product: string): number {
  const logoSt: TextStyle = { size: 15, font: 'Liberation Sans', bold: true, color: b.colour, italic: b.logo === 'BCA' };
  const end = k.text(b.logo === 'bank9jambi' ? 'bank 9 jambi' : b.logo, x, y, logoSt);
  k.text(b.name === 'BANK JAMBI' ? 'BANK 9 JAMBI' : b.name, end + 3, y - 2.2, { size: 6.2, font, bold: true, color: b.colour });
  k.text(b.legal, end + 3, y + 1, { size: 4.8, font, color: '#444' });
  k.line(x, y + 3, x + w, y + 3, 0.5, b.colour);
  k.text(product, x + w / 2, y + 9, { size: 9.5, font, bold: true, align: 'center', color: b.colour });
  return y + 14;
}

function transactions(rng: Rng, opened: string, n: number): { date: string; code: string; debit: number; credit: number; saldo: number; teller: string }[] {
  let saldo = rng.int(2, 40) * 50_000;
  let date = opened;
  const rows = [{ date, code: '01', debit: 0, credit: saldo, saldo, teller: `TLR${String(rng.int(1, 9)).padStart(2, '0')}` }];
  for (let i = 1; i < n; i++) {
    date = addDays(date, rng.int(3, 60));
    const out = rng.chance(0.45) && saldo > 200_000;
    const amount = out ? rng.int(1, Math.max(1, Math.floor(saldo / 100_000))) * 50_000 : rng.int(1, 60) * 25_000;
    saldo += out ? -amount : amount;
    rows.push({
      date,
      code: out ? rng.pick(['02', 'TT', 'WDL']) : rng.pick(['01', 'SET', 'TRF', '33']),
      debit: out ? amount : 0,
      credit: out ? 0 : amount,
      saldo,
      teller: rng.chance(0.5) ? `TLR${String(rng.int(1, 9)).padStart(2, '0')}` : 'ATM',
    });
  }
  return rows;
}

export function passbook(c: RealCtx, bankName: string | null, account: string, holder: string): RealDoc {
  const { rng, home } = c;
  const b = bankByName(bankName, rng);
  const layout = rng.pick(['identity-below', 'identity-below', 'spread-beside'] as const);
  const product = rng.pick(b.products);
  const pre = rng.pick(SANS);
  const printer = rng.chance(0.7) ? rng.pick(MONO) : rng.pick(SANS);
  const size = jitter(rng, 7.2, 0.08);
  const grouped = rng.chance(0.55);
  const opened = addDays('2010-01-01', rng.int(0, 14 * 365));
  const cif = String(rng.int(10_000_000, 99_999_999));
  const branch = rng.pick(['KC JAMBI', 'KCP JAMBI SIPIN', 'KC JAMBI THEHOK', 'KCP MUARA BULIAN', 'UNIT KOTA BARU', 'KCP SENGETI', 'KC JAMBI PASAR']);
  const labels: [string, string][] = [
    [rng.pick(['Nama', 'Nama Nasabah', 'Atas Nama', 'Nama']), holder],
    [rng.pick(['No. Rekening', 'Nomor Rekening', 'No. Rek', 'Rekening']), grouped ? b.group(account) : account],
    [rng.pick(['No. CIF', 'CIF', 'No. Nasabah']), cif],
    ['Alamat', `${home.address.street} ${home.address.kelurahan}`],
    [rng.pick(['Kantor Cabang', 'Cabang', 'Unit Kerja']), branch],
    [rng.pick(['Tgl. Pembukaan', 'Tanggal Pembukaan', 'Tgl Buka']), writeDate(opened, rng.pick(['dd-mm-yyyy', 'dd/mm/yyyy', 'dd MMM yyyy upper']))],
  ];
  const colon = rng.pick(['column', 'column', 'tight'] as const);
  const rows = transactions(rng, opened, rng.int(3, 9));
  const head = rng.pick([
    ['TGL', 'SANDI', 'DEBET', 'KREDIT', 'SALDO', 'PENGESAHAN'],
    ['TANGGAL', 'SANDI', 'MUTASI DEBET', 'MUTASI KREDIT', 'SALDO', 'PARAF'],
    ['TGL', 'KODE', 'DEBET', 'KREDIT', 'SALDO', 'PENGESAHAN'],
  ]);
  const truth: Record<string, FieldValue> = { nama_bank: b.name, nomor_rekening: account, nama_pemilik: holder };
  const size2: readonly [number, number] = layout === 'spread-beside' ? [190, 125] : [105, 148];
  const drawTable = (k: Kit, x: number, y: number, w: number, maxRows: number): void => {
    const widths = [0.15, 0.1, 0.2, 0.2, 0.22, 0.13].map((f) => f * w);
    const st: TextStyle = { size: size * 0.78, font: printer };
    const hst: TextStyle = { size: size * 0.7, font: pre, bold: true, color: b.colour };
    let at = x;
    head.forEach((h, i) => {
      k.fitted(h, at + 0.8, y, (widths[i] as number) - 1.2, hst);
      at += widths[i] as number;
    });
    k.line(x, y + 1.2, x + w, y + 1.2, 0.3, b.colour);
    rows.slice(0, maxRows).forEach((r, j) => {
      const ry = y + 5 + j * 4.2;
      const cells = [
        writeDate(r.date, 'dd/mm/yy'),
        r.code,
        r.debit ? `${thousands(r.debit)},00` : '',
        r.credit ? `${thousands(r.credit)},00` : '',
        `${thousands(r.saldo)},00`,
        r.teller,
      ];
      let cx = x;
      cells.forEach((cell, i) => {
        const cw = widths[i] as number;
        if (i >= 2 && i <= 4) k.fitted(cell, cx + cw - 0.8, ry, cw - 1.2, { ...st, align: 'right' });
        else k.fitted(cell, cx + 0.8, ry, cw - 1.2, st);
        cx += cw;
      });
      k.line(x, ry + 1.4, x + w, ry + 1.4, 0.08, '#9ab');
    });
  };
  const drawIdentity = (k: Kit, x: number, y: number, w: number): number => {
    const st: TextStyle = { size: size * 0.92, font: pre, color: '#333' };
    const val: TextStyle = { size, font: printer, bold: printer.includes('Mono') };
    // The printer's data never sits quite where the pre-printed labels expect it.
    const dx = (k.rng.next() - 0.3) * 2.5;
    const dy = (k.rng.next() - 0.5) * 1.2;
    let ry = y;
    for (const [label, value] of labels) {
      const end = k.text(label, x, ry, st);
      const colonX = colon === 'column' ? x + 27 : end + 0.4;
      k.text(':', colonX, ry, st);
      k.fitted(value, Math.max(x + 29, colonX + 2) + dx, ry + dy, w - 30, val);
      ry += size * 0.3528 * 1.9;
    }
    return ry;
  };
  return makeDoc(
    c,
    { type: 'buku_tabungan', variant: `buku_tabungan/${b.logo.toLowerCase()}-${layout}`, kind: 'passbook', size: size2, truth, paper: '#fbfaf3' },
    [
      (k) => {
        if (layout === 'spread-beside') {
          const y = header(k, b, 6, 12, 86, pre, product);
          drawIdentity(k, 6, y + 4, 86);
          k.line(95, 0, 95, 125, 0.4, '#bbb');
          drawTable(k, 99, 12, 86, 20);
        } else {
          const y = header(k, b, 6, 12, 93, pre, product);
          const end = drawIdentity(k, 6, y + 4, 93);
          drawTable(k, 6, end + 6, 93, Math.max(2, Math.floor((140 - end - 10) / 4.2)));
        }
      },
    ],
  );
}
