// Formats are recognised by their first bytes, never by the file name: a web page saved as "x.pdf" is
// refused as unsupported, and an empty file as unreadable.
import { AppError } from '../../shared/api/result';

export type FileFormat = 'pdf' | 'jpeg' | 'png' | 'tiff';

export const MIME_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
};

const startsWith = (bytes: Buffer, signature: number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The format of `bytes`, or null when it is none that ClaimDesk reads. */
export function sniffFormat(bytes: Buffer): FileFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // PDF readers accept a header within the first 1024 bytes (some scanners prepend junk).
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  return null;
}

/** Like sniffFormat, but explains a refusal with an AppError naming the file. */
export function detectFormat(name: string, bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new AppError('bad_file', `${name} is empty (0 bytes).`, { file: name, reason: 'empty' });
  const format = sniffFormat(bytes);
  if (format) return format;
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  const looksText = head.startsWith('<') || ![...head.slice(0, 200)].some((c) => c.charCodeAt(0) < 9 || (c.charCodeAt(0) > 13 && c.charCodeAt(0) < 32));
  const what = head.startsWith('<!doctype html') || head.startsWith('<html') ? 'an HTML page' : looksText ? 'a text file' : 'not a PDF, JPEG, PNG or TIFF';
  throw new AppError('unsupported_file', `${name} is ${what}, not a scanned document (PDF, JPEG, PNG or TIFF).`, {
    file: name,
    reason: 'format',
  });
}
