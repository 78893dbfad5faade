// Reads every page of one file without a database: used by `claimdesk ocr`, `claimdesk extract` and the
// benchmark. Bad files never throw: they come back with `errors` filled and no pages.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { OcrPage } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import { cleanFileName } from '../../shared/files/file-name';
import { randomUUID } from 'node:crypto';
import { ocrLimits, type OcrLimits } from './config';
import type { OcrPool } from './pool';
import { runLanes } from './gate';
import { inProcessReaders, threadedReaders, type FileRef, type PageReaders } from './readers';

export interface ReadFileOptions {
  /** Page readers to reuse; without them, readers are started for this call and stopped after it. */
  readers?: PageReaders;
  /** Read on this thread with this OCR pool instead (the benches' caching pool). */
  pool?: OcrPool;
  signal?: AbortSignal;
  /** Called as each page finishes (pages may finish out of order). */
  onPage?: (p: OcrPage) => void;
  /** Languages for readers started by this call (default ind+eng). */
  languages?: string[];
  limits?: Partial<OcrLimits>;
}

export interface ReadFileResult {
  file: string;
  pages: OcrPage[];
  errors: string[];
}

export async function readFile(input: string | { name: string; bytes: Buffer }, opts: ReadFileOptions = {}): Promise<ReadFileResult> {
  // Shown in the output and in every message about the file: cleaned like a stored name.
  const name = cleanFileName(typeof input === 'string' ? path.basename(input) : input.name);
  const limits = ocrLimits(opts.limits);
  const own = opts.readers
    ? null
    : opts.pool
      ? inProcessReaders(opts.pool, limits)
      : threadedReaders({ ...(opts.languages ? { languages: opts.languages } : {}), ...(opts.limits ? { limits: opts.limits } : {}) });
  const readers = opts.readers ?? (own as PageReaders);
  const pages: OcrPage[] = [];
  const errors: string[] = [];
  let file: FileRef | null = null;
  try {
    let pageCount: number;
    try {
      file =
        typeof input === 'string'
          ? { key: `path:${randomUUID()}`, name, path: await checkedPath(input, limits) }
          : { key: `bytes:${randomUUID()}`, name, bytes: input.bytes };
      pageCount = await readers.pageCount(file, opts.signal);
    } catch (err) {
      return { file: name, pages: [], errors: [messageOf(err)] };
    }
    const ref = file;
    let next = 1;
    const lane = async (firstRead: () => void): Promise<void> => {
      while (next <= pageCount && !opts.signal?.aborted) {
        const n = next++;
        try {
          const page = await readers.read(ref, n, opts.signal);
          pages.push(page);
          opts.onPage?.(page);
        } catch (err) {
          if (!opts.signal?.aborted) errors.push(`page ${n}: ${messageOf(err)}`);
        }
        firstRead();
      }
    };
    // One page more in flight than there are readers, so the next page is ready when a reader is free.
    await runLanes(readers.size, Math.min(pageCount, readers.size + 1), lane);
    if (opts.signal?.aborted) errors.push('cancelled');
  } finally {
    if (file) readers.release(file.key);
    await own?.terminate();
  }
  pages.sort((a, b) => a.page - b.page);
  return { file: name, pages, errors };
}

/** The file's path once it is known to be a file within the upload limit. */
async function checkedPath(file: string, limits: OcrLimits): Promise<string> {
  const stat = await fs.stat(file).catch(() => null);
  const shown = cleanFileName(file);
  if (!stat?.isFile()) throw new AppError('not_found', `${shown} does not exist or is not a file.`, { file: shown });
  if (stat.size > limits.maxUploadBytes) {
    throw new AppError('too_large', `${path.basename(shown)} is ${stat.size} bytes; the limit is ${limits.maxUploadBytes}.`, {
      file: path.basename(shown),
      reason: 'bytes',
    });
  }
  return path.resolve(file);
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
