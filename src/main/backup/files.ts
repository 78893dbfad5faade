// The files of a backup and how each is named in its manifest: relative, '/'-separated, inside the folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The document store under the data folder: the originals (src/main/intake/store.ts) and the page previews. */
export const STORE_FOLDERS = ['originals', 'previews'] as const;

/** Files being written at this moment (an original's `.part`, a preview's `.tmp`): not yet part of the store. */
const IN_PROGRESS = /\.(part|tmp)$/;

export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Every regular file under `root` (recursively), as '/'-separated paths relative to `root`. */
export function listFiles(root: string, under = ''): string[] {
  const dir = path.join(root, under);
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = under ? `${under}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(root, rel));
    else if (e.isFile()) out.push(rel);
    else out.push(rel); // a link or device: listed so that a restore refuses it as unexpected
  }
  return out;
}

/** The store's files as they stand, without the ones still being written. */
export function storeFiles(home: string): string[] {
  return STORE_FOLDERS.flatMap((f) => listFiles(home, f)).filter((f) => !IN_PROGRESS.test(f));
}

/** A manifest path is safe when it stays inside the folder it names a file of. */
export function isSafeRelative(p: string): boolean {
  if (!p || p.startsWith('/') || p.includes('\\') || /^[a-zA-Z]:/.test(p) || p.includes('\0')) return false;
  return p.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

export const local = (root: string, rel: string): string => path.join(root, ...rel.split('/'));
