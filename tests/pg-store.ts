// The PostgreSQL tier's store: the server must answer (CI starts it; see .ci/run). Each run names its
// schemas after itself (tests/helpers/store.ts) and holds a session advisory lock on its name for as long
// as it runs. Its teardown drops its own schemas; its setup drops those left by runs that ended without
// theirs (their lock is free), and leaves alone those of a run still going on (a second checkout, say).
import crypto from 'node:crypto';
import type pg from 'pg';
import { connectPostgres } from './helpers/postgres';
import { RUN_SCHEMA, TEST_SCHEMA_PREFIX } from './helpers/store';

/** The advisory lock a run holds: one key per run id. */
const lockKey = (run: string): number => Number.parseInt(run.slice(0, 7), 16);

async function schemasByRun(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`, [TEST_SCHEMA_PREFIX]);
  const runs = new Map<string, string[]>();
  for (const { nspname } of rows) {
    const run = RUN_SCHEMA.exec(nspname)?.[1];
    if (run) runs.set(run, [...(runs.get(run) ?? []), nspname]);
  }
  return runs;
}

async function drop(client: pg.Client, schemas: string[]): Promise<void> {
  for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
}

export default async function pgStore(): Promise<() => Promise<void>> {
  const run = crypto.randomBytes(4).toString('hex');
  process.env.CLAIMDESK_TEST_RUN = run;
  // This connection stays open for the run: it holds the run's lock.
  const holder = await connectPostgres();
  await holder.query(`SELECT pg_advisory_lock(1147, $1)`, [lockKey(run)]);
  for (const [other, schemas] of await schemasByRun(holder)) {
    if (other === run) continue;
    const { rows } = await holder.query<{ free: boolean }>(`SELECT pg_try_advisory_lock(1147, $1) AS free`, [lockKey(other)]);
    if (!rows[0]?.free) continue;
    await drop(holder, schemas);
    await holder.query(`SELECT pg_advisory_unlock(1147, $1)`, [lockKey(other)]);
  }
  return async () => {
    try {
      await drop(holder, (await schemasByRun(holder)).get(run) ?? []);
    } finally {
      await holder.end();
    }
  };
}
