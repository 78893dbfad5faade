// Page readers in worker threads: the same page pipeline as on the calling thread, with refusals that
// keep their code and words across the thread, cancellation, and previews in OCR's pixel space.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/result';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { createOcrPool, type OcrPool } from '../../../src/main/ocr/pool';
import { inProcessReaders, threadedReaders, type PageReaders } from '../../../src/main/ocr/readers';
import { buildOcrFixtures, type OcrFixtures } from '../../fixtures/ocr/build';
import { useRelaxedSimd } from '../../../src/main/ocr/wasm-features';
import { relaxedSimd } from 'wasm-feature-detect';

let fx: OcrFixtures;
let pool: OcrPool;
let threaded: PageReaders;
beforeAll(async () => {
  fx = await buildOcrFixtures();
  pool = createOcrPool({ size: 1 });
  threaded = threadedReaders({ size: 1 });
});
afterAll(async () => {
  await threaded?.terminate();
  await pool?.terminate();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

const words = (p: OcrPage): string[] => p.lines.flatMap((l) => l.words.map((w) => `${w.text}@${w.bbox.join(',')}`));
const file = (name: string) => ({ key: name, name, path: fx.path(name) });

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, message: (err as AppError).message };
}

/** The nice value of each thread of this process (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNice(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(Number(tid), Number(fields[16]));
  }
  return out;
}

describe('the OCR engine build', () => {
  it('is the relaxed-SIMD build the desktop app’s runtime uses, also where Node has it behind a flag', async () => {
    // The pool of beforeAll turned it on for this process; the threads it starts pick that build.
    expect(await useRelaxedSimd()).toBe(true);
    expect(await relaxedSimd()).toBe(true);
  });
});

describe('threaded page readers', () => {
  it.runIf(process.platform === 'linux')('for the case pipeline, read at a lower priority than the thread answering calls, tesseract included', async () => {
    // Readers that are not background work (the officer's previews, the command line) keep the normal priority.
    await threaded.read(file('page.png'), 1);
    const before = [...threadNice().values()].filter((n) => n === 10).length;
    expect(before).toBe(0);
    const background = threadedReaders({ size: 1, background: true });
    try {
      // Reading a page starts the reader thread and its tesseract worker.
      expect((await background.read(file('page.png'), 1)).lines.length).toBeGreaterThan(3);
      const nice = threadNice();
      expect(nice.get(process.pid)).toBe(0);
      // The reader thread and the tesseract worker it started (it inherits the reader's priority).
      expect([...nice.values()].filter((n) => n === 10).length).toBeGreaterThanOrEqual(2);
    } finally {
      await background.terminate();
    }
  });

  it('read exactly what the pipeline reads on the calling thread', async () => {
    const here = inProcessReaders(pool);
    for (const [name, page] of [
      ['page.png', 1],
      ['scan-2p.pdf', 2],
    ] as const) {
      const [a, b] = [await here.read(file(name), page), await threaded.read(file(name), page)];
      expect(b.page).toBe(page);
      expect(words(b)).toEqual(words(a));
      expect(words(b).length).toBeGreaterThan(10);
    }
    expect(await threaded.pageCount(file('scan-2p.tiff'))).toBe(2);
    await here.terminate();
  });

  it('refuse a bad file with the same code and words as on the calling thread', async () => {
    const here = inProcessReaders(pool);
    for (const name of ['corrupt.pdf', 'encrypted.pdf', 'bomb.png']) {
      const expected = await refusal(here.pageCount(file(name)));
      expect(await refusal(threaded.pageCount(file(name)))).toEqual(expected);
    }
    await here.terminate();
  });

  it('answer a cancelled page at once, and read the next page after it', async () => {
    const controller = new AbortController();
    const reading = threaded.read(file('photo.jpg'), 1, controller.signal);
    controller.abort();
    expect((await refusal(reading)).code).toBe('cancelled');
    const next = await threaded.read(file('page.png'), 1);
    expect(next.lines.length).toBeGreaterThan(0);
  });

  it("render a page's preview as a JPEG in OCR's pixel space", async () => {
    const page = await threaded.read(file('scan-2p.pdf'), 1);
    const preview = await threaded.preview(file('scan-2p.pdf'), 1);
    expect([preview.width, preview.height]).toEqual([page.width, page.height]);
    expect([...preview.jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(Math.max(preview.pixelWidth, preview.pixelHeight)).toBeLessThanOrEqual(1800);
  });
});
