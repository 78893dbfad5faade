// Messages between the back end and its PostgreSQL thread (src/main/db/pg-thread.ts).

export type PgRequest =
  | { op: 'query'; name?: string; text: string; values: unknown[] }
  /** Several statements without parameters (schema changes, BEGIN with its lock). */
  | { op: 'script'; text: string }
  /** Start listening for other desks' notifications on a channel (a connection of its own). */
  | { op: 'listen'; channel: string }
  | { op: 'close' };

/** What the thread sends unasked: another desk's notification. */
export interface PgNotification {
  op: 'notification';
  payload: string;
}

export type PgReply =
  { ok: true; fields: string[]; rows: unknown[][]; rowCount: number } | { ok: false; lost: boolean; code: string; message: string; constraint?: string };
