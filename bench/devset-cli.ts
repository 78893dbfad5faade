// A stand-in for `claimdesk` that the dev set's scorer can call while extraction is tuned:
//   node ../shared/devset/score.mjs --skip-cases --cmd "node --import tsx bench/devset-cli.ts"
// `extract --json FILE...` reads each file's pages from an OCR cache (bench/.cache/ocr, keyed by the
// file's bytes and the OCR sources, as `bench extract` keys it) and runs today's extraction on them, so
// a change to extraction is scored in seconds instead of re-reading 150 pages. Every other command is
// the real CLI's, with the back end's page readers on this thread over an OCR pool that remembers what it
// read on each image, so the scorer's cases (`verify`) re-read nothing either. Scores that are reported are always taken with the real CLI
// as well.
import { readFile as readFs } from 'node:fs/promises';
import path from 'node:path';
import { extractDossier } from '../src/shared/extract/index';
import { createOcrPool } from '../src/main/ocr/pool';
import { inProcessReaders, type PageReaders } from '../src/main/ocr/readers';
import { BackendContext } from '../src/main/context';
import { cachingPool, ocrCached } from './ocr-cache';

const args = process.argv.slice(2);

function cachedReaders(): PageReaders {
  const pool = cachingPool(createOcrPool({}));
  const readers = inProcessReaders(pool);
  return { ...readers, size: pool.size, terminate: async () => (await readers.terminate(), await pool.terminate()) };
}
if (args[0] !== 'extract') {
  const service = BackendContext.prototype.service;
  BackendContext.prototype.service = function <T>(this: BackendContext, key: string, create: () => T, dispose?: (value: T) => Promise<void> | void): T {
    return service.call(this, key, key === 'ocr.readers' ? () => cachedReaders() as T : create, dispose as never) as T;
  };
  const { main } = await import('../src/main/cli/index');
  process.exitCode = await main([process.argv[0] ?? 'node', 'claimdesk', ...args]);
} else {
  const files = args.slice(1).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--home');
  const pool = cachingPool(createOcrPool({}));
  const reads = [];
  try {
    for (const f of files) reads.push({ name: path.basename(f), ...(await ocrCached({ name: path.basename(f), bytes: await readFs(f) }, pool)) });
  } finally {
    await pool.terminate();
  }
  const docs = extractDossier(reads.map((r) => r.pages));
  const out = {
    files: reads.map((r, i) => ({
      file: r.name,
      pages: r.pages.length ? Math.max(...r.pages.map((p) => p.page)) : 0,
      documents: docs[i] ?? [],
      errors: r.errors,
    })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
