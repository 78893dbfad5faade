// Lays a DocSpec out as page images in one office's style (fonts, label layout, two columns, value on
// the next line, missing colons), with @napi-rs/canvas. Returns one PNG per page.
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { handJitter, systemFonts, writeByHand, type HandStyle } from './fonts';
import type { Rng } from './random';
import type { Block, DocSpec, PageSize } from './spec';

export type FieldLayout = 'colon' | 'inline' | 'nocolon' | 'below' | 'twocol';

export interface OfficeStyle {
  font: string;
  fontSize: number;
  layout: FieldLayout;
  labelWidth: number;
  /** Card documents pasted on an A4 photocopy, as most dossiers carry them. */
  cardOnA4: boolean;
  tint: string;
  /** Tables drawn with a full cell grid, as real Kartu Keluarga print them, instead of header rules only. */
  tableGrid: boolean;
}

/** The office faces, in the order offices are drawn from them (the order keeps seeded styles stable). */
const OFFICE_FACES = ['DejaVu Sans', 'DejaVu Serif', 'Liberation Sans', 'Liberation Serif', 'Liberation Mono'] as const;

function ensureFonts(): string[] {
  const installed = systemFonts();
  const families = OFFICE_FACES.filter((f) => installed.has(f));
  return families.length ? families : ['sans-serif'];
}

export function randomStyle(rng: Rng): OfficeStyle {
  const fonts = ensureFonts();
  const font = rng.pick(fonts);
  const fontSize = rng.int(26, 32);
  const layout = rng.pick(['colon', 'colon', 'inline', 'nocolon', 'below', 'twocol'] as const);
  const labelWidth = rng.int(300, 380);
  return {
    font,
    fontSize,
    layout,
    labelWidth,
    cardOnA4: rng.chance(0.7),
    tint: rng.pick(['#ffffff', '#fbfaf4', '#f4f8fc', '#fdf6ee']),
    // Half the offices grid their tables. Taken from a draw already made (the label width's parity) so
    // the shared Rng is drawn exactly as before and every other seeded value stays the same.
    tableGrid: labelWidth % 2 === 1,
  };
}

const SIZES: Record<PageSize, [number, number]> = { card: [1300, 820], portrait: [1240, 1754], landscape: [1754, 1240] };

class Page {
  readonly canvas;
  readonly ctx: SKRSContext2D;
  y: number;
  constructor(
    readonly w: number,
    readonly h: number,
    readonly style: OfficeStyle,
    readonly margin: number,
  ) {
    this.canvas = createCanvas(w, h);
    this.ctx = this.canvas.getContext('2d');
    this.ctx.fillStyle = style.tint;
    this.ctx.fillRect(0, 0, w, h);
    this.ctx.fillStyle = '#111';
    this.ctx.textBaseline = 'top';
    this.y = margin;
  }
  font(scale = 1, bold = false): number {
    const px = Math.round(this.style.fontSize * scale);
    this.ctx.font = `${bold ? 'bold ' : ''}${px}px "${this.style.font}"`;
    return px;
  }
  text(s: string, x: number, scale = 1, bold = false): void {
    this.font(scale, bold);
    this.ctx.fillText(s, x, this.y);
  }
  /** Writes `s` by hand from `x` in ballpoint ink: letters a little larger than the print, each with
   * its own size, tilt and height above the line. Returns where the writing ends. */
  hand(s: string, x: number): number {
    const hand: HandStyle = { size: this.style.fontSize * 1.3, grow: 0.3, rise: 0.25, tilt: 0.24, gap: 0.08, wholePixels: true, inks: ['#1c2f86', '#262626'] };
    return writeByHand(this.ctx, s, x, this.y + this.style.fontSize * 0.95, hand);
  }
  /** A field's value, printed or handwritten; returns where it ends. */
  value(b: Extract<Block, { kind: 'field' }>, x: number): number {
    if (b.hand) return this.hand(b.value, x);
    this.text(b.value, x);
    return x + this.ctx.measureText(b.value).width;
  }
  advance(scale = 1): void {
    this.y += Math.round(this.style.fontSize * scale * 1.6);
  }
}

function wrap(page: Page, text: string, maxWidth: number): string[] {
  page.font();
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if (page.ctx.measureText(next).width > maxWidth && cur) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Draws one label/value row and returns the x where its text ends (two-column layouts need it). */
function drawField(page: Page, b: Extract<Block, { kind: 'field' }>, x: number, labelWidth: number, layout: FieldLayout, advance = true): number {
  const width = (t: string): number => {
    page.font();
    return page.ctx.measureText(t).width;
  };
  let end: number;
  if (layout === 'inline' || layout === 'nocolon') {
    const t = `${b.label}${layout === 'inline' ? ' :' : ''} `;
    if (b.hand) {
      page.text(t, x);
      end = page.value(b, x + width(t));
    } else {
      page.text(t + b.value, x);
      end = x + width(t + b.value);
    }
  } else if (layout === 'below') {
    page.text(b.label, x, 0.85);
    page.advance(0.75);
    end = page.value(b, x + 30);
  } else {
    const at = colonLayout(page, b, x, labelWidth);
    page.text(b.label, x);
    page.text(':', at.colonX);
    end = Math.max(at.end, page.value(b, at.valueX));
  }
  if (b.label2 !== undefined && b.value2 !== undefined) {
    // The second pair goes beside the first when it fits on the page, else on the line under it:
    // no form prints past its edge (and the ground truth must be on the page).
    const t2 = `${b.label2} : ${b.value2}`;
    const x2 = Math.max(Math.round(page.w * 0.6), end + 60);
    if (x2 + width(t2) <= page.w - page.margin) page.text(t2, x2);
    else {
      page.advance();
      page.text(t2, x);
    }
  }
  if (advance) page.advance();
  return end;
}

/** Where the colon and the value of a 'colon' layout row starting at `x` go, and where the row ends. */
function colonLayout(page: Page, b: { label: string; value: string }, x: number, labelWidth: number): { colonX: number; valueX: number; end: number } {
  page.font();
  // Long labels push the colon right instead of running into it.
  const colonX = Math.max(x + labelWidth, x + page.ctx.measureText(b.label).width + 14);
  const valueX = colonX + Math.round(page.style.fontSize * 0.8);
  return { colonX, valueX, end: valueX + page.ctx.measureText(b.value).width };
}

/** A list of options, each behind a box; the chosen one's box is crossed (print) or ticked (pen). */
function drawChoices(page: Page, b: Extract<Block, { kind: 'choices' }>, labelWidth: number): void {
  const ctx = page.ctx;
  const px = page.font();
  const side = Math.round(px * 0.8);
  const gap = Math.round(px * 0.45);
  const option = (text: string, x: number, chosen: boolean): number => {
    const top = page.y + Math.round(px * 0.05);
    ctx.save();
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 2;
    ctx.strokeRect(x, top, side, side);
    if (chosen) drawMark(ctx, b.mark, x, top, side, text);
    ctx.restore();
    page.text(text, x + side + gap);
    return x + side + gap + ctx.measureText(text).width;
  };
  page.text(b.label, page.margin);
  if (b.layout === 'column') {
    page.advance();
    b.options.forEach((o, i) => {
      option(o, page.margin + 40, i === b.chosen);
      page.advance();
    });
    return;
  }
  const { colonX, valueX: start } = colonLayout(page, { label: b.label, value: '' }, page.margin, labelWidth);
  page.text(':', colonX);
  let x = start;
  b.options.forEach((o, i) => {
    page.font();
    const need = side + gap + ctx.measureText(o).width;
    if (x > start && x + need > page.w - page.margin) {
      page.advance();
      x = start;
    }
    x = option(o, x, i === b.chosen) + Math.round(px * 1.4);
  });
  page.advance();
}

function drawMark(ctx: SKRSContext2D, mark: 'x' | 'tick', x: number, y: number, side: number, seed: string): void {
  ctx.lineCap = 'round';
  if (mark === 'x') {
    ctx.lineWidth = 3;
    const k = Math.round(side * 0.18);
    ctx.beginPath();
    ctx.moveTo(x + k, y + k);
    ctx.lineTo(x + side - k, y + side - k);
    ctx.moveTo(x + side - k, y + k);
    ctx.lineTo(x + k, y + side - k);
    ctx.stroke();
    return;
  }
  // A ballpoint tick: down into the box and up past its top right corner, never twice the same.
  const j = handJitter(seed);
  ctx.strokeStyle = j() > 0 ? '#1c2f86' : '#262626';
  ctx.lineWidth = 3.5;
  ctx.beginPath();
  ctx.moveTo(x + side * (0.15 + 0.1 * j()), y + side * (0.5 + 0.1 * j()));
  ctx.lineTo(x + side * (0.42 + 0.1 * j()), y + side * (0.85 + 0.05 * j()));
  ctx.lineTo(x + side * (1.1 + 0.2 * j()), y - side * (0.2 + 0.15 * j()));
  ctx.stroke();
}

function drawTable(page: Page, b: Extract<Block, { kind: 'table' }>): void {
  const total = b.widths.reduce((a, c) => a + c, 0);
  const scale = Math.min(1, (page.w - 2 * page.margin) / total);
  const xs: number[] = [];
  let acc = page.margin;
  for (const w of b.widths) {
    xs.push(acc);
    acc += w * scale;
  }
  const fontScale = Math.min(0.85, scale * 0.95);
  const rowH = Math.round(page.style.fontSize * fontScale * 1.9);
  const ctx = page.ctx;
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 2;
  // Header and closing rules always; offices with gridded tables also rule every row and column (the
  // OCR removes rules before reading, so a grid costs no text).
  const grid = page.style.tableGrid;
  const rule = (y: number): void => {
    ctx.beginPath();
    ctx.moveTo(page.margin, y);
    ctx.lineTo(acc, y);
    ctx.stroke();
  };
  const drawRow = (cells: string[], bold: boolean): void => {
    cells.forEach((cell, i) => page.text(cell, (xs[i] ?? 0) + 8, fontScale, bold));
    page.y += rowH;
  };
  const top = page.y - 10;
  rule(top);
  drawRow(b.columns, true);
  rule(page.y - 12);
  b.rows.forEach((r, i) => {
    drawRow(r, false);
    if (grid && i < b.rows.length - 1) rule(page.y - 10);
  });
  const bottom = page.y - 8;
  rule(bottom);
  if (grid) {
    for (const x of [...xs, acc]) {
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
    }
  }
  page.y += rowH / 2;
}

/** Render one document's pages. */
export async function renderSpec(spec: DocSpec, style: OfficeStyle): Promise<Buffer[]> {
  ensureFonts();
  const [w, h] = SIZES[spec.size];
  // Card print is denser than letters but still legible on a copy.
  if (spec.size === 'card') style = { ...style, fontSize: Math.max(style.fontSize, 30) };
  const margin = spec.size === 'card' ? 50 : 90;
  const pages: Page[] = [new Page(w, h, style, margin)];
  let page = pages[0] as Page;
  // Cards carry a photo on the right and have no room for two columns or values under labels.
  const layout: FieldLayout = spec.size === 'card' && (style.layout === 'twocol' || style.layout === 'below') ? 'colon' : style.layout;
  if (spec.size === 'card') {
    page.ctx.strokeStyle = '#888';
    page.ctx.strokeRect(w - 300, 200, 230, 300);
  }
  const labelWidth = spec.size === 'card' ? Math.min(style.labelWidth, 330) : style.labelWidth;
  let pendingLeft: Extract<Block, { kind: 'field' }> | null = null;
  for (const b of spec.blocks) {
    if (b.kind === 'field' && layout === 'twocol' && !b.label2) {
      // Pair fields side by side; each column keeps its own label/colon/value alignment.
      if (!pendingLeft) {
        pendingLeft = b;
        continue;
      }
      const leftEnd = drawField(page, pendingLeft, page.margin, 260, 'colon', false);
      const rightX = Math.max(Math.round(w / 2) + 20, leftEnd + 70);
      if (colonLayout(page, b, rightX, 240).end <= w - page.margin) drawField(page, b, rightX, 240, 'colon');
      else {
        // Too long to stand beside it: the pair is printed as two rows.
        page.advance();
        drawField(page, b, page.margin, 260, 'colon');
      }
      pendingLeft = null;
      continue;
    }
    if (pendingLeft) {
      drawField(page, pendingLeft, page.margin, 260, 'colon');
      pendingLeft = null;
    }
    switch (b.kind) {
      case 'title': {
        const px = page.font(b.size ?? 1.1, true);
        const tw = page.ctx.measureText(b.text).width;
        page.text(b.text, Math.max(page.margin, (w - tw) / 2), b.size ?? 1.1, true);
        page.y += Math.round(px * 1.5);
        break;
      }
      case 'section':
        page.text(b.text, page.margin, 1, true);
        page.advance();
        break;
      case 'text':
        for (const line of wrap(page, b.text, w - 2 * page.margin)) {
          page.font();
          const tw = page.ctx.measureText(line).width;
          const x = b.align === 'right' ? w - page.margin - tw : b.align === 'center' ? (w - tw) / 2 : page.margin;
          page.text(line, x);
          page.advance();
        }
        break;
      case 'field':
        drawField(page, b, page.margin, labelWidth, layout);
        break;
      case 'table':
        drawTable(page, b);
        break;
      case 'choices':
        drawChoices(page, b, labelWidth);
        break;
      case 'gap':
        page.advance(0.8);
        break;
      case 'pagebreak':
        page = new Page(w, h, style, margin);
        pages.push(page);
        break;
    }
  }
  if (pendingLeft) drawField(page, pendingLeft, page.margin, 260, 'colon');
  // Synchronous encoding, one page at a time: concurrent native encodes crashed the process now and then.
  return pages.map((p) => p.canvas.encodeSync('png'));
}

/** A card image pasted on an A4 photocopy page, as dossiers carry KTP, KPJ cards and NPWP. */
export async function onA4(card: Buffer, rng: Rng): Promise<Buffer> {
  const [w, h] = SIZES.portrait;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  const img = await loadImage(card);
  const scale = 0.85;
  ctx.drawImage(img, rng.int(60, 120), rng.int(80, 300), img.width * scale, img.height * scale);
  return canvas.encodeSync('png');
}
