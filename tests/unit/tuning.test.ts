// Every tuned number of OCR and extraction lives in one table and says what it was measured on.
import { describe, expect, it } from 'vitest';
import { TUNING } from '../../src/shared/tuning';

describe('tuned numbers', () => {
  it('each has a finite value and names what it was measured on', () => {
    const sections = Object.entries(TUNING);
    expect(sections.map(([name]) => name).sort()).toEqual([
      'amounts',
      'digit-boxes',
      'extraction',
      'headings',
      'ktpOrder',
      'ocr-image',
      'prose',
      'segmentation',
      'tables',
    ]);
    for (const [section, table] of sections) {
      for (const [key, s] of Object.entries(table)) {
        expect(Number.isFinite(s.value), `${section}.${key}`).toBe(true);
        expect(s.measuredOn.length, `${section}.${key}`).toBeGreaterThan(20);
      }
    }
  });
});
