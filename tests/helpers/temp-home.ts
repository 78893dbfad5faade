import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendContext, type Transport } from '../../src/main/context';
import { storeOptions } from './store';

/** A fresh data folder under the OS temp dir; removed by the returned cleanup. */
export function tempDir(prefix = 'claimdesk-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real BackendContext on a real SQLite file in a temp folder. */
export function tempContext(
  transport: Transport = 'cli',
  options: { clock?: () => Date } = {},
): { ctx: BackendContext; dir: string; cleanup: () => Promise<void> } {
  const { dir, cleanup } = tempDir();
  const ctx = new BackendContext({ home: dir, transport, ...options, ...storeOptions(dir) });
  return {
    ctx,
    dir,
    cleanup: async () => {
      await ctx.close();
      cleanup();
    },
  };
}

/** A fresh temp folder per call, all removed after each test of the calling file. */
export function tempFolders(afterEach: (fn: () => void) => void): () => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  return () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };
}

/** A fresh BackendContext for each test of the calling file, closed and removed after it. */
export function contextPerTest(
  beforeEach: (fn: () => void) => void,
  afterEach: (fn: () => Promise<void>) => void,
  transport: Transport = 'cli',
): () => BackendContext {
  let current: ReturnType<typeof tempContext> | null = null;
  beforeEach(() => {
    current = tempContext(transport);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  return () => {
    if (!current) throw new Error('contextPerTest: no test is running');
    return current.ctx;
  };
}
