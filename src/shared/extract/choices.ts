// A printed list of options with a box before each (Formulir 3a's outcome): the value is the option
// whose box OCR found marked ('☒'); one found empty is '☐'. With no box marked, several marked, or a
// mark OCR could not tell apart from an empty box, the officer decides: nothing is guessed.
import type { ExtractedField } from '../domain/documents';
import { CHECKED, isCheckBox } from '../domain/ocr';
import type { Hit } from './fields';
import type { Row, Word } from './layout';
import { unionBox } from './layout';
import { buildField } from './values';
import type { FieldKind } from './specs';
import { EXTRACTION } from '../tuning';

/** A mark OCR read with less confidence than this may be either. */
const SURE_MARK = EXTRACTION.sureMark;
/** A list under its label has at most this many rows. */
const MAX_OPTION_ROWS = EXTRACTION.maxOptionRows;

/** The words of a choice list: after the label on its row, then the rows under it that start with a box
 * (with `anyRow`, the few rows under it that start with no other label, boxes read or not). */
function choiceWords(rows: readonly Row[], hits: readonly Hit[], h: Hit, anyRow = false): { words: Word[]; page: number } {
  const row = rows[h.row] as Row;
  const words: Word[] = [];
  row.segments.forEach((seg, s) => {
    if (s < h.seg) return;
    words.push(...(s === h.seg ? seg.words.slice(h.end) : seg.words));
  });
  let last = row;
  for (let r = h.row + 1; r < rows.length && (!anyRow || r <= h.row + MAX_OPTION_ROWS); r++) {
    const next = rows[r] as Row;
    if (next.page !== row.page || next.bbox[1] - last.bbox[3] > last.height * 2.5) break;
    if ((!anyRow && !isCheckBox(next.words[0]?.text)) || hits.some((o) => o.row === r && o.start === 0 && o.seg === 0)) break;
    words.push(...next.words);
    last = next;
  }
  return { words, page: row.page };
}

/**
 * The field read from a choice list after label hit `h`, or null when there are no boxes there (the
 * value is then read as printed words).
 */
export function choiceField(rows: readonly Row[], hits: readonly Hit[], h: Hit, kind: FieldKind, refYear: number): ExtractedField | null {
  const { words, page } = choiceWords(rows, hits, h);
  const options: { mark: Word; words: Word[] }[] = [];
  for (const w of words) {
    if (isCheckBox(w.text)) options.push({ mark: w, words: [] });
    else options.at(-1)?.words.push(w);
  }
  if (options.length < 2) {
    // No boxes read: a list that names several options, beside the label or under it, still names none of them.
    const around = choiceWords(rows, hits, h, true);
    const all = buildField({ kind, words: around.words, page, labelDistance: h.distance, refYear });
    return all.reason?.endsWith('_several') ? all : null;
  }
  const bbox = unionBox(words.map((w) => w.bbox));
  const keyed = (reason: string): ExtractedField => ({ value: null, confidence: 0, page, bbox, needsKeying: true, reason });
  if (options.some((o) => o.mark.confidence < SURE_MARK)) return keyed('choice_mark_unclear');
  const marked = options.filter((o) => o.mark.text === CHECKED);
  if (marked.length === 0) return keyed('choice_not_marked');
  if (marked.length > 1) return keyed('choice_several_marked');
  const chosen = marked[0] as { mark: Word; words: Word[] };
  return buildField({ kind, words: [chosen.mark, ...chosen.words], page, labelDistance: h.distance, refYear });
}
