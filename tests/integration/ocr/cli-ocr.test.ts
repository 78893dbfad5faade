// `claimdesk ocr` as a user runs it: real binary, real files, no database.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-home';
import { buildOcrFixtures, type OcrFixtures } from '../../fixtures/ocr/build';

let fx: OcrFixtures;
const home = tempDir();
beforeAll(async () => {
  fx = await buildOcrFixtures();
});
afterAll(() => {
  fs.rmSync(fx.dir, { recursive: true, force: true });
  home.cleanup();
});

interface Out {
  files: {
    file: string;
    pages: { page: number; source: string; quality: { poor: boolean }; lines: { words: { text: string; confidence: number; bbox: number[] }[] }[] }[];
    errors: string[];
  }[];
}

describe('claimdesk ocr', () => {
  it('prints every page’s words with boxes, confidences and quality as JSON, reports bad files, and needs no database', () => {
    const run = runCli(['--home', home.dir, '--json', 'ocr', '--workers', '1', fx.path('text-layer.pdf'), fx.path('photo.jpg'), fx.path('html.pdf')]);
    const out = JSON.parse(run.stdout) as Out;
    expect(out.files.map((f) => [f.file, f.pages.length])).toEqual([
      ['text-layer.pdf', 1],
      ['photo.jpg', 1],
      ['html.pdf', 0],
    ]);
    expect(out.files[0]!.pages[0]!.source).toBe('text-layer');
    const words = out.files[1]!.pages[0]!.lines.flatMap((l) => l.words);
    expect(words.map((w) => w.text)).toContain('KETENAGAKERJAAN');
    for (const w of words) {
      expect(w.bbox).toHaveLength(4);
      expect(w.confidence).toBeGreaterThan(0);
    }
    expect(out.files[1]!.pages[0]!.quality.poor).toBe(false);
    expect(out.files[2]!.errors[0]).toMatch(/html\.pdf is an HTML page/);
    // A bad file beside good ones: partly done (4), after the good ones were printed.
    expect(run.status).toBe(4);
    expect(run.stderr).toMatch(/html\.pdf/);
    expect(fs.readdirSync(home.dir)).toEqual([]);
  });

  it('prints words with boxes as text by default', () => {
    const run = runCli(['ocr', '--workers', '1', fx.path('text-layer.pdf')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--- page 1 \(\d+×\d+ px, text-layer, quality 1\.00 ok/);
    expect(run.stdout).toMatch(/AHLI\s+1\.00\s+\[\d+, \d+, \d+, \d+\]/);
  });
});
