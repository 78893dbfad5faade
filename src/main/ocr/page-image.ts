// The page image the officer sees next to the OCR boxes: rendered exactly as OCR saw it (same page
// pixel space), then sent as a JPEG no larger than needed for the screen.
import sharp from 'sharp';
import type { OcrPage } from '../../shared/domain/ocr';
import { ocrPageSchema } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import { readOriginal } from '../intake/store';
import type { PageState } from './case-ocr';
import { ocrLimits } from './config';
import { openSource } from './source';

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
    | { stored_path: string; first_name: string; page_count: number; state: PageState | null; ocr_json: string | null; error: string | null }
    | undefined;
  if (!row) throw new AppError('not_found', `File ${fileId} not found`, { fileId });
  if (pageNo > row.page_count) {
    throw new AppError('not_found', `${row.first_name} has ${row.page_count} page(s); there is no page ${pageNo}.`, { fileId, page: pageNo });
  }
  const limits = ocrLimits();
  const source = await openSource(row.first_name, readOriginal(ctx.home, row.stored_path), limits);
  try {
    const raster = await source.loadPage(pageNo);
    const jpeg = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
      .resize({ width: limits.previewSide, height: limits.previewSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return {
      state: row.state ?? 'pending',
      ocr: row.ocr_json ? ocrPageSchema.parse(JSON.parse(row.ocr_json)) : null,
      ...(row.error ? { error: row.error } : {}),
      image: {
        mime: 'image/jpeg',
        dataBase64: jpeg.data.toString('base64'),
        width: raster.width,
        height: raster.height,
        pixelWidth: jpeg.info.width,
        pixelHeight: jpeg.info.height,
      },
    };
  } finally {
    await source.close();
  }
}
