// Which store a desk works on, as an administrator sets it in Settings (issue 17 item 1): the address
// of the branch's PostgreSQL, kept in the data folder (store.json, readable by its owner only, since
// the address may hold the password) and used from the next start. The command line's --database and
// CLAIMDESK_DATABASE come first: whoever starts the process can always choose.
//
// Before an address is saved it is tried: the server must answer, accept the sign-in, and hold no
// schema newer than this ClaimDesk. Nothing is created on the server by trying.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import { SCHEMA_VERSION } from './migrations/index';
import { isPostgresUrl, parsePgUrl, PgDb } from './postgres';

export const STORE_SETTING_FILE = 'store.json';

export type StoreChoice = 'environment' | 'settings' | 'default';

function settingFile(home: string): string {
  return path.join(home, STORE_SETTING_FILE);
}

/** The address saved in Settings, or null for none (the embedded database). */
export function savedStoreAddress(home: string): string | null {
  const file = settingFile(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let database: unknown;
  try {
    database = (JSON.parse(text) as { database?: unknown }).database;
  } catch {
    database = undefined;
  }
  if (typeof database !== 'string' || !isPostgresUrl(database)) {
    throw new AppError('invalid_input', `${file} does not hold a postgres:// address. Correct it or delete it (the embedded database is then used).`, {
      reason: 'store_setting',
      file,
    });
  }
  return database;
}

/** Keeps (or, with null, removes) the address for the next start: written whole, then renamed into place. */
export function saveStoreAddress(home: string, address: string | null): void {
  const file = settingFile(home);
  if (address === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  fs.mkdirSync(home, { recursive: true });
  const temp = `${file}.${process.pid}.part`;
  fs.writeFileSync(temp, `${JSON.stringify({ database: address }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** The store to open, and what chose it: the start's option or environment, else Settings, else the embedded file. */
export function chooseStore(explicit: string | undefined, env: NodeJS.ProcessEnv, home: string | undefined): { address: string | null; by: StoreChoice } {
  const given = explicit ?? env.CLAIMDESK_DATABASE;
  if (given) return { address: given, by: 'environment' };
  const saved = home ? savedStoreAddress(home) : null;
  return saved ? { address: saved, by: 'settings' } : { address: null, by: 'default' };
}

/** The address with its password put in (or the saved one kept when none is typed and the server and user are the same). */
export function withPassword(address: string, password: string | undefined, saved: string | null): string {
  const url = new URL(address);
  if (password) {
    url.password = password;
    return url.href;
  }
  if (url.password || !saved) return url.href;
  const before = new URL(saved);
  if (before.host === url.host && before.username === url.username) url.password = before.password;
  return url.href;
}

/** What the server holds at that address: a ClaimDesk store's schema version and case count, or none yet. */
export interface StoreProbe {
  schemaVersion: number | null;
  cases: number | null;
}

/** Connects to the address and looks, without writing anything; refuses with a translated reason. */
export function probeStore(address: string): StoreProbe {
  const target = parsePgUrl(address);
  const db = new PgDb(target);
  try {
    const has = (table: string): boolean => db.prepare(`SELECT to_regclass(?) IS NOT NULL AS present`).pluck().get(`${target.schema}.${table}`) === 1;
    const schemaVersion = has('claimdesk_schema') ? ((db.prepare(`SELECT version FROM claimdesk_schema`).pluck().get() as number | undefined) ?? null) : null;
    if (schemaVersion !== null && schemaVersion > SCHEMA_VERSION) {
      throw new AppError(
        'database_newer',
        `The database at ${target.shown} has schema version ${schemaVersion}, newer than this ClaimDesk (${SCHEMA_VERSION}). Update ClaimDesk first.`,
        { file: target.shown, version: schemaVersion, supported: SCHEMA_VERSION },
      );
    }
    const cases = has('cases') ? (db.prepare(`SELECT count(*) FROM cases`).pluck().get() as number) : null;
    return { schemaVersion, cases };
  } catch (err) {
    if (err instanceof AppError && err.code !== 'database_unreachable') throw err;
    const message = (err as Error).message;
    // The server answered but would not let this user in (SQLSTATE class 28), or has no such database (3D000).
    const sqlstate = String((err as AppError).params?.sqlstate ?? '');
    if (sqlstate.startsWith('28') || sqlstate === '3D000') {
      throw new AppError('invalid_input', `The server at ${target.shown} refused the sign-in or has no such database: ${message}`, {
        reason: 'database_login',
      });
    }
    throw new AppError('database_unreachable', `The database at ${target.shown} cannot be reached: ${message}`);
  } finally {
    db.close();
  }
}
