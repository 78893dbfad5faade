import { describe, expect, it } from 'vitest';
import { takeBetterReadings } from '../../../src/main/ocr/second-look';
import type { TsvWord } from '../../../src/main/ocr/tsv';

const w = (text: string, confidence: number, x0: number, x1: number): TsvWord => ({ text, confidence, bbox: [x0, 100, x1, 140] });

describe('taking a second reading of doubtful words', () => {
  const label = [w('Tanggal', 91, 0, 150), w('Nikah', 91, 160, 260), w(':', 92, 270, 280)];

  it('replaces a doubtful word by its clearly surer new reading and leaves the rest', () => {
    const out = takeBetterReadings(
      [...label, w('O5/1O/2O11', 11, 290, 480)],
      [[w('Tanggal', 96, 2, 151), w('Nikah', 97, 158, 262), w(':', 93, 268, 281), w('05/10/2011', 85, 292, 478)]],
    );
    expect(out?.replaced).toBe(1);
    expect(out?.words.map((x) => x.text)).toEqual(['Tanggal', 'Nikah', ':', '05/10/2011']);
    // Words that were sure keep their first reading, even where the second differs.
    expect(out?.words[0]?.confidence).toBe(91);
  });

  it('takes a value split in two by the first reading back as one word, and the other way round', () => {
    const merged = takeBetterReadings(
      [w('KPJ', 91, 0, 80), w('1000-0007', 21, 300, 500), w('-074', 21, 505, 590)],
      [[w('KPJ', 90, 0, 80), w('1000-0007-074', 88, 298, 592)]],
    );
    expect(merged?.words.map((x) => x.text)).toEqual(['KPJ', '1000-0007-074']);
    expect(merged?.replaced).toBe(2);
    const split = takeBetterReadings([w('SITINASUTION', 40, 100, 400)], [[w('SITI', 90, 100, 190), w('NASUTION', 88, 205, 400)]]);
    expect(split?.words.map((x) => x.text)).toEqual(['SITI', 'NASUTION']);
  });

  it('keeps the first reading when the new one is not confident, not clearly surer, or missing', () => {
    const old = [...label, w('582/13/IX/2011', 50, 290, 520)];
    expect(takeBetterReadings(old, [[...label, w('582/13/1IX/2011', 45, 290, 520)]])).toBeNull();
    expect(takeBetterReadings(old, [[...label, w('582/13/IX/2011', 60, 290, 520)]])).toBeNull();
    // A word read with confidence the first time is not looked at again.
    expect(takeBetterReadings([w('O5/1O/2O11', 70, 290, 480)], [[w('05/10/2014', 95, 290, 480)]])).toBeNull();
    // Nor is a second reading that glues a label to its number ("NIK1271…") taken.
    expect(takeBetterReadings([w('NIK', 26, 146, 214), w('1271016709931009', 31, 234, 750)], [[w('NIK1271016709931009', 89, 146, 750)]])).toBeNull();
    expect(takeBetterReadings(old, [[]])).toBeNull();
    // One new word unsure sinks its whole group.
    expect(takeBetterReadings([w('SITINASUTION', 40, 100, 400)], [[w('SITI', 90, 100, 190), w('NASUTlON', 50, 205, 400)]])).toBeNull();
  });

  it('changes the digits of a number read with less than near certainty only when two new readings agree', () => {
    const line = [w('No.', 93, 0, 60), w('KPJ', 92, 70, 140), w('100', 92, 180, 240), w('0000', 86, 250, 330), w('7609', 68, 340, 420)];
    const agree = takeBetterReadings(line, [
      [w('0000', 90, 250, 330), w('7009', 87, 340, 420)],
      [w('0000', 93, 250, 330), w('7009', 91, 340, 420)],
    ]);
    expect(agree?.words.map((x) => x.text)).toEqual(['No.', 'KPJ', '100', '0000', '7009']);
    // One new reading alone, or two that disagree, or an unsure one: the first reading stays.
    expect(takeBetterReadings(line, [[w('0000', 90, 250, 330), w('7009', 87, 340, 420)]])).toBeNull();
    expect(
      takeBetterReadings(line, [
        [w('0000', 90, 250, 330), w('7009', 87, 340, 420)],
        [w('0000', 93, 250, 330), w('7008', 91, 340, 420)],
      ]),
    ).toBeNull();
    expect(
      takeBetterReadings(line, [
        [w('0000', 90, 250, 330), w('7009', 70, 340, 420)],
        [w('0000', 93, 250, 330), w('7009', 91, 340, 420)],
      ]),
    ).toBeNull();
    // A number read with near certainty, or on a line without an identifier's ten digits, is left alone.
    expect(takeBetterReadings([w('3026', 95, 0, 80), w('1505016009908', 96, 90, 400)], [[w('8026', 97, 0, 80)], [w('8026', 98, 0, 80)]])).toBeNull();
    expect(
      takeBetterReadings(
        [w('Nomor', 95, 0, 80), w('1001/KC-45/2025', 70, 90, 400)],
        [[w('1001/KC-46/2025', 97, 90, 400)], [w('1001/KC-46/2025', 98, 90, 400)]],
      ),
    ).toBeNull();
  });
});
