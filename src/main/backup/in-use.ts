// Whether a running ClaimDesk holds a data folder's database. The app writes no lock file of its own:
// every process that has the database open in WAL mode keeps a shared lock on it, so asking SQLite for
// an exclusive lock without waiting answers the question for the desktop app, `claimdesk serve` and any
// command alike, and it cannot be left behind stale by a crash as a lock file can.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** True when another connection has the database open now; a folder without a database is never in use. */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    db.close();
  }
}
