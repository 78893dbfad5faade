// Backup and restore (issue 16 item 5) on real data folders: a backup taken while another process holds
// the database open in WAL mode, with its newest case still only in the WAL, has that case; the manifest
// names every file with its SHA-256; a restore gives back the same rows and files with an intact audit
// chain, refuses a changed or incomplete backup without touching the target, refuses a folder a running
// process holds, and keeps the folder it replaces. The administrators' contract method is tried too.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/dispatch';
import { BackendContext } from '../../src/main/context';
import { runCli } from '../helpers/cli';
import { createAccounts, signedIn, valueOf } from '../helpers/sessions';
import { tempFolders } from '../helpers/temp-home';
import { storeOptions } from '../helpers/store';

const folder = tempFolders(afterEach);
const DB = 'claimdesk.sqlite';
const MANIFEST = 'claimdesk-backup.json';
const WAL_CASE = 'CD-WAL-LATEST';

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A demo data folder with its scanned originals, and one page preview as the viewer keeps them. */
function seededHome(): string {
  const home = path.join(folder(), 'data');
  expect(runCli(['--home', home, 'demo']).status).toBe(0);
  fs.mkdirSync(path.join(home, 'previews'), { recursive: true });
  fs.writeFileSync(path.join(home, 'previews', 'page-p1-1600.jpg'), crypto.randomBytes(2048));
  fs.writeFileSync(path.join(home, 'previews', 'page-p1-1600.json'), '{"width":1,"height":1,"pixelWidth":1,"pixelHeight":1}');
  return home;
}

/** Every file under `root`, relative, with its SHA-256. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(root, { recursive: true }) as string[]) {
    const file = path.join(root, rel);
    if (fs.statSync(file).isFile()) out[rel.split(path.sep).join('/')] = sha(file);
  }
  return out;
}

function rows(dbFile: string, table: string): unknown[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  } finally {
    db.close();
  }
}

/**
 * Another process holding the database open in WAL mode, as a running app does: it adds a case and keeps
 * the connection open without checkpointing, so the case is in the WAL and not yet in the main file.
 */
async function holdWithNewCase(home: string): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(path.resolve('node_modules/better-sqlite3'))});
    const db = new Database(${JSON.stringify(path.join(home, DB))});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    const now = new Date().toISOString();
    db.prepare("INSERT INTO cases(reference, claim_type, status, created_by, created_at, updated_at) VALUES (?, 'JHT', 'draft', 'petugas', ?, ?)").run(${JSON.stringify(WAL_CASE)}, now, now);
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the writer ended early (exit ${code})`)));
  });
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

const caseRefs = (dbFile: string): string[] => (rows(dbFile, 'cases') as { reference: string }[]).map((r) => r.reference);

describe('claimdesk backup while the app runs', () => {
  it('has the newest case still in the WAL, and a manifest whose SHA-256s match every file', async () => {
    const home = seededHome();
    const dest = path.join(folder(), 'backup');
    const writer = await holdWithNewCase(home);
    try {
      // The problem the backup solves: the main file alone does not have the case yet.
      expect(fs.statSync(path.join(home, `${DB}-wal`)).size).toBeGreaterThan(0);
      const plain = path.join(folder(), 'plain.sqlite');
      fs.copyFileSync(path.join(home, DB), plain);
      expect(caseRefs(plain)).not.toContain(WAL_CASE);

      const made = runCli(['--home', home, '--json', 'backup', dest]);
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      const out = JSON.parse(made.stdout) as { folder: string; files: number; bytes: number; databaseSha256: string; manifestSha256: string };
      expect(out.folder).toBe(dest);

      expect(caseRefs(path.join(dest, DB))).toContain(WAL_CASE);
      // One self-contained file: no WAL beside the copy.
      expect(fs.readdirSync(dest).sort()).toEqual([DB, MANIFEST, 'originals', 'previews'].sort());

      const manifest = JSON.parse(fs.readFileSync(path.join(dest, MANIFEST), 'utf8')) as {
        database: { path: string; sha256: string; bytes: number };
        files: { path: string; sha256: string; bytes: number }[];
        counts: { cases: number };
      };
      expect(sha(path.join(dest, MANIFEST))).toBe(out.manifestSha256);
      expect(manifest.database).toEqual({ path: DB, sha256: sha(path.join(dest, DB)), bytes: fs.statSync(path.join(dest, DB)).size });
      expect(manifest.database.sha256).toBe(out.databaseSha256);
      // Every file of the document store is listed with the hash of its bytes, in the source and in the copy.
      const source = Object.fromEntries(Object.entries(tree(home)).filter(([p]) => p.startsWith('originals/') || p.startsWith('previews/')));
      expect(Object.keys(source).length).toBeGreaterThanOrEqual(8);
      expect(Object.fromEntries(manifest.files.map((f) => [f.path, f.sha256]))).toEqual(source);
      for (const f of manifest.files) expect(sha(path.join(dest, f.path)), f.path).toBe(f.sha256);
      expect(out.files).toBe(manifest.files.length);
      expect(manifest.counts.cases).toBe(caseRefs(path.join(dest, DB)).length);

      // Audited in the source's own trail, with the manifest's hash.
      const entry = (rows(path.join(home, DB), 'audit_log') as { action: string; detail: string }[]).filter((r) => r.action === 'backup.create');
      expect(entry).toHaveLength(1);
      expect(JSON.parse(entry[0]!.detail)).toMatchObject({ folder: dest, manifestSha256: out.manifestSha256 });

      // A second backup into the same folder is bad input, and the first one is left as it was.
      const again = runCli(['--home', home, 'backup', dest]);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/not an empty folder/);
      expect(sha(path.join(dest, MANIFEST))).toBe(out.manifestSha256);
    } finally {
      await writer.stop();
    }
  });
});

describe('claimdesk restore', () => {
  it('into a fresh folder gives the same cases, files, documents and audit rows, with an intact chain and its own entry last', async () => {
    const home = seededHome();
    const dest = path.join(folder(), 'backup');
    const writer = await holdWithNewCase(home);
    try {
      expect(runCli(['--home', home, 'backup', dest]).status).toBe(0);
    } finally {
      await writer.stop();
    }
    const target = path.join(folder(), 'restored');
    const r = runCli(['--home', target, '--json', 'restore', dest]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { restoredTo: string; previousKeptAt: string | null; audit: { ok: boolean; rows: number } };
    expect(out).toMatchObject({ restoredTo: target, previousKeptAt: null, audit: { ok: true } });

    // Taken before the test opens the database itself: the restored folder holds no WAL of its own.
    const restoredFiles = tree(target);
    const before = path.join(dest, DB);
    const after = path.join(target, DB);
    expect(caseRefs(after)).toContain(WAL_CASE);
    for (const table of ['cases', 'participants', 'files', 'case_files', 'case_documents', 'users'])
      expect(rows(after, table), table).toEqual(rows(before, table));
    const trail = rows(after, 'audit_log') as { action: string; detail: string }[];
    expect(trail.slice(0, -1)).toEqual(rows(before, 'audit_log'));
    expect(trail.at(-1)).toMatchObject({ action: 'backup.restore' });
    expect(JSON.parse(trail.at(-1)!.detail)).toMatchObject({ from: dest, auditIntact: true });
    expect(out.audit.rows).toBe(trail.length);
    // The same originals and previews, byte for byte; the manifest is not part of a data folder.
    const backupFiles = tree(dest);
    delete backupFiles[MANIFEST];
    expect(restoredFiles).toEqual({ ...backupFiles, [DB]: sha(after) });
    const verify = runCli(['--home', target, 'audit', 'verify']);
    expect(verify.status).toBe(0);
    // Nothing left beside the target.
    expect(fs.readdirSync(path.dirname(target))).toEqual(['restored']);
  });

  it('refuses a backup with one byte changed (an original, the database copy), a missing or an extra file, and leaves the target untouched', async () => {
    const home = seededHome();
    const target = seededHome();
    const targetBefore = tree(target);
    const cases = [
      {
        name: 'one byte of an original',
        change: (b: string, m: { files: { path: string }[] }) => flipByte(path.join(b, m.files.find((f) => f.path.startsWith('originals/'))!.path)),
        why: 'backup_tampered',
      },
      { name: 'one byte of the database copy', change: (b: string) => flipByte(path.join(b, DB), 200), why: 'backup_tampered' },
      {
        name: 'a file removed',
        change: (b: string, m: { files: { path: string }[] }) => fs.rmSync(path.join(b, m.files.find((f) => f.path.startsWith('previews/'))!.path)),
        why: 'backup_incomplete',
      },
      { name: 'a file slipped in', change: (b: string) => fs.writeFileSync(path.join(b, 'originals', 'extra.pdf'), 'x'), why: 'backup_unlisted_file' },
      { name: 'no manifest', change: (b: string) => fs.rmSync(path.join(b, MANIFEST)), why: 'backup_no_manifest' },
    ];
    for (const c of cases) {
      const dest = path.join(folder(), 'backup');
      expect(runCli(['--home', home, 'backup', dest]).status).toBe(0);
      // The untouched backup restores (the check is not what refuses it below)…
      const control = path.join(folder(), 'control');
      expect(runCli(['--home', control, 'restore', dest]).status, c.name).toBe(0);
      // …the changed one does not.
      c.change(dest, JSON.parse(fs.readFileSync(path.join(dest, MANIFEST), 'utf8')));
      const r = runCli(['--home', target, '--json', 'restore', dest]);
      expect(r.status, c.name).toBe(2);
      expect((JSON.parse(r.stdout) as { error: { params: { reason: string } } }).error.params.reason, c.name).toBe(c.why);
      expect(r.stderr, c.name).toMatch(/claimdesk: /);
      expect(tree(target), c.name).toEqual(targetBefore);
      expect(fs.readdirSync(path.dirname(target)), c.name).toEqual(['data']);
    }
  });

  it('over an existing data folder keeps that folder aside under a dated name, and refuses one a running process holds', async () => {
    const home = seededHome();
    const dest = path.join(folder(), 'backup');
    expect(runCli(['--home', home, 'backup', dest]).status).toBe(0);
    const target = seededHome();
    const old = tree(target);

    const writer = await holdWithNewCase(target);
    try {
      const refused = runCli(['--home', target, '--json', 'restore', dest]);
      expect(refused.status).toBe(2);
      expect((JSON.parse(refused.stdout) as { error: { params: { reason: string } } }).error.params.reason).toBe('data_folder_in_use');
      expect(fs.readdirSync(path.dirname(target))).toEqual(['data']);
      expect(caseRefs(path.join(target, DB))).toContain(WAL_CASE);
    } finally {
      await writer.stop();
    }
    const heldTree = tree(target);

    const r = runCli(['--home', target, '--json', 'restore', dest]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { previousKeptAt: string };
    expect(path.basename(out.previousKeptAt)).toMatch(/^data\.before-restore-\d{8}-\d{6}$/);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['data', path.basename(out.previousKeptAt)].sort());
    // The old folder as it was (its WAL folded into the database when its last connection closed).
    const kept = tree(out.previousKeptAt);
    for (const [p, h] of Object.entries(old)) if (p !== DB) expect(kept[p], p).toBe(h);
    const noWal = (p: string): boolean => !p.endsWith('-wal') && !p.endsWith('-shm');
    expect(Object.keys(kept).filter(noWal).sort()).toEqual(Object.keys(heldTree).filter(noWal).sort());
    expect(caseRefs(path.join(out.previousKeptAt, DB))).toContain(WAL_CASE);
    // The restored one is the backup's.
    expect(caseRefs(path.join(target, DB))).not.toContain(WAL_CASE);
    expect(caseRefs(path.join(target, DB))).toEqual(caseRefs(path.join(dest, DB)));
  });
});

function flipByte(file: string, at?: number): void {
  fs.chmodSync(file, 0o644);
  const bytes = fs.readFileSync(file);
  const i = at ?? Math.floor(bytes.length / 2);
  bytes[i] = bytes[i]! ^ 0x01;
  fs.writeFileSync(file, bytes);
}

describe('settings.backup (administrators)', () => {
  it('is refused to an officer and makes a backup for an administrator, in the default or a typed folder', async () => {
    const home = seededHome();
    const ctx = new BackendContext({ home, transport: 'browser', ...storeOptions(home) });
    try {
      const accounts = await createAccounts(ctx, [
        { username: 'budi', role: 'officer' },
        { username: 'adi', role: 'admin' },
      ]);
      const dispatch = createDispatcher(ctx, () => undefined);
      const officer = await signedIn(dispatch, accounts.budi!);
      const refused = await officer.call('settings.backup', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(fs.existsSync(path.join(home, 'backups'))).toBe(false);

      const admin = await signedIn(dispatch, accounts.adi!);
      const made = valueOf<{ folder: string; files: number; bytes: number; cases: number }>(await admin.call('settings.backup', {}));
      expect(path.dirname(made.folder)).toBe(path.join(home, 'backups'));
      expect(path.basename(made.folder)).toMatch(/^\d{8}-\d{6}$/);
      const manifest = JSON.parse(fs.readFileSync(path.join(made.folder, MANIFEST), 'utf8')) as { files: unknown[] };
      expect(made.files).toBe(manifest.files.length);
      expect(made.files).toBeGreaterThanOrEqual(8);
      const onDisk = Object.keys(tree(made.folder)).reduce((n, p) => n + fs.statSync(path.join(made.folder, p)).size, 0);
      expect(made.bytes).toBe(onDisk);

      const typed = path.join(folder(), 'typed');
      expect(valueOf<{ folder: string }>(await admin.call('settings.backup', { folder: typed })).folder).toBe(typed);
      expect(fs.existsSync(path.join(typed, MANIFEST))).toBe(true);
      const relative = await admin.call('settings.backup', { folder: 'backups/x' });
      expect(relative).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { reason: 'backup_folder_relative' } } });

      const actions = ctx.db.prepare(`SELECT actor, action FROM audit_log WHERE action IN ('backup.create', 'refused') ORDER BY id`).all();
      expect(actions).toEqual([
        { actor: 'budi', action: 'refused' },
        { actor: 'adi', action: 'backup.create' },
        { actor: 'adi', action: 'backup.create' },
      ]);
    } finally {
      await ctx.close();
    }
  });
});
