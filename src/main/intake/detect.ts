// Formats are recognised by their first bytes, never by the file name: a web page saved as "x.pdf" is
// refused as unsupported, and an empty file as unreadable. A PDF header may follow some junk, as PDF
// readers allow, but not another file: a ZIP archive, a web page or a program that carries a PDF inside
// its first kilobyte is that other file (a polyglot), and refused as such.
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
  // PDF readers accept a header within the first 1024 bytes (some scanners prepend junk), but junk is not a file of its own.
  const head = bytes.subarray(0, 1024).toString('latin1');
  const at = head.indexOf('%PDF-');
  if (at === 0 || (at > 0 && !otherFormat(bytes))) return 'pdf';
  return null;
}

/** A ZIP archive's local file, end-of-directory and spanning marks. */
const ZIP_SIGNATURES = [0x0304, 0x0506, 0x0708].map((n) => [0x50, 0x4b, n >> 8, n & 0xff]);
/** Windows (MZ) and Linux (ELF) programs. */
const PROGRAM_SIGNATURES = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
];

/** What a file is by its first bytes when it is one that is not read here but others open: a ZIP archive
 * (Office documents are ZIPs), markup a browser would run (HTML, SVG, XML) or a program. */
function otherFormat(bytes: Buffer): 'zip' | 'markup' | 'program' | null {
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'zip';
  if (PROGRAM_SIGNATURES.some((signature) => startsWith(bytes, signature))) return 'program';
  const text = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return text.trimStart().startsWith('<') ? 'markup' : null;
}

const OTHER_FORMAT_NAMES = { zip: 'a ZIP archive', markup: 'a web page or other markup', program: 'a program' } as const;

/** Like sniffFormat, but explains a refusal with an AppError naming the file. */
export function detectFormat(name: string, bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new AppError('bad_file', `${name} is empty (0 bytes).`, { file: name, reason: 'empty' });
  const format = sniffFormat(bytes);
  if (format) return format;
  const head = bytes.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  const looksText = head.startsWith('<') || ![...head.slice(0, 200)].some((c) => c.charCodeAt(0) < 9 || (c.charCodeAt(0) > 13 && c.charCodeAt(0) < 32));
  const other = otherFormat(bytes);
  const what =
    head.startsWith('<!doctype html') || head.startsWith('<html')
      ? 'an HTML page'
      : other
        ? OTHER_FORMAT_NAMES[other]
        : looksText
          ? 'a text file'
          : 'not a PDF, JPEG, PNG or TIFF';
  throw new AppError('unsupported_file', `${name} is ${what}, not a scanned document (PDF, JPEG, PNG or TIFF).`, {
    file: name,
    reason: 'format',
  });
}
