// Several documents on one page: each document's region is returned in fractions of the page (so it
// holds at any resolution), covers all of the document's ink even when the card is turned, and the
// same sheet always renders to the same bytes.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { syntheticParticipant } from '../../../tools/synth/people';
import { Rng } from '../../../tools/synth/random';
import { household } from '../../../tools/synth/real/household';
import { ktp } from '../../../tools/synth/real/ktp';
import { A4, regionOf, renderSheet, type Placement, type RealDoc, type Sheet } from '../../../tools/synth/real/sheet';

function twoKtps(seed: number): { sheet: Sheet; docs: RealDoc[] } {
  const rng = new Rng(seed);
  const person = syntheticParticipant(2026, 3);
  const home = household(person, rng);
  const c = { rng, person, home };
  const docs = [ktp(c, home.self), ktp(c, home.heirs[0] ?? home.self)];
  const items: Placement[] = [
    { doc: docs[0] as RealDoc, page: 0, x: 60, y: 30, scale: 1, angle: 0 },
    { doc: docs[1] as RealDoc, page: 0, x: 58, y: 110, scale: 1, angle: -3 },
  ];
  return { sheet: { size: A4, dpi: 60, tint: '#ffffff', copy: true, items, stamps: [] }, docs };
}

describe('sheets with several documents', () => {
  it('gives regions in fractions of the page; a turned card grows its box about the same centre', () => {
    const doc = twoKtps(1).docs[0] as RealDoc;
    expect(regionOf({ doc, page: 0, x: 62, y: 40, scale: 1, angle: 0 }, A4)).toEqual([0.2952, 0.1347, 0.7029, 0.3165]);
    const [x0, y0, x1, y1] = regionOf({ doc, page: 0, x: 62, y: 40, scale: 1, angle: 4 }, A4);
    expect(x0).toBeLessThan(0.2952);
    expect(y1).toBeGreaterThan(0.3165);
    expect((x0 + x1) / 2).toBeCloseTo((0.2952 + 0.7029) / 2, 3);
    expect((y0 + y1) / 2).toBeCloseTo((0.1347 + 0.3165) / 2, 3);
  });

  it('puts all ink of each document inside its region, and renders the same sheet to the same bytes', async () => {
    const a = twoKtps(7);
    const r = renderSheet(a.sheet, new Rng(5));
    expect(renderSheet(twoKtps(7).sheet, new Rng(5)).png.equals(r.png)).toBe(true);
    const img = await loadImage(r.png);
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    const boxes = [...r.regions.values()];
    expect(boxes).toHaveLength(2);
    let inside = 0;
    let outside = 0;
    // One pixel of slack: the card's shadow and edge are antialiased across the box's border.
    const slack = 1.5;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if ((data[(y * img.width + x) * 4] as number) > 200) continue;
        const hit = boxes.some(
          ([x0, y0, x1, y1]) => x >= x0 * img.width - slack && x <= x1 * img.width + slack && y >= y0 * img.height - slack && y <= y1 * img.height + slack,
        );
        if (hit) inside++;
        else outside++;
      }
    }
    expect(inside).toBeGreaterThan(1000);
    expect(outside).toBe(0);
  });
});
