// The packaged app: what `npm run package` puts in the installer. Electron itself (its binary from
// GitHub, its headers from electronjs.org for rebuilding better-sqlite3) and the installer tools (NSIS,
// appimagetool, also from GitHub) cannot be downloaded here, so this runs the real packager on this
// machine's build with two stand-ins: a script in place of the Electron binary, carrying Electron's fuse
// wire so the fuses are really flipped, and no native rebuild. It then reads the archive it made.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../electron-builder.config.mjs';
import { tempDir } from '../helpers/temp-home';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's fuse order (@electron/fuses FuseV1Options) and Electron 45's defaults. */
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];
const DEFAULT_WIRE = '10110001';

function fuseWire(binary: string): Record<string, boolean> {
  const bytes = fs.readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1] as number;
  return Object.fromEntries(FUSES.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === '1'.charCodeAt(0)]));
}

let unpacked = '';
let archive: string[] = [];
const { dir: work, cleanup } = tempDir('claimdesk-package-');
afterAll(cleanup);

beforeAll(() => {
  const dist = path.join(work, 'electron-dist');
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'electron'), `#!/bin/sh\n# stand-in for the Electron binary\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_WIRE}\nexit 0\n`, {
    mode: 0o755,
  });
  const out = path.join(work, 'dist');
  const r = spawnSync(
    process.execPath,
    [
      path.resolve('node_modules/electron-builder/cli.js'),
      '--config',
      'electron-builder.config.mjs',
      '--linux',
      'dir',
      `-c.electronDist=${dist}`,
      '-c.npmRebuild=false',
      `-c.directories.output=${out}`,
    ],
    { encoding: 'utf8', timeout: 240_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  unpacked = path.join(out, 'linux-unpacked');
  archive = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((p) => p.split(path.sep).join('/'));
}, 300_000);

describe('packaging configuration', () => {
  it('makes a Windows installer and a Linux AppImage, rebuilding native modules for Electron', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux?.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
    // The stand-in run above skips it; the real one must rebuild better-sqlite3 for Electron's ABI.
    expect(config.npmRebuild).toBe(true);
  });

  it("names every one of Electron's fuses, by the keys of the installed electron-builder's schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.resolve('node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    const fuses = config.electronFuses as Record<string, boolean>;
    for (const key of Object.keys(fuses)) expect(known, key).toContain(key);
    // Every fuse is decided in the configuration, none left to Electron's default (resetAdHocDarwinSignature
    // is a macOS signing step, not a fuse).
    expect(Object.keys(fuses).sort()).toEqual(known.filter((k) => k !== 'resetAdHocDarwinSignature').sort());
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the packaged app', () => {
  it('holds the build and the production dependencies, and no sources, tests or development tools', () => {
    for (const f of ['/package.json', '/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html'])
      expect(archive, f).toContain(f);
    for (const dir of ['/src', '/tests', '/tools', '/bench', '/scripts', '/resources', '/docs'])
      expect(
        archive.some((p) => p === dir || p.startsWith(`${dir}/`)),
        dir,
      ).toBe(false);
    expect(archive.filter((p) => p.endsWith('.map') && p.startsWith('/out/'))).toEqual([]);
    const modules = new Set(archive.map((p) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(p)?.[1]).filter(Boolean));
    for (const m of ['better-sqlite3', 'sharp', 'tesseract.js', 'tesseract.js-core', 'pdfjs-dist', '@napi-rs/canvas', 'pdf-lib', 'zod', 'commander'])
      expect(modules, m).toContain(m);
    // Development tools, the renderer's libraries (bundled into out/renderer) and the language-data packages
    // (copied to resources/tessdata) never ship.
    for (const m of [
      'tsx',
      'vite',
      'electron',
      'electron-builder',
      'electron-vite',
      '@playwright/test',
      'typescript',
      'vitest',
      'react',
      'react-dom',
      'i18next',
      '@tesseract.js-data/ind',
    ]) {
      expect(modules.has(m), m).toBe(false);
    }
  });

  it('unpacks the native modules from the archive: better-sqlite3 as a 64-bit shared object', () => {
    const binding = path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const head = fs.readFileSync(binding).subarray(0, 20);
    expect(head.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(head[4]).toBe(2); // 64-bit
    expect(head.readUInt16LE(16)).toBe(3); // a shared object
    expect(head.readUInt16LE(18)).toBe(0x3e); // x86-64
    const unpackedFiles = fs.readdirSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules'), { recursive: true }).map(String);
    expect(unpackedFiles.some((f) => /sharp-linux-x64\.node$/.test(f))).toBe(true);
    expect(unpackedFiles.some((f) => /libvips-cpp\.so/.test(f))).toBe(true);
    expect(unpackedFiles.some((f) => /skia\..*\.node$/.test(f))).toBe(true);
    expect(unpackedFiles.some((f) => /tesseract-core.*\.wasm/.test(f))).toBe(true);
    // Worker threads start from files on disk: the page reader's entry and the chunks it imports.
    const main = path.join(unpacked, 'resources', 'app.asar.unpacked', 'out', 'main');
    expect(fs.existsSync(path.join(main, 'reader-thread.js'))).toBe(true);
    for (const chunk of fs.readFileSync(path.join(main, 'reader-thread.js'), 'utf8').matchAll(/from "\.\/([^"]+)"/g))
      expect(fs.existsSync(path.join(main, chunk[1]!)), chunk[1]).toBe(true);
  });

  it('carries the OCR language data, requirement tables and demo files, so a first start needs no network', () => {
    const res = path.join(unpacked, 'resources', 'resources');
    for (const lang of ['ind', 'eng', 'osd']) {
      const file = `tessdata/${lang}.traineddata.gz`;
      expect(fs.statSync(path.join(res, file)).size, file).toBe(fs.statSync(path.join('resources', file)).size);
    }
    expect(fs.existsSync(path.join(res, 'requirements', 'requirements.json'))).toBe(true);
    expect(fs.existsSync(path.join(res, 'demo', 'manifest.json'))).toBe(true);
  });

  it("flips Electron's fuses: no running as Node, no NODE_OPTIONS or inspector, the app only from its checked archive", () => {
    expect(fuseWire(path.join(unpacked, 'claimdesk'))).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });
});
