// What the case screen shows about its files: each original with the OCR state and quality of its pages.
import type { CaseFile } from '../../shared/api/methods-documents';
import type { FileFormat } from './detect';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import { listCasePages } from '../ocr/case-ocr';

interface FileRow {
  file_id: number;
  case_file_id: number;
  name: string;
  sha256: string;
  size: number;
  format: FileFormat;
  mime: string;
  page_count: number;
  added_at: string;
}

export function listCaseFiles(ctx: BackendContext, caseId: number): { files: CaseFile[]; pagesDone: number; pagesTotal: number } {
  if (!ctx.db.prepare(`SELECT 1 FROM cases WHERE id = ?`).get(caseId)) {
    throw new AppError('not_found', `Case ${caseId} not found`, { id: caseId });
  }
  const rows = ctx.db
    .prepare(
      `SELECT f.id AS file_id, cf.id AS case_file_id, cf.original_name AS name, f.sha256, f.size, f.format, f.mime,
              f.page_count, cf.added_at
       FROM case_files cf JOIN files f ON f.id = cf.file_id WHERE cf.case_id = ? ORDER BY cf.id`,
    )
    .all(caseId) as FileRow[];
  const pages = listCasePages(ctx, caseId);
  const files = rows.map((r) => ({
    fileId: r.file_id,
    caseFileId: r.case_file_id,
    name: r.name,
    sha256: r.sha256,
    size: r.size,
    format: r.format,
    mime: r.mime,
    pageCount: r.page_count,
    addedAt: r.added_at,
    pages: pages
      .filter((p) => p.fileId === r.file_id)
      .map((p) => ({
        page: p.page,
        state: p.state,
        source: p.ocr?.source ?? null,
        quality: p.ocr?.quality ?? null,
        ...(p.error ? { error: p.error } : {}),
      })),
  }));
  const all = files.flatMap((f) => f.pages);
  return { files, pagesDone: all.filter((p) => p.state === 'done' || p.state === 'failed').length, pagesTotal: all.length };
}
