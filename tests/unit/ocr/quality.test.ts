import { describe, expect, it } from 'vitest';
import { assessQuality } from '../../../src/main/ocr/quality';

describe('page quality', () => {
  it('trusts a sharp, contrasted, confidently read page', () => {
    const q = assessQuality({ dpi: 300, contrast: 0.35, meanConfidence: 0.93, wordCount: 120 });
    expect(q.poor).toBe(false);
    expect(q.reasons).toEqual([]);
    expect(q.score).toBeGreaterThan(0.85);
  });

  it('marks each kind of poor page with its reason', () => {
    expect(assessQuality({ dpi: 300, contrast: 0.3, meanConfidence: 0.45, wordCount: 80 }).reasons).toContain('low_confidence');
    expect(assessQuality({ dpi: 72, contrast: 0.3, meanConfidence: 0.9, wordCount: 80 }).reasons).toContain('low_resolution');
    expect(assessQuality({ dpi: 300, contrast: 0.05, meanConfidence: 0.9, wordCount: 80 }).reasons).toContain('low_contrast');
    const blank = assessQuality({ dpi: 300, contrast: 0.01, meanConfidence: null, wordCount: 0 });
    expect(blank.poor).toBe(true);
    expect(blank.score).toBe(0);
    expect(blank.reasons).toContain('no_text');
  });

  it('scores worse as confidence drops, all else equal', () => {
    const scores = [0.95, 0.8, 0.6, 0.4].map((c) => assessQuality({ dpi: 200, contrast: 0.2, meanConfidence: c, wordCount: 50 }).score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('always trusts a PDF text layer', () => {
    const q = assessQuality({ dpi: 300, contrast: 0, meanConfidence: 1, wordCount: 10, exact: true });
    expect(q).toMatchObject({ poor: false, score: 1, meanConfidence: 1 });
  });
});
