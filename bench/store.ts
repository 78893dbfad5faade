// The branch store at scale (issue 17): PostgreSQL, and beside it the same run on SQLite. Per store, in a
// process of its own (bench/store/run-store.ts): a million participants imported through the app's CSV
// import (target on PostgreSQL: 60 s), lookups by KPJ, NIK and name through its search (targets: p95 5 ms
// and 100 ms), then desks working cases at once for a minute, each a `claimdesk serve` of its own on the
// same store (on SQLite the same data folder, on PostgreSQL the same schema), after which every write a
// desk was told succeeded is looked for in the store and the audit chain is verified. Prints figures;
// asserts nothing.
// npm run bench -- store [--rows N] [--desks N] [--seconds N] [--store sqlite|postgres|both]
// PostgreSQL: CLAIMDESK_TEST_POSTGRES_URL, else postgres://postgres:postgres@127.0.0.1:5432/postgres
// (bash .ci/postgres.sh starts one); the run makes a schema of its own and drops it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import pg from 'pg';
import { TEST_POSTGRES_URL } from '../tests/helpers/store';
import { writeParticipantCsv } from './participants';
import { argOf } from './stats';
import { runStore, type Spread, type Store, type StoreFigures } from './store/run-store';

const SEED = 2026;
const RESULT = '@@store-figures ';
const NAMES: Record<Store, string> = { postgres: 'PostgreSQL', sqlite: 'SQLite' };

const stringArg = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

async function postgresAnswers(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs one store's part in a child process (this bench again, with --child), echoing its lines. */
function runChild(store: Store, args: string[]): Promise<StoreFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'store', '--child', store, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let figures: StoreFigures | null = null;
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(RESULT)) figures = JSON.parse(line.slice(RESULT.length)) as StoreFigures;
      else console.log(`  ${line}`);
    });
    child.once('exit', (code) => (figures ? resolve(figures) : reject(new Error(`the ${NAMES[store]} run exited with ${code}`))));
  });
}

const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const spreadText = (s: Spread): string => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} ms`;

function table(runs: StoreFigures[]): string {
  const rows: [string, (f: StoreFigures) => string, string][] = [
    ['participants imported', (f) => `${f.import.inserted.toLocaleString('en')} (${f.import.errors} refused)`, ''],
    ['import time', (f) => `${f.import.seconds.toFixed(1)} s`, 'PostgreSQL ≤ 60 s'],
    ['import rate', (f) => `${Math.round(f.import.rows / f.import.seconds).toLocaleString('en')} rows/s`, ''],
    ['import peak RSS (back end process)', (f) => `${f.import.peakRssMb.toFixed(0)} MB`, ''],
    [
      'import CPU: back end + server',
      (f) => `${f.import.cpuSeconds.toFixed(0)} s + ${f.import.serverCpuSeconds === null ? '–' : `${f.import.serverCpuSeconds.toFixed(0)} s`}`,
      '',
    ],
    ['lookup by KPJ p50 / p95 / max', (f) => spreadText(f.lookups.kpj), 'p95 ≤ 5 ms'],
    ['lookup by NIK p50 / p95 / max', (f) => spreadText(f.lookups.nik), 'p95 ≤ 5 ms'],
    ['name search p50 / p95 / max', (f) => spreadText(f.lookups.name), 'p95 ≤ 100 ms'],
    ['name searches with hits', (f) => `${f.lookups.name.withHits} of ${f.lookups.name.n}`, ''],
    ['desks (officers + supervisors)', (f) => `${f.desks.officers} + ${f.desks.supervisors}, ${f.desks.seconds.toFixed(0)} s`, ''],
    ['cases created / submitted per minute', (f) => `${perMinute(f, f.desks.created)} / ${perMinute(f, f.desks.submitted)}`, ''],
    ['decisions per minute', (f) => perMinute(f, f.desks.decided), ''],
    ['calls p50 / p95 / max', (f) => `${spreadText(f.desks.calls)} (${f.desks.calls.n} calls)`, ''],
    ...[...new Set(runs.flatMap((f) => Object.keys(f.desks.errors).map((k) => k.split(': ')[1]!)))].map(
      (code): [string, (f: StoreFigures) => string, string] => [`calls answered ${code}`, (f) => refused(f.desks.errors, code), ''],
    ),
    ['acknowledged writes', (f) => String(f.verdict.acknowledged), ''],
    [
      'lost / duplicated / unacknowledged',
      (f) => `${f.verdict.lost.length} / ${f.verdict.duplicated.length} / ${f.verdict.unacknowledged.length}`,
      '0 / 0 / 0',
    ],
    ['case numbers unique', (f) => (f.verdict.uniqueReferences ? `yes (${f.verdict.cases} cases)` : 'NO'), ''],
    ['audit chain (claimdesk audit verify)', (f) => `${f.verdict.audit.said}, ${f.verdict.audit.rows} rows`, 'intact'],
  ];
  const cells = rows.map(([label, value, target]) => [label, ...runs.map(value), target]);
  const head = ['', ...runs.map((r) => NAMES[r.store]), 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), ...cells.map(line)].join('\n');
}

const perMinute = (f: StoreFigures, n: number): string => ((n * 60) / f.desks.seconds).toFixed(0);
/** How many calls were answered with `code`, and which. */
const refused = (errors: Record<string, number>, code: string): string => {
  const of = Object.entries(errors).filter(([what]) => what.endsWith(`: ${code}`));
  const total = of.reduce((sum, [, n]) => sum + n, 0);
  return total ? `${total} (${of.map(([what, n]) => `${what.split(': ')[0]!.replace(/^cases\./, '')} ${n}`).join(', ')})` : '0';
};

export default async function run(args: string[]): Promise<void> {
  const rows = argOf(args, '--rows', 1_000_000);
  const desks = argOf(args, '--desks', 10);
  const seconds = argOf(args, '--seconds', 60);
  const child = stringArg(args, '--child') as Store | undefined;
  if (child) {
    const figures = await runStore({ store: child, csv: stringArg(args, '--csv')!, rows, seed: SEED, desks, seconds, postgresUrl: TEST_POSTGRES_URL }, (l) =>
      console.log(l),
    );
    console.log(`${RESULT}${JSON.stringify(figures)}`);
    return;
  }
  const which = stringArg(args, '--store') ?? 'both';
  const stores: Store[] = which === 'both' ? ['postgres', 'sqlite'] : which === 'postgres' || which === 'sqlite' ? [which] : [];
  if (stores.length === 0) throw new Error(`--store must be sqlite, postgres or both, not ${which}`);
  if (stores.includes('postgres')) {
    const why = await postgresAnswers(TEST_POSTGRES_URL);
    if (why) throw new Error(`PostgreSQL does not answer at ${TEST_POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')} (${why}); bash .ci/postgres.sh starts one.`);
  }
  const [load] = os.loadavg();
  console.log(
    `Store bench: ${rows.toLocaleString('en')} participants, ${desks} desks for ${seconds} s; ${os.availableParallelism()} cores, load average ${load!.toFixed(1)} at the start`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-store-'));
  try {
    const csv = path.join(dir, 'participants.csv');
    const t = performance.now();
    await writeParticipantCsv(csv, rows, SEED);
    console.log(
      `generated ${rows.toLocaleString('en')} participants (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB CSV) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const runs: StoreFigures[] = [];
    for (const store of stores) {
      console.log(`\n${NAMES[store]}:`);
      runs.push(await runChild(store, ['--csv', csv, '--rows', String(rows), '--desks', String(desks), '--seconds', String(seconds)]));
    }
    console.log(`\n${table(runs)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
