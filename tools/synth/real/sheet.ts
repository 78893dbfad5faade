// One page as it reaches the branch: a sheet of paper (or a phone screen) with one or more documents on
// it. Cards are pasted at their real size (85.6 × 54 mm) and often a little turned, letters may be
// reduced onto half the sheet, a photocopy turns everything grey, and a "FOTOKOPI SESUAI DENGAN
// ASLINYA" stamp is pressed on now and then. Each document's region is returned in fractions of the
// page, so it holds at whatever resolution the page is later rendered.
import { createCanvas } from '@napi-rs/canvas';
import type { DocumentType, FieldValue } from '../../../src/shared/domain/documents';
import type { Rng } from '../random';
import { Kit, PT, type TextStyle } from './kit';
import { signature } from './marks';

/** What kind of object the document is: how it looks when it lies on a copier's glass. */
export type DocKind = 'card' | 'paper' | 'passbook' | 'screen';

/** One document drawn in its own millimetres: content, truth, and a draw function per page. */
export interface RealDoc {
  type: DocumentType;
  /** Which format variant was drawn (e.g. "kartu_peserta/jmo"), for the docs and for debugging. */
  variant: string;
  kind: DocKind;
  /** Each page's size in mm. */
  size: readonly [number, number];
  /** The contract's normalised values for what is printed (docs/contract.md §2). */
  truth: Record<string, FieldValue>;
  pages: ((k: Kit) => void)[];
  /** Colour of the card, passbook page or paper. */
  paper: string;
  /** Keys a person fills in by hand on this form (when the dossier's forms are filled by hand). */
  fillable?: readonly string[];
  /** Keys written by hand on this copy. */
  hand: Set<string>;
  /** The document's own random stream for drawing details. */
  rng: Rng;
}

export interface Placement {
  doc: RealDoc;
  /** 0-based page of the document. */
  page: number;
  /** Top left of the document's (unturned) box on the sheet, in mm. */
  x: number;
  y: number;
  /** 1 = real size; 0.707 = A4 reduced to A5 on the copier. */
  scale: number;
  /** Turn in degrees, about the box's centre. */
  angle: number;
}

export interface CopyStamp {
  x: number;
  y: number;
  angle: number;
  lines: string[];
  color: string;
  /** A date and a signature written into the stamp. */
  date: string;
}

export interface Sheet {
  /** Paper (or screen) size in mm. */
  size: readonly [number, number];
  dpi: number;
  tint: string;
  /** A photocopy: grey, with the contrast a copier gives. */
  copy: boolean;
  items: Placement[];
  stamps: CopyStamp[];
}

/** [x0, y0, x1, y1] in fractions (0–1) of the page's width and height. */
export type FractionBox = [number, number, number, number];

export interface RenderedSheet {
  png: Buffer;
  width: number;
  height: number;
  regions: Map<Placement, FractionBox>;
}

export const A4: readonly [number, number] = [210, 297];
export const A4_LANDSCAPE: readonly [number, number] = [297, 210];
export const CARD: readonly [number, number] = [85.6, 54];

const round4 = (v: number): number => Math.round(Math.min(1, Math.max(0, v)) * 10000) / 10000;

/** The placement's box corners on the sheet (mm), turned as drawn. */
function corners(p: Placement): [number, number][] {
  const [w, h] = [p.doc.size[0] * p.scale, p.doc.size[1] * p.scale];
  const cx = p.x + w / 2;
  const cy = p.y + h / 2;
  const a = (p.angle * Math.PI) / 180;
  return [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ].map(([dx, dy]) => [cx + (dx as number) * Math.cos(a) - (dy as number) * Math.sin(a), cy + (dx as number) * Math.sin(a) + (dy as number) * Math.cos(a)]);
}

export function regionOf(p: Placement, size: readonly [number, number]): FractionBox {
  const pts = corners(p);
  const xs = pts.map(([x]) => x);
  const ys = pts.map(([, y]) => y);
  return [round4(Math.min(...xs) / size[0]), round4(Math.min(...ys) / size[1]), round4(Math.max(...xs) / size[0]), round4(Math.max(...ys) / size[1])];
}

function drawItem(kit: Kit, p: Placement): void {
  const c = kit.ctx;
  const [w, h] = p.doc.size;
  c.save();
  c.translate(p.x + (w * p.scale) / 2, p.y + (h * p.scale) / 2);
  c.rotate((p.angle * Math.PI) / 180);
  c.scale(p.scale, p.scale);
  c.translate(-w / 2, -h / 2);
  const radius = p.doc.kind === 'card' ? 3.2 : 0;
  if (p.doc.kind === 'card' || p.doc.kind === 'passbook') {
    // A card or a passbook on the glass: its edge throws a soft grey shadow on one side.
    c.save();
    c.fillStyle = 'rgba(60,60,60,0.35)';
    c.beginPath();
    c.roundRect(0.5, 0.7, w, h, radius);
    c.fill();
    c.restore();
  }
  c.beginPath();
  c.roundRect(0, 0, w, h, radius);
  c.fillStyle = p.doc.paper;
  c.fill();
  c.save();
  c.clip();
  const page = p.doc.pages[p.page];
  if (!page) throw new Error(`${p.doc.variant} has no page ${p.page + 1}`);
  page(kit);
  c.restore();
  if (p.doc.kind === 'card' || p.doc.kind === 'passbook') {
    c.beginPath();
    c.roundRect(0, 0, w, h, radius);
    c.strokeStyle = '#5a5a5a';
    c.lineWidth = 0.3;
    c.stroke();
  }
  c.restore();
}

function drawStamp(kit: Kit, s: CopyStamp): void {
  const c = kit.ctx;
  const st: TextStyle = { size: 7.5, font: 'Liberation Sans', bold: true, color: s.color };
  const w = Math.max(...s.lines.map((l) => kit.width(l, st))) + 8;
  const lineH = st.size * PT * 1.35;
  const h = lineH * (s.lines.length + 1.6) + 3;
  c.save();
  c.globalAlpha = 0.75;
  c.translate(s.x, s.y);
  c.rotate((s.angle * Math.PI) / 180);
  kit.rect(0, 0, w, h, { stroke: s.color, width: 0.6 });
  kit.rect(1, 1, w - 2, h - 2, { stroke: s.color, width: 0.25 });
  s.lines.forEach((l, i) => kit.text(l, w / 2, 2 + lineH * (i + 1), { ...st, align: 'center' }));
  const y = 2 + lineH * (s.lines.length + 1);
  kit.text('Tgl.', 3, y, { ...st, bold: false, size: 6.5 });
  kit.hand(s.date, 10, y, 9, s.color);
  signature(kit, w * 0.55, y - lineH * 1.2, w * 0.35, lineH * 1.5, '#1c2f86');
  c.restore();
}

/** Turns the sheet into a photocopy: grey, light greys washed out, darks deepened. */
function photocopy(data: Uint8ClampedArray, rng: Rng): void {
  const lift = 18 + rng.int(0, 20);
  const gain = 1.15 + rng.next() * 0.2;
  for (let i = 0; i < data.length; i += 4) {
    const v = 0.3 * (data[i] as number) + 0.59 * (data[i + 1] as number) + 0.11 * (data[i + 2] as number);
    const out = Math.max(0, Math.min(255, 255 - (255 - v - lift) * gain));
    data[i] = data[i + 1] = data[i + 2] = out;
  }
}

export function renderSheet(sheet: Sheet, rng: Rng): RenderedSheet {
  const pxPerMm = sheet.dpi / 25.4;
  const width = Math.round(sheet.size[0] * pxPerMm);
  const height = Math.round(sheet.size[1] * pxPerMm);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = sheet.tint;
  ctx.fillRect(0, 0, width, height);
  ctx.scale(pxPerMm, pxPerMm);
  const regions = new Map<Placement, FractionBox>();
  for (const p of sheet.items) {
    drawItem(new Kit(ctx, p.doc.rng), p);
    regions.set(p, regionOf(p, sheet.size));
  }
  const kit = new Kit(ctx, rng);
  for (const s of sheet.stamps) drawStamp(kit, s);
  if (sheet.copy) {
    // Pixels in, pixels out: napi-rs's putImageData applies the current transform, which the spec's does not.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const img = ctx.getImageData(0, 0, width, height);
    photocopy(img.data, rng);
    ctx.putImageData(img, 0, 0);
  }
  return { png: canvas.encodeSync('png'), width, height, regions };
}
