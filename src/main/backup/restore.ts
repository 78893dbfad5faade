// Restoring a backup never leaves a half-restored data folder: the backup is checked against its
// manifest before anything is written, copied into a folder beside the target and checked again, its
// audit chain verified and the restore appended to it, and only then swapped in by two renames. The
// folder it replaces is kept beside it under a dated name, never deleted, and a folder that a running
// ClaimDesk holds is refused.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { AuditVerification } from '../../shared/api/methods-audit';
import { BrokenAuditError, verifyAuditChain } from '../audit/chain';
import type { Caller } from '../auth/caller';
import { BackendContext } from '../context';
import { DATABASE_FILE, openDatabase } from '../db/database';
import { stamp } from './backup';
import { local } from './files';
import { databaseInUse } from './in-use';
import { MANIFEST_FILE, readManifest, verifyBackupFolder, type Manifest } from './manifest';

export interface RestoreOptions {
  /** Restore even when the backup's own audit chain is broken (it is still reported, and recorded). */
  allowBrokenAudit?: boolean;
  now?: () => Date;
}

export interface RestoreResult {
  restoredTo: string;
  from: string;
  /** Where the data folder that was there before now is; null when there was none. */
  previousKeptAt: string | null;
  files: number;
  cases: number;
  /** The restored trail, the restore's own entry included. */
  audit: AuditVerification;
}

function refuseTarget(target: string): void {
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new AppError('invalid_input', `${target} is a file, not a data folder.`, { reason: 'restore_target_not_folder', folder: target });
  }
  if (databaseInUse(path.join(target, DATABASE_FILE))) {
    throw new AppError(
      'conflict',
      `ClaimDesk is running on ${target} (its database is open); close the app or stop "claimdesk serve" first. Nothing was changed.`,
      {
        reason: 'data_folder_in_use',
        folder: target,
      },
    );
  }
}

async function copyVerified(from: string, to: string, manifest: Manifest): Promise<void> {
  for (const e of [manifest.database, ...manifest.files]) {
    const target = local(to, e.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await fs.promises.copyFile(local(from, e.path), target);
  }
  // The copy is what goes live: checked again, in case the backup changed while it was read.
  await verifyBackupFolder(to, manifest);
}

export async function restoreBackup(source: string, targetHome: string, caller: Caller, options: RestoreOptions = {}): Promise<RestoreResult> {
  const from = path.resolve(source);
  const target = path.resolve(targetHome);
  const now = options.now ?? (() => new Date());
  // Everything is checked before anything is written.
  const manifest = readManifest(from);
  await verifyBackupFolder(from, manifest);
  refuseTarget(target);

  const at = stamp(now());
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${at}-${process.pid}`);
  const keptAt = fs.existsSync(target) ? uniquePath(`${target}.before-restore-${at}`) : null;
  fs.mkdirSync(staging, { recursive: true });
  let audit: AuditVerification;
  try {
    await copyVerified(from, staging, manifest);
    fs.rmSync(path.join(staging, MANIFEST_FILE), { force: true });
    const ctx = new BackendContext({ home: staging, transport: 'cli', clock: now });
    try {
      const before = verifyAuditChain(ctx.db);
      if (!before.ok && !options.allowBrokenAudit) throw new BrokenAuditError(before);
      ctx.db.transaction(() =>
        ctx.audit(caller, 'backup.restore', {
          from,
          createdAt: manifest.createdAt,
          databaseSha256: manifest.database.sha256,
          files: manifest.files.length,
          auditRows: before.rows,
          auditIntact: before.ok,
          previousKeptAt: keptAt,
        }),
      )();
    } finally {
      await ctx.close();
    }
    // Checked once more just before the swap: nobody may have opened the target meanwhile.
    refuseTarget(target);
    if (keptAt) fs.renameSync(target, keptAt);
    try {
      fs.renameSync(staging, target);
    } catch (err) {
      if (keptAt) fs.renameSync(keptAt, target);
      throw err;
    }
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const db = openDatabase(path.join(target, DATABASE_FILE));
  try {
    audit = verifyAuditChain(db);
    const cases = db.prepare(`SELECT count(*) FROM cases`).pluck().get() as number;
    return { restoredTo: target, from, previousKeptAt: keptAt, files: manifest.files.length, cases, audit };
  } finally {
    db.close();
  }
}

function uniquePath(base: string): string {
  let p = base;
  for (let i = 2; fs.existsSync(p); i++) p = `${base}-${i}`;
  return p;
}
