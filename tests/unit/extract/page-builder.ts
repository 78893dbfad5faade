// Builds OcrPage objects from typed lines, the way tesseract reports them: words with boxes, two or
// more spaces in a line become a wide gap (a new cell), and a word may carry its own confidence
// with the suffix "@0.42", or be marked written by hand with "@h".
import type { OcrPage, OcrWord } from '../../../src/shared/domain/ocr';

const CHAR_W = 14;
const LINE_H = 30;

export function pageFromLines(lines: readonly string[], page = 1, defaultConfidence = 0.95): OcrPage {
  const ocrLines = lines.map((line, li) => {
    const y0 = 40 + li * LINE_H * 1.6;
    const words: OcrWord[] = [];
    let x = 40;
    for (const part of line.split(/( +)/)) {
      if (!part) continue;
      if (/^ +$/.test(part)) {
        x += part.length === 1 ? CHAR_W : part.length * CHAR_W * 2;
        continue;
      }
      const hand = /^(.*)@h$/.exec(part);
      const m = /^(.*)@(0(?:\.\d+)?|1)$/.exec(part);
      const text = hand ? (hand[1] ?? '') : m ? (m[1] ?? '') : part;
      const confidence = m ? Number(m[2]) : defaultConfidence;
      words.push({ text, confidence, bbox: [x, y0, x + text.length * CHAR_W, y0 + LINE_H], ...(hand ? { handwritten: true } : {}) });
      x += text.length * CHAR_W;
    }
    const x1 = words.length ? (words[words.length - 1]?.bbox[2] ?? 40) : 40;
    return {
      text: words.map((w) => w.text).join(' '),
      confidence: defaultConfidence,
      bbox: [40, y0, x1, y0 + LINE_H] as [number, number, number, number],
      words,
    };
  });
  return {
    page,
    width: 1240,
    height: 1754,
    source: 'ocr',
    text: ocrLines.map((l) => l.text).join('\n'),
    lines: ocrLines.filter((l) => l.words.length),
    quality: { score: 0.9, poor: false, dpi: 150, contrast: 0.8, meanConfidence: defaultConfidence, reasons: [] },
    preprocessing: {},
    timings: {},
  };
}

/** A page of blocks of typed lines, each block placed where it stands on the page (left and top, in
 * pixels): documents side by side or one above the other. Lines are built as `pageFromLines` builds them. */
export function pageFromBlocks(blocks: readonly { x: number; y: number; lines: readonly string[] }[], page = 1, defaultConfidence = 0.95): OcrPage {
  const lines = blocks.flatMap((b) =>
    pageFromLines(b.lines, page, defaultConfidence).lines.map((l) => {
      const move = (box: [number, number, number, number]): [number, number, number, number] => [
        box[0] - 40 + b.x,
        box[1] - 40 + b.y,
        box[2] - 40 + b.x,
        box[3] - 40 + b.y,
      ];
      return { ...l, bbox: move(l.bbox), words: l.words.map((w) => ({ ...w, bbox: move(w.bbox) })) };
    }),
  );
  return {
    page,
    width: 2480,
    height: 3508,
    source: 'ocr',
    text: lines.map((l) => l.text).join('\n'),
    lines,
    quality: { score: 0.9, poor: false, dpi: 300, contrast: 0.8, meanConfidence: defaultConfidence, reasons: [] },
    preprocessing: {},
    timings: {},
  };
}

/** Lines of a table: each row's cells placed at the x given with them (`[x, text]`), rows `pitch` apart
 * from `y`; for pages whose columns must line up, as `pageFromLines`' spacing does not keep them. */
export function tableLines(y: number, rows: readonly (readonly [number, string][])[], pitch = 48): OcrPage['lines'] {
  return rows.map((cells, r) => {
    const y0 = y + r * pitch;
    const words: OcrWord[] = cells.flatMap(([x, text]) => {
      let at = x;
      return text
        .split(' ')
        .filter(Boolean)
        .map((t) => {
          const w: OcrWord = { text: t, confidence: 0.95, bbox: [at, y0, at + t.length * CHAR_W, y0 + LINE_H] };
          at += (t.length + 1) * CHAR_W;
          return w;
        });
    });
    return {
      text: words.map((w) => w.text).join(' '),
      confidence: 0.95,
      bbox: [words[0]?.bbox[0] ?? 0, y0, words.at(-1)?.bbox[2] ?? 0, y0 + LINE_H] as [number, number, number, number],
      words,
    };
  });
}

/** A page holding the given lines (as `pageFromBlocks` builds its pages). */
export function pageOfLines(lines: OcrPage['lines'], page = 1): OcrPage {
  return { ...pageFromBlocks([], page), lines, text: lines.map((l) => l.text).join('\n') };
}
