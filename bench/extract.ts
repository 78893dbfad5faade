// `npm run bench -- extract [--seed N] [--dossiers N] [--verbose]`: classification accuracy, exact-match
// rate per field key and overall, share left empty and share wrongly filled, on a generated set whose
// seed differs from the tests'. Real OCR through readFile; OCR results are cached under bench/.cache/ocr
// by file hash so re-runs while tuning are fast. Prints figures, asserts nothing.
import { createHash } from 'node:crypto';
import { mkdir, readFile as readFs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrPage } from '../src/shared/domain/ocr';
import { extractDocuments } from '../src/shared/extract/index';
import { createOcrPool } from '../src/main/ocr/pool';
import { readFile } from '../src/main/ocr/read-file';
import { generateDossier, type GeneratedFile } from '../src/main/synth/index';
import { groupTally, KEY_GROUPS, newScore, pct, scoreFile, type Tally } from '../src/main/synth/score';

const CACHE = path.join(path.dirname(fileURLToPath(import.meta.url)), '.cache', 'ocr');

const opt = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1] ?? fallback) : fallback;
};

async function ocrCached(file: GeneratedFile, pool: ReturnType<typeof createOcrPool>): Promise<{ pages: OcrPage[]; errors: string[]; cached: boolean }> {
  const hash = createHash('sha256').update(file.bytes).digest('hex');
  const cacheFile = path.join(CACHE, `${hash}.json`);
  try {
    return { ...(JSON.parse(await readFs(cacheFile, 'utf8')) as { pages: OcrPage[]; errors: string[] }), cached: true };
  } catch {
    const r = await readFile({ name: file.name, bytes: Buffer.from(file.bytes) }, { pool });
    await writeFile(cacheFile, JSON.stringify({ pages: r.pages, errors: r.errors }));
    return { pages: r.pages, errors: r.errors, cached: false };
  }
}

const line = (label: string, t: Tally): string =>
  `${label.padEnd(40)} exact ${pct(t.correct, t.total).padStart(6)}  empty ${pct(t.empty, t.total).padStart(6)}  wrong ${pct(t.wrong, t.total).padStart(6)}  (n=${t.total})`;

export default async function run(args: string[]): Promise<void> {
  const seed = opt(args, 'seed', 90_000);
  const dossiers = opt(args, 'dossiers', 16);
  const verbose = args.includes('--verbose');
  await mkdir(CACHE, { recursive: true });
  const pool = createOcrPool({});
  const score = newScore();
  let files = 0;
  let pages = 0;
  let ocrMs = 0;
  let extractMs = 0;
  let fromCache = 0;
  try {
    for (let i = 0; i < dossiers; i++) {
      const d = await generateDossier(seed + i, { participantIndex: 1000 + i });
      for (const f of d.files) {
        const t0 = performance.now();
        const ocr = await ocrCached(f, pool);
        ocrMs += performance.now() - t0;
        if (ocr.cached) fromCache++;
        const t1 = performance.now();
        const docs = extractDocuments(ocr.pages);
        extractMs += performance.now() - t1;
        files++;
        pages += ocr.pages.length;
        scoreFile(score, f.truth, docs);
        if (verbose) process.stdout.write(`${f.name}: ${docs.map((x) => `${x.type}[${x.pages.join(',')}]`).join(' ')} | truth ${f.truth.documents.map((x) => `${x.type}[${x.pages.join(',')}]`).join(' ')}\n`);
      }
    }
  } finally {
    await pool.terminate();
  }
  const out: string[] = [];
  out.push(`extract benchmark: seed ${seed}, ${dossiers} dossiers, ${files} files, ${pages} pages (${fromCache} files from OCR cache)`);
  out.push(`OCR ${(ocrMs / 1000).toFixed(1)} s total; extraction ${(extractMs / Math.max(1, pages)).toFixed(1)} ms/page`);
  out.push(`document type (per page)                 ${pct(score.pages.correct, score.pages.total)} (${score.pages.correct}/${score.pages.total})   target >= 98%`);
  out.push(line('overall fields', score.overall) + '   target exact >= 95%, empty <= 5%, wrong < 1%');
  for (const [name, pred] of Object.entries(KEY_GROUPS)) out.push(line(name, groupTally(score, pred)));
  out.push('per field key:');
  for (const [key, t] of Object.entries(score.fields).sort()) out.push(line(`  ${key}`, t));
  if (verbose) for (const m of score.mistakes) out.push(`  ${m.empty ? 'EMPTY' : 'WRONG'} ${m.file} ${m.type}.${m.key}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
