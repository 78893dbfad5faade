// The command line starts quickly because it loads only the command being run, from the build: the help
// loads no back-end package at all, and `info` none of the OCR, image or PDF ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFolders } from '../helpers/temp-home';
import { homeArg, storeEnv } from '../helpers/store';

const folder = tempFolders(afterEach);

/** The packages a `claimdesk` run loaded (by node_modules folder), and its exit status and output. */
function loadedPackages(args: string[]): { status: number | null; stdout: string; packages: Set<string>; sources: string[] } {
  const log = path.join(folder(), 'imports.log');
  const r = spawnSync(process.execPath, ['--import', path.resolve('tests/helpers/import-log.mjs'), path.resolve('bin/claimdesk.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...storeEnv(homeArg(args)), CLAIMDESK_IMPORT_LOG: log },
  });
  const urls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  const packages = new Set(urls.map((u) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => !!p));
  const sources = urls.filter((u) => u.includes('/src/') && !u.includes('node_modules'));
  return { status: r.status, stdout: r.stdout, packages, sources };
}

const HEAVY = ['sharp', 'tesseract.js', 'pdf-lib', 'pdfjs-dist', '@napi-rs/canvas', 'csv-parse'];

describe('claimdesk start-up', () => {
  it('--help lists every command and loads no back-end package', () => {
    const r = loadedPackages(['--help']);
    expect(r.status).toBe(0);
    for (const c of ['info', 'demo', 'ocr', 'extract', 'participants', 'verify', 'serve', 'users', 'audit'])
      expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.packages.has('commander')).toBe(true);
    for (const p of [...HEAVY, 'better-sqlite3']) expect(r.packages.has(p), p).toBe(false);
    // The built JavaScript runs, never the TypeScript sources.
    expect(r.sources).toEqual([]);
  });

  it('info opens the database and loads no OCR, image or PDF package', () => {
    const home = folder();
    const r = loadedPackages(['--home', home, '--json', 'info']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ dataFolder: home, schemaVersion: expect.any(Number) });
    expect(r.packages.has('better-sqlite3')).toBe(true);
    for (const p of HEAVY) expect(r.packages.has(p), p).toBe(false);
  });

  it('a command asked for help shows its own options', () => {
    const r = loadedPackages(['verify', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--claim-type <type>/);
    expect(r.stdout).toMatch(/--kpj <number>/);
  });
});
