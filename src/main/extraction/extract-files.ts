// `extractFiles`: OCR + classification + field extraction of files on disk, no database needed; the
// output is exactly the contract's JSON (docs/contract.md §6). A file that cannot be read has
// its error in `errors` and no documents; the other files are still processed. The files of one call
// are taken as one dossier, so one file's documents confirm or doubt another's.
import os from 'node:os';
import type { ExtractOutput } from '../../shared/domain/documents';
import { extractDocuments, extractDossier } from '../../shared/extract/index';
import { readFile } from '../ocr/read-file';
import { threadedReaders, type PageReaders } from '../ocr/readers';

export interface ExtractFilesOptions {
  /** Page readers to reuse; otherwise they are started for the call and stopped after it. */
  readers?: PageReaders;
  signal?: AbortSignal;
  /** Called after each file, for progress output. */
  onFile?: (file: string, index: number, total: number) => void;
}

export async function extractFiles(paths: readonly string[], opts: ExtractFilesOptions = {}): Promise<ExtractOutput> {
  // No window waits on the command line: every core reads.
  const readers = opts.readers ?? threadedReaders({ size: os.availableParallelism() });
  const reads: Awaited<ReturnType<typeof readFile>>[] = [];
  try {
    for (const [i, p] of paths.entries()) {
      reads.push(await readFile(p, { readers, ...(opts.signal ? { signal: opts.signal } : {}) }));
      opts.onFile?.(reads[i]?.file ?? p, i, paths.length);
    }
  } finally {
    if (!opts.readers) await readers.terminate();
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
    files: reads.map((r, i) => ({
      file: r.file,
      pages: r.pages.length ? Math.max(...r.pages.map((pg) => pg.page)) : 0,
      documents: documents[i] ?? [],
      errors: errors[i] ?? [],
    })),
  };
}
