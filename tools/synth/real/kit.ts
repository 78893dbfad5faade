// The drawing kit the real-format documents are drawn with: every length in millimetres and every font
// size in points, on a canvas already scaled to the page's resolution, so one layout serves any dpi and
// any placement on a page (pasted, reduced, turned a little). Signatures, stamps and stand-in emblems
// are in marks.ts.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { face, writeByHand } from '../fonts';
import { Rng } from '../random';

/** Millimetres per typographic point. */
export const PT = 25.4 / 72;

export const INK = '#161616';
export const BALLPOINT = ['#1c2f86', '#20232a', '#14307a'] as const;

export interface TextStyle {
  /** Size in points. */
  size: number;
  font: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Extra space between letters, in mm (letterhead titles, spaced labels). */
  spacing?: number;
}

/** How a label row is printed: the colon in a column after the labels, right after the label, with a
 * space before it, or no colon at all. */
export type ColonStyle = 'column' | 'tight' | 'spaced' | 'none';

export interface RowStyle extends TextStyle {
  /** Where values start, from the row's x (mm). */
  labelWidth: number;
  colon: ColonStyle;
  /** The value's own style (a bold or larger value, another font); defaults to the label's. */
  value?: Partial<TextStyle>;
}

export class Kit {
  constructor(
    readonly ctx: SKRSContext2D,
    /** The document's own random stream: drawing details (signatures, QR modules) never touch the dossier's. */
    readonly rng: Rng,
  ) {
    ctx.textBaseline = 'alphabetic';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }

  /** Sets the canvas font to the style (size in points, in the document's millimetres). */
  setFont(st: TextStyle): void {
    this.ctx.font = `${st.italic ? 'italic ' : ''}${st.bold ? 'bold ' : ''}${(st.size * PT).toFixed(3)}px "${face(st.font)}"`;
  }

  width(s: string, st: TextStyle): number {
    this.setFont(st);
    return this.ctx.measureText(s).width + (st.spacing ?? 0) * Math.max(0, [...s].length - 1);
  }

  /** Draws `s` with its baseline at y; x is its left, centre or right by `align`. Returns its right end. */
  text(s: string, x: number, y: number, st: TextStyle): number {
    const w = this.width(s, st);
    const left = st.align === 'center' ? x - w / 2 : st.align === 'right' ? x - w : x;
    this.setFont(st);
    this.ctx.fillStyle = st.color ?? INK;
    if (!st.spacing) this.ctx.fillText(s, left, y);
    else {
      let at = left;
      for (const ch of s) {
        this.ctx.fillText(ch, at, y);
        at += this.ctx.measureText(ch).width + st.spacing;
      }
    }
    return left + w;
  }

  /** Text shrunk (never below 60 %) to fit `maxWidth`, as forms squeeze a long name into its cell. */
  fitted(s: string, x: number, y: number, maxWidth: number, st: TextStyle): number {
    const w = this.width(s, st);
    const size = w > maxWidth ? Math.max(st.size * 0.6, (st.size * maxWidth) / w) : st.size;
    return this.text(s, x, y, { ...st, size });
  }

  wrap(s: string, maxWidth: number, st: TextStyle): string[] {
    const lines: string[] = [];
    let cur = '';
    for (const word of s.split(/\s+/).filter(Boolean)) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && this.width(next, st) > maxWidth) {
        lines.push(cur);
        cur = word;
      } else cur = next;
    }
    if (cur) lines.push(cur);
    return lines;
  }

  /** A paragraph from baseline y; `justify` spreads full lines to the width as typed letters do.
   * Returns the baseline after its last line. */
  para(s: string, x: number, y: number, maxWidth: number, st: TextStyle, leading = 1.45, justify = false): number {
    const lines = this.wrap(s, maxWidth, st);
    const step = st.size * PT * leading;
    lines.forEach((line, i) => {
      const words = line.split(' ');
      if (justify && i < lines.length - 1 && words.length > 1) {
        const gap = (maxWidth - words.reduce((a, w) => a + this.width(w, st), 0)) / (words.length - 1);
        let at = x;
        for (const w of words) at = this.text(w, at, y + i * step, { ...st, align: 'left' }) + gap;
      } else this.text(line, st.align === 'center' ? x + maxWidth / 2 : st.align === 'right' ? x + maxWidth : x, y + i * step, st);
    });
    return y + lines.length * step;
  }

  /** One "label : value" row. Returns where the value ends. */
  row(label: string, value: string, x: number, y: number, st: RowStyle, hand = false): number {
    const labelEnd = this.text(label, x, y, { ...st, align: 'left' });
    const colonGap = st.size * PT * 0.35;
    let valueX = x + st.labelWidth;
    if (st.colon === 'column') {
      // A label longer than the column pushes its colon (and the value) right instead of running into it.
      const colonX = Math.max(x + st.labelWidth - colonGap * 2.2, labelEnd + colonGap);
      const end = this.text(':', colonX, y, { ...st, align: 'left' });
      valueX = Math.max(valueX, end + colonGap * 2);
    } else if (st.colon === 'tight') {
      const end = this.text(':', labelEnd + 0.2, y, { ...st, align: 'left' });
      valueX = Math.max(valueX, end + colonGap * 2);
    } else if (st.colon === 'spaced') {
      const end = this.text(':', labelEnd + colonGap * 1.5, y, { ...st, align: 'left' });
      valueX = Math.max(valueX, end + colonGap * 2);
    } else valueX = Math.max(valueX, labelEnd + colonGap * 3);
    if (hand) return this.hand(value, valueX, y, st.size * 1.35);
    return this.text(value, valueX, y, { ...st, ...st.value, align: 'left' });
  }

  line(x0: number, y0: number, x1: number, y1: number, width = 0.25, color = INK): void {
    const c = this.ctx;
    c.strokeStyle = color;
    c.lineWidth = width;
    c.beginPath();
    c.moveTo(x0, y0);
    c.lineTo(x1, y1);
    c.stroke();
  }

  /** A printed dotted line where a value is to be written ("Nama : ..............."). */
  dots(x0: number, x1: number, y: number, st: TextStyle): void {
    const dot = this.width('.', st);
    const n = Math.max(0, Math.floor((x1 - x0) / dot));
    this.text('.'.repeat(n), x0, y, { ...st, align: 'left' });
  }

  rect(x: number, y: number, w: number, h: number, o: { stroke?: string; fill?: string; width?: number; radius?: number } = {}): void {
    const c = this.ctx;
    c.beginPath();
    if (o.radius) c.roundRect(x, y, w, h, o.radius);
    else c.rect(x, y, w, h);
    if (o.fill) {
      c.fillStyle = o.fill;
      c.fill();
    }
    if (o.stroke !== undefined || !o.fill) {
      c.strokeStyle = o.stroke ?? INK;
      c.lineWidth = o.width ?? 0.25;
      c.stroke();
    }
  }

  /** A table's grid: column edges xs (n + 1 of them) by row edges ys. */
  grid(xs: readonly number[], ys: readonly number[], width = 0.2): void {
    const [x0, x1] = [xs[0] ?? 0, xs[xs.length - 1] ?? 0];
    const [y0, y1] = [ys[0] ?? 0, ys[ys.length - 1] ?? 0];
    for (const y of ys) this.line(x0, y, x1, y, width);
    for (const x of xs) this.line(x, y0, x, y1, width);
  }

  /** Written by hand in ballpoint: letters a little uneven in size, tilt and height. Returns the end x. */
  hand(s: string, x: number, y: number, size: number, color?: string): number {
    return writeByHand(
      this.ctx,
      s,
      x,
      y,
      { size: size * PT, grow: 0.25, rise: 0.18, tilt: 0.2, gap: 0.06, wholePixels: false, inks: [BALLPOINT[0], BALLPOINT[1]] },
      color,
    );
  }

  /** Digits in a row of boxes, one per box, as KPJ and NIK are asked for on BPJS forms. */
  digitBoxes(digits: string, count: number, x: number, y: number, cell: number, st: TextStyle, hand = false): number {
    for (let i = 0; i < count; i++) {
      const bx = x + i * cell;
      this.rect(bx, y - cell * 0.8, cell, cell, { width: 0.2 });
      const d = digits[i];
      if (!d) continue;
      if (hand) this.hand(d, bx + cell * 0.22, y - cell * 0.05, st.size * 1.3);
      else this.text(d, bx + cell / 2, y - cell * 0.12, { ...st, align: 'center' });
    }
    return x + count * cell;
  }

  /** A check box; a printed cross or a ballpoint tick when marked. */
  checkbox(x: number, y: number, side: number, mark: 'x' | 'tick' | null): void {
    this.rect(x, y, side, side, { width: 0.25 });
    if (!mark) return;
    const c = this.ctx;
    c.save();
    if (mark === 'x') {
      const k = side * 0.2;
      this.line(x + k, y + k, x + side - k, y + side - k, side * 0.13);
      this.line(x + side - k, y + k, x + k, y + side - k, side * 0.13);
    } else {
      const j = this.rng;
      c.strokeStyle = BALLPOINT[0];
      c.lineWidth = side * 0.16;
      c.beginPath();
      c.moveTo(x + side * (0.12 + 0.1 * j.next()), y + side * (0.45 + 0.1 * j.next()));
      c.lineTo(x + side * (0.4 + 0.08 * j.next()), y + side * (0.85 + 0.05 * j.next()));
      c.lineTo(x + side * (1.05 + 0.25 * j.next()), y - side * (0.15 + 0.2 * j.next()));
      c.stroke();
    }
    c.restore();
  }
}

/** A fresh stream for one document, taken from the dossier's with a single draw. */
export const childRng = (rng: Rng): Rng => new Rng(rng.int(1, 2 ** 31 - 2));
