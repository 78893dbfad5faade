// The test PostgreSQL server, for the tests that need one: a client, or a failure that says how to start
// it, and schemas of a run's own (the cdtest_ prefix marks them as the tests'; they are dropped after).
import crypto from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL, TEST_SCHEMA_PREFIX } from './store';

/** The server's address with its password hidden, for messages. */
export const shownPostgresUrl = TEST_POSTGRES_URL.replace(/:[^:@/]*@/, ':***@');

/** A connected client on the test server, or an error naming .ci/postgres.sh when it does not answer. */
export async function connectPostgres(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL does not answer at ${shownPostgresUrl} (${(err as Error).message}). This test needs it: start it with "bash .ci/postgres.sh" ` +
        '(as CI does) or point CLAIMDESK_TEST_POSTGRES_URL at one.',
    );
  }
  return client;
}

/** A new schema name for one run of `label` (not created: the first desk on it migrates it), and the
 * CLAIMDESK_DATABASE address that puts a desk's store there. */
export function freshSchema(label: string): { schema: string; database: string } {
  const schema = `${TEST_SCHEMA_PREFIX}${label}_${crypto.randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return { schema, database: url.href };
}

/** Runs `fn` on a client whose search_path is `schema`. */
export async function inSchema<T>(schema: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectPostgres();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  const client = await connectPostgres();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
