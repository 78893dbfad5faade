// Adds files to a case: every file is checked (format by content, size, pixel budget, page limit,
// password, damage) before anything is stored, so a bad file never leaves a trace in the case. Each
// original is kept once by its SHA-256; the same file added to a case twice is recognised.
import { AppError } from '../../shared/api/result';
import { cleanFileName } from '../../shared/files/file-name';
import type { BackendContext } from '../context';
import { ocrLimits, type OcrLimits } from '../ocr/config';
import { getQuickReader } from '../ocr/readers';
import { MIME_TYPES, type FileFormat } from './detect';
import { sha256, shareOriginal, storeOriginal } from './store';

export interface IncomingFile {
  /** As given; stored and shown cleaned (src/shared/files/file-name.ts). */
  name: string;
  bytes: Buffer;
}

export interface AddedFile {
  fileId: number;
  caseFileId: number;
  name: string;
  sha256: string;
  size: number;
  format: FileFormat;
  mime: string;
  pageCount: number;
  addedAt: string;
  /** True when this very file (same content) was already attached to the case. */
  duplicate: boolean;
}

interface Checked extends IncomingFile {
  hash: string;
  format: FileFormat;
  pageCount: number;
}

/** Opens the file as the OCR engine will (in a page-reader thread), so every refusal happens here, at intake. */
async function checkFile(ctx: BackendContext, given: IncomingFile, limits: OcrLimits): Promise<Checked> {
  const file = { ...given, name: cleanFileName(given.name) };
  if (file.bytes.length > limits.maxUploadBytes) {
    throw new AppError('too_large', `${file.name} is ${file.bytes.length} bytes; the limit is ${limits.maxUploadBytes}.`, {
      file: file.name,
      reason: 'bytes',
      limit: limits.maxUploadBytes,
    });
  }
  const hash = sha256(file.bytes);
  const { format, pageCount } = await getQuickReader(ctx).inspect({ key: `intake:${hash}`, name: file.name, bytes: file.bytes }, limits);
  return { ...file, hash, format, pageCount };
}

export interface AddOptions {
  /** Recorded as the one who added the files. */
  by?: string;
  /** Runs first inside the write transaction (e.g. refuse a case that is locked meanwhile). */
  check?: () => void;
  /** Runs last inside the write transaction, with what was added (the audit entry goes here). */
  record?: (added: AddedFile[]) => void;
}

export async function addFilesToCase(
  ctx: BackendContext,
  caseId: number,
  files: IncomingFile[],
  limits: OcrLimits = ocrLimits(),
  options: AddOptions = {},
): Promise<AddedFile[]> {
  if (!ctx.db.prepare(`SELECT 1 FROM cases WHERE id = ?`).get(caseId)) {
    throw new AppError('not_found', `Case ${caseId} not found`, { id: caseId });
  }
  const checked: Checked[] = [];
  for (const file of files) checked.push(await checkFile(ctx, file, limits));
  const paths = checked.map((c) => storeOriginal(ctx.home, c.hash, c.format, c.bytes));
  const now = new Date().toISOString();
  const by = options.by ?? 'system:claimdesk';
  const db = ctx.db;
  return db.transaction(() => {
    options.check?.();
    const added = checked.map((c, i): AddedFile => {
      db.prepare(
        `INSERT INTO files(sha256, size, format, mime, page_count, first_name, stored_path, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING`,
      ).run(c.hash, c.bytes.length, c.format, MIME_TYPES[c.format], c.pageCount, c.name, paths[i], now);
      shareOriginal(ctx, c.hash, c.bytes);
      const fileId = (db.prepare(`SELECT id FROM files WHERE sha256 = ?`).get(c.hash) as { id: number }).id;
      const existing = db.prepare(`SELECT id, added_at FROM case_files WHERE case_id = ? AND file_id = ?`).get(caseId, fileId) as
        { id: number; added_at: string } | undefined;
      let caseFileId = existing?.id;
      if (!existing) {
        const info = db
          .prepare(`INSERT INTO case_files(case_id, file_id, original_name, added_at, added_by) VALUES (?, ?, ?, ?, ?)`)
          .run(caseId, fileId, c.name, now, by);
        caseFileId = Number(info.lastInsertRowid);
      }
      const pending = db.prepare(`INSERT INTO page_ocr(file_id, page, state, updated_at) VALUES (?, ?, 'pending', ?) ON CONFLICT DO NOTHING`);
      for (let p = 1; p <= c.pageCount; p++) pending.run(fileId, p, now);
      db.prepare(`UPDATE cases SET updated_at = ? WHERE id = ?`).run(now, caseId);
      return {
        fileId,
        caseFileId: caseFileId as number,
        name: c.name,
        sha256: c.hash,
        size: c.bytes.length,
        format: c.format,
        mime: MIME_TYPES[c.format],
        pageCount: c.pageCount,
        addedAt: existing?.added_at ?? now,
        duplicate: existing !== undefined,
      };
    });
    options.record?.(added);
    return added;
  })();
}
