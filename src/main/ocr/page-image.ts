// The page image the officer sees next to the OCR boxes: rendered exactly as OCR saw it (same page
// pixel space), then sent as a JPEG no larger than needed for the screen.
import type { OcrPage } from '../../shared/domain/ocr';
import { ocrPageSchema } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import path from 'node:path';
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
    | { stored_path: string; first_name: string; page_count: number; state: PageState | null; ocr_json: string | null; error: string | null }
    | undefined;
  if (!row) throw new AppError('not_found', `File ${fileId} not found`, { fileId });
  if (pageNo > row.page_count) {
    throw new AppError('not_found', `${row.first_name} has ${row.page_count} page(s); there is no page ${pageNo}.`, { fileId, page: pageNo });
  }
  const view = await getQuickReader(ctx).preview({ key: `original:${row.stored_path}`, name: row.first_name, path: path.join(ctx.home, row.stored_path) }, pageNo);
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
