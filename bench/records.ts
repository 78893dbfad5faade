// Benchmark for participant records and cross-checks (issue 5): prints figures, asserts nothing.
// npm run bench -- records [--rows N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BackendContext } from '../src/main/context';
import { checkCase } from '../src/main/checks/case-checks';
import { importParticipantsCsv } from '../src/main/participants/import-csv';
import { createCase } from '../src/main/services/cases';
import { searchParticipants } from '../src/main/services/participant-search';
import { evaluateCase } from '../src/shared/rules/index';
import { Rng } from '../tools/synth/random';
import { syntheticParticipant } from '../tools/synth/people';
import { CONFIG, cleanJkm } from '../tests/unit/rules/builders';
import { typedName, writeParticipantCsv } from './participants';

const SEED = 2026;

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
const ms = (n: number): string => `${n.toFixed(2)} ms`;

function time(fn: () => void, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export default async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--rows');
  const rows = i >= 0 ? Number(args[i + 1]) : 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-records-'));
  try {
    const csv = path.join(dir, 'participants.csv');
    let t = performance.now();
    await writeParticipantCsv(csv, rows, SEED);
    console.log(
      `generated ${rows.toLocaleString('en')} participants (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB CSV) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const ctx = new BackendContext({ home: dir, transport: 'cli' });
    t = performance.now();
    const r = await importParticipantsCsv(ctx, csv, { actor: 'bench' });
    const secs = (performance.now() - t) / 1000;
    console.log(`import: ${secs.toFixed(1)} s, ${Math.round(rows / secs).toLocaleString('en')} rows/s (inserted ${r.inserted}, errors ${r.errors.length})`);

    const rng = new Rng(7);
    const pick = () => syntheticParticipant(SEED, rng.int(0, rows - 1));
    const kpj = time(() => void searchParticipants(ctx, pick().nomor_kpj, 20), 2000);
    const nik = time(() => void searchParticipants(ctx, pick().nik, 20), 2000);
    console.log(`lookup by KPJ: p50 ${ms(pct(kpj, 50))}, p95 ${ms(pct(kpj, 95))}`);
    console.log(`lookup by NIK: p50 ${ms(pct(nik, 50))}, p95 ${ms(pct(nik, 95))}`);

    const queries = Array.from({ length: 300 }, (_, k) => typedName(pick().nama, k));
    let found = 0;
    const name = queries.map((q) => {
      const s = performance.now();
      const res = searchParticipants(ctx, q, 20);
      if (res.hits.length > 0) found += 1;
      return performance.now() - s;
    });
    console.log(`name search (${queries.length} queries, ${found} with hits): p50 ${ms(pct(name, 50))}, p95 ${ms(pct(name, 95))}`);

    const input = cleanJkm();
    const evals = time(() => void evaluateCase(input, CONFIG), 500);
    console.log(`rule evaluation of one JKM case (9 documents, engine only): p50 ${ms(pct(evals, 50))}, p95 ${ms(pct(evals, 95))}`);

    // The same case stored in the database: gather (participant, other claims, account holders, files),
    // evaluate and store the flags, as checks.run does.
    const who = syntheticParticipant(SEED, 12345 % rows);
    const c = createCase(ctx, { claimType: 'JKM', kpj: who.nomor_kpj, incidentDate: '2026-10-05', notes: '' });
    const at = new Date().toISOString();
    input.documents.forEach((d, k) => {
      const sha = String(k).padStart(64, 'a');
      ctx.db
        .prepare(`INSERT INTO files(sha256, size, format, mime, page_count, first_name, stored_path, created_at) VALUES (?, 1, 'png', 'image/png', 1, ?, ?, ?)`)
        .run(sha, `${k}.png`, `x/${sha}.png`, at);
      const fileId = ctx.db.prepare(`SELECT id FROM files WHERE sha256 = ?`).pluck().get(sha) as number;
      ctx.db
        .prepare(`INSERT INTO case_files(case_id, file_id, original_name, added_at, added_by) VALUES (?, ?, ?, ?, 'bench')`)
        .run(c.id, fileId, `${k}.png`, at);
      ctx.db
        .prepare(
          `INSERT INTO case_documents(case_id, file_id, seq, type, type_confidence, type_source, pages, fields, updated_at) VALUES (?, ?, 0, ?, 1, 'ocr', ?, ?, ?)`,
        )
        .run(c.id, fileId, d.document.type, JSON.stringify(d.document.pages), JSON.stringify(d.document.fields), at);
    });
    const full = time(() => void checkCase(ctx, c.id), 200);
    console.log(
      `full check of one stored JKM case (gather from ${rows.toLocaleString('en')} participants + engine + store flags): p50 ${ms(pct(full, 50))}, p95 ${ms(pct(full, 95))}`,
    );
    await ctx.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
