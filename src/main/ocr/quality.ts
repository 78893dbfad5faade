// A page's readability from three measurable signs: resolution, contrast and tesseract's own word
// confidence. Pages below the bar are marked poor so the officer keys them instead of trusting OCR.
import type { PageQuality } from '../../shared/domain/ocr';

export interface QualityInput {
  dpi: number | null;
  contrast: number;
  /** Mean word confidence 0–1 (null when no words were found). */
  meanConfidence: number | null;
  wordCount: number;
  /** True for PDF text layers: the words are exact, whatever the pixels look like. */
  exact?: boolean;
}

export const QUALITY_THRESHOLDS = { minDpi: 120, minContrast: 0.12, minConfidence: 0.6, minScore: 0.5 } as const;

export function assessQuality(q: QualityInput): PageQuality {
  const reasons: string[] = [];
  const conf = q.meanConfidence ?? 0;
  if (q.exact) {
    return { score: 1, poor: false, dpi: q.dpi, contrast: round(q.contrast), meanConfidence: 1, reasons };
  }
  if (q.wordCount === 0) reasons.push('no_text');
  if (q.dpi !== null && q.dpi < QUALITY_THRESHOLDS.minDpi) reasons.push('low_resolution');
  if (q.contrast < QUALITY_THRESHOLDS.minContrast) reasons.push('low_contrast');
  if (q.wordCount > 0 && conf < QUALITY_THRESHOLDS.minConfidence) reasons.push('low_confidence');
  const dpiPart = q.dpi === null ? 0.8 : Math.min(1, q.dpi / 200);
  const contrastPart = Math.min(1, q.contrast / 0.3);
  const score = q.wordCount === 0 ? 0 : 0.6 * conf + 0.2 * dpiPart + 0.2 * contrastPart;
  if (score < QUALITY_THRESHOLDS.minScore && !reasons.includes('low_confidence')) reasons.push('low_score');
  return {
    score: round(score),
    poor: reasons.length > 0,
    dpi: q.dpi,
    contrast: round(q.contrast),
    meanConfidence: round(conf),
    reasons,
  };
}

const round = (v: number): number => Math.round(v * 1000) / 1000;
