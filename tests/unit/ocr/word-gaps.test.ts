// Glued words: a space is a blank run much wider than the gaps between the word's letters, and a split
// keeps the first reading's own characters.
import { describe, expect, it } from 'vitest';
import { blankRuns, cutAs, spaces } from '../../../src/main/ocr/word-gaps';

/** A grey strip `height` high: '#' columns are ink, '.' columns blank. */
function strip(pattern: string, height = 20): { data: Buffer; width: number; height: number } {
  const width = pattern.length;
  const data = Buffer.alloc(width * height, 255);
  for (let x = 0; x < width; x++) if (pattern[x] === '#') for (let y = 2; y < height - 2; y++) data[y * width + x] = 0;
  return { data, width, height };
}

describe('spaces between glued words', () => {
  it('finds the blank runs inside the ink, not the margins', () => {
    const s = strip('...###..###.....###...');
    expect(blankRuns(s.data, s.width, s.height)).toEqual([
      { at: 6, width: 2 },
      { at: 11, width: 5 },
    ]);
  });

  it('takes a run several times the usual letter gap and a good share of the height for a space', () => {
    const letters = '###.###..###.###';
    const s = strip(`${letters}${'.'.repeat(10)}${letters}.###`);
    const runs = blankRuns(s.data, s.width, s.height);
    expect(spaces(runs, s.height)).toEqual([{ at: 16, width: 10 }]);
    // Evenly spaced letters have no space; nor has a word of two letters.
    const even = strip('###...###...###...###');
    expect(spaces(blankRuns(even.data, even.width, even.height), even.height)).toEqual([]);
    const two = strip('###..........###');
    expect(spaces(blankRuns(two.data, two.width, two.height), two.height)).toEqual([]);
  });

  it("cuts the first reading's characters where the new reading puts its spaces, punctuation kept", () => {
    expect(cutAs('PAALMERAH', [4, 5])).toEqual(['PAAL', 'MERAH']);
    expect(cutAs('ILIRBARATI.', [4, 5, 1])).toEqual(['ILIR', 'BARAT', 'I.']);
    expect(cutAs('H.AGUSSALIM', [1, 4, 5])).toEqual(['H.', 'AGUS', 'SALIM']);
  });
});
