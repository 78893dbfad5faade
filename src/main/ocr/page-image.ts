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
import { ocrLimits } from './config';
import type { PageState } from './case-ocr';
import { getQuickReader } from './readers';

export interface PageView {
  state: PageState;
  ocr: OcrPage | null;
  error?: string;
  image: { mime: 'image/jpeg'; dataBase64: string; width: number; height: number; pixelWidth: number; pixelHeight: number };
}

export async function pageView(ctx: BackendContext, fileId: number, pageNo: number): Promise<PageView> {
  const row = ctx.db
    .prepare(
      `SELECT f.stored_path, f.first_name, f.page_count, p.state, p.ocr_json, p.error
       FROM files f LEFT JOIN page_ocr p ON p.file_id = f.id AND p.page = ? WHERE f.id = ?`,
    )
    .get(pageNo, fileId) as
    { stored_path: string; first_name: string; page_count: number; state: PageState | null; ocr_json: string | null; error: string | null } | undefined;
  if (!row) throw new AppError('not_found', `File ${fileId} not found`, { fileId });
  if (pageNo > row.page_count) {
    throw new AppError('not_found', `${row.first_name} has ${row.page_count} page(s); there is no page ${pageNo}.`, { fileId, page: pageNo });
  }
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

interface StoredPreview {
  width: number;
  height: number;
  pixelWidth: number;
  pixelHeight: number;
}

async function cachedPreview(ctx: BackendContext, storedPath: string, name: string, pageNo: number): Promise<StoredPreview & { jpeg: Uint8Array }> {
  const side = ocrLimits().previewSide;
  const base = path.join(ctx.home, 'previews', `${path.basename(storedPath).replace(/\.[^.]+$/, '')}-p${pageNo}-${side}`);
  try {
    // The sizes are written last: a preview is complete when they are there.
    const sizes = JSON.parse(await fs.promises.readFile(`${base}.json`, 'utf8')) as StoredPreview;
    return { ...sizes, jpeg: await fs.promises.readFile(`${base}.jpg`) };
  } catch {
    // Not rendered yet (or its files were removed): render and keep it.
  }
  const view = await getQuickReader(ctx).preview({ key: `original:${storedPath}`, name, path: path.join(ctx.home, storedPath) }, pageNo);
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
