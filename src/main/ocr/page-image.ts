// The page image the officer sees next to the OCR boxes: rendered exactly as OCR saw it (same page
// pixel space), then sent as a JPEG no larger than needed for the screen. A page is rendered once: the
// JPEG is kept under <home>/previews/, named by the original's SHA-256, the page and the preview size
// (originals never change), so every later view of it is a file read.
import type { OcrPage } from '../../shared/domain/ocr';
import { ocrPageSchema } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import fs from 'node:fs';
import path from 'node:path';
import { localOriginal } from '../intake/store';
import { ocrLimits } from './config';
import type { PageState } from './case-ocr';
import { getQuickReader } from './readers';
import sharp from 'sharp';
import { MAX_VIEWER_PDF_BYTES } from '../../shared/api/methods-documents';

export interface PageView {
  state: PageState;
  ocr: OcrPage | null;
  error?: string;
  image: { mime: 'image/jpeg'; dataBase64: string; width: number; height: number; pixelWidth: number; pixelHeight: number };
}

export async function pageView(ctx: BackendContext, fileId: number, pageNo: number): Promise<PageView> {
  const file = pageFile(ctx, fileId, pageNo);
  const row = {
    ...file,
    ...(ctx.db.prepare('SELECT state, ocr_json, error FROM page_ocr WHERE file_id = ? AND page = ?').get(fileId, pageNo) as
      { state: PageState; ocr_json: string | null; error: string | null } | undefined),
  };
  const view = await cachedPreview(ctx, row.stored_path, row.first_name, pageNo);
  return {
    state: row.state ?? 'pending',
    ocr: row.ocr_json ? ocrPageSchema.parse(JSON.parse(row.ocr_json)) : null,
    ...(row.error ? { error: row.error } : {}),
    image: {
      mime: 'image/jpeg',
      dataBase64: Buffer.from(view.jpeg).toString('base64'),
      width: view.width,
      height: view.height,
      pixelWidth: view.pixelWidth,
      pixelHeight: view.pixelHeight,
    },
  };
}

/** The stored file behind a page, refusing a page it does not have. */
function pageFile(ctx: BackendContext, fileId: number, pageNo?: number): { stored_path: string; first_name: string; format: string; size: number } {
  const row = ctx.db.prepare('SELECT stored_path, first_name, page_count, format, size FROM files WHERE id = ?').get(fileId) as
    { stored_path: string; first_name: string; page_count: number; format: string; size: number } | undefined;
  if (!row) throw new AppError('not_found', `File ${fileId} not found`, { fileId });
  if (pageNo !== undefined && pageNo > row.page_count) {
    throw new AppError('not_found', `${row.first_name} has ${row.page_count} page(s); there is no page ${pageNo}.`, { fileId, page: pageNo });
  }
  return row;
}

const THUMB_WIDTH = 160;

/** A page's thumbnail, made from its preview once and kept beside it. */
export async function pageThumb(
  ctx: BackendContext,
  fileId: number,
  pageNo: number,
): Promise<{ mime: 'image/jpeg'; dataBase64: string; width: number; height: number }> {
  const row = pageFile(ctx, fileId, pageNo);
  const file = `${previewBase(ctx, row.stored_path, pageNo)}-thumb${THUMB_WIDTH}.jpg`;
  let jpeg: Buffer;
  try {
    jpeg = await fs.promises.readFile(file);
  } catch {
    const view = await cachedPreview(ctx, row.stored_path, row.first_name, pageNo);
    jpeg = await sharp(view.jpeg).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer();
    await writeAtomically(file, jpeg).catch(() => undefined);
  }
  const meta = await sharp(jpeg).metadata();
  return { mime: 'image/jpeg', dataBase64: jpeg.toString('base64'), width: meta.width ?? THUMB_WIDTH, height: meta.height ?? THUMB_WIDTH };
}

/** The original PDF's bytes, for the viewer to draw itself. */
export async function originalPdf(ctx: BackendContext, fileId: number): Promise<{ mime: 'application/pdf'; dataBase64: string; size: number }> {
  const row = pageFile(ctx, fileId);
  if (row.format !== 'pdf') throw new AppError('invalid_input', `${row.first_name} is not a PDF.`, { fileId, reason: 'not_pdf' });
  if (row.size > MAX_VIEWER_PDF_BYTES)
    throw new AppError('too_large', `${row.first_name} is too large to show as a PDF; its page images are shown.`, { fileId, size: row.size });
  const bytes = await fs.promises.readFile(localOriginal(ctx, row.stored_path));
  return { mime: 'application/pdf', dataBase64: bytes.toString('base64'), size: bytes.length };
}

const previewBase = (ctx: BackendContext, storedPath: string, pageNo: number): string =>
  path.join(ctx.home, 'previews', `${path.basename(storedPath).replace(/\.[^.]+$/, '')}-p${pageNo}-${ocrLimits().previewSide}`);

interface StoredPreview {
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
}

async function cachedPreview(ctx: BackendContext, storedPath: string, name: string, pageNo: number): Promise<StoredPreview & { jpeg: Uint8Array }> {
  const base = previewBase(ctx, storedPath, pageNo);
  try {
    // The sizes are written last: a preview is complete when they are there.
    const sizes = JSON.parse(await fs.promises.readFile(`${base}.json`, 'utf8')) as StoredPreview;
    return { ...sizes, jpeg: await fs.promises.readFile(`${base}.jpg`) };
  } catch {
    // Not rendered yet (or its files were removed): render and keep it.
  }
  const view = await getQuickReader(ctx).preview({ key: `original:${storedPath}`, name, path: localOriginal(ctx, storedPath) }, pageNo);
  const sizes: StoredPreview = { width: view.width, height: view.height, pixelWidth: view.pixelWidth, pixelHeight: view.pixelHeight };
  try {
    await fs.promises.mkdir(path.dirname(base), { recursive: true });
    await writeAtomically(`${base}.jpg`, view.jpeg);
    await writeAtomically(`${base}.json`, JSON.stringify(sizes));
  } catch (err) {
    // A preview that cannot be kept (a full disk) is still shown; it is rendered again next time.
    console.error(`[claimdesk] could not keep a page preview: ${String(err)}`);
  }
  return { ...sizes, jpeg: view.jpeg };
}

async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.promises.writeFile(tmp, data);
  await fs.promises.rename(tmp, file);
}
