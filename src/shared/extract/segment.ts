// Finds each document on a page: two KTPs on one photocopy, a participant card above a passbook, a card
// beside a letter. The page's words are cut recursively at wide blank bands (an XY-cut) into blocks;
// neighbouring blocks are then joined back into documents unless they cannot be one: each holds a
// heading of its own that the other's cannot go with (a card's title and a bank's name), or both print
// the same identity labels (two KTPs, even when one lost its heading to OCR). Pure: words in, regions out.
import type { BBox, DocumentType } from '../domain/documents';
import type { OcrPage } from '../domain/ocr';
import { findAnchors, type Anchor } from './anchors';
import { classifyRows } from './classify';
import { findHits } from './fields';
import { median, pageLines, pageSlope, rowsFromLines, unionBox, type Row, type Word } from './layout';
import type { FieldSpec } from './specs';
import { SEGMENTATION } from '../tuning';

export interface PageRegion {
  page: number;
  /** The region's rows, built from its words only. */
  rows: Row[];
  bbox: BBox;
  /** Headings found in the region (titles and issuers). */
  anchors: Anchor[];
  /** True when the region is the whole of its page's text. */
  whole: boolean;
}

interface Box {
  word: Word;
  /** Levelled by the page's slope, so a tilted photo's rows are horizontal. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

type Node = { leaf: Box[] } | { children: Node[] };

/** Blank bands across the boxes along one axis, at least `min` wide: [start, end] of each band. */
function gaps(boxes: readonly Box[], axis: 'x' | 'y', min: number): [number, number][] {
  const spans = boxes
    .map((b) => {
      if (axis === 'x') return [b.x0, b.x1] as const;
      // Ascenders and descenders of neighbouring lines may touch: the middle of a box counts.
      const trim = (b.y1 - b.y0) * 0.2;
      return [b.y0 + trim, b.y1 - trim] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let end = spans[0]?.[1] ?? 0;
  for (const [s, e] of spans.slice(1)) {
    if (s - end >= min) out.push([end, s]);
    end = Math.max(end, e);
  }
  return out;
}

/** Recursive XY-cut: split at the widest blank band (relative to its axis's minimum), at every band
 * of that axis wide enough, until no band is left. */
function cut(boxes: Box[], h: number): Node {
  if (boxes.length < 2) return { leaf: boxes };
  const minY = h * SEGMENTATION.rowGapLines;
  const minX = h * SEGMENTATION.columnGapLines;
  const gy = gaps(boxes, 'y', minY);
  const gx = gaps(boxes, 'x', minX);
  const widest = (g: [number, number][], min: number): number => Math.max(0, ...g.map(([a, b]) => (b - a) / min));
  if (!gy.length && !gx.length) return { leaf: boxes };
  const axis = widest(gy, minY) >= widest(gx, minX) ? 'y' : 'x';
  const bands = axis === 'y' ? gy : gx;
  const parts: Box[][] = bands.map(() => []);
  parts.push([]);
  for (const b of boxes) {
    const c = axis === 'y' ? (b.y0 + b.y1) / 2 : (b.x0 + b.x1) / 2;
    let k = 0;
    while (k < bands.length && c > (bands[k] as [number, number])[1]) k++;
    (parts[k] as Box[]).push(b);
  }
  const nonEmpty = parts.filter((p) => p.length);
  if (nonEmpty.length < 2) return { leaf: boxes };
  return { children: nonEmpty.map((p) => cut(p, h)) };
}

/** Labels that name a person's identity: one document prints each once, two documents each their own. */
const IDENTITY_LABELS: readonly FieldSpec[] = [
  { key: 'nik', kind: 'nik', labels: ['nik', 'n i k', 'no ktp', 'nomor induk kependudukan'] },
  { key: 'nama', kind: 'name', labels: ['nama', 'nama lengkap', 'nama nasabah'] },
  { key: 'ttl', kind: 'ttl', labels: ['tempat tgl lahir', 'tempat tanggal lahir', 'tgl lahir', 'tanggal lahir'] },
  { key: 'jk', kind: 'gender', labels: ['jenis kelamin'] },
  { key: 'alamat', kind: 'text', labels: ['alamat'] },
  { key: 'agama', kind: 'text', labels: ['agama'] },
  { key: 'kpj', kind: 'kpj', labels: ['no kpj', 'nomor kpj', 'kpj', 'no peserta', 'nomor peserta'] },
  { key: 'rek', kind: 'account', labels: ['no rekening', 'nomor rekening'] },
];

interface Doc {
  boxes: Box[];
  anchors: Anchor[];
  labels: Set<string>;
  /** Classification of the block alone, by its labels: how much it looks like a document by itself. */
  score: number;
  best: DocumentType;
}

const typesOf = (d: Doc): Set<DocumentType> | null => {
  let types: Set<DocumentType> | null = null;
  for (const a of d.anchors) {
    if (!types) types = new Set(a.types);
    else {
      const both: DocumentType[] = [...types].filter((t) => a.types.includes(t));
      if (both.length) types = new Set(both);
    }
  }
  return types;
};

const headingHeight = (a: Anchor): number => median(a.segment.words.map((w) => w.bbox[3] - w.bbox[1]));

function repeatedHeading(cur: Doc, next: Doc): boolean {
  for (const x of next.anchors) {
    if (x.kind !== 'title') continue;
    // Measured against the tallest heading of the same words the document already has.
    // A full repeat: every phrase of the earlier heading again ("Ahli Waris 1" under "SURAT KETERANGAN
    // AHLI WARIS" is a caption, a second "PROVINSI JAMBI" a second card).
    const same = cur.anchors.filter((y) => y.kind === 'title' && y.phrases.every((p) => x.phrases.includes(p)));
    const y = same.sort((a, b) => headingHeight(b) - headingHeight(a))[0];
    if (!y) continue;
    // (Headings side by side on one line are told apart by what they head: see `twice`.)
    const sideBySide = Math.min(x.segment.bbox[3], y.segment.bbox[3]) - Math.max(x.segment.bbox[1], y.segment.bbox[1]) > 0;
    if (!sideBySide && headingHeight(x) >= headingHeight(y) * SEGMENTATION.repeatedHeadingSize) return true;
  }
  return false;
}

/** `next` holds nothing but headings, each a full repeat of one `cur` already has. */
function headingAgain(cur: Doc, next: Doc): boolean {
  if (next.labels.size > 0 || !next.anchors.length) return false;
  return next.anchors.every(
    (x) => x.kind === 'title' && cur.anchors.some((y) => y.kind === 'title' && y !== x && y.phrases.every((p) => x.phrases.includes(p))),
  );
}

const shared = (a: Doc, b: Doc): number => [...a.labels].filter((l) => b.labels.has(l)).length;

/** Can `next` be the same document as `cur` (the one before it, above or to the left)? */
function joinable(cur: Doc, next: Doc): boolean {
  const twice = shared(cur, next) >= SEGMENTATION.sharedIdentityLabels;
  const a = typesOf(cur);
  const b = typesOf(next);
  if (!a || !b) {
    // An unheaded block joins its neighbour, unless both print the same identity labels and the block
    // reads as a document by itself (a second KTP whose heading OCR lost).
    const untitled = a ? next : cur;
    const strong = untitled.score >= SEGMENTATION.minDocumentScore;
    // Nor does a block whose own labels make it a document its headed neighbour cannot be (a
    // passbook page whose bank name OCR could not read, under a participant card).
    const headed = a ?? b;
    const foreign = !!headed && untitled.score >= SEGMENTATION.minForeignScore && !headed.has(untitled.best);
    return !((twice && strong) || foreign);
  }
  if (twice) return false;
  // The same heading twice, as large both times, heads two documents (two KTPs' "PROVINSI JAMBI");
  // a smaller repeat is a caption ("Ahli Waris 1" under a signature).
  if (repeatedHeading(cur, next)) return false;
  if ([...a].some((t) => b.has(t))) return true;
  // A letterhead or a stamp (an issuer, no title) among another document's lines is part of it, unless
  // its block reads by itself as a document the other cannot be.
  const issuerOnly = (d: Doc): boolean => d.anchors.every((x) => x.kind === 'issuer');
  const weak = (d: Doc, other: Set<DocumentType>): boolean => d.score < SEGMENTATION.minDocumentScore || other.has(d.best);
  return (issuerOnly(next) && weak(next, a)) || (issuerOnly(cur) && weak(cur, b));
}

function merge(a: Doc, b: Doc): Doc {
  const [best, score] = a.score >= b.score ? [a.best, a.score] : [b.best, b.score];
  return { boxes: [...a.boxes, ...b.boxes], anchors: [...a.anchors, ...b.anchors], labels: new Set([...a.labels, ...b.labels]), score, best };
}

export function segmentPage(page: OcrPage): PageRegion[] {
  const lines = pageLines(page);
  const slope = pageSlope(lines);
  const rows = rowsFromLines(lines, page.page, slope);
  const all = lines.flat();
  if (!all.length) return [{ page: page.page, rows, bbox: [0, 0, page.width, page.height], anchors: [], whole: true }];
  const anchors = findAnchors(rows);
  const anchorOf = new Map<Word, Anchor>();
  for (const a of anchors) for (const w of a.segment.words) anchorOf.set(w, a);
  const level = (w: Word): Box => {
    const dy = slope * ((w.bbox[0] + w.bbox[2]) / 2);
    return { word: w, x0: w.bbox[0], x1: w.bbox[2], y0: w.bbox[1] - dy, y1: w.bbox[3] - dy };
  };
  const textual = all.filter((w) => /[\p{L}\p{N}]/u.test(w.text));
  const h = median((textual.length ? textual : all).map((w) => w.bbox[3] - w.bbox[1])) || 1;
  // Specks, stamps and signatures read as tall or unsure words would bridge blank bands: they are cut
  // around, and join the block nearest to them afterwards.
  const solid = (b: Box): boolean => b.word.confidence >= SEGMENTATION.minWordConfidence && b.y1 - b.y0 <= h * SEGMENTATION.maxWordHeightLines;
  const boxes = all.map(level);
  const tree = cut(boxes.filter(solid), h);

  const leafDoc = (leaf: Box[]): Doc => {
    const words = new Set(leaf.map((b) => b.word));
    const leafRows = rowsFromLines(
      lines.map((l) => l.filter((w) => words.has(w))).filter((l) => l.length),
      page.page,
      slope,
    );
    // A label counts once it is followed by its value on its row; a table's header row names columns.
    const labelRows = leafRows.filter((r) => r.segments.length <= 3);
    const labels = new Set(findHits(labelRows, IDENTITY_LABELS).flatMap((hit) => (hit.spec ? [hit.spec.key] : [])));
    const own = [...new Set(leaf.map((b) => anchorOf.get(b.word)).filter((a): a is Anchor => !!a))];
    const c = classifyRows(leafRows);
    return { boxes: leaf, anchors: own, labels, score: c.score, best: c.type };
  };
  // A block of nothing but a repeat of the document's heading may head the next document (two KTPs'
  // "PROVINSI JAMBI", the second read smaller): it is held until the block after it says which.
  const group = (node: Node): Doc[] => {
    if ('leaf' in node) return [leafDoc(node.leaf)];
    const docs: Doc[] = [];
    let held: Doc | null = null;
    for (const d of node.children.flatMap(group)) {
      const cur = docs[docs.length - 1];
      if (held) {
        if (cur && joinable(cur, d)) docs[docs.length - 1] = merge(merge(cur, held), d);
        else docs.push(merge(held, d));
        held = null;
      } else if (cur && joinable(cur, d)) {
        if (headingAgain(cur, d)) held = d;
        else docs[docs.length - 1] = merge(cur, d);
      } else docs.push(d);
    }
    if (held) docs.push(held);
    return docs;
  };
  const grouped = group(tree);
  // A repeated heading with nothing after it on the page is the last document's.
  const docs = grouped.reduce<Doc[]>((out, d) => {
    const prev = out[out.length - 1];
    if (prev && d === grouped[grouped.length - 1] && headingAgain(prev, d)) out[out.length - 1] = merge(prev, d);
    else out.push(d);
    return out;
  }, []);
  // What was cut around joins the document whose blocks lie nearest.
  const boxOf = docs.map((d) => unionBox(d.boxes.map((b) => [b.x0, b.y0, b.x1, b.y1] as BBox)));
  for (const b of boxes) {
    if (solid(b)) continue;
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    let best = 0;
    let bestD = Infinity;
    boxOf.forEach((r, i) => {
      const d = Math.hypot(Math.max(r[0] - cx, 0, cx - r[2]), Math.max(r[1] - cy, 0, cy - r[3]));
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    docs[best]?.boxes.push(b);
  }
  return docs.map((d) => {
    const words = new Set(d.boxes.map((b) => b.word));
    const regionRows = rowsFromLines(
      lines.map((l) => l.filter((w) => words.has(w))).filter((l) => l.length),
      page.page,
      slope,
    );
    return { page: page.page, rows: regionRows, bbox: unionBox([...words].map((w) => w.bbox)), anchors: d.anchors, whole: docs.length === 1 };
  });
}
