import { describe, expect, it } from 'vitest';
import { labelTokens, matchLabelAt } from '../../../src/shared/extract/labels';
import type { Word } from '../../../src/shared/extract/layout';

const words = (...texts: string[]): Word[] => texts.map((text, i) => ({ text, confidence: 0.9, bbox: [i * 100, 0, i * 100 + 90, 30] }));

describe('matchLabelAt', () => {
  it('matches a label whose short word lost a letter to a look-alike ("Tgi. Laporan")', () => {
    // The colon sits in the next cell, so the label is exactly the cell's two words.
    const hit = matchLabelAt(words('Tgi.', 'Laporan'), 0, labelTokens('tgl laporan'));
    expect(hit?.end).toBe(2);
    expect(hit?.distance).toBe(1);
  });

  it('matches a label whose first letter was read as a mark ("_lo. KTP", "\u201crogram")', () => {
    expect(matchLabelAt(words('_lo.', 'KTP'), 0, labelTokens('no ktp'))?.end).toBe(2);
    expect(matchLabelAt(words('\u201crogram'), 0, labelTokens('program'))?.end).toBe(1);
    expect(matchLabelAt(words('_anggal', 'Kepesertaan'), 0, labelTokens('tanggal kepesertaan'))?.end).toBe(2);
    // Without the mark, or with more than that letter wrong, it is another word.
    expect(matchLabelAt(words('lo.', 'KTP'), 0, labelTokens('no ktp'))).toBeNull();
    expect(matchLabelAt(words('_lu.', 'KTP'), 0, labelTokens('no ktp'))).toBeNull();
  });

  it('still rejects a different label of the same shape', () => {
    expect(matchLabelAt(words('Tgl.', 'Lahir', ':'), 0, labelTokens('tgl laporan'))).toBeNull();
    expect(matchLabelAt(words('No', 'KK'), 0, labelTokens('no kpj'))).toBeNull();
  });
});
