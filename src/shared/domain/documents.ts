// The document vocabulary of the data contract (docs/contract.md §1, §6): types, fields and boxes.
import { z } from 'zod';

export const DOCUMENT_TYPES = [
  'ktp',
  'kk',
  'kartu_peserta',
  'buku_tabungan',
  'akta_kematian',
  'surat_kematian',
  'surat_ahli_waris',
  'buku_nikah',
  'form_kk1',
  'form_kk2',
  'surat_dokter',
  'kuitansi',
  'npwp',
  'other',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof documentTypeSchema>;

/** `[x0, y0, x1, y1]` in pixels of the page image that was read. */
export const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof bboxSchema>;

/** A list entry such as a family member or an heir: contract keys to normalised strings. */
export const listEntrySchema = z.record(z.string(), z.string());
export type ListEntry = z.infer<typeof listEntrySchema>;

export const fieldValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.array(listEntrySchema)]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

export const extractedFieldSchema = z.object({
  /** Normalised per contract §2; null when the engine is unsure and the officer must key it. */
  value: fieldValueSchema.nullable(),
  confidence: z.number().min(0).max(1),
  page: z.number().int().positive(),
  bbox: bboxSchema.nullable(),
  /** True when the value was left empty (or must be checked) for manual keying. */
  needsKeying: z.boolean().optional(),
  /** Why the engine left it empty or doubts it, e.g. "nik_checksum" or "handwriting". */
  reason: z.string().optional(),
  /** Set when an officer confirmed or corrected the value. */
  source: z.enum(['ocr', 'officer']).optional(),
});
export type ExtractedField = z.infer<typeof extractedFieldSchema>;

/** Where a document lies on one of its pages: several documents may share a page (two KTPs on one
 * photocopy, a participant card above a passbook). `bbox` is in pixels of that page's image. */
export const documentRegionSchema = z.object({ page: z.number().int().positive(), bbox: bboxSchema });
export type DocumentRegion = z.infer<typeof documentRegionSchema>;

export const extractedDocumentSchema = z.object({
  type: documentTypeSchema,
  typeConfidence: z.number().min(0).max(1),
  /** 1-based page numbers within the file. */
  pages: z.array(z.number().int().positive()),
  /** The document's region on each page it was found on, when it does not fill the page alone. */
  regions: z.array(documentRegionSchema).optional(),
  fields: z.record(z.string(), extractedFieldSchema),
});
export type ExtractedDocument = z.infer<typeof extractedDocumentSchema>;

export const extractFileResultSchema = z.object({
  file: z.string(),
  pages: z.number().int().nonnegative(),
  documents: z.array(extractedDocumentSchema),
  errors: z.array(z.string()),
});
export type ExtractFileResult = z.infer<typeof extractFileResultSchema>;

export const extractOutputSchema = z.object({ files: z.array(extractFileResultSchema) });
export type ExtractOutput = z.infer<typeof extractOutputSchema>;
