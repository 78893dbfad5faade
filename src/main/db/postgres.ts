// The branch's shared store on PostgreSQL, with the same synchronous interface the back end uses on
// SQLite: a statement runs and answers before the next line, and a transaction is one uninterrupted
// piece of work. The connection lives on its own thread (pg-thread.ts); each call waits for its answer.
//
// Desks write one at a time, as SQLite's writers do: every transaction first takes the store's write
// lock (a transaction-scoped advisory lock), then reads and writes what is committed at that moment. So a
// case number is never handed out twice, two decisions on one case resolve to one, and the audit chain
// stays one line, with the same code on both stores. Reads outside a transaction take no lock.
import { performance } from 'node:perf_hooks';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import { builtEntry } from '../paths';
import type { PgAnswer, PgCall, PgFailure, PgNotification, PgPipelined, PgQuery, PgReply, PgRequest } from './pg-protocol';
import { toPostgres, type PgStatementText } from './pg-sql';

/** How long a call waits for the server before the desk is told it cannot reach it. */
const CALL_TIMEOUT_MS = 90_000;
const STATEMENT_TIMEOUT_S = 60;
/** SQLSTATEs of a wait that timed out: lock_not_available, and query_canceled (by statement_timeout). */
const LOCK_NOT_AVAILABLE = '55P03';
const QUERY_CANCELED = '57014';

export interface PgTarget {
  /** The connection string without ClaimDesk's own `schema` parameter. */
  url: string;
  /** The schema the store lives in (one database can hold several branches). */
  schema: string;
  /** The address with any password replaced and the schema named, for messages, logs and Settings. */
  shown: string;
}

export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Reads `postgres://user:pass@host:port/db?schema=name`; the schema defaults to `claimdesk`. */
export function parsePgUrl(value: string): PgTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('invalid_input', 'The database address is not a valid postgres:// URL.', { reason: 'database_url' });
  }
  const schema = url.searchParams.get('schema') ?? 'claimdesk';
  if (!/^[a-z_][a-z0-9_]{0,49}$/.test(schema)) {
    throw new AppError('invalid_input', `The schema name "${schema}" must be lower-case letters, digits and _.`, { reason: 'database_url' });
  }
  url.searchParams.delete('schema');
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  shown.searchParams.set('schema', schema);
  return { url: url.href, schema, shown: shown.href };
}

type Params = unknown[];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class PgStatement {
  private plucked = false;
  private readonly name: string;

  constructor(
    private readonly db: PgDb,
    private readonly statement: PgStatementText,
  ) {
    this.name = db.statementName(statement.text);
  }

  pluck(toggle = true): this {
    this.plucked = toggle;
    return this;
  }

  private values(params: Params): unknown[] {
    const { names } = this.statement;
    if (names) {
      const bag = (params[0] ?? {}) as Record<string, unknown>;
      return names.map((n) => toPg(bag[n]));
    }
    return params.map(toPg);
  }

  private rows(params: Params): unknown[] {
    const r = this.db.query(this.name, this.statement.text, this.values(params));
    if (this.plucked) return r.rows.map((row) => fromPg(row[0]));
    return r.rows.map((row) => {
      const o: Record<string, unknown> = {};
      r.fields.forEach((f, i) => (o[f] = fromPg(row[i])));
      return o;
    });
  }

  all(...params: Params): unknown[] {
    return this.rows(params);
  }

  get(...params: Params): unknown {
    return this.rows(params)[0];
  }

  iterate(...params: Params): IterableIterator<unknown> {
    return this.rows(params)[Symbol.iterator]();
  }

  /** The statement with its parameters, as sent to the connection's thread. */
  request(params: Params): PgQuery {
    return { name: this.name, text: this.statement.text, values: this.values(params) };
  }

  run(...params: Params): Database.RunResult {
    const r = this.db.query(this.name, this.statement.text, this.values(params));
    const id = this.statement.returnsId && r.rows.length ? Number(r.rows[0]![0]) : 0;
    return { changes: r.rowCount, lastInsertRowid: id };
  }
}

/** Bytes cross from the connection's thread as a Uint8Array; the back end gets a Buffer, as from SQLite. */
function fromPg(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

function toPg(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export class PgDb {
  readonly dialect = 'postgres' as const;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly names = new Map<string, string>();
  private idTables: ReadonlySet<string> = new Set();
  private depth = 0;
  private closed = false;
  /** The key of the store's write lock: one per schema, so branches sharing a database do not wait on each other. */
  private readonly lockKey: number;
  /** Pipelined transactions sent and not yet answered. */
  private readonly pipelined = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private nextPipeline = 1;
  /** The number of the last call sent. */
  private seq = 0;
  private readonly callTimeoutMs: number;

  constructor(
    readonly target: PgTarget,
    options: { callTimeoutMs?: number } = {},
  ) {
    this.callTimeoutMs = options.callTimeoutMs ?? CALL_TIMEOUT_MS;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(builtEntry('pg-thread'), {
      workerData: { url: target.url, schema: target.schema, port: port2, flag: this.flag, statementTimeout: STATEMENT_TIMEOUT_S },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    this.worker.unref();
    this.worker.on('message', (m: PgNotification | PgPipelined) => {
      if (m.op !== 'pipelined') return;
      const waiting = this.pipelined.get(m.id);
      this.pipelined.delete(m.id);
      if (this.pipelined.size === 0) this.worker.unref();
      if (m.ok) waiting?.resolve();
      else waiting?.reject(this.failure(m));
    });
    let h = 0;
    for (const ch of `claimdesk:${target.schema}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
    this.lockKey = h;
  }

  /** Starts a transaction holding the store's write lock. */
  private get begin(): string {
    return `BEGIN; SELECT pg_advisory_xact_lock(${this.lockKey})`;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** The store's channel for telling other desks what changed. */
  get channel(): string {
    return `claimdesk_${this.target.schema}`;
  }

  /** Calls `on` with each notification another desk sends on the store's channel. */
  listen(on: (payload: string) => void): void {
    this.worker.on('message', (m: PgNotification | PgPipelined) => {
      if (m.op === 'notification') on(m.payload);
    });
    this.send({ op: 'listen', channel: this.channel });
  }

  /** Tells every desk listening (this one too) on the store's channel; delivered when the transaction commits. */
  notify(payload: string): void {
    this.query('notify', `SELECT pg_notify($1, $2)`, [this.channel, payload]);
  }

  /** The tables whose rows have an integer id (an INSERT into them returns it); read after migrating. */
  setIdTables(tables: Iterable<string>): void {
    this.idTables = new Set(tables);
  }

  statementName(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `s${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return name;
  }

  private send(call: DistributiveOmit<PgCall, 'seq'>): Extract<PgReply, { ok: true }> {
    if (this.closed) throw new AppError('internal', 'The database connection is closed.');
    // Numbered so that this call takes its own answer (the thread answers in order, and puts the number of
    // the call it answered in the flag): a wake-up meant for the call before, or the late answer of a call
    // given up on, is not taken for this one.
    const seq = (this.seq = (this.seq % 0x7fffffff) + 1);
    this.port.postMessage({ ...call, seq } as PgCall);
    const deadline = performance.now() + this.callTimeoutMs;
    for (let seen = Atomics.load(this.flag, 0); seen !== seq; seen = Atomics.load(this.flag, 0)) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(this.flag, 0, seen, left) === 'timed-out') {
        throw new AppError('database_unreachable', `The database at ${this.target.shown} did not answer within ${this.callTimeoutMs / 1000} s.`);
      }
    }
    let reply: PgAnswer | undefined;
    do reply = receiveMessageOnPort(this.port)?.message as PgAnswer | undefined;
    while (reply && reply.seq !== seq);
    if (!reply) throw new AppError('internal', 'The database connection lost an answer.');
    if (reply.ok) return reply;
    if (reply.lost) {
      // The server's side of an open transaction is gone with the connection.
      this.depth = 0;
    }
    throw this.failure(reply);
  }

  private failure(reply: PgFailure): Error {
    if (reply.lost) {
      return new AppError(
        'database_unreachable',
        `The database at ${this.target.shown} cannot be reached: ${reply.message}`,
        reply.code ? { sqlstate: reply.code } : undefined,
      );
    }
    if (reply.code === LOCK_NOT_AVAILABLE || reply.code === QUERY_CANCELED) {
      // The write lock (or a statement) waited past its timeout: other desks' work, not a fault.
      return new AppError('database_busy', `The database at ${this.target.shown} was busy: ${reply.message}`, { sqlstate: reply.code });
    }
    const err = new Error(reply.message) as Error & { code: string; constraint?: string };
    err.code = reply.code;
    if (reply.constraint) err.constraint = reply.constraint;
    return err;
  }

  query(name: string | undefined, text: string, values: unknown[]): { fields: string[]; rows: unknown[][]; rowCount: number } {
    return this.send(name ? { op: 'query', name, text, values } : { op: 'query', text, values });
  }

  /** Statements without parameters, run as they are (PostgreSQL's own SQL). */
  exec(sql: string): this {
    this.send({ op: 'script', text: sql });
    return this;
  }

  prepare(sql: string): PgStatement {
    return new PgStatement(this, toPostgres(sql, this.idTables));
  }

  /** Runs `fn` as one transaction holding the store's write lock; nested calls are savepoints. */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F & { immediate: F; deferred: F; exclusive: F } {
    const run = ((...args: Parameters<F>) => this.inside(() => fn(...args))) as F;
    return Object.assign(run, { immediate: run, deferred: run, exclusive: run });
  }

  /**
   * Runs statements as one transaction holding the store's write lock, like `transaction`, but without
   * waiting for it: the caller goes on (reading the next part of a file) while the server works. Settles
   * once it committed, or failed and was rolled back; calls made meanwhile run after it. Its commit does
   * not wait for the disk (synchronous_commit off): such a transaction is a step of a longer piece of work
   * (an import's batch) that nobody is told of until a later, ordinary transaction commits, whose flush
   * covers it (the log is written in order). A server crash in between loses the step whole, as if the
   * work had stopped before it.
   */
  pipeline(statements: readonly { statement: PgStatement; params: unknown[] }[]): Promise<void> {
    if (this.closed) return Promise.reject(new AppError('internal', 'The database connection is closed.'));
    if (this.depth > 0) return Promise.reject(new Error('A pipelined transaction cannot run inside another transaction.'));
    const id = this.nextPipeline++;
    const done = new Promise<void>((resolve, reject) => this.pipelined.set(id, { resolve, reject }));
    // The answer comes as an event: keep the process alive for it.
    this.worker.ref();
    this.port.postMessage({
      op: 'pipeline',
      id,
      begin: `${this.begin}; SET LOCAL synchronous_commit = off`,
      statements: statements.map((s) => s.statement.request(s.params)),
    } satisfies PgRequest);
    return done;
  }

  private inside<T>(fn: () => T): T {
    const savepoint = this.depth > 0 ? `sp${this.depth}` : null;
    try {
      this.exec(savepoint ? `SAVEPOINT ${savepoint}` : this.begin);
    } catch (err) {
      // BEGIN went through but the lock did not (its wait timed out): end the transaction it opened, or
      // every later call on this connection would be refused as part of a failed transaction.
      if (!savepoint && !(err instanceof AppError && err.code === 'database_unreachable')) {
        try {
          this.exec('ROLLBACK');
        } catch {
          // The connection is gone: the server discards the transaction.
        }
      }
      throw err;
    }
    this.depth++;
    let result: T;
    try {
      result = fn();
      if (result instanceof Promise) throw new TypeError('A transaction function must not be async.');
    } catch (err) {
      this.depth = Math.max(0, this.depth - 1);
      if (!(err instanceof AppError && err.code === 'database_unreachable')) {
        try {
          this.exec(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}` : 'ROLLBACK');
        } catch {
          // The rollback failing (connection lost) leaves the server to discard the transaction.
        }
      }
      throw err;
    }
    this.depth--;
    this.exec(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
    return result;
  }

  close(): this {
    if (this.closed) return this;
    try {
      this.send({ op: 'close' });
    } catch {
      // Closing a connection that is already gone.
    }
    this.closed = true;
    for (const waiting of this.pipelined.values())
      waiting.reject(new AppError('internal', 'The database connection was closed before a transaction was confirmed.'));
    this.pipelined.clear();
    this.port.close();
    void this.worker.terminate();
    return this;
  }
}
