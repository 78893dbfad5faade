// SIGKILL during OCR, during saves and during an import, six times (issue 16 item 9; the bench kills
// 21 times): after every kill the data folder holds every acknowledged correction and every attached
// file with its audit entry, the database passes its integrity check, and at the next start the
// interrupted import is undone and recorded, the unread pages are read, and the audit chain verifies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOcrFixtures, type OcrFixtures } from '../fixtures/ocr/build';
import { killLoop } from '../helpers/kill-loop';

let fx: OcrFixtures;
let home: string;
beforeAll(async () => {
  fx = await buildOcrFixtures();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-kill-'));
}, 120_000);
afterAll(() => {
  fs.rmSync(fx.dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

describe('killed at any moment', () => {
  it('loses nothing acknowledged and leaves nothing half-done, over six kills during OCR, saves and an import', async () => {
    let seed = 2026;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) % 10_000) / 10_000;
    const scans = ['scan-2p.pdf', 'page.png'].map((name) => ({ name, bytes: fs.readFileSync(fx.path(name)) }));
    const { reports, final } = await killLoop({ home, kills: 6, scans, random });
    expect(reports.map((r) => r.phase)).toEqual(['ocr', 'save', 'import', 'ocr', 'save', 'import']);
    expect(
      reports.filter((r) => r.problems.length),
      JSON.stringify(reports, null, 1),
    ).toEqual([]);
    expect(final).toEqual([]);
  }, 600_000);
});
