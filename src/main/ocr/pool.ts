// A fixed pool of tesseract.js workers, created once and reused: OCR never starts a worker per page, and
// at most `size` pages are read at a time, so the interactive path keeps its share of the cores.
// Language data comes only from resources/tessdata; nothing is fetched, cached or written elsewhere.
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { AppError } from '../../shared/api/result';
import { availableOcrLanguages, tessdataDir } from '../ocr-languages';
import { defaultPoolSize } from './config';
import { parseTsv, type TsvLine } from './tsv';
import { warmUpPage } from './warm-up';
import { WorkerQueue } from './worker-queue';
import { useRelaxedSimd } from './wasm-features';

export interface OcrPoolOptions {
  /** Number of recognition workers; default one per core less one (CLAIMDESK_OCR_WORKERS overrides). */
  size?: number;
  languages?: string[];
  langPath?: string;
  /** Have each worker read a generated page before taking work (warm-up.ts): for the app's long-lived
   * pool, not for a one-off command, which would wait longer for the warm-up than it saves. */
  warmUp?: boolean;
}

export interface OsdResult {
  degrees: 0 | 90 | 180 | 270;
  confidence: number;
}

export interface RecognizeOptions {
  /** Let tesseract measure and correct a small skew (it reports the angle it applied). */
  deskew?: boolean;
  /** Read the image as one line of text (a line cut from a page) instead of laying out a page. */
  singleLine?: boolean;
  /** Read the image as one block of text (a part of a page its layout left unread). */
  block?: boolean;
  /** Resolution of the image, for images that do not carry one (PGM). */
  dpi?: number;
  signal?: AbortSignal | undefined;
}

/** What tesseract read on one image: lines of words in the image's pixels, and the skew it undid. */
export interface RecognizedImage {
  lines: TsvLine[];
  /** Angle tesseract rotated the image by before reading it (0 when it was straight enough). */
  rotateRadians: number;
}

export interface OcrPool {
  readonly size: number;
  readonly languages: string[];
  recognize(image: Buffer, opts?: RecognizeOptions): Promise<RecognizedImage>;
  /** Orientation of the text (tesseract OSD); degrees the page must be turned clockwise to be upright. */
  detectOrientation(image: Buffer, signal?: AbortSignal): Promise<OsdResult | null>;
  terminate(): Promise<void>;
}

/** tesseract prints warnings ("Too few characters", resolution guesses) to stderr; the app reports
 * quality itself, so they go to the worker's own /dev/null. */
const QUIET = '/dev/null';

const workerOptions = (langPath: string, legacy: boolean) => ({
  langPath,
  gzip: true,
  // 'none': never read or write a traineddata cache (the default writes into the current directory).
  cacheMethod: 'none',
  legacyCore: legacy,
  legacyLang: legacy,
  logger: () => undefined,
  errorHandler: () => undefined,
});

export function createOcrPool(opts: OcrPoolOptions = {}): OcrPool {
  const langPath = opts.langPath ?? tessdataDir();
  const languages = opts.languages ?? ['ind', 'eng'];
  const present = availableOcrLanguages(langPath);
  const missing = languages.filter((l) => !present.includes(l));
  if (missing.length) {
    throw new AppError('internal', `OCR language data missing in ${langPath}: ${missing.join(', ')} (run scripts/prepare-resources.mjs)`);
  }
  const size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
  const warm = opts.warmUp ? warmUpPage() : null;
  // The engine build is chosen as each worker starts: the fastest the runtime can run (wasm-features.ts).
  const engine = useRelaxedSimd();
  const recognizers = new WorkerQueue<Worker>(
    Promise.all(
      Array.from({ length: size }, async () => {
        await engine;
        const w = await createWorker(languages, OEM.LSTM_ONLY, workerOptions(langPath, false));
        // tesseract's library default is one uniform block (PSM 6); documents need full page layout
        // analysis (PSM 3, the command line's default), which is also what makes rotateAuto cheap.
        await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, debug_file: QUIET });
        // Best effort: a warm-up that fails leaves a worker that is only slower on its first page.
        const page = await warm?.catch(() => null);
        if (page)
          await w.recognize(page.image, { rotateAuto: true, user_defined_dpi: String(page.dpi) } as never, { tsv: true, text: false }).catch(() => undefined);
        return w;
      }),
    ),
  );
  // The OSD model only exists in tesseract's legacy format, so orientation gets its own small worker,
  // started the first time a page looks sideways.
  let osd: WorkerQueue<Worker> | null = null;
  const osdQueue = (): WorkerQueue<Worker> =>
    (osd ??= new WorkerQueue<Worker>(
      engine.then(async () => {
        const w = await createWorker('osd', OEM.TESSERACT_ONLY, workerOptions(langPath, true));
        await w.setParameters({ debug_file: QUIET });
        return [w];
      }),
    ));

  return {
    size,
    languages,
    recognize: (image, o = {}) =>
      recognizers.run(async (w) => {
        const params: Record<string, string> = {};
        if (o.dpi) params.user_defined_dpi = String(Math.round(o.dpi));
        // Set for this call only: tesseract.js restores the worker's parameters afterwards.
        if (o.singleLine) params.tessedit_pageseg_mode = PSM.SINGLE_LINE;
        else if (o.block) params.tessedit_pageseg_mode = PSM.SINGLE_BLOCK;
        const { data } = await w.recognize(image, { rotateAuto: o.deskew ?? true, ...params }, { tsv: true, text: false });
        return { lines: parseTsv(data.tsv ?? ''), rotateRadians: data.rotateRadians ?? 0 };
      }, o.signal),
    detectOrientation: (image, signal) =>
      osdQueue().run(async (w) => {
        const { data } = await w.detect(image);
        if (data.orientation_degrees === null) return null;
        return { degrees: data.orientation_degrees as OsdResult['degrees'], confidence: data.orientation_confidence ?? 0 };
      }, signal),
    terminate: async () => {
      await Promise.all([recognizers.terminate(), osd?.terminate()]);
    },
  };
}
