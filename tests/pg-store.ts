// The PostgreSQL tier's store: the server must answer (CI starts it; see .ci/run), and the schemas the
// tests made (one per data folder, tests/helpers/store.ts) are dropped before and after the run.
import { connectPostgres } from './helpers/postgres';
import { TEST_SCHEMA_PREFIX } from './helpers/store';

async function dropTestSchemas(): Promise<void> {
  const client = await connectPostgres();
  try {
    const { rows } = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE starts_with(nspname, $1)`, [TEST_SCHEMA_PREFIX]);
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

export default async function pgStore(): Promise<() => Promise<void>> {
  await dropTestSchemas();
  return dropTestSchemas;
}
