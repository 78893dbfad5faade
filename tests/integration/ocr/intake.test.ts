// Intake on a real database: originals stored once and untouched, duplicates recognised, and every bad
// input refused with its code while the case and its other files stay as they were.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/result';
import type { BackendContext } from '../../../src/main/context';
import { callerAs } from '../../helpers/sessions';
import { addFilesToCase } from '../../../src/main/intake/intake';
import { cancelCaseOcr } from '../../../src/main/ocr/case-ocr';
import { createCase } from '../../../src/main/services/cases';
import { buildOcrFixtures, type OcrFixtures } from '../../fixtures/ocr/build';
import { tempContext } from '../../helpers/temp-home';

let fx: OcrFixtures;
beforeAll(async () => {
  fx = await buildOcrFixtures();
});
afterAll(() => fs.rmSync(fx.dir, { recursive: true, force: true }));

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

function setup(): { ctx: BackendContext; dir: string; caseId: number } {
  const t = tempContext();
  cleanups.push(t.cleanup);
  const c = createCase(t.ctx, { claimType: 'JKM', notes: '' });
  return { ctx: t.ctx, dir: t.dir, caseId: c.id };
}

const file = (name: string) => ({ name, bytes: fs.readFileSync(fx.path(name)) });
const count = (ctx: BackendContext, table: string): number => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const originals = (dir: string): string[] =>
  fs.existsSync(path.join(dir, 'originals'))
    ? fs
        .readdirSync(path.join(dir, 'originals'), { recursive: true })
        .map(String)
        .filter((f) => f.includes('.'))
    : [];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? err.code : `unexpected: ${String(err)}`;
  }
  return 'no error';
}

describe('adding files to a case', () => {
  it('stores each original once by SHA-256, byte for byte, read-only, with name, size, format and page count', async () => {
    const { ctx, dir, caseId } = setup();
    const input = [file('scan-2p.pdf'), file('page.png'), file('scan-2p.tiff'), file('photo.jpg')];
    const added = await addFilesToCase(ctx, caseId, input);
    expect(added.map((a) => [a.name, a.format, a.pageCount, a.duplicate])).toEqual([
      ['scan-2p.pdf', 'pdf', 2, false],
      ['page.png', 'png', 1, false],
      ['scan-2p.tiff', 'tiff', 2, false],
      ['photo.jpg', 'jpeg', 1, false],
    ]);
    for (const [i, a] of added.entries()) {
      const row = ctx.db.prepare(`SELECT stored_path, size, sha256 FROM files WHERE id = ?`).get(a.fileId) as {
        stored_path: string;
        size: number;
        sha256: string;
      };
      const stored = path.join(dir, row.stored_path);
      expect(fs.readFileSync(stored).equals(input[i]!.bytes)).toBe(true);
      expect(row.size).toBe(input[i]!.bytes.length);
      expect(path.basename(stored)).toMatch(new RegExp(`^${row.sha256}\\.`));
      expect(fs.statSync(stored).mode & 0o222).toBe(0);
    }
    const pages = ctx.db.prepare(`SELECT count(*) AS n FROM page_ocr WHERE state = 'pending'`).get() as { n: number };
    expect(pages.n).toBe(6);
  });

  it('recognises the same file added twice (even under another name) instead of duplicating it', async () => {
    const { ctx, dir, caseId } = setup();
    const [first] = await addFilesToCase(ctx, caseId, [file('page.png')]);
    const [again] = await addFilesToCase(ctx, caseId, [{ name: 'ktp-lagi.png', bytes: file('page.png').bytes }]);
    expect(again!.duplicate).toBe(true);
    expect(again!.fileId).toBe(first!.fileId);
    expect(again!.caseFileId).toBe(first!.caseFileId);
    expect(count(ctx, 'case_files')).toBe(1);
    expect(count(ctx, 'files')).toBe(1);
    expect(originals(dir)).toHaveLength(1);
    // Another case may hold the same original: stored once, attached twice.
    const other = createCase(ctx, { claimType: 'JHT', notes: '' });
    const [shared] = await addFilesToCase(ctx, other.id, [file('page.png')]);
    expect(shared!.duplicate).toBe(false);
    expect(shared!.fileId).toBe(first!.fileId);
    expect(originals(dir)).toHaveLength(1);
  });

  it.each([
    ['corrupt.pdf', 'bad_file'],
    ['encrypted.pdf', 'bad_file'],
    ['empty.pdf', 'bad_file'],
    ['html.pdf', 'unsupported_file'],
    ['bomb.png', 'too_large'],
    ['many-pages.pdf', 'too_large'],
    ['truncated.jpg', 'bad_file'],
  ])('refuses %s with %s and leaves the case and its files intact', async (name, code) => {
    const { ctx, dir, caseId } = setup();
    await addFilesToCase(ctx, caseId, [file('page.png')]);
    const before = { files: count(ctx, 'files'), caseFiles: count(ctx, 'case_files'), pages: count(ctx, 'page_ocr'), originals: originals(dir) };
    expect(await codeOf(addFilesToCase(ctx, caseId, [file('photo.jpg'), file(name)]))).toBe(code);
    expect({ files: count(ctx, 'files'), caseFiles: count(ctx, 'case_files'), pages: count(ctx, 'page_ocr'), originals: originals(dir) }).toEqual(before);
  });

  it('refuses an unknown case', async () => {
    const { ctx } = setup();
    expect(await codeOf(addFilesToCase(ctx, 999, [file('page.png')]))).toBe('not_found');
  });
});

describe('documents.add through the contract', () => {
  it('adds the good files, lists the refused ones with their codes, and starts OCR', async () => {
    const { ctx, caseId } = setup();
    const dispatch = await callerAs(ctx, 'officer');
    const b64 = (name: string) => ({ name, contentBase64: fs.readFileSync(fx.path(name)).toString('base64') });
    const res = await dispatch('documents.add', { caseId, files: [b64('page.png'), b64('html.pdf'), b64('truncated.jpg')] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const value = res.value as { added: { name: string }[]; rejected: { name: string; code: string; message: string }[] };
    expect(value.added.map((a) => a.name)).toEqual(['page.png']);
    expect(value.rejected.map((r) => [r.name, r.code])).toEqual([
      ['html.pdf', 'unsupported_file'],
      ['truncated.jpg', 'bad_file'],
    ]);
    const list = await dispatch('documents.list', { caseId });
    expect(list.ok && (list.value as { running: boolean }).running).toBe(true);
    await cancelCaseOcr(ctx, caseId);
  });

  it('answers a single bad file with its error code, and an oversized upload with too_large', async () => {
    const { ctx, caseId } = setup();
    const dispatch = await callerAs(ctx, 'officer');
    const bad = await dispatch('documents.add', { caseId, files: [{ name: 'x.pdf', contentBase64: Buffer.from('<html></html>').toString('base64') }] });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('unsupported_file');
    process.env.CLAIMDESK_MAX_UPLOAD_BYTES = '1000';
    try {
      const big = await dispatch('documents.add', {
        caseId,
        files: [{ name: 'big.png', contentBase64: fs.readFileSync(fx.path('page.png')).toString('base64') }],
      });
      expect(big.ok ? 'ok' : big.error.code).toBe('too_large');
      expect(big.ok ? '' : big.error.message).toMatch(/big\.png/);
    } finally {
      delete process.env.CLAIMDESK_MAX_UPLOAD_BYTES;
    }
    expect(count(ctx, 'case_files')).toBe(0);
  });
});

describe('documents.add audit', () => {
  it('records names, hashes and sizes in the audit log, never the uploaded bytes', async () => {
    const { ctx, caseId } = setup();
    const dispatch = await callerAs(ctx, 'officer');
    const content = fs.readFileSync(fx.path('page.png')).toString('base64');
    const res = await dispatch('documents.add', { caseId, files: [{ name: 'page.png', contentBase64: content }] });
    expect(res.ok).toBe(true);
    await cancelCaseOcr(ctx, caseId);
    const rows = ctx.db.prepare(`SELECT detail, case_id FROM audit_log WHERE action = 'documents.add'`).all() as { detail: string; case_id: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.case_id).toBe(caseId);
    expect(rows[0]!.detail).not.toContain(content.slice(0, 100));
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ name: 'page.png', pages: 1, duplicate: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
