// OCR results cached by file: keyed by the file's bytes and the OCR engine's sources, so re-runs while
// extraction is tuned are fast and a changed OCR pipeline is measured afresh.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile as readFs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrPage } from '../src/shared/domain/ocr';
import type { OcrPool } from '../src/main/ocr/pool';
import { readFile } from '../src/main/ocr/read-file';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
export const OCR_CACHE = path.join(ROOT, '.cache', 'ocr');

let ocrSources: string | null = null;
async function ocrVersion(): Promise<string> {
  if (ocrSources === null) {
    const dir = path.join(ROOT, '..', 'src', 'main', 'ocr');
    const h = createHash('sha256');
    for (const f of (await readdir(dir)).sort()) if (f.endsWith('.ts')) h.update(await readFs(path.join(dir, f)));
    // OCR's tuned numbers (extraction's are kept apart, so tuning them keeps the cache).
    h.update(await readFs(path.join(ROOT, '..', 'src', 'shared', 'tuning', 'ocr.ts')));
    ocrSources = h.digest('hex');
  }
  return ocrSources;
}

/**
 * A pool that remembers what tesseract read on each image (keyed by the image's bytes, the call's
 * options and the OCR sources), for the dev-set stand-in's `verify`, which reads pages through the
 * back end's own pool: the scorer's thirty cases re-read the same pages, and read them alike.
 */
export function cachingPool(pool: OcrPool): OcrPool {
  const dir = path.join(ROOT, '.cache', 'ocr-images');
  const cached = async <T>(kind: string, image: Buffer, opts: object, read: () => Promise<T>): Promise<T> => {
    const key = createHash('sha256')
      .update(kind)
      .update(JSON.stringify(opts))
      .update(image)
      .update(await ocrVersion())
      .digest('hex');
    const file = path.join(dir, `${key}.json`);
    try {
      return JSON.parse(await readFs(file, 'utf8')) as T;
    } catch {
      const value = await read();
      await mkdir(dir, { recursive: true });
      await writeFile(file, JSON.stringify(value));
      return value;
    }
  };
  return {
    ...pool,
    recognize: (image, o = {}) => {
      const { signal, ...opts } = o;
      return cached('recognize', image, opts, () => pool.recognize(image, signal ? { ...opts, signal } : opts));
    },
    detectOrientation: (image, signal) => cached('osd', image, {}, () => pool.detectOrientation(image, signal)),
    terminate: () => pool.terminate(),
  };
}

export async function ocrCached(file: { name: string; bytes: Buffer }, pool: OcrPool): Promise<{ pages: OcrPage[]; errors: string[]; cached: boolean }> {
  const hash = createHash('sha256')
    .update(file.bytes)
    .update(await ocrVersion())
    .digest('hex');
  const cacheFile = path.join(OCR_CACHE, `${hash}.json`);
  try {
    return { ...(JSON.parse(await readFs(cacheFile, 'utf8')) as { pages: OcrPage[]; errors: string[] }), cached: true };
  } catch {
    const r = await readFile({ name: file.name, bytes: file.bytes }, { pool });
    await mkdir(OCR_CACHE, { recursive: true });
    await writeFile(cacheFile, JSON.stringify({ pages: r.pages, errors: r.errors }));
    return { pages: r.pages, errors: r.errors, cached: false };
  }
}
