// OCR benchmark on generated A4 claim-document scans (300 dpi): ClaimDesk's seconds per page, pages per
// second with the pool, time to the first finished page of a 6-page dossier after intake, peak memory,
// and word accuracy; beside native tesseract in its fastest setup here (one single-threaded process per
// core, OMP_THREAD_LIMIT=1) when it is installed. Then the same comparison on pages it was not tuned on:
// the dev set's pages (../shared/devset, another generator's documents) and dense text pages, each with
// the throughput ratio and word recall against the printed truth. Prints figures; asserts nothing.
//   npm run bench -- ocr [--pages N (16)] [--workers N] [--devset-pages N (16)] [--dense-pages N (6)] [--no-native]
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { BackendContext } from '../src/main/context';
import { addFilesToCase } from '../src/main/intake/intake';
import { listCasePages, startCaseOcr } from '../src/main/ocr/case-ocr';
import { createOcrPool, type OcrPool } from '../src/main/ocr/pool';
import { ocrLimits } from '../src/main/ocr/config';
import { tessdataDir } from '../src/main/ocr-languages';
import { getPageReaders } from '../src/main/ocr/readers';
import { openSource } from '../src/main/ocr/source';
import { readFile } from '../src/main/ocr/read-file';
import { createCase } from '../src/main/services/cases';
import { wordAccuracy } from '../tests/fixtures/ocr/accuracy';
import { renderClaimPage, type RenderedPage } from '../tests/fixtures/ocr/claim-page';
import { argOf, mean, median } from './stats';

const run = promisify(execFile);
const secs = (ms: number): string => (ms / 1000).toFixed(2);
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);

/** Samples the process's resident memory (tesseract.js workers are threads of this process). */
function memorySampler(): { peak: () => number; stop: () => void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return { peak: () => Math.max(peak, process.memoryUsage.rss()), stop: () => clearInterval(timer) };
}

async function limit<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await (jobs[i] as () => Promise<T>)();
      }
    }),
  );
  return out;
}

async function nativeTesseract(files: string[], cores: number): Promise<{ perPage: number[]; wall: number; texts: string[] } | null> {
  const version = await run('tesseract', ['--version']).catch(() => null);
  if (!version) return null;
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const one = async (f: string): Promise<{ ms: number; text: string }> => {
    const t = performance.now();
    const { stdout } = await run('tesseract', [f, '-', '-l', 'ind+eng', '--psm', '3'], { env, maxBuffer: 1 << 24 });
    return { ms: performance.now() - t, text: stdout };
  };
  const perPage: number[] = [];
  for (const f of files.slice(0, 3)) perPage.push((await one(f)).ms);
  const t = performance.now();
  const results = await limit(
    cores,
    files.map((f) => () => one(f)),
  );
  return { perPage, wall: performance.now() - t, texts: results.map((r) => r.text) };
}

async function dossier(pages: RenderedPage[], dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  // A mixed 6-page dossier: a 4-page scanned PDF, a phone-photo JPEG and a PNG.
  const pdf = await PDFDocument.create();
  for (const p of pages.slice(0, 4)) {
    const img = await pdf.embedJpg(await sharp(p.png).jpeg({ quality: 85 }).toBuffer());
    const page = pdf.addPage([595.3, 841.9]);
    page.drawImage(img, { x: 0, y: 0, width: 595.3, height: 841.9 });
  }
  const files = [
    { name: 'dossier-scan.pdf', bytes: Buffer.from(await pdf.save()) },
    { name: 'ktp-photo.jpg', bytes: await sharp(pages[4]!.png).jpeg({ quality: 85 }).toBuffer() },
    { name: 'passbook.png', bytes: pages[5]!.png },
  ];
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
  return files;
}

export default async function runBench(args: string[]): Promise<void> {
  const cores = os.availableParallelism();
  // The engine is compared with native tesseract on every core; the app's dossier below reads as the app
  // does, with one core left for the window.
  const workers = argOf(args, '--workers', cores);
  const count = argOf(args, '--pages', 16);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-ocr-'));
  try {
    console.log(`OCR benchmark: ${count} generated A4 claim pages at 300 dpi (scanned look, some skewed), ${cores} cores, ${workers} workers`);
    const pages: RenderedPage[] = [];
    const files: string[] = [];
    for (let i = 0; i < Math.max(count, 6); i++) {
      const p = await renderClaimPage(2025, i + 1, { dpi: 300, scanned: true, skewDeg: i % 3 === 2 ? 1.5 : 0 });
      pages.push(p);
      const f = path.join(dir, `page-${i + 1}.png`);
      fs.writeFileSync(f, p.png);
      files.push(f);
    }
    const pageFiles = files.slice(0, count);
    const truth = pages.slice(0, count).map((p) => p.words);

    const baseline = process.memoryUsage.rss();
    const mem = memorySampler();
    let t = performance.now();
    const pool = await startedPool(workers);
    const startup = performance.now() - t;
    const single: number[] = [];
    for (const f of pageFiles.slice(0, 3)) {
      t = performance.now();
      await readFile(f, { pool });
      single.push(performance.now() - t);
    }
    // Pages stream in as the app feeds them: one page per worker being read and one more being prepared.
    t = performance.now();
    const cpu0 = process.cpuUsage();
    const all = await limit(
      workers + 1,
      pageFiles.map((f) => () => readFile(f, { pool })),
    );
    const wall = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const readWords = all.map((r) => r.pages.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text))));
    const cdAccuracy = mean(readWords.map((w, i) => wordAccuracy(truth[i] as string[], w)));
    await pool.terminate();
    const poolPeak = mem.peak() - baseline;

    // Time to the first finished page of a 6-page dossier, measured from the end of intake, on the app's
    // page readers, which start (threads and tesseract) when the files arrive.
    const home = path.join(dir, 'home');
    const ctx = new BackendContext({ home, transport: 'cli' });
    const appReaders = getPageReaders(ctx);
    const c = createCase(ctx, { claimType: 'JKM', notes: '' });
    const bundle = await dossier(pages, dir);
    const intakeStart = performance.now();
    // As documents.add does: the readers start while the files are checked and stored.
    appReaders.start();
    await addFilesToCase(ctx, c.id, bundle);
    const intakeDone = performance.now();
    let firstPage = 0;
    ctx.events.subscribe((e) => {
      if (!firstPage && e.name === 'ocr.progress' && (e.payload as { state: string }).state === 'done') firstPage = performance.now();
    });
    await startCaseOcr(ctx, c.id);
    const dossierDone = performance.now();
    const firstTimings = listCasePages(ctx, c.id)[0]?.ocr?.timings ?? {};
    await ctx.close();
    mem.stop();
    const peak = mem.peak();

    const cdPerPage = median(single);
    const cdRate = (count * 1000) / wall;
    console.log('');
    console.log(`ClaimDesk (tesseract.js ${workers} workers, incl. decode + preprocessing)`);
    console.log(`  pool start-up:                       ${secs(startup)} s`);
    console.log(`  seconds per page (median, alone):    ${secs(cdPerPage)} s`);
    console.log(
      `  pages per second with the pool:      ${cdRate.toFixed(2)}   (CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(0)} ms a page, ${((cpu.user + cpu.system) / 1000 / wall).toFixed(2)} cores busy)`,
    );
    console.log(`  word accuracy:                       ${(cdAccuracy * 100).toFixed(1)} %`);
    console.log(
      `  6-page dossier on the app's ${appReaders.size} page reader(s), started when the files arrive: intake ${secs(intakeDone - intakeStart)} s, first page ${secs(firstPage - intakeDone)} s after intake, all 6 pages ${secs(dossierDone - intakeDone)} s`,
    );
    console.log(
      `  its first page (ms): ${Object.entries(firstTimings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    console.log(`  peak memory: pool ${mib(poolPeak)} MiB above baseline, process ${mib(peak)} MiB RSS`);

    if (args.includes('--no-native')) return;
    const native = await nativeTesseract(pageFiles, cores);
    if (!native) {
      console.log('\nnative tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-ind): no comparison');
      return;
    }
    const nRate = (count * 1000) / native.wall;
    const nAccuracy = mean(native.texts.map((text, i) => wordAccuracy(truth[i] as string[], text.split(/\s+/).filter(Boolean))));
    console.log('');
    console.log(`native tesseract (${cores} single-threaded processes, OMP_THREAD_LIMIT=1, -l ind+eng --psm 3)`);
    console.log(`  seconds per page (median, alone):    ${secs(median(native.perPage))} s`);
    console.log(`  pages per second:                    ${nRate.toFixed(2)}`);
    console.log(`  word accuracy:                       ${(nAccuracy * 100).toFixed(1)} %`);
    console.log('');
    console.log(`throughput ratio ClaimDesk / native:   ${(cdRate / nRate).toFixed(2)}   (target >= 0.70)`);
    console.log(`accuracy ClaimDesk - native:           ${((cdAccuracy - nAccuracy) * 100).toFixed(1)} points (target >= 0)`);

    console.log('\nPages it was not tuned on (the same page images to both; recall = share of the printed truth words read):');
    // Native tesseract's own models (Debian's are tessdata_fast) differ from the app's (best_int): also run
    // it on the app's, to tell the engine's speed from the models'.
    const ourModels = path.join(dir, 'tessdata');
    fs.mkdirSync(ourModels);
    for (const lang of ['ind', 'eng']) {
      fs.writeFileSync(path.join(ourModels, `${lang}.traineddata`), zlib.gunzipSync(fs.readFileSync(path.join(tessdataDir(), `${lang}.traineddata.gz`))));
    }
    const sets = [
      { name: 'dev set pages', pages: await devsetPages(dir, argOf(args, '--devset-pages', 16)) },
      { name: 'dense text pages', pages: await densePages(dir, argOf(args, '--dense-pages', 6)) },
    ];
    for (const set of sets) {
      if (!set.pages.length) {
        console.log(`  ${set.name}: none found`);
        continue;
      }
      const r = await compareOnPages(set.pages, workers, cores, ourModels);
      console.log(
        `  ${set.name.padEnd(18)} ${set.pages.length} pages, ${set.pages.reduce((n, p) => n + p.words.length, 0)} truth words: ClaimDesk ${r.cdRate.toFixed(2)} pages/s, recall ${(r.cdRecall * 100).toFixed(1)} %; native ${r.nRate.toFixed(2)} pages/s, recall ${(r.nRecall * 100).toFixed(1)} %; ratio ${(r.cdRate / r.nRate).toFixed(2)} (target >= 0.70)`,
      );
      console.log(
        `  ${''.padEnd(18)} native on ClaimDesk's own models (best_int): ${r.oursRate.toFixed(2)} pages/s, recall ${(r.oursRecall * 100).toFixed(1)} %; ratio ${(r.cdRate / r.oursRate).toFixed(2)} (the engine alone)`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** An OCR pool whose workers have loaded their models (a blank image read once), so timing starts after. */
async function startedPool(size: number): Promise<OcrPool> {
  const pool = createOcrPool({ size });
  const blank = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  await pool.recognize(blank, { dpi: 300 });
  return pool;
}

interface TruthPage {
  file: string;
  words: string[];
}

const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The dev set's pages as the app renders them (PNG), with the words its truth says are printed there. */
async function devsetPages(dir: string, count: number): Promise<TruthPage[]> {
  const root = path.resolve('..', 'shared', 'devset');
  if (!fs.existsSync(path.join(root, 'truth.json'))) return [];
  const truth = JSON.parse(fs.readFileSync(path.join(root, 'truth.json'), 'utf8')) as {
    files: { file: string; pages: number; documents: { pages: number[]; printed?: Record<string, unknown> }[] }[];
  };
  const out: TruthPage[] = [];
  for (const f of truth.files) {
    const source = await openSource(f.file, fs.readFileSync(path.join(root, 'files', f.file)), ocrLimits());
    try {
      for (let p = 1; p <= source.pageCount && out.length < count; p++) {
        // Documents printed on this page alone: their printed values are on it.
        const words = f.documents
          .filter((d) => d.pages.length === 1 && d.pages[0] === p)
          .flatMap((d) => Object.values(d.printed ?? {}).flatMap((v) => (typeof v === 'string' ? wordsOf(v) : [])));
        if (!words.length) continue;
        const raster = await source.loadPage(p);
        const file = path.join(dir, `devset-${out.length + 1}.png`);
        await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: raster.channels } })
          .withMetadata({ density: raster.dpi ?? 300 })
          .png()
          .toFile(file);
        out.push({ file, words });
      }
    } finally {
      await source.close();
    }
    if (out.length >= count) break;
  }
  return out;
}

/** A4 pages at 300 dpi filled with form text, 60 lines each: many words per page. */
async function densePages(dir: string, count: number): Promise<TruthPage[]> {
  const lines = (i: number): string[] =>
    Array.from(
      { length: 60 },
      (_v, l) =>
        `${l + 1 + i * 60}. Nama Peserta SITI RAHAYU ${l} NIK 31710123456789${String(l).padStart(2, '0')} Jl. Merdeka No. ${l + 3} Jambi Rp ${(l + 1) * 12500}`,
    );
  const out: TruthPage[] = [];
  for (let i = 0; i < count; i++) {
    const text = lines(i);
    const rendered = await sharp({ text: { text: text.join('\n'), font: 'sans 9', dpi: 300, width: 2300 } })
      .negate()
      .png()
      .toBuffer();
    const file = path.join(dir, `dense-${i + 1}.png`);
    await sharp({ create: { width: 2480, height: 3508, channels: 3, background: '#ffffff' } })
      .composite([{ input: rendered, top: 150, left: 90 }])
      .greyscale()
      .withMetadata({ density: 300 })
      .png()
      .toFile(file);
    out.push({ file, words: text.flatMap(wordsOf) });
  }
  return out;
}

async function compareOnPages(
  pages: TruthPage[],
  workers: number,
  cores: number,
  ourModels: string,
): Promise<{ cdRate: number; cdRecall: number; nRate: number; nRecall: number; oursRate: number; oursRecall: number }> {
  const pool = await startedPool(workers);
  const t = performance.now();
  const cd = await limit(
    workers + 1,
    pages.map((p) => () => readFile(p.file, { pool })),
  );
  const cdWall = performance.now() - t;
  await pool.terminate();
  const cdRecall = mean(
    cd.map((r, i) =>
      wordAccuracy(
        pages[i]!.words,
        r.pages.flatMap((pg) => pg.lines.flatMap((l) => l.words.map((w) => w.text))),
      ),
    ),
  );
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const nativeRun = async (extra: string[]): Promise<{ rate: number; recall: number }> => {
    const started = performance.now();
    const texts = await limit(
      cores,
      pages.map((p) => async () => (await run('tesseract', [p.file, '-', ...extra, '-l', 'ind+eng', '--psm', '3'], { env, maxBuffer: 1 << 24 })).stdout),
    );
    const wall = performance.now() - started;
    return { rate: (pages.length * 1000) / wall, recall: mean(texts.map((text, i) => wordAccuracy(pages[i]!.words, wordsOf(text)))) };
  };
  const native = await nativeRun([]);
  const ours = await nativeRun(['--tessdata-dir', ourModels]);
  return { cdRate: (pages.length * 1000) / cdWall, cdRecall, nRate: native.rate, nRecall: native.recall, oursRate: ours.rate, oursRecall: ours.recall };
}
