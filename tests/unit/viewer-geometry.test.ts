import { describe, expect, it } from 'vitest';
import { fitScale, nextZoom, pageToStage, pointToStage, rotatedSize, stageToPage, type QuarterTurn } from '../../src/renderer/viewer-geometry';

const page = { width: 1000, height: 1400 };
const area = { width: 500, height: 600 };

describe('viewer geometry', () => {
  it('fits the width, or the whole page, of the page as turned', () => {
    expect(fitScale({ fit: 'width', factor: 1 }, page, 0, area)).toBeCloseTo(0.5);
    expect(fitScale({ fit: 'width', factor: 2 }, page, 0, area)).toBeCloseTo(1);
    // The whole upright page: its height decides.
    expect(fitScale({ fit: 'page' }, page, 0, area)).toBeCloseTo(600 / 1400);
    // Turned a quarter, the page is 1400 wide: the width decides.
    expect(fitScale({ fit: 'width', factor: 1 }, page, 90, area)).toBeCloseTo(500 / 1400);
    expect(rotatedSize(page, 270, 0.5)).toEqual({ width: 700, height: 500 });
  });

  it('steps the zoom through fixed factors of the fitted width, from what is shown now', () => {
    const widthScale = 0.5;
    expect(nextZoom({ fit: 'width', factor: 1 }, 1, widthScale, page, 0, area)).toEqual({ fit: 'width', factor: 1.25 });
    expect(nextZoom({ fit: 'width', factor: 1 }, -1, widthScale, page, 0, area)).toEqual({ fit: 'width', factor: 0.75 });
    // From "fit page" (0.857 of the width here), one step in is the next step above it.
    const pageScale = fitScale({ fit: 'page' }, page, 0, area);
    expect(nextZoom({ fit: 'page' }, 1, pageScale, page, 0, area)).toEqual({ fit: 'width', factor: 1 });
    // The ends hold.
    expect(nextZoom({ fit: 'width', factor: 8 }, 1, widthScale * 8, page, 0, area)).toEqual({ fit: 'width', factor: 8 });
    expect(nextZoom({ fit: 'width', factor: 0.25 }, -1, widthScale * 0.25, page, 0, area)).toEqual({ fit: 'width', factor: 0.25 });
  });

  it('maps points both ways under every quarter turn', () => {
    for (const r of [0, 90, 180, 270] as QuarterTurn[]) {
      const [sx, sy] = pointToStage(120, 300, page, r, 0.5);
      const stage = rotatedSize(page, r, 0.5);
      expect(sx).toBeGreaterThanOrEqual(0);
      expect(sx).toBeLessThanOrEqual(stage.width);
      expect(sy).toBeLessThanOrEqual(stage.height);
      const [x, y] = stageToPage(sx, sy, page, r, 0.5);
      expect(x).toBeCloseTo(120);
      expect(y).toBeCloseTo(300);
    }
    // Turned clockwise, the page's top left corner is at the stage's top right.
    expect(pointToStage(0, 0, page, 90, 1)).toEqual([1400, 0]);
    expect(pointToStage(0, 0, page, 270, 1)).toEqual([0, 1000]);
  });

  it('places a box where the turned page shows it', () => {
    expect(pageToStage([100, 200, 300, 260], page, 0, 0.5)).toEqual({ left: 50, top: 100, right: 150, bottom: 130 });
    // A quarter turn clockwise: the box's top edge becomes its right edge.
    expect(pageToStage([100, 200, 300, 260], page, 90, 1)).toEqual({ left: 1140, top: 100, right: 1200, bottom: 300 });
  });
});
