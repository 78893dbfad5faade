// A desk's connection to the branch store stays in step with it: a call it gave up waiting for does not
// hand its late answer to the next call, and a wait for the store's write lock that timed out leaves no
// failed transaction behind to refuse every later call (both seen with ten desks at work, bench store).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parsePgUrl, PgDb } from '../../../src/main/db/postgres';
import { databaseFor } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-home';

const home = tempDir();
const target = parsePgUrl(databaseFor(home.dir)!);
const opened: PgDb[] = [];
const connect = (options: { callTimeoutMs?: number } = {}): PgDb => {
  const db = new PgDb(target, options);
  opened.push(db);
  return db;
};

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
afterAll(() => home.cleanup());

describe('a connection to PostgreSQL', () => {
  it('takes its own answer after a call it stopped waiting for', async () => {
    const db = connect({ callTimeoutMs: 300 });
    expect(() => db.prepare(`SELECT 'late' AS v, pg_sleep(0.6)`).pluck().get()).toThrow(/did not answer/);
    // The late answer arrives meanwhile; the next call is not given it.
    await new Promise((r) => setTimeout(r, 600));
    expect(db.prepare(`SELECT 'next' AS v`).pluck().get()).toBe('next');
    expect(db.prepare(`SELECT 'after' AS v`).pluck().get()).toBe('after');
  });

  it('is not left in a failed transaction when its wait for the write lock times out', async () => {
    const holder = connect();
    const desk = connect();
    // Another desk holds the store's write lock for a while (a transaction of its own, sent without waiting).
    const held = holder.pipeline([{ statement: holder.prepare(`SELECT pg_sleep(1.5)`), params: [] }]);
    await new Promise((r) => setTimeout(r, 300));
    desk.exec(`SET statement_timeout = '200ms'`);
    expect(() => desk.transaction(() => desk.prepare(`SELECT 1`).get())()).toThrow(/statement timeout/);
    desk.exec(`SET statement_timeout = '60s'`);
    expect(desk.prepare(`SELECT 'usable' AS v`).pluck().get()).toBe('usable');
    await held;
  });
});
