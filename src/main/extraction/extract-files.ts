// `extractFiles`: OCR + classification + field extraction of files on disk, no database needed; the
// output is exactly the contract's JSON (shared/spec/contract.md §6). A file that cannot be read has
// its error in `errors` and no documents; the other files are still processed.
import type { ExtractOutput } from '../../shared/domain/documents';
import { extractDocuments } from '../../shared/extract/index';
import { createOcrPool, type OcrPool } from '../ocr/pool';
import { readFile } from '../ocr/read-file';

export interface ExtractFilesOptions {
  /** A pool to reuse; otherwise one is started for the call and stopped after it. */
  pool?: OcrPool;
  signal?: AbortSignal;
  /** Called after each file, for progress output. */
  onFile?: (file: string, index: number, total: number) => void;
}

export async function extractFiles(paths: readonly string[], opts: ExtractFilesOptions = {}): Promise<ExtractOutput> {
  const pool = opts.pool ?? createOcrPool({});
  const files: ExtractOutput['files'] = [];
  try {
    for (const [i, p] of paths.entries()) {
      const read = await readFile(p, { pool, ...(opts.signal ? { signal: opts.signal } : {}) });
      let documents: ExtractOutput['files'][number]['documents'] = [];
      const errors = [...read.errors];
      try {
        // Pages that were read are extracted even when others failed; a whole-file failure has none.
        documents = read.pages.length ? extractDocuments(read.pages) : [];
      } catch (err) {
        errors.push(`extraction: ${err instanceof Error ? err.message : String(err)}`);
      }
      files.push({ file: read.file, pages: read.pages.length ? Math.max(...read.pages.map((pg) => pg.page)) : 0, documents, errors });
      opts.onFile?.(read.file, i, paths.length);
    }
  } finally {
    if (!opts.pool) await pool.terminate();
  }
  return { files };
}
