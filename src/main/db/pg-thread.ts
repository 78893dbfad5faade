// The PostgreSQL connection of one back end, on its own thread: the back end's store is synchronous (a
// transaction is one uninterrupted piece of work, as on SQLite), so its calls wait here on a shared flag
// while this thread talks to the server with the `pg` driver (src/main/db/postgres.ts is the other side).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import pg from 'pg';
import type { PgAnswer, PgNotification, PgPipelined, PgReply, PgRequest } from './pg-protocol';

interface Data {
  url: string;
  /** The schema the store lives in: every connection works in it. */
  schema: string;
  port: MessagePort;
  flag: Int32Array;
  /** Seconds a statement may run before the server cancels it. */
  statementTimeout: number;
}

const { url, schema, port, flag, statementTimeout } = workerData as Data;

// Counts and sums come back as numbers, and truth values as 1/0, exactly as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.BOOL, (v) => (v === 't' ? 1 : 0));

let client: pg.Client | null = null;
let connecting: Promise<pg.Client> | null = null;

function connect(): Promise<pg.Client> {
  connecting ??= (async () => {
    const c = new pg.Client({
      connectionString: url,
      options: `-c search_path=${schema}`,
      application_name: 'claimdesk',
      connectionTimeoutMillis: 5000,
      statement_timeout: statementTimeout * 1000,
      keepAlive: true,
    });
    // A dropped connection is reported on the next call, which connects again.
    c.on('error', () => {
      if (client === c) client = null;
    });
    await c.connect();
    client = c;
    return c;
  })().finally(() => (connecting = null));
  return connecting;
}

let listening: string | null = null;
let listener: pg.Client | null = null;

/** Keeps a second connection listening on the channel, connecting again 2 s after it is lost. */
function listen(channel: string): void {
  listening = channel;
  if (listener) return;
  const c = new pg.Client({
    connectionString: url,
    options: `-c search_path=${schema}`,
    application_name: 'claimdesk-events',
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  listener = c;
  const again = (): void => {
    if (listener !== c) return;
    listener = null;
    void c.end().catch(() => undefined);
    if (listening) setTimeout(() => listening && listen(listening), 2000).unref();
  };
  c.on('error', again);
  c.on('end', again);
  c.on('notification', (n) => parentPort?.postMessage({ op: 'notification', payload: n.payload ?? '' } satisfies PgNotification));
  c.connect()
    .then(() => c.query(`LISTEN "${channel.replace(/"/g, '')}"`))
    .catch(again);
}

const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

async function handle(req: PgRequest): Promise<PgReply> {
  if (req.op === 'listen') {
    listen(req.channel);
    return { ok: true, fields: [], rows: [], rowCount: 0 };
  }
  if (req.op === 'close') {
    listening = null;
    const l = listener;
    listener = null;
    await l?.end().catch(() => undefined);
    await client?.end().catch(() => undefined);
    client = null;
    return { ok: true, fields: [], rows: [], rowCount: 0 };
  }
  let c: pg.Client;
  try {
    c = client ?? (await connect());
  } catch (err) {
    return { ok: false, lost: true, code: (err as { code?: string }).code ?? '', message: (err as Error).message };
  }
  try {
    if (req.op === 'script') {
      await c.query(req.text);
      return { ok: true, fields: [], rows: [], rowCount: 0 };
    }
    if (req.op === 'pipeline') {
      try {
        await c.query(req.begin);
        for (const s of req.statements) await c.query({ name: s.name, text: s.text, values: s.values });
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
      await c.query('COMMIT');
      return { ok: true, fields: [], rows: [], rowCount: 0 };
    }
    const r = await c.query({ name: req.name, text: req.text, values: req.values, rowMode: 'array' });
    return { ok: true, fields: r.fields.map((f) => f.name), rows: r.rows as unknown[][], rowCount: r.rowCount ?? 0 };
  } catch (err) {
    const e = err as { code?: string; message: string; constraint?: string };
    const code = e.code ?? '';
    // A broken socket surfaces as an error without a SQLSTATE.
    const lost = CONNECTION_LOST.has(code) || (!code && client !== c) || /Connection terminated|ECONNRESET|EPIPE|not queryable/i.test(e.message);
    if (lost) {
      if (client === c) client = null;
      void c.end().catch(() => undefined);
    }
    return { ok: false, lost, code, message: e.message, ...(e.constraint ? { constraint: e.constraint } : {}) };
  }
}

// One request at a time, in the order sent: a call the back end makes while a pipelined transaction is
// under way runs after it, never inside it.
let previous: Promise<unknown> = Promise.resolve();
port.on('message', (req: PgRequest) => {
  previous = previous.then(async () => {
    let reply: PgReply;
    try {
      reply = await handle(req);
    } catch (err) {
      // Never leave a request unanswered: the back end is waiting for it.
      reply = { ok: false, lost: false, code: '', message: err instanceof Error ? err.message : String(err) };
    }
    if (req.op === 'pipeline') {
      parentPort?.postMessage({ op: 'pipelined', id: req.id, ...(reply.ok ? { ok: true } : reply) } satisfies PgPipelined);
      return;
    }
    port.postMessage({ ...reply, seq: req.seq } satisfies PgAnswer);
    Atomics.store(flag, 0, req.seq);
    Atomics.notify(flag, 0);
  });
});
