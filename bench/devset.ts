// `npm run bench -- devset [--dir ../shared/devset] [--files a.pdf,b.jpg] [--verbose]`: extraction on a
// set of dossiers this project did not make (truth.json beside files/), scored as the set's own scorer
// scores it (documents matched by type on an overlapping page, list entries by NIK, then name, then
// order), plus what that scorer does not print: how often a value shown at a given confidence is wrong
// (calibration), and every mismatch with its confidence when --verbose. OCR comes from the cache that
// `bench extract` uses, so only a changed OCR pipeline re-reads pages. Prints figures, asserts nothing.
import { readFile as readFs } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedDocument, ExtractedField, FieldValue } from '../src/shared/domain/documents';
import type { OcrPage } from '../src/shared/domain/ocr';
import { extractDossier } from '../src/shared/extract/index';
import { createOcrPool } from '../src/main/ocr/pool';
import { ocrCached } from './ocr-cache';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

interface TruthDoc {
  type: string;
  pages: number[];
  fields: Record<string, FieldValue>;
  alternatives?: Record<string, FieldValue[]>;
}
interface TruthFile {
  file: string;
  pages: number;
  documents: TruthDoc[];
}

interface Outcome {
  file: string;
  type: string;
  key: string;
  truth: unknown;
  got: unknown;
  confidence: number | null;
  ok: boolean;
}

const opt = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const same = (t: unknown, p: unknown, alts: readonly unknown[] = []): boolean =>
  p !== undefined && p !== null && [t, ...alts].some((x) => x === p || (typeof x === 'number' && Number(p) === x && String(p).trim() !== ''));

/** Every truth field of a document against the predicted one: one outcome per scalar, per list item key. */
function compare(file: string, td: TruthDoc, pd: ExtractedDocument | null): Outcome[] {
  const out: Outcome[] = [];
  for (const [k, tv] of Object.entries(td.fields)) {
    const f: ExtractedField | undefined = pd?.fields[k];
    const pv = f?.value ?? null;
    const conf = f && f.value !== null ? f.confidence : null;
    if (Array.isArray(tv) && tv.length && typeof tv[0] === 'object') {
      const pl = Array.isArray(pv) ? (pv as Record<string, string>[]) : [];
      const used = new Set<number>();
      (tv as Record<string, string>[]).forEach((item, i) => {
        let j = pl.findIndex((x, jj) => !used.has(jj) && x.nik && x.nik === item.nik);
        if (j < 0) j = pl.findIndex((x, jj) => !used.has(jj) && x.nama && x.nama === item.nama);
        if (j < 0 && i < pl.length && !used.has(i)) j = i;
        if (j >= 0) used.add(j);
        for (const [sk, sv] of Object.entries(item)) {
          const p = j >= 0 ? pl[j]?.[sk] : undefined;
          out.push({ file, type: td.type, key: `${k}.${sk}`, truth: sv, got: p ?? null, confidence: p === undefined ? null : conf, ok: same(sv, p) });
        }
      });
    } else if (Array.isArray(tv)) {
      const ok = Array.isArray(pv) && JSON.stringify([...pv].map(String).sort()) === JSON.stringify([...tv].map(String).sort());
      out.push({ file, type: td.type, key: k, truth: tv, got: pv, confidence: conf, ok });
    } else out.push({ file, type: td.type, key: k, truth: tv, got: pv, confidence: conf, ok: same(tv, pv, td.alternatives?.[k] ?? []) });
  }
  return out;
}

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
const filled = (o: Outcome): boolean => o.got !== null && o.got !== undefined && !(Array.isArray(o.got) && o.got.length === 0);

export default async function run(args: string[]): Promise<void> {
  const dir = path.resolve(opt(args, 'dir') ?? path.join(ROOT, '..', '..', 'shared', 'devset'));
  const only = opt(args, 'files')?.split(',');
  const verbose = args.includes('--verbose');
  const truth = JSON.parse(await readFs(path.join(dir, 'truth.json'), 'utf8')) as { files: TruthFile[] };
  const files = truth.files.filter((f) => !only || only.includes(f.file));
  const pool = createOcrPool({});
  const read: OcrPage[][] = [];
  let fromCache = 0;
  try {
    for (const f of files) {
      const r = await ocrCached({ name: f.file, bytes: await readFs(path.join(dir, 'files', f.file)) }, pool);
      if (r.cached) fromCache++;
      read.push(r.pages);
    }
  } finally {
    await pool.terminate();
  }
  // The scorer's batch: every file of the set in one call, as one dossier.
  const t0 = performance.now();
  const extracted = extractDossier(read);
  const extractMs = performance.now() - t0;
  const outcomes: Outcome[] = [];
  const types = new Map<string, { n: number; typed: number }>();
  let docs = 0;
  let typed = 0;
  const lines: string[] = [];
  files.forEach((tf, i) => {
    const pdocs = extracted[i] ?? [];
    const used = new Set<number>();
    if (verbose)
      lines.push(
        `${tf.file}: ${pdocs.map((d) => `${d.type}[${d.pages.join(',')}]`).join(' ')} | truth ${tf.documents.map((d) => `${d.type}[${d.pages.join(',')}]`).join(' ')}`,
      );
    for (const td of tf.documents) {
      docs++;
      let best = -1;
      let bestHits = -1;
      pdocs.forEach((pd, k) => {
        if (used.has(k) || pd.type !== td.type || !pd.pages.some((p) => td.pages.includes(p))) return;
        const hits = compare(tf.file, td, pd).filter((o) => o.ok).length;
        if (hits > bestHits) {
          best = k;
          bestHits = hits;
        }
      });
      if (best >= 0) {
        used.add(best);
        typed++;
      }
      const t = types.get(td.type) ?? { n: 0, typed: 0 };
      t.n++;
      t.typed += best >= 0 ? 1 : 0;
      types.set(td.type, t);
      outcomes.push(...compare(tf.file, td, best >= 0 ? (pdocs[best] ?? null) : null));
    }
  });
  const exact = outcomes.filter((o) => o.ok).length;
  const wrong = outcomes.filter((o) => !o.ok && filled(o)).length;
  const out: string[] = [];
  out.push(
    `dev set ${path.relative(process.cwd(), dir) || dir}: ${files.length} files, ${docs} documents, ${read.reduce((n, p) => n + p.length, 0)} pages (${fromCache} files from OCR cache); extraction ${extractMs.toFixed(0)} ms`,
  );
  out.push(
    `documents typed ${pct(typed, docs)} (${typed}/${docs}); fields exact ${pct(exact, outcomes.length)} (${exact}/${outcomes.length}), wrong and filled ${pct(wrong, outcomes.length)} (${wrong}), empty ${pct(outcomes.length - exact - wrong, outcomes.length)}`,
  );
  const ids = outcomes.filter((o) => /(^|\.)(nik|nomor_kpj|nomor_kk|nomor_rekening|nik_almarhum|nomor_npwp)$/.test(o.key));
  out.push(`identifiers exact ${pct(ids.filter((o) => o.ok).length, ids.length)} (n=${ids.length})`);
  out.push('per document type:   docs  typed   fields  exact   wrong');
  for (const [type, t] of [...types].sort()) {
    const os = outcomes.filter((o) => o.type === type);
    out.push(
      `  ${type.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.typed, t.n).padStart(6)}  ${String(os.length).padStart(6)}  ${pct(os.filter((o) => o.ok).length, os.length).padStart(6)}  ${pct(os.filter((o) => !o.ok && filled(o)).length, os.length).padStart(6)}`,
    );
  }
  out.push('calibration (values shown, by confidence):');
  for (const [lo, hi] of [
    [0.9, 1.01],
    [0.8, 0.9],
    [0.7, 0.8],
    [0.6, 0.7],
    [0, 0.6],
  ] as const) {
    const shown = outcomes.filter((o) => filled(o) && o.confidence !== null && o.confidence >= lo && o.confidence < hi);
    const bad = shown.filter((o) => !o.ok).length;
    out.push(
      `  confidence ${lo.toFixed(1)}–${Math.min(1, hi).toFixed(1)}: ${String(shown.length).padStart(5)} shown, ${String(bad).padStart(3)} wrong (${pct(bad, shown.length)})`,
    );
  }
  out.push('per field key:           n   exact   wrong');
  const keys = [...new Set(outcomes.map((o) => o.key))].sort();
  for (const k of keys) {
    const os = outcomes.filter((o) => o.key === k);
    out.push(
      `  ${k.padEnd(22)} ${String(os.length).padStart(4)}  ${pct(os.filter((o) => o.ok).length, os.length).padStart(6)}  ${pct(os.filter((o) => !o.ok && filled(o)).length, os.length).padStart(6)}`,
    );
  }
  if (verbose) {
    out.push(...lines);
    for (const o of outcomes.filter((x) => !x.ok))
      out.push(
        `  ${filled(o) ? 'WRONG' : 'EMPTY'} ${o.file} ${o.type}.${o.key}: truth ${JSON.stringify(o.truth)} got ${JSON.stringify(o.got)}${o.confidence !== null ? ` (${o.confidence})` : ''}`,
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
