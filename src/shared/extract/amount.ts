// A receipt's amount: printed in figures ("Rp 2.150.000,-" in a box, a TOTAL line) and spelled out in
// words ("Terbilang: Dua Juta Seratus Lima Puluh Ribu Rupiah", "Uang sejumlah: …"). The words and the
// figures are read apart and checked against each other: when they agree the amount is sure; when they
// disagree the officer decides; when only one of them was read it stands, less surely.
import type { ExtractedField } from '../domain/documents';
import { numberWord, parseNumberWords } from '../normalize/number-words';
import { parseRupiah } from '../normalize/values';
import { type Row, type Word } from './layout';
import { buildField, minConfidence, round } from './values';
import { AMOUNTS } from '../tuning';

interface Reading {
  value: number;
  words: Word[];
  confidence: number;
}

/** Amounts in figures: "Rp" followed by a number, or a number beside TOTAL / JUMLAH. */
function figures(rows: readonly Row[], refYear: number): Reading[] {
  const out: Reading[] = [];
  for (const row of rows) {
    for (const seg of row.segments) {
      const ws = seg.words;
      ws.forEach((w, i) => {
        if (!/^rp\.?/i.test(w.text)) return;
        // "Rp", "Rp." or "Rp2.150.000,-": the number is glued on or follows.
        const taken = /\d/.test(w.text) ? [w] : [w, ...ws.slice(i + 1, i + 4).filter((x) => /[\d.,]/.test(x.text))];
        const f = buildField({ kind: 'money', words: taken, page: row.page, labelDistance: 0, refYear });
        if (typeof f.value === 'number') out.push({ value: f.value, words: taken, confidence: f.confidence });
      });
    }
    // "TOTAL 3.875.000" without Rp.
    const total = row.words.findIndex((w) => /^(total|jumlah)$/i.test(w.text.replace(/[^A-Za-z]/g, '')));
    if (total >= 0) {
      const rest = row.words.slice(total + 1).filter((x) => /\d/.test(x.text) && !/^rp/i.test(x.text));
      if (rest.length) {
        const r = parseRupiah(rest.map((x) => x.text).join(' '));
        if (r.value !== null && r.value >= 1000)
          out.push({
            value: r.value,
            words: rest,
            confidence: buildField({ kind: 'money', words: rest, page: row.page, labelDistance: 0, refYear }).confidence,
          });
      }
    }
  }
  return out;
}

/** The amount spelled out in words, and the words it takes. */
function spelled(rows: readonly Row[]): Reading | null {
  for (const row of rows) {
    const ws = row.words;
    for (let i = 0; i < ws.length; i++) {
      if (!numberWord(ws[i]?.text ?? '')) continue;
      const n = parseNumberWords(ws.slice(i).map((w) => w.text.replace(/[#*]/g, '')));
      // Amounts are said in thousands at least ("… Ribu Rupiah"); a short count ("dua puluh dua hari") is not one.
      if (!n || n.used < 2 || n.value < AMOUNTS.minSpelled) continue;
      const next = ws[i + n.used]?.text.toLowerCase() ?? '';
      const words = ws.slice(i, i + n.used);
      if (!/^rupiah/.test(next) && n.value < AMOUNTS.minSpelledWithoutRupiah) continue;
      const conf = words.reduce((m, w) => Math.min(m, w.confidence), 1);
      return { value: n.value, words, confidence: conf };
    }
  }
  return null;
}

/**
 * The receipt's amount from its figures and its words. `labelled` is what the amount's label gave (it
 * may be the figures or the words).
 */
export function receiptAmount(rows: readonly Row[], labelled: ExtractedField | undefined, refYear: number): ExtractedField {
  const page = rows[0]?.page ?? 1;
  const inWords = spelled(rows);
  const inFigures = figures(rows, refYear);
  if (typeof labelled?.value === 'number') inFigures.unshift({ value: labelled.value, words: [], confidence: labelled.confidence });
  const box = (ws: readonly Word[]): ExtractedField['bbox'] =>
    ws.length
      ? [
          Math.min(...ws.map((w) => w.bbox[0])),
          Math.min(...ws.map((w) => w.bbox[1])),
          Math.max(...ws.map((w) => w.bbox[2])),
          Math.max(...ws.map((w) => w.bbox[3])),
        ]
      : (labelled?.bbox ?? null);
  if (inWords) {
    const agree = inFigures.find((f) => f.value === inWords.value);
    if (agree) {
      // Two readings of different kinds that agree: the amount is sure.
      const confidence = round(Math.max(agree.confidence, inWords.confidence, AMOUNTS.agreedConfidence));
      return {
        value: inWords.value,
        confidence,
        page,
        bbox: box(agree.words.length ? agree.words : inWords.words),
        source: 'ocr',
        reason: 'words_match_figures',
      };
    }
    if (inFigures.length) return { value: null, confidence: 0, page, bbox: box(inWords.words), needsKeying: true, reason: 'amount_words_disagree' };
    const confidence = round(inWords.confidence * AMOUNTS.oneReadingFactor);
    return confidence >= minConfidence()
      ? { value: inWords.value, confidence, page, bbox: box(inWords.words), source: 'ocr', reason: 'amount_in_words' }
      : { value: null, confidence, page, bbox: box(inWords.words), needsKeying: true, reason: 'low_confidence' };
  }
  // Figures alone: the total (the largest amount printed, a receipt's items adding up to it), if read surely.
  const largest = [...inFigures].sort((a, b) => b.value - a.value)[0];
  if (!largest) return labelled ?? { value: null, confidence: 0, page, bbox: null, needsKeying: true, reason: 'not_found' };
  const confidence = round(largest.confidence * AMOUNTS.oneReadingFactor);
  return confidence >= minConfidence()
    ? { value: largest.value, confidence, page, bbox: box(largest.words), source: 'ocr' }
    : { value: null, confidence, page, bbox: box(largest.words), needsKeying: true, reason: 'low_confidence' };
}
