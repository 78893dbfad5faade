// A backup's manifest: what the backup holds, with the SHA-256 and size of every file and of the
// database copy. A restore reads it and checks the folder against it before it touches anything.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/result';
import { hashFile, isSafeRelative, listFiles, local, type FileEntry } from './files';

export const MANIFEST_FILE = 'claimdesk-backup.json';
export const BACKUP_FORMAT = 'claimdesk-backup';

const entrySchema = z.object({
  path: z.string().refine(isSafeRelative, 'a path inside the backup'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  /** The data folder it was taken from (for the reader; a restore may go anywhere). */
  source: z.string(),
  database: entrySchema,
  files: z.array(entrySchema),
  counts: z.object({ cases: z.number().int(), files: z.number().int(), auditRows: z.number().int() }),
});
export type Manifest = z.infer<typeof manifestSchema>;

const refuse = (message: string, params: { reason: string } & Record<string, string | number>): AppError => new AppError('invalid_input', message, params);

/** Reads the manifest of the backup in `folder`, refusing a folder that has none or a manifest that does not parse. */
export function readManifest(folder: string): Manifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw refuse(`${folder} is not a folder.`, { reason: 'backup_not_found', folder });
  }
  if (!fs.existsSync(file)) {
    throw refuse(`${folder} holds no ${MANIFEST_FILE}: it is not a ClaimDesk backup, or the backup did not finish.`, { reason: 'backup_no_manifest', folder });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  const m = manifestSchema.safeParse(parsed);
  if (!m.success) throw refuse(`${file} is not a ClaimDesk backup manifest this version can read.`, { reason: 'backup_bad_manifest', folder });
  return m.data;
}

/**
 * Checks every file of the backup against the manifest: each listed file present with its size and
 * SHA-256, and nothing unlisted beside them. Throws with the first problem, naming the file.
 */
export async function verifyBackupFolder(folder: string, manifest: Manifest): Promise<void> {
  const listed = new Map<string, FileEntry>([manifest.database, ...manifest.files].map((e) => [e.path, e]));
  for (const rel of listFiles(folder)) {
    if (rel !== MANIFEST_FILE && !listed.has(rel)) {
      throw refuse(`${rel} is in the backup but not in its manifest; the backup was changed after it was made.`, { reason: 'backup_unlisted_file', file: rel });
    }
  }
  for (const e of listed.values()) {
    const file = local(folder, e.path);
    if (!fs.existsSync(file)) throw refuse(`${e.path} is missing from the backup.`, { reason: 'backup_incomplete', file: e.path });
    const got = await hashFile(file);
    if (got.bytes !== e.bytes || got.sha256 !== e.sha256) {
      throw refuse(`${e.path} does not match the SHA-256 the manifest records for it; the backup was changed or damaged.`, {
        reason: 'backup_tampered',
        file: e.path,
      });
    }
  }
}
