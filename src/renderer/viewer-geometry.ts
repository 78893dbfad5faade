// The page viewer's arithmetic: how large a page is drawn for a zoom, how a quarter turn places it, and
// how a point or box moves between the page's pixels and the turned, scaled stage the officer sees.
import type { BBox } from '../shared/domain/documents';

export type QuarterTurn = 0 | 90 | 180 | 270;
/** Fit the width (times a factor the officer stepped to) or the whole page. */
export type Zoom = { fit: 'width'; factor: number } | { fit: 'page' };
export interface Size {
  width: number;
  height: number;
}

/** Zoom steps, as factors of the fitted width. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8] as const;

const sideways = (r: QuarterTurn): boolean => r === 90 || r === 270;

/** The stage's size: the page's, turned, at `scale` screen pixels per page pixel. */
export function rotatedSize(page: Size, rotation: QuarterTurn, scale: number): Size {
  return sideways(rotation) ? { width: page.height * scale, height: page.width * scale } : { width: page.width * scale, height: page.height * scale };
}

/** Screen pixels per page pixel for a zoom in an area (the scrolling area's inner size). */
export function fitScale(zoom: Zoom, page: Size, rotation: QuarterTurn, area: Size): number {
  const turned = rotatedSize(page, rotation, 1);
  const width = area.width / turned.width;
  if (zoom.fit === 'page') return Math.min(width, area.height / turned.height);
  return width * zoom.factor;
}

/** One zoom step in (`+1`) or out (`-1`) from the scale shown now, as a factor of the fitted width. */
export function nextZoom(_zoom: Zoom, direction: 1 | -1, scale: number, page: Size, rotation: QuarterTurn, area: Size): Zoom {
  const now = scale / fitScale({ fit: 'width', factor: 1 }, page, rotation, area);
  const eps = 0.01;
  const up = ZOOM_STEPS.find((s) => s > now + eps) ?? 8;
  const down = [...ZOOM_STEPS].reverse().find((s) => s < now - eps) ?? 0.25;
  const step = direction > 0 ? up : down;
  return { fit: 'width', factor: step };
}

/**
 * The CSS transform that turns the unturned page (drawn at `scale`, origin top left) into the stage:
 * a quarter turn clockwise, then moved back into the stage's box.
 */
export function stageTransform(page: Size, rotation: QuarterTurn, scale: number): string | undefined {
  const w = page.width * scale;
  const h = page.height * scale;
  switch (rotation) {
    case 90:
      return `translate(${h}px, 0) rotate(90deg)`;
    case 180:
      return `translate(${w}px, ${h}px) rotate(180deg)`;
    case 270:
      return `translate(0, ${w}px) rotate(270deg)`;
    default:
      return undefined;
  }
}

/** A point of the page (its pixels) on the stage (screen pixels from the stage's top left). */
export function pointToStage(x: number, y: number, page: Size, rotation: QuarterTurn, scale: number): [number, number] {
  const { width: W, height: H } = page;
  const [sx, sy] = rotation === 90 ? [H - y, x] : rotation === 180 ? [W - x, H - y] : rotation === 270 ? [y, W - x] : [x, y];
  return [sx * scale, sy * scale];
}

/** A point of the stage back in the page's pixels. */
export function stageToPage(sx: number, sy: number, page: Size, rotation: QuarterTurn, scale: number): [number, number] {
  const { width: W, height: H } = page;
  const x = sx / scale;
  const y = sy / scale;
  return rotation === 90 ? [y, H - x] : rotation === 180 ? [W - x, H - y] : rotation === 270 ? [W - y, x] : [x, y];
}

/** A box of the page as the rectangle it covers on the stage. */
export function pageToStage(b: BBox, page: Size, rotation: QuarterTurn, scale: number): { left: number; top: number; right: number; bottom: number } {
  const [ax, ay] = pointToStage(b[0], b[1], page, rotation, scale);
  const [bx, by] = pointToStage(b[2], b[3], page, rotation, scale);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), right: Math.max(ax, bx), bottom: Math.max(ay, by) };
}
