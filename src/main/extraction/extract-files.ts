// `extractFiles`: OCR + classification + field extraction of files on disk, no database needed; the
// output is exactly the contract's JSON (docs/contract.md §6). A file that cannot be read has
// its error in `errors` and no documents; the other files are still processed. The files of one call
// are taken as one dossier, so one file's documents confirm or doubt another's.
import type { ExtractOutput } from '../../shared/domain/documents';
import { extractDocuments, extractDossier } from '../../shared/extract/index';
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
  const reads: Awaited<ReturnType<typeof readFile>>[] = [];
  try {
    for (const [i, p] of paths.entries()) {
      reads.push(await readFile(p, { pool, ...(opts.signal ? { signal: opts.signal } : {}) }));
      opts.onFile?.(reads[i]?.file ?? p, i, paths.length);
    }
  } finally {
    if (!opts.pool) await pool.terminate();
  }
  // The files of one call are one dossier: their documents are checked against each other. Pages that
  // were read are extracted even when others failed; a whole-file failure has none.
  const errors = reads.map((r) => [...r.errors]);
  let documents: ExtractOutput['files'][number]['documents'][];
  try {
    documents = extractDossier(reads.map((r) => r.pages));
  } catch {
    // One file's pages broke the extractor: each file alone, so the others still come out.
    documents = reads.map((r, i) => {
      try {
        return r.pages.length ? extractDocuments(r.pages) : [];
      } catch (err) {
        errors[i]?.push(`extraction: ${err instanceof Error ? err.message : String(err)}`);
        return [];
      }
    });
  }
  return {
    files: reads.map((r, i) => ({ file: r.file, pages: r.pages.length ? Math.max(...r.pages.map((pg) => pg.page)) : 0, documents: documents[i] ?? [], errors: errors[i] ?? [] })),
  };
}
