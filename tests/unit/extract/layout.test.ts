import { describe, expect, it } from 'vitest';
import { joinedText, rowsOf } from '../../../src/shared/extract/layout';
import type { BBox } from '../../../src/shared/domain/documents';
import { pageOfLines, tableLines } from './page-builder';

describe('rows of a page', () => {
  it("drops a mark of no letter standing several lines tall (a table's wall read as ':'), which would join the rows it spans", () => {
    const lines = tableLines(
      1000,
      [
        [
          [300, 'KAWIN'],
          [700, 'KEPALA KELUARGA'],
        ],
        [
          [300, '(2)'],
          [700, '(4)'],
        ],
        [
          [300, 'BELUM KAWIN'],
          [700, 'ANAK'],
        ],
      ],
      40,
    );
    const wall = { text: ':', confidence: 0.9, bbox: [120, 1000, 135, 1110] as BBox };
    const rows = rowsOf(pageOfLines([...lines, { text: ':', confidence: 0.9, bbox: wall.bbox, words: [wall] }]));
    expect(rows.map((r) => r.text)).toEqual(['KAWIN KEPALA KELUARGA', '(2) (4)', 'BELUM KAWIN ANAK']);
    // A colon of the print's own height stays.
    const colon = { text: ':', confidence: 0.9, bbox: [250, 1000, 256, 1030] as BBox };
    expect(
      rowsOf(pageOfLines([{ ...(lines[0] as (typeof lines)[number]), words: [colon, ...(lines[0]?.words ?? [])] }]))[0]?.words.map((w) => w.text),
    ).toContain(':');
  });

  it('joins a word OCR split in two (halves closer than a fifth of their height), never words a space apart', () => {
    const w = (text: string, x0: number, x1: number) => ({ text, confidence: 0.9, bbox: [x0, 560, x1, 580] as BBox });
    expect(joinedText([w('JA', 190, 208), w('MAL', 210, 249), w('SIMANJUNTAK', 257, 388)])).toBe('JAMAL SIMANJUNTAK');
    expect(joinedText([w('ROHANI', 192, 265), w('YULIANTI', 273, 359)])).toBe('ROHANI YULIANTI');
    // Not a stop or a number: 'M.' stays an initial.
    expect(joinedText([w('M.', 190, 205), w('YUSUF', 207, 260)])).toBe('M. YUSUF');
  });
});
