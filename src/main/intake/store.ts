// Originals are stored once, named by their SHA-256, under <home>/originals/, and never modified:
// written to a temporary name, renamed into place, then made read-only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/result';
import type { BackendContext } from '../context';
import type { FileFormat } from './detect';

const EXTENSIONS: Record<FileFormat, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', tiff: 'tif' };

export const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');

export function originalsDir(home: string): string {
  return path.join(home, 'originals');
}

/** Path, relative to the data folder, where an original with this hash is kept. */
export function storedPathFor(hash: string, format: FileFormat): string {
  return path.join('originals', hash.slice(0, 2), `${hash}.${EXTENSIONS[format]}`);
}

/** Writes the original if it is not stored yet; returns its path relative to the data folder. */
export function storeOriginal(home: string, hash: string, format: FileFormat, bytes: Buffer): string {
  const relative = storedPathFor(hash, format);
  const target = path.join(home, relative);
  if (fs.existsSync(target) && sha256(fs.readFileSync(target)) === hash) return relative;
  writeReadOnly(target, bytes);
  return relative;
}

/** Writes a file whole under a temporary name, read-only, then renames it into place. */
function writeReadOnly(target: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.part`;
  fs.writeFileSync(temp, bytes, { mode: 0o444 });
  fs.renameSync(temp, target);
}

/** On a shared store (PostgreSQL), keeps the original's bytes in the database too, so every desk can read it;
 * call it inside the transaction that records the file. */
export function shareOriginal(ctx: BackendContext, hash: string, bytes: Buffer): void {
  if (ctx.dialect !== 'postgres') return;
  ctx.db.prepare(`INSERT INTO file_blobs(sha256, bytes) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING`).run(hash, bytes);
}

/** The original's path in this desk's data folder; on a shared store, a file another desk added is first
 * fetched from the database and checked against its hash. */
export function localOriginal(ctx: BackendContext, relative: string): string {
  const target = path.join(ctx.home, relative);
  if (ctx.dialect !== 'postgres' || fs.existsSync(target)) return target;
  const hash = path.basename(relative).replace(/\.[^.]+$/, '');
  const bytes = ctx.db.prepare(`SELECT bytes FROM file_blobs WHERE sha256 = ?`).pluck().get(hash) as Buffer | undefined;
  if (!bytes) throw new AppError('not_found', `The original ${relative} is in neither this desk's data folder nor the shared store.`, { file: relative });
  if (sha256(bytes) !== hash) {
    throw new AppError('bad_file', `The shared copy of ${relative} does not match its hash; it was not used.`, { file: relative, reason: 'hash_mismatch' });
  }
  writeReadOnly(target, bytes);
  return target;
}

export function readOriginal(home: string, relative: string): Buffer {
  return fs.readFileSync(path.join(home, relative));
}
