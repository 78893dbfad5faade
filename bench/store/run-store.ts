// One store's part of `npm run bench -- store`, in a process of its own (its peak memory is the import's):
// the participant CSV imported through the app's import, lookups through its search, the desks at work,
// then the check of every acknowledged write. Prints what it does as it goes; returns the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { systemCaller } from '../../src/main/auth/caller';
import { BackendContext } from '../../src/main/context';
import { importParticipants } from '../../src/main/services/participant-import';
import { searchParticipants } from '../../src/main/services/participant-search';
import { Rng } from '../../tools/synth/random';
import { syntheticParticipant } from '../../tools/synth/people';
import { createAccounts, type Account } from '../../tests/helpers/sessions';
import { typedName } from '../participants';
import { quantile } from '../stats';
import { deskLog, startDesks, stopDesks, workDesks } from './desks';
import { verifyDesks, type Verdict } from './verify';

export type Store = 'sqlite' | 'postgres';

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface StoreFigures {
  store: Store;
  import: { rows: number; seconds: number; inserted: number; errors: number; peakRssMb: number; cpuSeconds: number; serverCpuSeconds: number | null };
  lookups: { kpj: Spread; nik: Spread; name: Spread & { withHits: number } };
  desks: {
    officers: number;
    supervisors: number;
    seconds: number;
    created: number;
    submitted: number;
    decided: number;
    calls: Spread;
    byMethod: Record<string, Spread>;
    errors: Record<string, number>;
  };
  verdict: Verdict;
}

export interface StoreOptions {
  store: Store;
  csv: string;
  rows: number;
  seed: number;
  desks: number;
  seconds: number;
  /** The PostgreSQL server (a schema of its own is made for the run and dropped after). */
  postgresUrl: string;
}

const spread = (xs: number[]): Spread => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: xs.length ? Math.max(...xs) : NaN });

function timed(n: number, fn: (k: number) => void): number[] {
  return Array.from({ length: n }, (_, k) => {
    const t = performance.now();
    fn(k);
    return performance.now() - t;
  });
}

/** CPU seconds the server process behind this connection used so far, when it runs on this machine. */
function serverCpu(ctx: BackendContext): number | null {
  if (ctx.dialect !== 'postgres') return null;
  try {
    const pid = ctx.db.prepare(`SELECT pg_backend_pid()`).pluck().get() as number;
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export async function runStore(o: StoreOptions, log: (line: string) => void): Promise<StoreFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimdesk-bench-store-${o.store}-`));
  const schema = `bench_store_${Date.now()}`;
  const address = new URL(o.postgresUrl);
  address.searchParams.set('schema', schema);
  // Each desk has a data folder of its own on PostgreSQL; on SQLite they share the one holding the file.
  const env: NodeJS.ProcessEnv = { CLAIMDESK_DATABASE: o.store === 'postgres' ? address.href : undefined };
  const home = path.join(dir, 'home');
  const open = (): BackendContext => new BackendContext({ home, transport: 'cli', ...(o.store === 'postgres' ? { database: address.href } : {}) });
  if (o.store === 'sqlite') delete process.env.CLAIMDESK_DATABASE;
  let ctx = open();
  let closed = false;
  try {
    log(o.store === 'postgres' ? `store: PostgreSQL ${address.host}, schema ${schema}` : `store: SQLite ${ctx.storeLabel}`);
    const cpu0 = process.cpuUsage();
    const server0 = serverCpu(ctx);
    let t = performance.now();
    const imported = await importParticipants(ctx, systemCaller('bench'), o.csv, 'participants.csv');
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const server1 = serverCpu(ctx);
    const figuresImport = {
      rows: imported.rowsRead,
      seconds,
      inserted: imported.inserted,
      errors: imported.errors.length,
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      serverCpuSeconds: server0 !== null && server1 !== null ? server1 - server0 : null,
    };
    log(
      `import: ${seconds.toFixed(1)} s, ${Math.round(imported.rowsRead / seconds).toLocaleString('en')} rows/s, ${imported.inserted} inserted, ${imported.errors.length} refused; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );

    const rng = new Rng(7);
    const someone = () => syntheticParticipant(o.seed, rng.int(0, o.rows - 1));
    const kpj = timed(1000, () => void searchParticipants(ctx, someone().nomor_kpj, 20));
    const nik = timed(1000, () => void searchParticipants(ctx, someone().nik, 20));
    let withHits = 0;
    const name = timed(1000, (k) => {
      if (searchParticipants(ctx, typedName(someone().nama, k), 20).hits.length > 0) withHits++;
    });
    log(`lookups: KPJ p95 ${quantile(kpj, 0.95).toFixed(2)} ms, NIK p95 ${quantile(nik, 0.95).toFixed(2)} ms, name p95 ${quantile(name, 0.95).toFixed(1)} ms`);

    const supervisors = o.desks >= 2 ? Math.max(1, Math.round(o.desks / 5)) : 0;
    const specs = Array.from({ length: o.desks }, (_, i) =>
      i < o.desks - supervisors
        ? { username: `petugas${i + 1}`, role: 'officer' as const }
        : { username: `penyelia${i - o.desks + supervisors + 1}`, role: 'supervisor' as const },
    );
    const made = await createAccounts(ctx, specs);
    const accounts: Account[] = specs.map((s) => made[s.username]!);
    await ctx.close();
    closed = true;
    const homes = specs.map((_, i) => (o.store === 'postgres' ? fs.mkdtempSync(path.join(dir, `desk${i + 1}-`)) : home));
    t = performance.now();
    const desks = await startDesks(homes, env);
    log(
      `desks: ${o.desks} served desks started in ${((performance.now() - t) / 1000).toFixed(1)} s (${o.desks - supervisors} officers, ${supervisors} supervisors)`,
    );
    const logged = deskLog(desks);
    let run;
    try {
      run = await workDesks(desks, accounts, () => someone().nomor_kpj, o.seconds);
    } finally {
      await stopDesks(desks);
    }
    for (const [line, n] of logged.counts) log(`desk logs: ${n} × ${line}`);
    for (const entry of logged.first.values()) if (!/database is locked/.test(entry)) log(`first logged:\n${entry}`);
    for (const [what, answer] of run.first) log(`first ${what}: ${answer}`);
    const errors: Record<string, number> = {};
    for (const c of run.calls) if (c.error) errors[`${c.method}: ${c.error}`] = (errors[`${c.method}: ${c.error}`] ?? 0) + 1;
    const byMethod: Record<string, Spread> = {};
    for (const m of new Set(run.calls.map((c) => c.method))) byMethod[m] = spread(run.calls.filter((c) => c.method === m).map((c) => c.ms));
    log(
      `desks: ${run.acked.creates.length} cases created, ${run.acked.submits.length} submitted, ${run.acked.decisions.length} decided in ${run.seconds.toFixed(0)} s`,
    );
    for (const [m, x] of Object.entries(byMethod))
      log(`  ${m}: ${x.n} calls, p50 ${x.p50.toFixed(0)} ms, p95 ${x.p95.toFixed(0)} ms, max ${x.max.toFixed(0)} ms`);

    ctx = open();
    closed = false;
    const verdict = verifyDesks(
      ctx.db,
      run.acked,
      specs.map((s) => s.username),
      { home, env },
    );
    log(
      `check: ${verdict.lost.length} lost, ${verdict.duplicated.length} duplicated, ${verdict.unacknowledged.length} unacknowledged; audit chain ${verdict.audit.said}`,
    );
    for (const line of [...verdict.lost, ...verdict.duplicated, ...verdict.unacknowledged].slice(0, 10)) log(`  ${line}`);
    return {
      store: o.store,
      import: figuresImport,
      lookups: { kpj: spread(kpj), nik: spread(nik), name: { ...spread(name), withHits } },
      desks: {
        officers: o.desks - supervisors,
        supervisors,
        seconds: run.seconds,
        created: run.acked.creates.length,
        submitted: run.acked.submits.length,
        decided: run.acked.decisions.length,
        calls: spread(run.calls.map((c) => c.ms)),
        byMethod,
        errors,
      },
      verdict,
    };
  } finally {
    if (!closed) await ctx.close();
    if (o.store === 'postgres') await dropSchema(o.postgresUrl, schema);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
