import { describe, expect, it } from 'vitest';
import { detectFormat, sniffFormat } from '../../../src/main/intake/detect';
import { AppError } from '../../../src/shared/api/result';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not-an-app-error';
  }
  return undefined;
};

describe('format detection by content', () => {
  it('recognises PDF, JPEG, PNG and both TIFF byte orders whatever the name says', () => {
    expect(sniffFormat(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1'))).toBe('pdf');
    expect(sniffFormat(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toBe('tiff');
    expect(sniffFormat(Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]))).toBe('tiff');
    expect(detectFormat('scan.png', Buffer.from('%PDF-1.4\n'))).toBe('pdf');
  });

  it('accepts a PDF header after leading junk, as PDF readers do', () => {
    expect(sniffFormat(Buffer.concat([Buffer.alloc(100, 0x20), Buffer.from('%PDF-1.5')]))).toBe('pdf');
  });

  it('takes a ZIP archive, a web page or a program that carries a PDF header for what it is (a polyglot), not for a PDF', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('surat.pdf'), pdf]);
    expect(sniffFormat(zip)).toBeNull();
    expect(() => detectFormat('surat.pdf', zip)).toThrow(/surat\.pdf is a ZIP archive/);
    expect(() => detectFormat('surat.pdf', Buffer.concat([Buffer.from('\uFEFF  <svg><!-- '), pdf]))).toThrow(/web page or other markup/);
    expect(() => detectFormat('surat.pdf', Buffer.concat([Buffer.from('<!DOCTYPE html><html><!--\n'), pdf]))).toThrow(/is an HTML page/);
    expect(() => detectFormat('surat.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), pdf]))).toThrow(/is a program/);
    expect(codeOf(() => detectFormat('surat.pdf', zip))).toBe('unsupported_file');
    // Three bytes of a signature are no signature.
    expect(sniffFormat(Buffer.from('PK\x03'))).toBeNull();
  });

  it('refuses an empty file as bad and an HTML or text file named .pdf as unsupported', () => {
    expect(codeOf(() => detectFormat('kosong.pdf', Buffer.alloc(0)))).toBe('bad_file');
    expect(codeOf(() => detectFormat('ktp.pdf', Buffer.from('<!DOCTYPE html><html><body>x</body></html>')))).toBe('unsupported_file');
    expect(codeOf(() => detectFormat('ktp.pdf', Buffer.from('just some notes\n')))).toBe('unsupported_file');
    expect(() => detectFormat('ktp.pdf', Buffer.from('<html>'))).toThrow(/ktp\.pdf is an HTML page/);
  });
});
