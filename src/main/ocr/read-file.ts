// Reads every page of one file without a database: used by `claimdesk ocr`, `claimdesk extract` and the
// benchmark. Bad files never throw: they come back with `errors` filled and no pages.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OcrPage } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import { ocrLimits, type OcrLimits } from './config';
import { createOcrPool, type OcrPool } from './pool';
import { Gate, runLanes } from './gate';
import { loadPage, readPage } from './read-page';
import { openSource, type DocumentSource } from './source';

export interface ReadFileOptions {
  /** A pool to reuse; without one a pool is started for this call and stopped after it. */
  pool?: OcrPool;
  signal?: AbortSignal;
  /** Called as each page finishes (pages may finish out of order). */
  onPage?: (p: OcrPage) => void;
  /** Languages for a pool started by this call (default ind+eng); ignored when `pool` is given. */
  languages?: string[];
  limits?: Partial<OcrLimits>;
}

export interface ReadFileResult {
  file: string;
  pages: OcrPage[];
  errors: string[];
}

export async function readFile(input: string | { name: string; bytes: Buffer }, opts: ReadFileOptions = {}): Promise<ReadFileResult> {
  const name = typeof input === 'string' ? path.basename(input) : input.name;
  const limits = ocrLimits(opts.limits);
  let source: DocumentSource;
  try {
    const bytes = typeof input === 'string' ? await readBytes(input, limits) : input.bytes;
    source = await openSource(name, bytes, limits);
  } catch (err) {
    return { file: name, pages: [], errors: [messageOf(err)] };
  }
  const ownPool = opts.pool ? null : createOcrPool(opts.languages ? { languages: opts.languages } : {});
  const pool = opts.pool ?? (ownPool as OcrPool);
  const pages: OcrPage[] = [];
  const errors: string[] = [];
  try {
    // One page more in flight than there are workers, so rasterising the next page overlaps OCR.
    let next = 1;
    const gate = new Gate();
    const lane = async (firstRead: () => void): Promise<void> => {
      while (next <= source.pageCount && !opts.signal?.aborted) {
        const n = next++;
        try {
          const page = await readPage(await loadPage(source, n, limits, gate), n, pool, limits, opts.signal);
          pages.push(page);
          opts.onPage?.(page);
        } catch (err) {
          if (!opts.signal?.aborted) errors.push(`page ${n}: ${messageOf(err)}`);
        }
        firstRead();
      }
    };
    await runLanes(pool.size, Math.min(source.pageCount, pool.size + 1), lane);
    if (opts.signal?.aborted) errors.push('cancelled');
  } finally {
    await source.close().catch(() => undefined);
    await ownPool?.terminate();
  }
  pages.sort((a, b) => a.page - b.page);
  return { file: name, pages, errors };
}

async function readBytes(file: string, limits: OcrLimits): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AppError('not_found', `${file} does not exist or is not a file.`, { file });
  if (stat.size > limits.maxUploadBytes) {
    throw new AppError('too_large', `${path.basename(file)} is ${stat.size} bytes; the limit is ${limits.maxUploadBytes}.`, {
      file: path.basename(file),
      reason: 'bytes',
    });
  }
  return fs.readFile(file);
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
