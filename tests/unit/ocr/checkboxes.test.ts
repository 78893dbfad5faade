// A check box is a square outline standing apart; the ink inside it says whether it is marked.
import { describe, expect, it } from 'vitest';
import { findBox } from '../../../src/main/ocr/checkboxes';

/** A 40×40 region with `draw` setting ink pixels. */
function region(draw: (set: (x: number, y: number) => void) => void): Uint8Array {
  const ink = new Uint8Array(40 * 40);
  draw((x, y) => {
    if (x >= 0 && y >= 0 && x < 40 && y < 40) ink[y * 40 + x] = 1;
  });
  return ink;
}
const outline = (set: (x: number, y: number) => void, x0: number, y0: number, side: number): void => {
  for (let k = 0; k < side; k++)
    for (const t of [0, 1]) {
      set(x0 + k, y0 + t);
      set(x0 + k, y0 + side - 1 - t);
      set(x0 + t, y0 + k);
      set(x0 + side - 1 - t, y0 + k);
    }
};

describe('check boxes', () => {
  it('finds an empty box and a crossed one, and tells them apart by the ink inside', () => {
    const empty = findBox(
      region((set) => outline(set, 8, 8, 22)),
      40,
      40,
      22,
    );
    expect(empty).toMatchObject({ x0: 8, y0: 8, x1: 29, y1: 29 });
    expect(empty?.fill).toBe(0);
    const crossed = findBox(
      region((set) => {
        outline(set, 8, 8, 22);
        for (let k = 4; k < 18; k++)
          for (const d of [0, 1]) {
            set(8 + k + d, 8 + k);
            set(8 + 21 - k - d, 8 + k);
          }
      }),
      40,
      40,
      22,
    );
    expect(crossed?.fill).toBeGreaterThan(0.08);
  });

  it('takes no letter for a box: an E has no right edge, a square far off the letter size is no box', () => {
    const e = region((set) => {
      for (let k = 0; k < 22; k++)
        for (const t of [0, 1]) {
          set(8 + k, 8 + t);
          set(8 + k, 28 + t);
          set(8 + t, 8 + k);
          set(8 + k, 18 + t);
        }
    });
    expect(findBox(e, 40, 40, 22)).toBeNull();
    expect(
      findBox(
        region((set) => outline(set, 8, 8, 22)),
        40,
        40,
        60,
      ),
    ).toBeNull();
  });

  it('takes no square joined to other ink for a box (strokes of letters that frame one)', () => {
    const joined = region((set) => {
      outline(set, 10, 8, 22);
      // A thick stroke running along its left edge, a few pixels off.
      for (let y = 8; y < 30; y++) for (let x = 2; x < 7; x++) set(x, y);
    });
    expect(findBox(joined, 40, 40, 22)).toBeNull();
  });
});
