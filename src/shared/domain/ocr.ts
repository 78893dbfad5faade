// What OCR (or a PDF text layer) produced for one page: the input of classification and extraction.
import { z } from 'zod';
import { bboxSchema } from './documents';

/** The text OCR gives a check box it found on the page: marked, or empty (the ink inside tells). */
export const CHECKED = '☒';
export const UNCHECKED = '☐';
export const isCheckBox = (text: string | undefined): boolean => text === CHECKED || text === UNCHECKED;

export const ocrWordSchema = z.object({
  text: z.string(),
  /** 0–1. */
  confidence: z.number().min(0).max(1),
  /** In pixels of the page image the officer sees (after mapping back through preprocessing). */
  bbox: bboxSchema,
  /** The word's ink looks written by hand: its text is never taken as a field value. */
  handwritten: z.boolean().optional(),
});
export type OcrWord = z.infer<typeof ocrWordSchema>;

export const ocrLineSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
  bbox: bboxSchema,
  words: z.array(ocrWordSchema),
});
export type OcrLine = z.infer<typeof ocrLineSchema>;

export const pageQualitySchema = z.object({
  /** 0–1 overall readability estimate. */
  score: z.number().min(0).max(1),
  /** True when the page is too poor to trust: the officer keys it. */
  poor: z.boolean(),
  dpi: z.number().nullable(),
  contrast: z.number(),
  meanConfidence: z.number(),
  reasons: z.array(z.string()),
});
export type PageQuality = z.infer<typeof pageQualitySchema>;

export const ocrPageSchema = z.object({
  /** 1-based page number within its file. */
  page: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** 'text-layer' when a PDF page carried real text and OCR was not needed. */
  source: z.enum(['ocr', 'text-layer']),
  text: z.string(),
  lines: z.array(ocrLineSchema),
  quality: pageQualitySchema,
  /** Rotation applied (0/90/180/270), deskew angle, steps: so boxes map back onto the page. */
  preprocessing: z.record(z.string(), z.unknown()),
  timings: z.record(z.string(), z.number()),
});
export type OcrPage = z.infer<typeof ocrPageSchema>;
