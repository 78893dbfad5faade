// Originals are stored once, named by their SHA-256, under <home>/originals/, and never modified:
// written to a temporary name, renamed into place, then made read-only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.part`;
  fs.writeFileSync(temp, bytes, { mode: 0o444 });
  fs.renameSync(temp, target);
  return relative;
}

export function readOriginal(home: string, relative: string): Buffer {
  return fs.readFileSync(path.join(home, relative));
}
