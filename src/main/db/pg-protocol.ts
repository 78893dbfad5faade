// Messages between the back end and its PostgreSQL thread (src/main/db/pg-thread.ts).

export interface PgQuery {
  name?: string;
  text: string;
  values: unknown[];
}

/**
 * A call the back end waits for. Its number comes back with the answer and is put in the shared flag
 * when the answer is sent, so the back end takes its own answer and no other: not the late answer of a
 * call it stopped waiting for, nor a wake-up meant for the call before.
 */
export type PgCall = (
  | ({ op: 'query' } & PgQuery)
  /** Several statements without parameters (schema changes, BEGIN with its lock). */
  | { op: 'script'; text: string }
  /** Start listening for other desks' notifications on a channel (a connection of its own). */
  | { op: 'listen'; channel: string }
  | { op: 'close' }
) & { seq: number };

export type PgRequest =
  | PgCall
  /**
   * A whole transaction: `begin` (BEGIN with the write lock), the statements, COMMIT; rolled back at the
   * first failure. Nothing else runs on the connection in between. Answered on the thread's own port
   * (`PgPipelined`), not by the flag: the caller does not wait for it.
   */
  | { op: 'pipeline'; id: number; begin: string; statements: PgQuery[] };

/** What the thread sends unasked: another desk's notification. */
export interface PgNotification {
  op: 'notification';
  payload: string;
}

export type PgFailure = { ok: false; lost: boolean; code: string; message: string; constraint?: string };

export type PgReply = { ok: true; fields: string[]; rows: unknown[][]; rowCount: number } | PgFailure;

/** The answer to a call, with its number. */
export type PgAnswer = PgReply & { seq: number };

/** How a pipelined transaction ended. */
export type PgPipelined = { op: 'pipelined'; id: number } & ({ ok: true } | PgFailure);
