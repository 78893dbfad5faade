import { describe, expect, it } from 'vitest';
import { parseTsv } from '../../../src/main/ocr/tsv';

// Rows as tesseract 5 writes them: page, block, paragraph and line rows carry conf -1; words their own.
const TSV = [
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t',
  '2\t1\t1\t0\t0\t0\t100\t200\t900\t120\t-1\t',
  '3\t1\t1\t1\t0\t0\t100\t200\t900\t120\t-1\t',
  '4\t1\t1\t1\t1\t0\t100\t200\t600\t50\t-1\t',
  '5\t1\t1\t1\t1\t1\t100\t200\t200\t50\t96.5\tNIK',
  '5\t1\t1\t1\t1\t2\t320\t205\t380\t45\t80.25\t3171015503870001',
  '4\t1\t1\t1\t2\t0\t100\t270\t300\t50\t-1\t',
  '5\t1\t1\t1\t2\t1\t100\t270\t300\t50\t95\t ',
  '4\t1\t1\t1\t3\t0\t100\t330\t400\t50\t-1\t',
  '5\t1\t1\t1\t3\t1\t100\t330\t400\t50\t70\tNama:',
  '',
].join('\n');

describe('tesseract TSV', () => {
  it('gives lines of words with page-pixel boxes (x0, y0, x1, y1) and confidences', () => {
    const lines = parseTsv(TSV);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      bbox: [100, 200, 700, 250],
      confidence: (96.5 + 80.25) / 2,
      words: [
        { text: 'NIK', confidence: 96.5, bbox: [100, 200, 300, 250] },
        { text: '3171015503870001', confidence: 80.25, bbox: [320, 205, 700, 250] },
      ],
    });
    expect(lines[1]?.words.map((w) => w.text)).toEqual(['Nama:']);
  });

  it('drops lines whose only words are blank, and reads empty or headerless output as no lines', () => {
    expect(parseTsv(TSV).some((l) => l.bbox[1] === 270)).toBe(false);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\torphan')).toEqual([]);
  });
});
