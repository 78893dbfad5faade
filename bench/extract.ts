// `npm run bench -- extract [--seed N] [--dossiers N] [--verbose]`: classification accuracy, exact-match
// rate per field key and overall, share left empty and share wrongly filled, on a generated set whose
// seed differs from the tests'; each dossier's files are extracted together, as the app extracts a
// case's files. Real OCR through readFile; OCR results are cached under bench/.cache/ocr
// by file hash so re-runs while tuning are fast. Prints figures, asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile as readFs } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrPage } from '../src/shared/domain/ocr';
import { extractDossier, MIN_CONFIDENCE, withMinConfidence } from '../src/shared/extract/index';
import { createOcrPool } from '../src/main/ocr/pool';
import { OCR_CACHE as CACHE, ocrCached } from './ocr-cache';
import type { FileTruth } from '../tools/synth/index';
import { groupTally, KEY_GROUPS, newScore, pct, scoreFile, type Tally } from '../tools/synth/score';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
/** The handwriting set: this many accident dossiers, seeded this far from the main set. */
const HAND_DOSSIERS = 6;
const HAND_SEED_OFFSET = 5000;

interface SetFile {
  name: string;
  bytes: Buffer;
  truth: FileTruth;
}

/**
 * The generated set, written by tests/fixtures/generate.ts in a child process: the canvas the generator
 * renders with and the sharp the OCR preprocesses with have crashed when loaded in one process.
 */
async function generatedSet(seed: number, dossiers: number, handwriting = false): Promise<SetFile[]> {
  const dir = path.join(ROOT, '.cache', `set-${handwriting ? 'hand-' : ''}${seed}-${dossiers}`);
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    const gen = path.join(ROOT, '..', 'tests', 'fixtures', 'generate.ts');
    const extra = handwriting ? ['--handwriting', '--claim-type', 'JKK'] : [];
    const r = spawnSync(process.execPath, ['--import', 'tsx', gen, '--seed', String(seed), '--count', String(dossiers), '--index-base', '1000', '--out', dir, ...extra], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`generating the benchmark set failed (exit ${r.status})`);
  }
  const manifest = JSON.parse(await readFs(path.join(dir, 'manifest.json'), 'utf8')) as FileTruth[];
  return Promise.all(manifest.map(async (truth) => ({ name: truth.name, truth, bytes: await readFs(path.join(dir, truth.name)) })));
}

/** The set's files grouped by dossier ("dossier-90003-2.pdf" is the second file of dossier 90003). */
function byDossier(files: SetFile[]): SetFile[][] {
  const groups = new Map<string, SetFile[]>();
  for (const f of files) {
    const key = f.name.replace(/-\d+\.\w+$/, '');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

const opt = (args: string[], name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1] ?? fallback) : fallback;
};

const line = (label: string, t: Tally): string =>
  `${label.padEnd(40)} exact ${pct(t.correct, t.total).padStart(6)}  empty ${pct(t.empty, t.total).padStart(6)}  wrong ${pct(t.wrong, t.total).padStart(6)}  (n=${t.total})`;

export default async function run(args: string[]): Promise<void> {
  const seed = opt(args, 'seed', 90_000);
  const dossiers = opt(args, 'dossiers', 16);
  const verbose = args.includes('--verbose');
  await mkdir(CACHE, { recursive: true });
  const pool = createOcrPool({});
  const score = newScore();
  // The same OCR scored at other confidence thresholds: how the empty/wrong trade-off moves.
  const thresholds = [0.4, 0.5, 0.6, 0.7, 0.8];
  const curve = thresholds.map(() => newScore());
  let files = 0;
  let pages = 0;
  let ocrMs = 0;
  let extractMs = 0;
  let fromCache = 0;
  // Accident dossiers whose forms are partly filled in by hand, scored apart: none of it may be pre-filled.
  const hand = newScore();
  try {
    // Each dossier's files are extracted together, as a case's files are in the app.
    for (const dossier of byDossier(await generatedSet(seed + HAND_SEED_OFFSET, HAND_DOSSIERS, true))) {
      const read = [];
      for (const f of dossier) read.push((await ocrCached(f, pool)).pages);
      extractDossier(read).forEach((docs, i) => scoreFile(hand, (dossier[i] as SetFile).truth, docs));
    }
    for (const dossier of byDossier(await generatedSet(seed, dossiers))) {
      const read: OcrPage[][] = [];
      for (const f of dossier) {
        const t0 = performance.now();
        const ocr = await ocrCached(f, pool);
        ocrMs += performance.now() - t0;
        if (ocr.cached) fromCache++;
        read.push(ocr.pages);
        files++;
        pages += ocr.pages.length;
      }
      const t1 = performance.now();
      const extracted = extractDossier(read);
      extractMs += performance.now() - t1;
      extracted.forEach((docs, i) => {
        const f = dossier[i] as SetFile;
        scoreFile(score, f.truth, docs);
        if (verbose) process.stdout.write(`${f.name}: ${docs.map((x) => `${x.type}[${x.pages.join(',')}]`).join(' ')} | truth ${f.truth.documents.map((x) => `${x.type}[${x.pages.join(',')}]`).join(' ')}\n`);
      });
      thresholds.forEach((t, k) => withMinConfidence(t, () => extractDossier(read)).forEach((docs, i) => scoreFile(curve[k] as ReturnType<typeof newScore>, (dossier[i] as SetFile).truth, docs)));
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
  out.push(`printed values taken for handwriting         ${score.hand.printedAsHand} of ${score.overall.total}   target 0`);
  out.push(`handwritten values pre-filled            ${hand.hand.prefilled} of ${hand.hand.total} (${HAND_DOSSIERS} accident dossiers filled in by hand, seed ${seed + HAND_SEED_OFFSET})   target 0`);
  out.push(`  their printed values                   ${line('', hand.overall).trim()}; taken for handwriting: ${hand.hand.printedAsHand}`);
  out.push(`confidence threshold in use: ${MIN_CONFIDENCE}; the same pages at other thresholds:`);
  thresholds.forEach((t, k) => out.push(line(`  threshold ${t.toFixed(1)}`, (curve[k] as ReturnType<typeof newScore>).overall)));
  out.push('per field key:');
  for (const [key, t] of Object.entries(score.fields).sort()) out.push(line(`  ${key}`, t));
  if (verbose) for (const m of [...score.mistakes, ...hand.mistakes]) out.push(`  ${m.empty ? `EMPTY(${m.reason ?? ''})` : 'WRONG'} ${m.file} ${m.type}.${m.key}: expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
