// Finds each field's label on the document's rows and reads the value beside it: after the label in
// the same cell, in the next cell of the row (two-column layouts, wide colon gaps), or on the next line
// when the value wrapped or the form prints values under their labels.
import type { ExtractedField } from '../domain/documents';
import { matchLabelAt, labelTokens } from './labels';
import type { Row, Word } from './layout';
import { DECOY_LABELS, type FieldSpec } from './specs';
import { buildField, lowConfidenceReading, missingField } from './values';
import { choiceField } from './choices';
import { CHECKED, isCheckBox } from '../domain/ocr';
import { numberWord } from '../normalize/number-words';
import { editDistance } from '../normalize/fuzzy';
import { repairDigits } from '../normalize/digits';
import { PROGRAMS } from '../domain/participant';

export interface Hit {
  spec: FieldSpec | null;
  row: number;
  seg: number;
  /** Word index where the label starts and where its value starts, within the segment. */
  start: number;
  end: number;
  distance: number;
  score: number;
}

interface LabelEntry {
  spec: FieldSpec | null;
  tokens: string[];
}

const labelTable = (specs: readonly FieldSpec[]): LabelEntry[] => [
  ...specs.flatMap((spec) => spec.labels.map((l) => ({ spec, tokens: labelTokens(l) }))),
  ...DECOY_LABELS.filter((d) => !specs.some((s) => s.labels.includes(d))).map((l) => ({ spec: null, tokens: labelTokens(l) })),
];

const endsWithColon = (w: Word | undefined): boolean => !!w && /[:;]$/.test(w.text.trim());

/** Every label occurrence on the rows; rows listed in `skip` (tables) are left out. */
/** A form's item number: "3.", "b.", "(2)", "II.", or a bare "1". */
const ITEM_NUMBER = /^(?:\(?(?:\d{1,2}|[a-h]|[IVX]{1,4})[.)]|\d{1,2})$/;

export function findHits(rows: readonly Row[], specs: readonly FieldSpec[], skip: ReadonlySet<number> = new Set()): Hit[] {
  const table = labelTable(specs);
  const hits: Hit[] = [];
  rows.forEach((row, r) => {
    if (skip.has(r)) return;
    row.segments.forEach((seg, s) => {
      let i = 0;
      while (i < seg.words.length) {
        let best: Hit | null = null;
        for (const entry of table) {
          const m = matchLabelAt(seg.words, i, entry.tokens);
          if (!m) continue;
          // Mid-cell labels need a colon after them, or value words would be read as labels.
          // (A label ending the cell counts when the next cell starts with the colon.)
          const colonNext = m.end >= seg.words.length && /^[:;]/.test(row.segments[s + 1]?.words[0]?.text ?? '');
          // (A form's item number before the label, "3. NIK", leaves it at the start of its cell.)
          const atStart = seg.words.slice(0, i).every((w) => ITEM_NUMBER.test(w.text));
          if (!atStart && !(endsWithColon(seg.words[m.end - 1]) || /^[:;]/.test(seg.words[m.end]?.text ?? '') || colonNext)) continue;
          // "Nama / No. HP": one label of two, for a pair of values; not this field's alone.
          if (
            /^\/\s*\D/.test(
              seg.words
                .slice(m.end)
                .map((w) => w.text)
                .join(' '),
            )
          )
            continue;
          if (!best || m.score > best.score) best = { spec: entry.spec, row: r, seg: s, start: i, end: m.end, distance: m.distance, score: m.score };
        }
        if (best) {
          hits.push(best);
          i = Math.max(best.end, i + 1);
        } else i++;
      }
    });
  });
  return hits;
}

const stripLead = (words: Word[]): Word[] => {
  const out = [...words];
  while (out.length && /^[:;=.,~-]+$/.test(out[0]?.text ?? '')) out.shift();
  const first = out[0];
  if (first && /^[:;=]/.test(first.text)) out[0] = { ...first, text: first.text.replace(/^[:;=]+/, '') };
  return out.filter((w) => w.text.length > 0);
};

/**
 * Where the value of a label hit may be, in order of likelihood: after the label in its own cell, the
 * following cells of the row (a speck read as a word may sit in between), the line under the label.
 */
export function valueCandidates(rows: readonly Row[], hits: readonly Hit[], h: Hit): { words: Word[]; page: number }[] {
  const row = rows[h.row] as Row;
  const seg = row.segments[h.seg];
  if (!seg) return [];
  const out: { words: Word[]; page: number }[] = [];
  const nextInSeg = hits.filter((o) => o.row === h.row && o.seg === h.seg && o.start > h.start).sort((a, b) => a.start - b.start)[0];
  const own = stripLead(seg.words.slice(h.end, nextInSeg ? nextInSeg.start : seg.words.length));
  if (own.length) out.push({ words: own, page: row.page });
  if (nextInSeg) return out;
  for (let s = h.seg + 1; s < row.segments.length && out.length < 3; s++) {
    if (hits.some((o) => o.row === h.row && o.seg === s && o.start === 0)) break;
    const cand = row.segments[s];
    const stop = hits.filter((o) => o.row === h.row && o.seg === s).sort((a, b) => a.start - b.start)[0];
    const words = stripLead((cand?.words ?? []).slice(0, stop ? stop.start : undefined));
    if (words.length) out.push({ words, page: row.page });
    if (stop) break;
  }
  // Value printed under the label: the next row, starting near the label's left edge.
  const below = rows[h.row + 1];
  const labelBox = seg.bbox;
  if (!own.length && below && below.page === row.page && below.bbox[1] - row.bbox[3] < row.height * 2.5) {
    for (let s = 0; s < below.segments.length; s++) {
      const cand = below.segments[s];
      if (!cand) continue;
      // The cells after a label on the row below are that label's value, not this one's.
      if (hits.some((o) => o.row === h.row + 1 && o.seg === s && o.start === 0)) break;
      if (cand.bbox[0] >= labelBox[0] - row.height * 2 && cand.bbox[0] <= labelBox[2] + row.height * 4) {
        out.push({ words: stripLead(cand.words), page: below.page });
        break;
      }
    }
  }
  return out;
}

/** The words that make up the value of a label hit (its most likely place). */
export function valueWords(rows: readonly Row[], hits: readonly Hit[], h: Hit): { words: Word[]; page: number } {
  return valueCandidates(rows, hits, h)[0] ?? { words: [], page: rows[h.row]?.page ?? 1 };
}

const ID_KINDS: ReadonlySet<FieldSpec['kind']> = new Set(['nik', 'kpj', 'kk', 'account', 'npwp']);
/** A digit group as OCR reads one: at least one real digit, the rest look-alikes, separators and brackets. */
const digitLike = (w: Word): boolean => /\d/.test(w.text) && repairDigits(w.text.replace(/[()[\]|]/g, '')) !== null;

/** The digits after a label, in its cell and the row's next cells, up to the first word that is no digit group. */
function digitRun(rows: readonly Row[], hits: readonly Hit[], h: Hit): Word[] {
  const row = rows[h.row] as Row;
  const out: Word[] = [];
  for (let s = h.seg; s < row.segments.length; s++) {
    if (s > h.seg && hits.some((o) => o.row === h.row && o.seg === s)) break;
    const words = stripLead((row.segments[s]?.words ?? []).slice(s === h.seg ? h.end : 0));
    const stop = words.findIndex((w) => !digitLike(w));
    out.push(...words.slice(0, stop < 0 ? undefined : stop));
    if (stop >= 0) break;
  }
  return out;
}

/** Split "JAMBI, 05-06-1988" into place words and date words: the date starts at the first digit-led word. */
export function splitPlaceDate(words: readonly Word[]): { place: Word[]; date: Word[] } {
  const k = words.findIndex((w, i) => i > 0 && /^[0-9OIl]/.test(w.text) && /\d/.test(w.text));
  if (k < 0) return { place: [...words], date: [] };
  const place = words.slice(0, k).map((w) => ({ ...w, text: w.text.replace(/[,.]+$/, '') }));
  return { place, date: words.slice(k) };
}

/** The words of the next line when a date written in words goes on there: the line starts under the
 * value (not at a label) and goes on with number words or the date in figures. */
function dateRunOn(rows: readonly Row[], hits: readonly Hit[], h: Hit, words: readonly Word[]): Word[] {
  const first = words[0];
  const row = rows[h.row];
  const next = rows[h.row + 1];
  if (!first || !row || !next || next.page !== row.page || !words.some((w) => numberWord(w.text) !== null)) return [];
  if (next.bbox[1] - row.bbox[3] > row.height * 1.5 || hits.some((o) => o.row === h.row + 1 && o.seg === 0 && o.start === 0)) return [];
  const lead = next.segments[0];
  if (!lead || lead.bbox[0] < first.bbox[0] - row.height * 2 || /^[:;]/.test(lead.text)) return [];
  const cont = lead.words;
  return cont.length && (numberWord(cont[0]?.text ?? '') !== null || /^\(?\d/.test(cont[0]?.text ?? '')) ? cont : [];
}

/**
 * A value printed on its own line under a heading that names it ("III. KEADAAN PESERTA SETELAH
 * PERAWATAN (Kondisi Akhir)" over "SEMBUH"): for values of a closed list only, so nothing but an entry of
 * the list is ever taken from there.
 */
function underHeading(rows: readonly Row[], spec: FieldSpec, refYear: number): ExtractedField | null {
  const names = spec.labels.map((l) => l.replace(/\s+/g, ''));
  for (let r = 0; r + 1 < rows.length; r++) {
    const squashed = (rows[r] as Row).text.toLowerCase().replace(/[^a-z]/g, '');
    if (!names.some((n) => squashed.includes(n))) continue;
    const below = rows[r + 1] as Row;
    if (below.page !== (rows[r] as Row).page || below.words.length > 6) continue;
    // Options under the heading each with a box: the one marked, as a choice list is read.
    if (isCheckBox(below.words[0]?.text)) {
      const options = rows
        .slice(r + 1, r + 1 + 6)
        .filter((o, k, all) => o.page === below.page && isCheckBox(o.words[0]?.text) && all.slice(0, k).every((p) => isCheckBox(p.words[0]?.text)));
      const marked = options.filter((o) => o.words[0]?.text === CHECKED);
      if (marked.length !== 1 || options.some((o) => (o.words[0]?.confidence ?? 0) < 0.6))
        return {
          value: null,
          confidence: 0,
          page: below.page,
          bbox: below.bbox,
          needsKeying: true,
          reason: marked.length ? 'choice_several_marked' : 'choice_not_marked',
        };
      return buildField({ kind: spec.kind, words: (marked[0] as Row).words, page: below.page, labelDistance: 1, refYear });
    }
    const f = buildField({ kind: spec.kind, words: below.words, page: below.page, labelDistance: 1, refYear });
    if (f.value !== null) return f;
  }
  return null;
}

/** The next cell of a name's row when it goes on with the name: close, upper-case words, no label. */
/** A name's next cell on its row is still the name when it is at most this many line heights away. */
const NAME_GAP_LINES = 4;

function nameRunOn(rows: readonly Row[], hits: readonly Hit[], h: Hit, words: readonly Word[]): Word[] {
  const row = rows[h.row];
  const last = words[words.length - 1];
  if (!row || !last) return [];
  const at = row.segments.findIndex((s) => s.words.includes(last));
  const next = row.segments[at + 1];
  if (at < 0 || !next || hits.some((o) => o.row === h.row && o.seg === at + 1)) return [];
  if (next.bbox[0] - last.bbox[2] > row.height * NAME_GAP_LINES) return [];
  return next.words.length <= 3 && next.words.every((w) => /^[A-Z][A-Z.,'-]*$/.test(w.text)) ? next.words : [];
}

/**
 * Of two places that gave no value, the one that read a value too unsure to show: it tells the officer
 * what was read there, and another document of the bundle that reads it surely can confirm it.
 */
const explainsBetter = (a: ExtractedField, b: ExtractedField): boolean => lowConfidenceReading(a) !== undefined && lowConfidenceReading(b) === undefined;

/** Extract every field of the specs from the rows; fields without a label on the page come back empty. */
export function extractFields(
  rows: readonly Row[],
  specs: readonly FieldSpec[],
  refYear: number,
  skip: ReadonlySet<number> = new Set(),
): Record<string, ExtractedField> {
  const hits = findHits(rows, specs, skip);
  const out: Record<string, ExtractedField> = {};
  const firstPage = rows[0]?.page ?? 1;
  for (const spec of specs) {
    const mine = hits.filter((h) => h.spec === spec);
    let chosen: ExtractedField | null = null;
    for (const h of mine) {
      const { words: found, page } = valueWords(rows, hits, h);
      const words = [...found];
      // A name printed with wide spaces (a passbook's monospaced "DEDI   KOTO", a doctor's ", Sp.BS" set
      // apart) runs on into the next cell of its row when that cell is more of a name and no label.
      if (spec.kind === 'name') words.push(...nameRunOn(rows, hits, h, words));
      // A list of programs may be spread over the row's cells ("JKK     JKM"): every cell of codes counts.
      if (spec.kind === 'programs') {
        for (const c of valueCandidates(rows, hits, h).slice(1)) {
          const codeLike = c.words.some((w) => PROGRAMS.some((p) => editDistance(w.text.toUpperCase().replace(/[^A-Z]/g, ''), p, 1) <= 1));
          if (codeLike && c.page === page && c.words.every((w) => /^[A-Z0-9]{1,4}[,;/-]?$/i.test(w.text)) && rows[h.row]?.words.includes(c.words[0] as Word))
            words.push(...c.words);
        }
      }
      if (spec.kind === 'ttl') {
        const { place, date } = splitPlaceDate(words);
        const tempat = buildField({ kind: 'text', words: place, page, labelDistance: h.distance, refYear });
        const tanggal = buildField({ kind: 'date', words: date, page, labelDistance: h.distance, refYear });
        if (!out.tempat_lahir || out.tempat_lahir.value === null) out.tempat_lahir = tempat;
        if (!out.tanggal_lahir || out.tanggal_lahir.value === null) out.tanggal_lahir = tanggal;
        continue;
      }
      // An outcome ticked in a list of boxes is read by its box, whatever the list prints.
      const choice = spec.kind === 'kondisi' ? choiceField(rows, hits, h, spec.kind, refYear) : null;
      if (choice) {
        chosen = choice;
        break;
      }
      // A date written in words may run on to the next line ("… DUA RIBU DUA / PULUH ENAM (19-10-2026)").
      const wrapped = spec.kind === 'date' ? dateRunOn(rows, hits, h, words) : [];
      if (wrapped.length) words.push(...wrapped);
      // The first place that holds a readable value wins; otherwise the likeliest place explains why not.
      let f = buildField({ kind: spec.kind, words, page, labelDistance: h.distance, refYear, ...(spec.vocabulary ? { vocabulary: spec.vocabulary } : {}) });
      // A number written in boxes is read as groups of digits spread over the row's cells.
      if (f.value === null && f.reason !== 'handwriting' && ID_KINDS.has(spec.kind)) {
        const run = digitRun(rows, hits, h);
        if (run.length > words.length) {
          const joined = buildField({ kind: spec.kind, words: run, page, labelDistance: h.distance, refYear });
          if (joined.value !== null || joined.reason === 'handwriting') f = joined;
        }
      }
      // A handwritten value is where the value is: nothing printed nearby stands in for it.
      if (f.reason === 'handwriting') {
        chosen = f;
        break;
      }
      if (f.value === null) {
        for (const c of valueCandidates(rows, hits, h).slice(1)) {
          const alt = buildField({
            kind: spec.kind,
            words: c.words,
            page: c.page,
            labelDistance: h.distance,
            refYear,
            ...(spec.vocabulary ? { vocabulary: spec.vocabulary } : {}),
          });
          if (alt.value !== null || explainsBetter(alt, f)) f = alt;
          if (f.value !== null) break;
        }
      }
      // The first readable occurrence wins; an unreadable one is kept only if nothing better turns up.
      if (!chosen || (chosen.value === null && (f.value !== null || explainsBetter(f, chosen)))) chosen = f;
      if (chosen.value !== null) break;
    }
    if (spec.kind === 'ttl') {
      out.tempat_lahir ??= missingField(firstPage);
      out.tanggal_lahir ??= missingField(firstPage);
    } else out[spec.key] = chosen ?? (spec.kind === 'kondisi' ? underHeading(rows, spec, refYear) : null) ?? missingField(firstPage);
  }
  return out;
}
