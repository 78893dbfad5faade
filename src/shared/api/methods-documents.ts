// Intake, OCR and page images (issue 3).
import { z } from 'zod';
import { defineMethods } from './define';
import { uploadId } from './upload';
import { errorCodeSchema } from './result';
import { CASE_WORKERS, SIGNED_IN } from './roles';
import { ocrPageSchema, pageQualitySchema } from '../domain/ocr';

/** The largest PDF the viewer draws itself; a larger one is shown as page images. */
export const MAX_VIEWER_PDF_BYTES = 40 * 1024 * 1024;

export const FILE_FORMATS = ['pdf', 'jpeg', 'png', 'tiff'] as const;
export const PAGE_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export const pageStateSchema = z.enum(PAGE_STATES);
export type PageState = z.infer<typeof pageStateSchema>;

const caseId = z.number().int().positive();

export const addedFileSchema = z.object({
  fileId: z.number().int().positive(),
  caseFileId: z.number().int().positive(),
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  format: z.enum(FILE_FORMATS),
  mime: z.string(),
  pageCount: z.number().int().positive(),
  addedAt: z.string(),
  /** True when the same content was already attached to this case (nothing was added). */
  duplicate: z.boolean(),
});
export type AddedFileInfo = z.infer<typeof addedFileSchema>;

export const pageSummarySchema = z.object({
  page: z.number().int().positive(),
  state: pageStateSchema,
  source: z.enum(['ocr', 'text-layer']).nullable(),
  /** Null until the page is read. */
  quality: pageQualitySchema.nullable(),
  error: z.string().optional(),
});

export const caseFileSchema = addedFileSchema.omit({ duplicate: true }).extend({
  pages: z.array(pageSummarySchema),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

export const documentsMethods = defineMethods({
  'documents.add': {
    input: z
      .object({
        caseId,
        files: z
          // An empty file is not a malformed call: it is refused on its own, with its reason, like any bad file.
          // Each file either inline (the command line, small files) or streamed first (`upload`, uploads.ts).
          .array(
            z.union([
              z.object({ name: z.string().min(1).max(255), contentBase64: z.string() }).strict(),
              z.object({ name: z.string().min(1).max(255), upload: uploadId }).strict(),
            ]),
          )
          .min(1)
          .max(50),
      })
      .strict(),
    output: z.object({
      added: z.array(addedFileSchema),
      /** Files refused (bad, unsupported, too large); the others were still added. */
      rejected: z.array(
        z.object({
          name: z.string(),
          code: errorCodeSchema,
          message: z.string(),
          /** Why, for translation: empty, corrupt, password, format, bytes, unpacked, pixels, pages or structure. */
          reason: z.string().optional(),
        }),
      ),
    }),
    allow: CASE_WORKERS,
    // Audited by the handler with names, hashes and sizes: the generic audit would store the uploads.
    audit: 'handler',
  },
  'documents.list': {
    input: z.object({ caseId }).strict(),
    output: z.object({
      files: z.array(caseFileSchema),
      pagesDone: z.number().int().nonnegative(),
      pagesTotal: z.number().int().nonnegative(),
      /** True while the case's OCR is running in the background. */
      running: z.boolean(),
    }),
    allow: SIGNED_IN,
  },
  'documents.page': {
    input: z.object({ fileId: z.number().int().positive(), page: z.number().int().positive() }).strict(),
    output: z.object({
      state: pageStateSchema,
      ocr: ocrPageSchema.nullable(),
      error: z.string().optional(),
      image: z.object({
        mime: z.literal('image/jpeg'),
        dataBase64: z.string(),
        /** The page's pixel space: the one every OCR box is in (draw boxes as fractions of these). */
        width: z.number().int().positive(),
        height: z.number().int().positive(),
        /** The JPEG's own size, smaller than width × height for large pages. */
        pixelWidth: z.number().int().positive(),
        pixelHeight: z.number().int().positive(),
      }),
    }),
    allow: SIGNED_IN,
  },
  /** A small picture of a page, for the viewer's page strip. */
  'documents.thumb': {
    input: z.object({ fileId: z.number().int().positive(), page: z.number().int().positive() }).strict(),
    output: z.object({ mime: z.literal('image/jpeg'), dataBase64: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }),
    allow: SIGNED_IN,
  },
  /**
   * An original PDF as it was received, for the viewer to draw its pages sharp at any zoom (pdf.js).
   * Refused (`invalid_input`) for an image file and (`too_large`) above MAX_VIEWER_PDF_BYTES: the viewer
   * then shows the page image.
   */
  'documents.original': {
    input: z.object({ fileId: z.number().int().positive() }).strict(),
    output: z.object({ mime: z.literal('application/pdf'), dataBase64: z.string(), size: z.number().int().positive() }),
    allow: SIGNED_IN,
  },
  'documents.cancelOcr': {
    input: z.object({ caseId }).strict(),
    output: z.object({ cancelledPages: z.number().int().nonnegative() }),
    allow: CASE_WORKERS,
    audit: 'handler',
  },
  'documents.retryOcr': {
    input: z.object({ caseId }).strict(),
    output: z.object({ queuedPages: z.number().int().nonnegative() }),
    allow: CASE_WORKERS,
    audit: 'input',
  },
});
