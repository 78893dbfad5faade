// The geometry between the page the officer sees and the image tesseract read: scale, then a quarter
// turn (orientation), then a crop to the inked part, then tesseract's own small deskew about the centre
// of what it read. Every box OCR returns is
// mapped back through the inverse, so it lands on the officer's page.
import type { BBox } from '../../shared/domain/documents';

export type QuarterTurn = 0 | 90 | 180 | 270;

/** A rectangle of the scaled, turned page: the part handed to tesseract. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageTransform {
  /** OCR-image pixels per page-image pixel. */
  scale: number;
  /** Clockwise turn applied before OCR. */
  rotate: QuarterTurn;
  /** Radians tesseract rotated the (scaled, turned) image by to deskew it; 0 when none. */
  deskewRadians: number;
  /** Size of the page image the officer sees. */
  pageWidth: number;
  pageHeight: number;
  /** Size of the page after scale and turn. */
  ocrWidth: number;
  ocrHeight: number;
  /** The part of it tesseract read; the whole of it when absent. */
  crop?: Crop;
}

type Point = [number, number];

/** A point in the OCR image back to the officer's page. */
export function toPagePoint(t: PageTransform, [x, y]: Point): Point {
  // Undo the deskew: tesseract turned the image it read about its centre by deskewRadians, keeping its
  // size. Then undo the crop.
  const crop = t.crop ?? { x: 0, y: 0, width: t.ocrWidth, height: t.ocrHeight };
  const cx = crop.width / 2;
  const cy = crop.height / 2;
  const phi = -t.deskewRadians;
  const dx = x - cx;
  const dy = y - cy;
  const ux = crop.x + cx + dx * Math.cos(phi) - dy * Math.sin(phi);
  const uy = crop.y + cy + dx * Math.sin(phi) + dy * Math.cos(phi);
  // Undo the quarter turn (sizes before the turn: sw × sh).
  const sw = t.rotate === 90 || t.rotate === 270 ? t.ocrHeight : t.ocrWidth;
  const sh = t.rotate === 90 || t.rotate === 270 ? t.ocrWidth : t.ocrHeight;
  let px: number;
  let py: number;
  if (t.rotate === 90) [px, py] = [uy, sh - ux];
  else if (t.rotate === 180) [px, py] = [sw - ux, sh - uy];
  else if (t.rotate === 270) [px, py] = [sw - uy, ux];
  else [px, py] = [ux, uy];
  return [px / t.scale, py / t.scale];
}

/** A box in the OCR image back to the officer's page: the envelope of its four mapped corners. */
export function toPageBox(t: PageTransform, [x0, y0, x1, y1]: BBox): BBox {
  const corners = (
    [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ] as Point[]
  ).map((p) => toPagePoint(t, p));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const clampX = (v: number): number => Math.min(t.pageWidth, Math.max(0, Math.round(v)));
  const clampY = (v: number): number => Math.min(t.pageHeight, Math.max(0, Math.round(v)));
  return [clampX(Math.min(...xs)), clampY(Math.min(...ys)), clampX(Math.max(...xs)), clampY(Math.max(...ys))];
}
