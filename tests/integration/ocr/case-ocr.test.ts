// Background OCR of a case on a real database with real OCR: progress per page, page images in the
// boxes' pixel space, cancel and retry, and resuming after a restart without redoing finished pages.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/api/events';
import { BackendContext } from '../../../src/main/context';
import { callerAs } from '../../helpers/sessions';
import { addFilesToCase } from '../../../src/main/intake/intake';
import { cancelCaseOcr, listCasePages, resumePendingOcr, retryCaseOcr, startCaseOcr } from '../../../src/main/ocr/case-ocr';
import { createCase } from '../../../src/main/services/cases';
import { buildOcrFixtures, type OcrFixtures } from '../../fixtures/ocr/build';
import { tempDir } from '../../helpers/temp-home';
import { storeOptions } from '../../helpers/store';

let fx: OcrFixtures;
beforeAll(async () => {
  fx = await buildOcrFixtures();
  process.env.CLAIMDESK_OCR_WORKERS = '2';
});
afterAll(() => {
  fs.rmSync(fx.dir, { recursive: true, force: true });
  delete process.env.CLAIMDESK_OCR_WORKERS;
});

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function open(home?: string): { ctx: BackendContext; home: string; events: AppEvent[] } {
  let dir = home;
  if (!dir) {
    const t = tempDir();
    cleanups.push(t.cleanup);
    dir = t.dir;
  }
  const ctx = new BackendContext({ home: dir, transport: 'cli', ...storeOptions(dir) });
  cleanups.push(() => ctx.close().catch(() => undefined));
  const events: AppEvent[] = [];
  ctx.events.subscribe((e) => events.push(e));
  return { ctx, home: dir, events };
}

const file = (name: string) => ({ name, bytes: fs.readFileSync(fx.path(name)) });

interface Row {
  file_id: number;
  page: number;
  state: string;
  attempts: number;
  updated_at: string;
  ocr_json: string | null;
}
const rows = (ctx: BackendContext): Row[] =>
  ctx.db.prepare(`SELECT file_id, page, state, attempts, updated_at, ocr_json FROM page_ocr ORDER BY file_id, page`).all() as Row[];

describe('case OCR', () => {
  it('reads every page in the background with per-page progress, and serves page images in the boxes’ pixel space', async () => {
    const { ctx, events } = open();
    const c = createCase(ctx, { claimType: 'JKM', notes: '' });
    await addFilesToCase(ctx, c.id, [file('scan-2p.pdf'), file('page.png'), file('text-layer.pdf')]);
    await startCaseOcr(ctx, c.id);
    const pages = listCasePages(ctx, c.id);
    expect(pages.map((p) => [p.fileName, p.page, p.state])).toEqual([
      ['scan-2p.pdf', 1, 'done'],
      ['scan-2p.pdf', 2, 'done'],
      ['page.png', 1, 'done'],
      ['text-layer.pdf', 1, 'done'],
    ]);
    expect(pages.map((p) => p.ocr?.source)).toEqual(['ocr', 'ocr', 'ocr', 'text-layer']);
    expect(pages[2]!.ocr!.text).toContain('BPJS KETENAGAKERJAAN');

    const progress = events.filter((e) => e.name === 'ocr.progress').map((e) => e.payload as { state: string; pagesDone: number; pagesTotal: number });
    const done = progress.filter((p) => p.state === 'done');
    expect(done).toHaveLength(4);
    expect(done.map((p) => p.pagesDone)).toEqual([1, 2, 3, 4]);
    expect(done.every((p) => p.pagesTotal === 4)).toBe(true);
    expect(progress.filter((p) => p.state === 'running')).toHaveLength(4);
    expect(events.filter((e) => e.name === 'case.changed').length).toBeGreaterThanOrEqual(3);

    const dispatch = await callerAs(ctx, 'officer');
    const view = await dispatch('documents.page', { fileId: pages[0]!.fileId, page: 2 });
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    const v = view.value as {
      state: string;
      ocr: { width: number; height: number };
      image: { mime: string; dataBase64: string; width: number; height: number; pixelWidth: number; pixelHeight: number };
    };
    expect(v.state).toBe('done');
    expect([v.image.width, v.image.height]).toEqual([v.ocr.width, v.ocr.height]);
    const jpeg = await sharp(Buffer.from(v.image.dataBase64, 'base64')).metadata();
    expect(jpeg.format).toBe('jpeg');
    expect([jpeg.width, jpeg.height]).toEqual([v.image.pixelWidth, v.image.pixelHeight]);
    // Same aspect as the page, so boxes drawn as fractions of width/height land on the words.
    expect(Math.abs(jpeg.width! / jpeg.height! - v.ocr.width / v.ocr.height)).toBeLessThan(0.01);
    // The page was rendered once and kept: the next view is the same image, read from the kept file.
    const kept = fs.readdirSync(path.join(ctx.home, 'previews'));
    expect(kept.filter((f) => f.endsWith('.jpg'))).toHaveLength(1);
    const again = await dispatch('documents.page', { fileId: pages[0]!.fileId, page: 2 });
    expect(again.ok && (again.value as typeof v).image).toEqual(v.image);
    expect(fs.readdirSync(path.join(ctx.home, 'previews'))).toEqual(kept);

    const list = await dispatch('documents.list', { caseId: c.id });
    expect(list.ok && list.value).toMatchObject({ pagesDone: 4, pagesTotal: 4, running: false });
    const missing = await dispatch('documents.page', { fileId: pages[0]!.fileId, page: 9 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
  });

  it('cancels a case’s OCR, leaves other cases alone, and retries the cancelled pages', async () => {
    const { ctx } = open();
    const a = createCase(ctx, { claimType: 'JKM', notes: '' });
    const b = createCase(ctx, { claimType: 'JHT', notes: '' });
    await addFilesToCase(ctx, a.id, [file('scan-2p.tiff'), file('photo.jpg')]);
    await addFilesToCase(ctx, b.id, [file('page.png')]);
    const runA = startCaseOcr(ctx, a.id);
    const runB = startCaseOcr(ctx, b.id);
    const cancelled = await cancelCaseOcr(ctx, a.id);
    await runA;
    expect(cancelled).toBeGreaterThan(0);
    expect(listCasePages(ctx, a.id).filter((p) => p.state === 'cancelled')).toHaveLength(cancelled);
    expect(listCasePages(ctx, a.id).some((p) => p.state === 'pending' || p.state === 'running')).toBe(false);
    await runB;
    expect(listCasePages(ctx, b.id).map((p) => p.state)).toEqual(['done']);

    expect(retryCaseOcr(ctx, a.id)).toBe(cancelled);
    await startCaseOcr(ctx, a.id);
    expect(listCasePages(ctx, a.id).map((p) => p.state)).toEqual(['done', 'done', 'done']);
  });

  it('after a restart picks up unfinished pages and does not redo finished ones', async () => {
    const first = open();
    const c = createCase(first.ctx, { claimType: 'JKM', notes: '' });
    await addFilesToCase(first.ctx, c.id, [file('page.png'), file('scan-2p.pdf'), file('photo.jpg')]);
    const firstDone = new Promise<void>((resolve) =>
      first.ctx.events.subscribe((e) => e.name === 'ocr.progress' && (e.payload as { state: string }).state === 'done' && resolve()),
    );
    void startCaseOcr(first.ctx, c.id);
    await firstDone;
    // Simulate a crash: the process stops while pages are pending or being read.
    await first.ctx.close();

    const second = open(first.home);
    const before = rows(second.ctx);
    const finished = before.filter((r) => r.state === 'done');
    expect(finished.length).toBeGreaterThan(0);
    expect(before.some((r) => r.state !== 'done')).toBe(true);
    expect(resumePendingOcr(second.ctx)).toEqual([c.id]);
    await startCaseOcr(second.ctx, c.id);
    const after = rows(second.ctx);
    expect(after.map((r) => r.state)).toEqual(['done', 'done', 'done', 'done']);
    for (const f of finished) {
      const now = after.find((r) => r.file_id === f.file_id && r.page === f.page)!;
      expect(now.updated_at).toBe(f.updated_at);
      expect(now.attempts).toBe(1);
      expect(now.ocr_json).toBe(f.ocr_json);
    }
  });
});
