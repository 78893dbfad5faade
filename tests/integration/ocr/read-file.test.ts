// Real OCR on real rendered files in every accepted format, and every bad input refused cleanly.
import { getEventListeners } from 'node:events';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrPage } from '../../../src/shared/domain/ocr';
import { createOcrPool, type OcrPool } from '../../../src/main/ocr/pool';
import { readFile } from '../../../src/main/ocr/read-file';
import { wordAccuracy } from '../../fixtures/ocr/accuracy';
import { buildOcrFixtures, TEXT_LAYER_LINES, type OcrFixtures } from '../../fixtures/ocr/build';

let fx: OcrFixtures;
let pool: OcrPool;
beforeAll(async () => {
  fx = await buildOcrFixtures();
  pool = createOcrPool({ size: 2 });
});
afterAll(async () => {
  await pool?.terminate();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

const words = (p: OcrPage): string[] => p.lines.flatMap((l) => l.words.map((w) => w.text));
const find = (p: OcrPage, text: string) => p.lines.flatMap((l) => l.words).find((w) => w.text === text);

function expectBoxesOnPage(p: OcrPage): void {
  for (const w of p.lines.flatMap((l) => l.words)) {
    const [x0, y0, x1, y1] = w.bbox;
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(p.width);
    expect(y1).toBeLessThanOrEqual(p.height);
    expect(x1).toBeGreaterThan(x0);
    expect(y1).toBeGreaterThan(y0);
    expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(w.confidence).toBeLessThanOrEqual(1);
  }
}

describe('readFile on every accepted format', () => {
  it.each(['page.png', 'photo.jpg', 'scan-2p.tiff', 'scan-2p.pdf'])('reads %s page by page with boxes and quality', async (name) => {
    const seen: number[] = [];
    const r = await readFile(fx.path(name), { pool, onPage: (p) => seen.push(p.page) });
    const truth = fx.truth[name] as string[][];
    expect(r.errors).toEqual([]);
    expect(r.file).toBe(name);
    expect(r.pages.map((p) => p.page)).toEqual(truth.map((_t, i) => i + 1));
    expect([...seen].sort()).toEqual(r.pages.map((p) => p.page));
    r.pages.forEach((p, i) => {
      expect(p.source).toBe('ocr');
      expect(wordAccuracy(truth[i] as string[], words(p))).toBeGreaterThan(0.9);
      expect(p.quality.poor).toBe(false);
      expect(p.timings.total).toBeGreaterThan(0);
      expect(p.preprocessing.steps).toEqual(expect.arrayContaining(['grayscale', 'normalise']));
      expectBoxesOnPage(p);
    });
  });

  it('puts the title word where it was printed (top left, 0.9 inch in)', async () => {
    const r = await readFile(fx.path('page.png'), { pool });
    const page = r.pages[0] as OcrPage;
    const bpjs = find(page, 'BPJS');
    expect(bpjs).toBeDefined();
    // Rendered at 200 dpi: the text starts 0.9 in = 180 px from the left, first baseline 1 in down.
    expect(bpjs!.bbox[0]).toBeGreaterThan(170);
    expect(bpjs!.bbox[0]).toBeLessThan(195);
    expect(bpjs!.bbox[3]).toBeGreaterThan(180);
    expect(bpjs!.bbox[3]).toBeLessThan(215);
  });

  it('uses a PDF text layer instead of OCR and says so', async () => {
    const r = await readFile(fx.path('text-layer.pdf'), { pool });
    const page = r.pages[0] as OcrPage;
    expect(page.source).toBe('text-layer');
    expect(page.lines.map((l) => l.text)).toEqual(TEXT_LAYER_LINES.map((l) => l.replace(/\s+/g, ' ')));
    // pdf-lib drew the first line at x = 60 pt, baseline 82 pt from the top of the A4 page (595 pt
    // wide); in the rendered page's pixels that is 60 × scale and 82 × scale.
    const scale = page.width / 595;
    expect(scale).toBeGreaterThan(3); // rendered at an OCR resolution (over 216 dpi)
    const surat = find(page, 'SURAT')!;
    expect(Math.abs(surat.bbox[0] - 60 * scale)).toBeLessThan(5);
    expect(surat.bbox[3]).toBeGreaterThan(82 * scale - 5);
    expect(surat.bbox[3]).toBeLessThan(82 * scale + 5 * scale);
    expectBoxesOnPage(page);
  });

  it('reads a sideways page and maps its boxes onto the sideways page', async () => {
    const r = await readFile(fx.path('sideways.png'), { pool });
    const page = r.pages[0] as OcrPage;
    // Page layout analysis reads vertical lines itself; OSD would turn the page (270) if it could not.
    expect([0, 270]).toContain(page.preprocessing.rotate);
    expect(wordAccuracy(fx.truth['sideways.png']![0]!, words(page))).toBeGreaterThan(0.9);
    // Turned clockwise, the printed top-left corner is now top-right; the title runs downwards.
    const bpjs = find(page, 'BPJS')!;
    expect(bpjs.bbox[0]).toBeGreaterThan(page.width * 0.8);
    expect(bpjs.bbox[1]).toBeLessThan(page.height * 0.25);
    expect(bpjs.bbox[3] - bpjs.bbox[1]).toBeGreaterThan(bpjs.bbox[2] - bpjs.bbox[0]);
    expectBoxesOnPage(page);
  });

  it('detects an upside-down page (OSD), reads it turned, and maps boxes back onto the page as scanned', async () => {
    const r = await readFile(fx.path('upside-down.png'), { pool });
    const page = r.pages[0] as OcrPage;
    expect(page.preprocessing.rotate).toBe(180);
    expect(page.preprocessing.orientation).toMatchObject({ degrees: 180 });
    expect(wordAccuracy(fx.truth['upside-down.png']![0]!, words(page))).toBeGreaterThan(0.9);
    // Upside down, the printed top-left title sits bottom-right.
    const bpjs = find(page, 'BPJS')!;
    expect(bpjs.bbox[0]).toBeGreaterThan(page.width * 0.6);
    expect(bpjs.bbox[1]).toBeGreaterThan(page.height * 0.8);
    expectBoxesOnPage(page);
  });

  it('deskews a crooked scan and records the angle', async () => {
    const r = await readFile(fx.path('skewed.png'), { pool });
    const page = r.pages[0] as OcrPage;
    expect(Math.abs(Number(page.preprocessing.deskewDegrees))).toBeGreaterThan(1.5);
    expect(wordAccuracy(fx.truth['skewed.png']![0]!, words(page))).toBeGreaterThan(0.9);
    expectBoxesOnPage(page);
  });

  it("leaves no abort listener behind on a case's signal once its pages are read", async () => {
    const controller = new AbortController();
    const png = fs.readFileSync(fx.path('page.png'));
    for (let i = 0; i < 3; i++) await readFile({ name: 'page.png', bytes: png }, { pool, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('marks a faded, blurred, tiny page as too poor to trust', async () => {
    const r = await readFile(fx.path('poor.jpg'), { pool });
    const page = r.pages[0] as OcrPage;
    expect(page.quality.poor).toBe(true);
    expect(page.quality.reasons.length).toBeGreaterThan(0);
  });
});

describe('readFile on bad input never throws', () => {
  it.each([
    ['corrupt.pdf', /corrupt\.pdf is not a readable PDF/],
    ['encrypted.pdf', /encrypted\.pdf is password-protected/],
    ['empty.pdf', /empty\.pdf is empty/],
    ['html.pdf', /html\.pdf is an HTML page/],
    ['bomb.png', /bomb\.png is 100000×100000 pixels, above the limit/],
    ['many-pages.pdf', /many-pages\.pdf has 2000 pages; the limit is 300/],
    ['truncated.jpg', /truncated\.jpg is a damaged or incomplete image/],
  ])('%s: errors filled, no pages', async (name, message) => {
    const r = await readFile(fx.path(name), { pool });
    expect(r.pages).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
  });

  it('honours a lower page limit from the configuration', async () => {
    const r = await readFile(fx.path('scan-2p.pdf'), { pool, limits: { maxPages: 1 } });
    expect(r.errors[0]).toMatch(/2 pages; the limit is 1/);
  });

  it('reports a missing file instead of throwing', async () => {
    const r = await readFile(fx.path('nope.pdf'), { pool });
    expect(r.errors[0]).toMatch(/does not exist/);
  });
});
