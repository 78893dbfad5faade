// Bulk writes (src/main/db/batch.ts) on either store: many rows to a statement, the last chunk filled up
// with rows that do nothing; a batch's steps committed as one transaction, which on PostgreSQL runs while
// the caller goes on, before any call made meanwhile, and is rolled back whole when a step fails.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../src/main/context';
import { commitSteps, manyRows, tuples } from '../../src/main/db/batch';
import { storeOptions } from '../helpers/store';
import { tempDir } from '../helpers/temp-home';

let home: ReturnType<typeof tempDir>;
let ctx: BackendContext;
const settings = (prefix: string): { key: string; value: string }[] =>
  ctx.db.prepare(`SELECT key, value FROM settings WHERE key LIKE ? ORDER BY key`).all(`${prefix}%`) as { key: string; value: string }[];

beforeEach(() => {
  home = tempDir();
  ctx = new BackendContext({ home: home.dir, transport: 'cli', ...storeOptions(home.dir) });
});
afterEach(async () => {
  await ctx.close();
  home.cleanup();
});

const insert = (): ReturnType<typeof manyRows> =>
  manyRows(ctx.db, (n) => `INSERT INTO settings(key, value) SELECT * FROM (VALUES ${tuples(n, 2)}) AS v WHERE v.column1 IS NOT NULL`, {
    chunk: 2,
    width: 2,
  });

describe('bulk writes', () => {
  it('writes any number of rows a chunk at a time, the filling rows doing nothing', () => {
    expect(
      insert().run([
        ['bulk.1', 'a'],
        ['bulk.2', 'b'],
        ['bulk.3', 'c'],
      ]),
    ).toBe(3);
    expect(settings('bulk.')).toEqual([
      { key: 'bulk.1', value: 'a' },
      { key: 'bulk.2', value: 'b' },
      { key: 'bulk.3', value: 'c' },
    ]);
    const read = manyRows(ctx.db, (n) => `SELECT key FROM settings WHERE key IN (${tuples(n, 1)}) ORDER BY key`, { chunk: 4, width: 1 });
    expect(read.all([['bulk.3'], ['bulk.1'], ['none']])).toEqual([{ key: 'bulk.1' }, { key: 'bulk.3' }]);
  });

  it('commits a batch as one transaction, before any call made while it runs', async () => {
    const written = commitSteps(
      ctx.db,
      insert().steps([
        ['batch.1', 'a'],
        ['batch.2', 'b'],
        ['batch.3', 'c'],
      ]),
    );
    // Asked at once, without waiting: the answer comes after the batch committed, never from inside it.
    expect(settings('batch.')).toHaveLength(3);
    await expect(written).resolves.toBeUndefined();
  });

  it('rolls the whole batch back when a step fails, and the store takes the next one', async () => {
    const steps = insert().steps([
      ['fail.1', 'a'],
      ['fail.2', 'b'],
      ['fail.1', 'again'],
    ]);
    await expect(commitSteps(ctx.db, steps)).rejects.toThrow(/UNIQUE|unique|duplicate/);
    expect(settings('fail.')).toEqual([]);
    await commitSteps(ctx.db, insert().steps([['next.1', 'a']]));
    expect(settings('next.')).toEqual([{ key: 'next.1', value: 'a' }]);
  });
});
