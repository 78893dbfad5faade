import { describe, expect, it } from 'vitest';
import { takeBetterReadings } from '../../../src/main/ocr/second-look';
import type { TsvWord } from '../../../src/main/ocr/tsv';

const w = (text: string, confidence: number, x0: number, x1: number): TsvWord => ({ text, confidence, bbox: [x0, 100, x1, 140] });

describe('taking a second reading of doubtful words', () => {
  const label = [w('Tanggal', 91, 0, 150), w('Nikah', 91, 160, 260), w(':', 92, 270, 280)];

  it('replaces a doubtful word by its clearly surer new reading and leaves the rest', () => {
    const out = takeBetterReadings([...label, w('O5/1O/2O11', 11, 290, 480)], [w('Tanggal', 96, 2, 151), w('Nikah', 97, 158, 262), w(':', 93, 268, 281), w('05/10/2011', 85, 292, 478)]);
    expect(out?.replaced).toBe(1);
    expect(out?.words.map((x) => x.text)).toEqual(['Tanggal', 'Nikah', ':', '05/10/2011']);
    // Words that were sure keep their first reading, even where the second differs.
    expect(out?.words[0]?.confidence).toBe(91);
  });

  it('takes a value split in two by the first reading back as one word, and the other way round', () => {
    const merged = takeBetterReadings([w('KPJ', 91, 0, 80), w('1000-0007', 21, 300, 500), w('-074', 21, 505, 590)], [w('KPJ', 90, 0, 80), w('1000-0007-074', 88, 298, 592)]);
    expect(merged?.words.map((x) => x.text)).toEqual(['KPJ', '1000-0007-074']);
    expect(merged?.replaced).toBe(2);
    const split = takeBetterReadings([w('SITINASUTION', 40, 100, 400)], [w('SITI', 90, 100, 190), w('NASUTION', 88, 205, 400)]);
    expect(split?.words.map((x) => x.text)).toEqual(['SITI', 'NASUTION']);
  });

  it('keeps the first reading when the new one is not confident, not clearly surer, or missing', () => {
    const old = [...label, w('582/13/IX/2011', 50, 290, 520)];
    expect(takeBetterReadings(old, [...label, w('582/13/1IX/2011', 45, 290, 520)])).toBeNull();
    expect(takeBetterReadings(old, [...label, w('582/13/IX/2011', 60, 290, 520)])).toBeNull();
    // A word read with confidence the first time is not looked at again.
    expect(takeBetterReadings([w('O5/1O/2O11', 70, 290, 480)], [w('05/10/2014', 95, 290, 480)])).toBeNull();
    expect(takeBetterReadings(old, [])).toBeNull();
    // One new word unsure sinks its whole group.
    expect(takeBetterReadings([w('SITINASUTION', 40, 100, 400)], [w('SITI', 90, 100, 190), w('NASUTlON', 50, 205, 400)])).toBeNull();
  });
});
