// Pieces of an Indonesian official letter: the letterhead (kop surat: the body's emblem or logo, its
// hierarchy in capitals, address and telephone, a double rule), the underlined title with its number,
// label rows and sentences that flow down the page, and signature blocks ("Jambi, 4 Oktober 2026", the
// office, a signature, the name underlined, NIP).
import type { Rng } from '../random';
import { OFFICE } from './context';
import type { Address } from './household';
import { BALLPOINT, type ColonStyle, type Kit, PT, type TextStyle } from './kit';
import { emblem, roundStamp, signature } from './marks';
import { mixedCase, writeDate } from './print';

export interface LetterStyle {
  font: string;
  size: number;
  margin: number;
  labelWidth: number;
  colon: ColonStyle;
  /** Lines between rows, in units of the font size. */
  leading: number;
  justify: boolean;
}

export function letterStyle(rng: Rng, o: Partial<LetterStyle> = {}): LetterStyle {
  return {
    font: rng.pick(OFFICE),
    size: 10.5 + rng.int(0, 3) * 0.5,
    margin: rng.int(20, 27),
    labelWidth: rng.int(38, 52),
    colon: rng.pick(['column', 'column', 'column', 'tight', 'spaced', 'none']),
    leading: 1.45 + rng.next() * 0.25,
    justify: rng.chance(0.5),
    ...o,
  };
}

/** A vertical flow down one page: each call prints and moves the cursor. */
export class Flow {
  y: number;
  constructor(
    readonly k: Kit,
    readonly s: LetterStyle,
    readonly width = 210,
    top = 20,
  ) {
    this.y = top;
  }

  get st(): TextStyle {
    return { size: this.s.size, font: this.s.font };
  }
  get line(): number {
    return this.s.size * PT * this.s.leading;
  }
  get left(): number {
    return this.s.margin;
  }
  get right(): number {
    return this.width - this.s.margin;
  }

  gap(lines = 1): this {
    this.y += this.line * lines;
    return this;
  }

  /** A sentence or paragraph from the left margin (or `indent` in from it). */
  para(text: string, indent = 0, st: Partial<TextStyle> = {}): this {
    this.y = this.k.para(text, this.left + indent, this.y, this.right - this.left - indent, { ...this.st, ...st }, this.s.leading, this.s.justify);
    return this;
  }

  center(text: string, st: Partial<TextStyle> = {}, underline = false): this {
    const s = { ...this.st, ...st, align: 'center' as const };
    const end = this.k.text(text, this.width / 2, this.y, s);
    if (underline) {
      const w = end - (this.width / 2 - (end - this.width / 2));
      this.k.line(this.width / 2 - w / 2, this.y + 0.8, this.width / 2 + w / 2, this.y + 0.8, 0.3);
    }
    this.y += this.s.size * PT * 1.6 * ((st.size ?? this.s.size) / this.s.size);
    return this;
  }

  /** "Label : value" at `indent` from the margin; long values wrap under themselves. */
  row(label: string, value: string, indent = 0, hand = false, st: Partial<TextStyle> = {}): this {
    const x = this.left + indent;
    const rs = { ...this.st, ...st, labelWidth: this.s.labelWidth, colon: this.s.colon };
    if (hand) {
      this.k.row(label, value, x, this.y, rs, true);
      this.y += this.line * 1.1;
      return this;
    }
    const valueX = x + this.s.labelWidth;
    const lines = this.k.wrap(value, this.right - valueX, { ...this.st, ...st });
    this.k.row(label, lines[0] ?? '', x, this.y, rs);
    for (const l of lines.slice(1)) {
      this.y += this.line;
      this.k.text(l, valueX, this.y, { ...this.st, ...st });
    }
    this.y += this.line;
    return this;
  }

  /** A numbered row as forms print them: "3.  Nama Tenaga Kerja  : ...". */
  numbered(n: string, label: string, value: string, hand = false): this {
    this.k.text(n, this.left, this.y, this.st);
    return this.row(label, value, 7, hand);
  }
}

export interface Kop {
  lines: string[];
  address: string;
  /** The emblem of a government office, or a logo box with initials for hospitals and companies. */
  mark: 'emblem' | { initials: string; colour: string };
}

/** The letterhead; returns the y under its double rule. */
export function letterhead(k: Kit, kop: Kop, font: string, width = 210, top = 12): number {
  const cx = width / 2 + 8;
  const sizes = kop.lines.map((_, i) => (i === kop.lines.length - 1 ? 14 : 11.5));
  let y = top + 5;
  kop.lines.forEach((l, i) => {
    k.fitted(l, cx, y, width - 70, { size: sizes[i] as number, font, bold: true, align: 'center' });
    y += (sizes[i] as number) * PT * 1.35;
  });
  k.fitted(kop.address, cx, y, width - 60, { size: 8.5, font, italic: true, align: 'center' });
  const markY = top + (y - top) / 2;
  if (kop.mark === 'emblem') emblem(k, 28, markY, 20);
  else {
    k.rect(18, markY - 10, 20, 20, { fill: kop.mark.colour, radius: 3 });
    k.text(kop.mark.initials, 28, markY + 2.5, { size: 13, font: 'Liberation Sans', bold: true, color: '#ffffff', align: 'center' });
  }
  y += 3;
  k.line(15, y, width - 15, y, 0.9);
  k.line(15, y + 1.2, width - 15, y + 1.2, 0.3);
  return y + 9;
}

export interface Signer {
  /** Lines above the signature: "Jambi, 4 Oktober 2026", "Kepala Desa Sukamaju,". */
  above: string[];
  name: string;
  nip?: string;
  /** Another identifying line under the name, printed as is ("SIP. 503/…" for a doctor). */
  id?: string;
  /** Press the office's round stamp over the signature. */
  stamp?: string;
}

/** A signature block centred on x; returns the y under it. */
export function signBlock(k: Kit, x: number, y: number, s: Signer, st: TextStyle): number {
  const lh = st.size * PT * 1.45;
  s.above.forEach((l, i) => k.text(l, x, y + i * lh, { ...st, align: 'center' }));
  const sy = y + s.above.length * lh;
  signature(k, x - 14, sy - 1, 26, 11, BALLPOINT[k.rng.int(0, 2)]);
  if (s.stamp) roundStamp(k, x - 13, sy + 5, 10, s.stamp);
  const ny = sy + 15;
  const end = k.text(s.name, x, ny, { ...st, bold: true, align: 'center' });
  const w = (end - x) * 2;
  k.line(x - w / 2, ny + 0.9, x + w / 2, ny + 0.9, 0.25);
  const under = s.nip ? `NIP. ${s.nip}` : s.id;
  if (under) k.text(under, x, ny + lh, { ...st, align: 'center' });
  return ny + lh * (under ? 2 : 1);
}

/** A Dukcapil deed extract's heading: the emblem, REPUBLIK INDONESIA, PENCATATAN SIPIL, the holder's
 * citizenship when the deed prints it, the title and the number. */
export function deedHeading(k: Kit, f: Flow, title: string, nomor: string, citizenship?: string): void {
  emblem(k, 105, f.y + 6, 22);
  f.y += 22;
  f.center('REPUBLIK INDONESIA', { bold: true, size: f.s.size + 1 });
  f.center('PENCATATAN SIPIL', { bold: true });
  if (citizenship) f.center(citizenship, { size: f.s.size - 1 });
  f.gap(0.6);
  f.center(title, { bold: true, size: f.s.size + 4, spacing: 0.3 });
  f.center(`No. ${nomor}`, { bold: true });
  f.gap(1.2);
}

/** "Kutipan ini dikeluarkan di …, pada tanggal …" and the signature block of the Dukcapil head. */
export function deedSignature(k: Kit, f: Flow, a: Address, issued: string, official: string, nip: string): void {
  k.text(`Kutipan ini dikeluarkan di ${mixedCase(a.town)}, pada tanggal ${writeDate(issued, 'd bulan yyyy')}`, f.right, f.y, { ...f.st, align: 'right' });
  f.gap(1.5);
  const lines = k.wrap(`KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL ${a.kabupaten}`, 85, f.st);
  signBlock(k, 150, f.y, { above: lines, name: official, nip, stamp: `DINAS DUKCAPIL ${a.kabupaten.replace(/^KABUPATEN /, '')} ` }, f.st);
}
