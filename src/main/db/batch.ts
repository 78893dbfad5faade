// Bulk writes in the SQL both stores accept. Rows go many to a statement (`VALUES (…), (…)`, `IN (…)`),
// one statement per chunk instead of one per row. A batch's writes can be planned as steps and committed
// as one transaction: at once on SQLite; on PostgreSQL, where every statement is a round trip to the
// server, sent to the connection's thread in one message while the caller goes on (`PgDb.pipeline`), so
// the server writes one batch while the back end prepares the next.
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import { PgDb, PgStatement } from './postgres';

/** `n` groups of `width` parameters: `(?, ?), (?, ?)`; `cast` wraps a column's parameter (e.g. `CAST(? AS INTEGER)`). */
export function tuples(n: number, width: number, cast: Record<number, (mark: string) => string> = {}): string {
  const one = `(${Array.from({ length: width }, (_, i) => cast[i]?.('?') ?? '?').join(', ')})`;
  return Array.from({ length: n }, () => one).join(', ');
}

/** A column's parameter read as an integer (`tuples`' `cast`): a `VALUES` list gives PostgreSQL no column type to infer. */
export const integer = (mark: string): string => `CAST(${mark} AS INTEGER)`;

/** `n` parameters: `?, ?, ?`. */
export const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A statement with its parameters, to run later. */
export interface Step {
  statement: Statement;
  params: unknown[];
}

type Rows = readonly (readonly unknown[])[];

export interface ManyRows {
  /** Runs the statement over `rows` (each the parameters of one row), a chunk at a time; returns the rows changed. */
  run(rows: Rows): number;
  /** The same, for a statement that returns rows (a SELECT, or RETURNING): all of them, chunk after chunk. */
  all(rows: Rows): unknown[];
  /** The same as steps, to run later. */
  steps(rows: Rows): Step[];
}

/**
 * A statement over `chunk` rows of `width` parameters, run over any number of rows a chunk at a time.
 * The last chunk is filled up with rows of nulls, which `sql` must leave without effect (an `IN` list or a
 * join never matches a null; an insert selects `WHERE v.column1 IS NOT NULL`): so each statement has one
 * text, prepared once, whatever the number of rows. Keep `chunk` times `width` well under SQLite's 32,766
 * parameters (and PostgreSQL's 65,535).
 */
export function manyRows(db: Db, sql: (rows: number) => string, { chunk, width }: { chunk: number; width: number }): ManyRows {
  let prepared: Statement | null = null;
  const blank: null[] = Array.from({ length: width }, () => null);
  const steps = (rows: Rows): Step[] => {
    const out: Step[] = [];
    for (let at = 0; at < rows.length; at += chunk) {
      const params = rows.slice(at, at + chunk).flat();
      while (params.length < chunk * width) params.push(...blank);
      out.push({ statement: (prepared ??= db.prepare(sql(chunk))), params });
    }
    return out;
  };
  return {
    run: (rows) => steps(rows).reduce((changes, s) => changes + s.statement.run(...s.params).changes, 0),
    all: (rows) => steps(rows).flatMap((s) => s.statement.all(...s.params)),
    steps,
  };
}

/** Runs steps now, in order, inside the caller's transaction. */
export function runSteps(steps: readonly Step[]): void {
  for (const s of steps) s.statement.run(...s.params);
}

/**
 * Runs steps as one transaction of their own, holding the store's write lock. On SQLite it has committed
 * when this returns; on PostgreSQL the promise settles once it committed, or failed and was rolled back
 * (the failure is the promise's). Either way, a transaction started after this one runs after it.
 */
export function commitSteps(db: Db, steps: readonly Step[]): Promise<void> {
  if (db instanceof PgDb) {
    return db.pipeline(
      steps.map(({ statement, params }) => {
        if (!(statement instanceof PgStatement)) throw new TypeError('A step on PostgreSQL must hold a PostgreSQL statement.');
        return { statement, params };
      }),
    );
  }
  try {
    db.transaction(() => runSteps(steps))();
    return Promise.resolve();
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/**
 * After a bulk write (a large import): PostgreSQL's planner statistics and visibility map brought up to
 * date now rather than whenever autovacuum comes round, so the first searches after the import plan with
 * the new row counts and answer from the indexes alone. Measured with `npm run bench -- store` (a million
 * participants), together with fewer statements per search: name search p95 118 ms before, 38 ms after.
 * SQLite has nothing to catch up. Best effort: the rows are committed already, and autovacuum does the
 * same later.
 */
export function catchUpAfterBulkWrite(db: Db, tables: readonly string[], log: (msg: string) => void = console.warn): void {
  if (!(db instanceof PgDb)) return;
  try {
    db.exec(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  } catch (err) {
    log(`[claimdesk] VACUUM after a bulk write did not finish (autovacuum will catch up): ${(err as Error).message}`);
  }
}
