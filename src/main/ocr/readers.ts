// Page readers: where a page becomes an OcrPage. The back end never rasterises, cleans or reads a page
// on its own thread: `threadedReaders` runs the whole page pipeline (pdf.js, the pixel passes, the
// tesseract worker each thread owns) in worker threads, so calls keep being answered while pages are
// read. `inProcessReaders` is the same pipeline on the calling thread: it is what each thread runs, and
// what the benches use to put a caching OCR pool in front of tesseract.
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { OcrPage } from '../../shared/domain/ocr';
import { AppError } from '../../shared/api/result';
import { ThreadClient } from '../threads';
import { defaultPoolSize, ocrLimits, type OcrLimits } from './config';
import { Gate } from './gate';
import type { OcrPool } from './pool';
import { loadPage, readPage } from './read-page';
import { openSource, type DocumentSource } from './source';
import { WorkerQueue } from './worker-queue';
import type { FileFormat } from '../intake/detect';
import type { BackendContext } from '../context';

/** A file to read: by path, or by its bytes. `key` names it for reuse across its pages (hash or path). */
export interface FileRef {
  key: string;
  name: string;
  path?: string;
  bytes?: Uint8Array;
}

/** A page as the officer sees it: JPEG, no larger than the preview size, in OCR's page pixel space. */
export interface PagePreview {
  jpeg: Uint8Array;
  /** The page's size in OCR's pixel space (what OCR boxes refer to). */
  width: number;
  height: number;
  /** The JPEG's own size. */
  pixelWidth: number;
  pixelHeight: number;
}

export interface PageReaders {
  /** Pages read at once. */
  readonly size: number;
  /** Gets the readers (threads, tesseract) ready for pages that are about to come; returns at once. */
  start(): void;
  pageCount(file: FileRef, signal?: AbortSignal): Promise<number>;
  /** Opens the file as OCR will (format by content, pixel budget, page limit, password, damage; an
   * image's first page decoded) and says what it is; refuses it with the reason otherwise. */
  inspect(file: FileRef, limits?: OcrLimits): Promise<{ format: FileFormat; pageCount: number }>;
  read(file: FileRef, pageNo: number, signal?: AbortSignal): Promise<OcrPage>;
  preview(file: FileRef, pageNo: number, signal?: AbortSignal): Promise<PagePreview>;
  /** Closes the file where it is open (call when its pages are done). */
  release(key: string): void;
  terminate(): Promise<void>;
}

/** Open files kept per reader: a case's files are read one after the other, pages in order. */
const OPEN_FILES = 4;

/** The file's bytes, as a Buffer over the same memory (bytes that crossed a thread arrive as a plain array). */
async function bytesOf(file: FileRef): Promise<Buffer> {
  if (file.bytes) return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  if (!file.path) throw new AppError('internal', `No bytes or path for ${file.name}`);
  return fs.readFile(file.path);
}

async function renderPreview(source: DocumentSource, pageNo: number, limits: OcrLimits): Promise<PagePreview> {
  const raster = await source.loadPage(pageNo);
  const jpeg = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
    .resize({ width: limits.previewSide, height: limits.previewSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75, mozjpeg: false })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: jpeg.data, width: raster.width, height: raster.height, pixelWidth: jpeg.info.width, pixelHeight: jpeg.info.height };
}

/** The page pipeline on this thread, over `pool` (or the pool `pool()` makes when a page is first read:
 * a thread that only renders previews never starts tesseract). The pool stays the caller's. */
export function inProcessReaders(pool: OcrPool | (() => OcrPool), limits: OcrLimits = ocrLimits()): PageReaders {
  let ocr = typeof pool === 'function' ? null : pool;
  const ocrPool = (): OcrPool => (ocr ??= (pool as () => OcrPool)());
  const sources = new Map<string, Promise<DocumentSource>>();
  const gate = new Gate();
  const release = (key: string): void => {
    const s = sources.get(key);
    sources.delete(key);
    void s?.then(
      (src) => src.close(),
      () => undefined,
    );
  };
  const open = (file: FileRef): Promise<DocumentSource> => {
    let s = sources.get(file.key);
    if (s) {
      // Most recently used last, so the least recently used file is closed first.
      sources.delete(file.key);
      sources.set(file.key, s);
      return s;
    }
    s = bytesOf(file).then((bytes) => openSource(file.name, bytes, limits));
    sources.set(file.key, s);
    s.catch(() => sources.delete(file.key));
    while (sources.size > OPEN_FILES) release(sources.keys().next().value as string);
    return s;
  };
  return {
    size: typeof pool === 'function' ? 1 : pool.size,
    start: () => void ocrPool(),
    pageCount: async (file) => (await open(file)).pageCount,
    inspect: async (file, given = limits) => {
      const source = await openSource(file.name, await bytesOf(file), given);
      try {
        // A first page that cannot be read (a truncated JPEG, a PDF page whose object is broken) is refused
        // now, not discovered by OCR later.
        await source.checkFirstPage();
        return { format: source.format, pageCount: source.pageCount };
      } finally {
        await source.close();
      }
    },
    read: async (file, pageNo, signal) => readPage(await loadPage(await open(file), pageNo, limits, gate), pageNo, ocrPool(), limits, signal),
    preview: async (file, pageNo) => renderPreview(await open(file), pageNo, limits),
    release,
    terminate: () => {
      for (const key of [...sources.keys()]) release(key);
      return Promise.resolve();
    },
  };
}

// ---- worker threads ----

/** Work for a page-reader thread. */
export type ReaderJob =
  { op: 'read' | 'preview'; file: FileRef; page: number } | { op: 'count'; file: FileRef } | { op: 'inspect'; file: FileRef; limits?: OcrLimits };
/** Told, not asked: start now (threads and tesseract), or close a file. */
export type ReaderNotice = { op: 'start' } | { op: 'release'; key: string };

export interface ReaderThreadData {
  languages?: string[];
  warmUp: boolean;
  limits: OcrLimits;
  /** The thread (and the tesseract workers it starts) gives way to the calls screens wait on. */
  background: boolean;
}

export interface ThreadedReadersOptions {
  /** Threads, each reading one page at a time with its own tesseract worker (default: cores less one). */
  size?: number;
  languages?: string[];
  /** Each thread reads a generated page first (warm-up.ts): for the app's long-lived readers. */
  warmUp?: boolean;
  limits?: Partial<OcrLimits>;
  /** Background work (the case pipeline's reading): the threads run at a lower priority (thread-priority.ts). */
  background?: boolean;
}

/** Page readers in worker threads, started on the first page asked for. */
export function threadedReaders(opts: ThreadedReadersOptions = {}): PageReaders {
  const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  const data: ReaderThreadData = {
    ...(opts.languages ? { languages: opts.languages } : {}),
    warmUp: opts.warmUp ?? false,
    limits: ocrLimits(opts.limits),
    background: opts.background ?? false,
  };
  const threads = Array.from({ length: size }, () => new ThreadClient<ReaderJob, ReaderNotice>('reader-thread', data, 'The page reader'));
  let queue: WorkerQueue<ThreadClient<ReaderJob, ReaderNotice>> | null = null;
  const run = <T>(request: ReaderJob, signal?: AbortSignal): Promise<T> =>
    (queue ??= new WorkerQueue(Promise.resolve(threads))).run((t) => t.call<T>(request, signal), signal);
  return {
    size,
    start: () => {
      for (const t of threads) t.post({ op: 'start' }, true);
    },
    pageCount: (file, signal) => run<number>({ op: 'count', file }, signal),
    inspect: (file, limits) => run<{ format: FileFormat; pageCount: number }>({ op: 'inspect', file, ...(limits ? { limits } : {}) }),
    read: (file, page, signal) => run<OcrPage>({ op: 'read', file, page }, signal),
    preview: (file, page, signal) => run<PagePreview>({ op: 'preview', file, page }, signal),
    release: (key) => {
      for (const t of threads) t.post({ op: 'release', key });
    },
    terminate: async () => {
      await (queue?.terminate() ?? Promise.all(threads.map((t) => t.terminate())));
    },
  };
}

/** The back end's page readers for OCR, started on the first page and stopped when the context closes. */
export function getPageReaders(ctx: BackendContext): PageReaders {
  return ctx.service(
    'ocr.readers',
    () => threadedReaders({ background: true }),
    (r) => r.terminate(),
  );
}

/** A thread of its own for the quick page work an officer waits on (page images, checking files as they
 * are added), so it never waits behind OCR and pdf.js never runs on the back end's thread. */
export function getQuickReader(ctx: BackendContext): PageReaders {
  return ctx.service(
    'ocr.quick',
    () => threadedReaders({ size: 1 }),
    (r) => r.terminate(),
  );
}
