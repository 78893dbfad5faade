import { afterAll, describe, expect, it } from 'vitest';
import { createOcrPool } from '../../../src/main/ocr/pool';
import { warmUpPage } from '../../../src/main/ocr/warm-up';

describe("the warm-up page the app's OCR workers read at start-up", () => {
  const pool = createOcrPool({ size: 1, warmUp: true });
  afterAll(() => pool.terminate());

  it('is a full page of real form text, which tesseract reads', async () => {
    const page = await warmUpPage();
    const read = await pool.recognize(page.image, { dpi: page.dpi });
    const words = read.lines.flatMap((l) => l.words.map((w) => w.text));
    expect(words).toContain('3171012345678901');
    expect(words).toContain('KETENAGAKERJAAN');
  }, 60_000);
});
