import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackendContext, type Transport } from '../../src/main/context';

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
  const ctx = new BackendContext({ home: dir, transport, ...options });
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
