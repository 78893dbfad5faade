// A backup of one data folder, taken while the app runs: the database through SQLite's online backup
// (which reads through the connection, so pages still in the WAL are in the copy, as a plain file copy's
// are not), then the document store, then a manifest with the SHA-256 of every file. It is written to a
// folder beside the destination and renamed into place when complete, so a folder with a manifest is a
// whole backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/result';
import type { BackupResult } from '../../shared/api/methods-settings';
import type { Caller } from '../auth/caller';
import type { BackendContext } from '../context';
import { DATABASE_FILE, sqliteOf } from '../db/database';
import { APP_VERSION } from '../version';
import { hashFile, local, STORE_FOLDERS, storeFiles, type FileEntry } from './files';
import { BACKUP_FORMAT, MANIFEST_FILE, type Manifest } from './manifest';

/** `<data folder>/backups/<yyyymmdd-hhmmss>`: where a backup goes when no folder is named. */
export function defaultBackupFolder(home: string, at: Date): string {
  return path.join(home, 'backups', stamp(at));
}

export const stamp = (at: Date): string =>
  at
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');

function checkDestination(home: string, dest: string): void {
  for (const f of STORE_FOLDERS) {
    const rel = path.relative(path.join(home, f), dest);
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
      throw new AppError('invalid_input', `${dest} is inside the data folder's ${f}/; choose another folder.`, {
        reason: 'backup_dest_in_store',
        folder: dest,
      });
    }
  }
  if (fs.existsSync(dest) && (!fs.statSync(dest).isDirectory() || fs.readdirSync(dest).length > 0)) {
    throw new AppError('invalid_input', `${dest} already exists and is not an empty folder; name a new folder for the backup.`, {
      reason: 'backup_dest_not_empty',
      folder: dest,
    });
  }
}

/** Copies the database as it stands (the WAL included) into one self-contained file and reads its figures. */
async function copyDatabase(ctx: BackendContext, target: string): Promise<{ schemaVersion: number; counts: Manifest['counts'] }> {
  await sqliteOf(ctx.db, 'Backup').backup(target);
  const copy = new Database(target, ctx.options.nativeBinding ? { nativeBinding: ctx.options.nativeBinding } : {});
  try {
    // The copy keeps the source's WAL flag; a backup is one file, so it goes back to a rollback journal.
    copy.pragma('journal_mode = DELETE');
    const count = (table: string): number => copy.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      counts: { cases: count('cases'), files: count('files'), auditRows: count('audit_log') },
    };
  } finally {
    copy.close();
  }
}

export async function createBackup(ctx: BackendContext, caller: Caller, destination: string): Promise<BackupResult> {
  const dest = path.resolve(destination);
  checkDestination(ctx.home, dest);
  const staging = `${dest}.partial-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(staging, { recursive: true });
  try {
    const { schemaVersion, counts } = await copyDatabase(ctx, path.join(staging, DATABASE_FILE));
    const database = { path: DATABASE_FILE, ...(await hashFile(path.join(staging, DATABASE_FILE))) };
    // After the database: every original it names was stored before the row naming it was committed.
    const files: FileEntry[] = [];
    for (const rel of storeFiles(ctx.home)) {
      const target = local(staging, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      try {
        await fs.promises.copyFile(local(ctx.home, rel), target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // a preview removed meanwhile: it is rendered again
        throw err;
      }
      files.push({ path: rel, ...(await hashFile(target)) });
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: ctx.now().toISOString(),
      appVersion: APP_VERSION,
      schemaVersion,
      source: ctx.home,
      database,
      files,
      counts,
    };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    fs.writeFileSync(path.join(staging, MANIFEST_FILE), manifestText);
    if (fs.existsSync(dest)) fs.rmdirSync(dest);
    fs.renameSync(staging, dest);
    const result: BackupResult = {
      folder: dest,
      files: files.length,
      bytes: database.bytes + files.reduce((n, f) => n + f.bytes, 0) + Buffer.byteLength(manifestText),
      databaseSha256: database.sha256,
      manifestSha256: crypto.createHash('sha256').update(manifestText).digest('hex'),
      cases: counts.cases,
    };
    ctx.db.transaction(() => ctx.audit(caller, 'backup.create', result))();
    return result;
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/** A backup into the folder an administrator typed (absolute, on the back end's machine), else the default one. */
export async function backupTo(ctx: BackendContext, caller: Caller, folder: string | undefined): Promise<BackupResult> {
  if (folder !== undefined && !path.isAbsolute(folder)) {
    throw new AppError('invalid_input', `${folder} is not a full path; type the whole path of the backup folder.`, {
      reason: 'backup_folder_relative',
      folder,
    });
  }
  return createBackup(ctx, caller, folder ?? defaultBackupFolder(ctx.home, ctx.now()));
}
