// Lists printed as tables (KK family members, heirs), read by their headers whatever the column order,
// wording or line breaks: a header is a band of rows naming at least three known columns; its words are
// grouped into cells (words stacked over each other or run together are one cell: "Status Hubungan
// Dalam / Keluarga"), each cell names a column, and every word under it falls in the column whose cell
// it lies under. A table row is a numbered line (or one carrying an identifier or a date) with the
// lines wrapped around it. A family card prints its members in two tables joined by the row number:
// every table on the document is read and their rows are joined by number, or by order.
import type { BBox, ExtractedField, ListEntry } from '../domain/documents';
import { parseIndonesianDate } from '../normalize/dates';
import { repairDigits } from '../normalize/digits';
import { editDistance, squash } from '../normalize/fuzzy';
import { normalizeNik } from '../normalize/identifiers';
import { isPlausibleName, normalizeName, normalizePersonName, parseGender, parseHubungan } from '../normalize/values';
import { TABLES } from '../tuning';
import { joinedText, median, unionBox, type Row, type Word } from './layout';
import { minConfidence, ocrConfidence, round } from './values';

export type Column = 'no' | 'nama' | 'nik' | 'jenis_kelamin' | 'tempat_lahir' | 'tanggal_lahir' | 'hubungan';
type AnyColumn = Column | 'ttl' | 'ignored';

/** Words that make up column headings, for telling a header row from a body row and naming cells. */
const HEADING_WORDS = [
  'no',
  'nomor',
  'urut',
  'nama',
  'lengkap',
  'nik',
  'jenis',
  'kelamin',
  'tempat',
  'tanggal',
  'tgl',
  'lahir',
  'lhr',
  'status',
  'hubungan',
  'dalam',
  'keluarga',
  'agama',
  'pendidikan',
  'pekerjaan',
  'golongan',
  'gol',
  'darah',
  'perkawinan',
  'kewarganegaraan',
  'paspor',
  'kitap',
  'kitas',
  'ayah',
  'ibu',
  'orang',
  'tua',
  'tanda',
  'tangan',
  'umur',
  'usia',
  'alamat',
  'keterangan',
  'ahli',
  'waris',
  'anggota',
  'hub',
  'dgn',
  'dengan',
  'almarhum',
  'dokumen',
  'imigrasi',
  'ttl',
  'shdk',
  'lp',
  'jk',
  'paraf',
  'ket',
  'induk',
  'kependudukan',
  'ktp',
];
const HEADING_SET = new Set(HEADING_WORDS);

/** A token as the heading word it is a misreading of ("Hubungn" → "hubungan"), or null. */
function headingWord(token: string): string | null {
  if (HEADING_SET.has(token)) return token;
  if (token.length < 5) return null;
  return HEADING_WORDS.find((h) => h.length >= 5 && editDistance(token, h, 1) <= 1) ?? null;
}

/** The column a heading names, from its words whatever their order and wording ("Status Hubungan Dalam
 * Keluarga", "Hub. dgn Almarhum", "Tempat/Tgl Lahir"); `ignored` for other known columns. */
function headingOf(text: string): AnyColumn | null {
  const raw = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = raw.map(headingWord).filter((w): w is string => w !== null);
  if (!words.length) {
    // "NK", "NlK": the three-letter NIK heading with a letter lost or changed.
    const s = squash(text);
    return s.length >= 2 && s.length <= 3 && s.startsWith('n') && s.endsWith('k') ? 'nik' : null;
  }
  const has = (...ws: string[]): boolean => ws.some((w) => words.includes(w));
  // "Status Hubungan Dalam Keluarga" is the only KK heading with "dalam", and a misread "Hubungan" leaves it.
  if (has('hubungan', 'shdk', 'hub', 'dalam') || (has('keluarga') && !has('nama', 'kepala'))) return 'hubungan';
  if (has('kelamin') || (words.length === 1 && has('lp', 'jk'))) return 'jenis_kelamin';
  if (has('lahir', 'lhr', 'ttl')) {
    if (has('ttl') || (has('tempat') && has('tanggal', 'tgl'))) return 'ttl';
    return has('tempat') ? 'tempat_lahir' : 'tanggal_lahir';
  }
  if (has('nik', 'ktp') || (has('induk') && has('kependudukan'))) return 'nik';
  if (has('nama')) return has('ayah', 'ibu', 'orang', 'tua') ? 'ignored' : 'nama';
  if (words.every((w) => w === 'no' || w === 'nomor' || w === 'urut')) return 'no';
  return 'ignored';
}

const isHeadingWord = (w: Word): boolean => {
  const tokens = w.text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return tokens.length > 0 && tokens.some((t) => headingWord(t) !== null);
};

/** A row that numbers the columns: "(1) (2) (3) …". */
const isNumberingRow = (row: Row): boolean =>
  row.words.length >= 3 && row.words.filter((w) => /^\(?\d{1,2}\)?\.?$/.test(w.text.replace(/[lI|]/g, '1'))).length >= row.words.length * 0.6;

interface Cell {
  col: AnyColumn;
  x0: number;
  x1: number;
  /** "Status" and nothing else read: the start of "Status Hubungan …" or "Status Perkawinan". */
  bareStatus?: boolean;
}

/** "Status" and misread words just before "Dalam": "Status Hubungan Dalam" with its middle lost. */
function joinBareStatus(cells: Cell[], h: number): Cell[] {
  return cells.reduce<Cell[]>((out, c) => {
    const prev = out[out.length - 1];
    if (prev?.bareStatus && c.col === 'hubungan' && c.x0 - prev.x1 <= h * TABLES.headingWordGapLines * 3)
      out[out.length - 1] = { col: 'hubungan', x0: prev.x0, x1: c.x1 };
    else out.push(c);
    return out;
  }, []);
}

export interface Header {
  /** Rows of the header band. */
  rows: number[];
  cells: Cell[];
  /** Bottom of the header band. */
  bottom: number;
}

/** Header words grouped into cells: words whose spans overlap (stacked) or nearly touch (one line). */
function cellsOf(words: readonly Word[], h: number): { words: Word[]; x0: number; x1: number }[] {
  const sorted = [...words].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const cells: { words: Word[]; x0: number; x1: number }[] = [];
  for (const w of sorted) {
    const last = cells[cells.length - 1];
    if (last && w.bbox[0] <= last.x1 + h * TABLES.headingWordGapLines) {
      last.words.push(w);
      last.x1 = Math.max(last.x1, w.bbox[2]);
    } else cells.push({ words: [w], x0: w.bbox[0], x1: w.bbox[2] });
  }
  return cells;
}

/** Reading order within a cell: lines top to bottom, words left to right. */
const readingOrder = (a: Word, b: Word): number =>
  Math.abs(a.bbox[1] - b.bbox[1]) > (a.bbox[3] - a.bbox[1]) / 2 ? a.bbox[1] - b.bbox[1] : a.bbox[0] - b.bbox[0];

/** A name cell's text in reading order, a word OCR split in two joined again (joinedText joins only
 * neighbours on one line). */
const namesText = (words: readonly Word[]): string => joinedText([...words].sort(readingOrder));

/** Cell text in reading order. */
const cellText = (words: readonly Word[]): string =>
  [...words]
    .sort(readingOrder)
    .map((w) => w.text)
    .join(' ');

/** Whole headings as printed, by their words: a run of heading words is cut into these, longest first. */
const PHRASES: readonly string[][] = [
  'status hubungan dalam keluarga',
  'hubungan dalam keluarga',
  'status hubungan dalam',
  'status hubungan',
  'hubungan keluarga',
  'hub dgn almarhum',
  'hubungan dengan almarhum',
  'nomor induk kependudukan',
  'tempat tgl lahir',
  'tempat tanggal lahir',
  'nama lengkap',
  'nama ahli waris',
  'jenis kelamin',
  'tempat lahir',
  'tanggal lahir',
  'tgl lahir',
  'jenis pekerjaan',
  'golongan darah',
  'gol darah',
  'status perkawinan',
  'tanggal perkawinan',
  'no paspor',
  'no kitap',
  'no kitas kitap',
  'nama ayah',
  'nama ibu',
  'nama orang tua',
  'tanda tangan',
  'dokumen imigrasi',
  'no urut',
].map((p) => p.split(' '));

/** A cell's words cut into headings: the longest known heading at each place, else one heading word;
 * a word that is no heading word goes with the heading before it. */
function namedCells(cell: { words: Word[]; x0: number; x1: number }): Cell[] {
  const ordered =
    cellText(cell.words) === cell.words.map((w) => w.text).join(' ')
      ? cell.words
      : [...cell.words].sort((a, b) => (Math.abs(a.bbox[1] - b.bbox[1]) > (a.bbox[3] - a.bbox[1]) / 2 ? a.bbox[1] - b.bbox[1] : a.bbox[0] - b.bbox[0]));
  const tokens = ordered.flatMap((w) =>
    w.text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map((t) => ({ t: headingWord(t) ?? t, w })),
  );
  const groups: { words: Word[]; text: string[] }[] = [];
  for (let i = 0; i < tokens.length;) {
    const phrase = PHRASES.filter((p) => p.every((pt, k) => tokens[i + k]?.t === pt)).sort((a, b) => b.length - a.length)[0];
    const n = phrase?.length ?? 1;
    const part = tokens.slice(i, i + n);
    if (phrase || HEADING_SET.has(part[0]?.t ?? '') || !groups.length) groups.push({ words: [...new Set(part.map((p) => p.w))], text: part.map((p) => p.t) });
    else {
      const last = groups[groups.length - 1] as { words: Word[]; text: string[] };
      last.words.push(...part.map((p) => p.w).filter((w) => !last.words.includes(w)));
    }
    i += n;
  }
  // Headings that cover the same word (a glued pair) share it; headings stacked in one cell are one.
  const out: Cell[] = [];
  for (const g of groups) {
    const col = headingOf(g.text.join(' '));
    if (!col) continue;
    const x0 = Math.min(...g.words.map((w) => w.bbox[0]));
    const x1 = Math.max(...g.words.map((w) => w.bbox[2]));
    const prev = out[out.length - 1];
    // Words of one heading stacked over two lines overlap: "Status Hubungan Dalam" over "Keluarga".
    if (prev && x0 < prev.x1 && prev.col === col) prev.x1 = Math.max(prev.x1, x1);
    else out.push({ col, x0, x1, ...(g.text.join(' ') === 'status' ? { bareStatus: true } : {}) });
  }
  return out;
}

/** Headers of the tables on the rows, top to bottom. */
export function findHeaders(rows: readonly Row[]): Header[] {
  const out: Header[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const named = row.words.filter(isHeadingWord).length;
    if (named < 3 || named < row.words.length * 0.6) continue;
    // The band: this row and the rows just above and below it made of heading words, bar a misread
    // one ("Perkawi", "Kei": the wrapped halves of headings printed over two lines).
    const band = [r];
    // (Lines of a page scanned askew span more height than their print: lines that share height are close.)
    const close = (a: Row, b: Row): boolean =>
      Math.abs((a.bbox[1] + a.bbox[3]) / 2 - (b.bbox[1] + b.bbox[3]) / 2) < Math.max(a.height, b.height) * TABLES.headerBandLines ||
      Math.min(a.bbox[3], b.bbox[3]) > Math.max(a.bbox[1], b.bbox[1]);
    const headingRow = (k: number): boolean => {
      const words = (rows[k] as Row).words;
      return words.filter(isHeadingWord).length >= words.length * TABLES.headerBandHeadingShare && !isNumberingRow(rows[k] as Row);
    };
    for (let k = r - 1; k >= 0 && close(rows[k] as Row, row) && headingRow(k); k--) band.unshift(k);
    for (let k = r + 1; k < rows.length && close(rows[k] as Row, row) && headingRow(k); k++) band.push(k);
    const words = band.flatMap((k) => (rows[k] as Row).words);
    const cells = joinBareStatus(cellsOf(words, row.height).flatMap(namedCells), row.height);
    const cols = new Set(cells.map((c) => c.col).filter((c) => c !== 'ignored'));
    if (cells.length < 3 || !(cols.has('nama') || cols.has('nik') || cols.has('hubungan'))) continue;
    out.push({ rows: band, cells: cells.sort((a, b) => a.x0 - b.x0), bottom: Math.max(...band.map((k) => (rows[k] as Row).bbox[3])) });
    r = band[band.length - 1] as number;
  }
  return out;
}

function fits(col: AnyColumn, w: Word): boolean {
  const t = w.text;
  const digity = repairDigits(t) !== null && /\d/.test(t);
  switch (col) {
    case 'nik':
      return digity && t.replace(/\D/g, '').length >= 3;
    case 'tanggal_lahir':
      return /\d/.test(t) || /^[A-Za-z]{3,9}\.?$/.test(t);
    case 'ttl':
      return true;
    case 'jenis_kelamin':
      return parseGender(t).value !== null;
    case 'no':
      return /^[^\p{L}\p{N}]*[0-9lI|]{1,2}[^\p{L}\p{N}]*$/u.test(t);
    case 'ignored':
      return true;
    default:
      return !digity && /[A-Za-z]/.test(t);
  }
}

/** Which cell a body word falls under: the one whose span holds its centre, else the nearest one it fits. */
function cellFor(cells: readonly Cell[], w: Word): Cell | undefined {
  const cx = (w.bbox[0] + w.bbox[2]) / 2;
  // Boundaries halfway between neighbouring cells: a value may be wider than its heading.
  const idx = cells.findIndex((c, i) => {
    const left = i === 0 ? -Infinity : ((cells[i - 1] as Cell).x1 + c.x0) / 2;
    const right = i === cells.length - 1 ? Infinity : (c.x1 + (cells[i + 1] as Cell).x0) / 2;
    return cx >= left && cx < right;
  });
  const under = cells[idx];
  if (under && fits(under.col, w)) return under;
  // A word that cannot be what its column holds (a number glued to a name's start) goes to the nearest
  // neighbouring column it can be.
  const dist = (c: Cell): number => (cx < c.x0 ? c.x0 - cx : cx > c.x1 ? cx - c.x1 : 0);
  return [cells[idx - 1], cells[idx + 1]].filter((c): c is Cell => !!c && c.col !== 'ignored' && fits(c.col, w)).sort((a, b) => dist(a) - dist(b))[0];
}

interface TableRow {
  no: number | null;
  cells: Map<AnyColumn, Word[]>;
  box: BBox;
}

/** A number this long in a member table is a NIK, whatever OCR lost of it. */
const NIK_MIN_DIGITS = 12;

/** The body of the table under `header`, up to the next header (or `stop`). */
function readBody(rows: readonly Row[], header: Header, stop: number): { entries: TableRow[]; used: number[] } {
  const first = (header.rows[header.rows.length - 1] as number) + 1;
  const lines: { row: number; rows: number[]; words: Word[] }[] = [];
  let lastBottom = header.bottom;
  const page = rows[header.rows[0] as number]?.page;
  const printHeight = Math.max(...header.rows.map((r) => (rows[r] as Row).height));
  // The body's print: the median height of its words of three letters or more.
  const bodyHeight =
    median(
      rows
        .slice(first, stop)
        .filter((r) => r.page === page)
        .flatMap((r) => r.words.filter((w) => w.text.length >= 3).map((w) => w.bbox[3] - w.bbox[1])),
    ) || printHeight;
  for (let r = first; r < stop; r++) {
    const row = rows[r] as Row;
    if (row.page !== page) break;
    if (isNumberingRow(row)) {
      lastBottom = row.bbox[3];
      continue;
    }
    // A blank stretch (the table's empty ruled rows) or a line running across the columns ends it.
    if (row.bbox[1] - lastBottom > row.height * TABLES.maxBlankLines) break;
    const spanning = row.segments.some((s) => s.words.length >= 6 && header.cells.filter((c) => c.x0 < s.bbox[2] && c.x1 > s.bbox[0]).length >= 4);
    if (spanning) break;
    // Specks: one or two letters read with no confidence, or half the height of the table's print.
    // Marks: a short word far taller than the body's print (a punch hole, a stamp's edge read as 'an').
    const speck = (w: Word): boolean =>
      (w.text.length <= 2 && (w.confidence < TABLES.minWordConfidence || w.bbox[3] - w.bbox[1] < printHeight * TABLES.speckHeight)) ||
      (w.text.replace(/[^\p{L}\p{N}]/gu, '').length <= 3 && w.bbox[3] - w.bbox[1] > bodyHeight * TABLES.markHeight);
    const words = row.words.filter((w) => !speck(w));
    // Two rows whose lines stand at the same height are one line of the table (a cell's text a little
    // higher than its neighbours', "3 BELUM TAMAT" above "3 YUSMAN …").
    const prev = lines[lines.length - 1];
    const prevRow = prev ? (rows[prev.row] as Row) : undefined;
    if (
      prev &&
      prevRow &&
      Math.abs(prevRow.bbox[1] + prevRow.height / 2 - (row.bbox[1] + row.height / 2)) <= TABLES.sameLineCentres * Math.min(prevRow.height, row.height)
    ) {
      prev.words.push(...words);
      prev.rows.push(r);
    } else lines.push({ row: r, rows: [r], words });
    lastBottom = Math.max(lastBottom, row.bbox[3]);
  }
  // Anchor lines: a number in the first column, a NIK or a date; other lines are wrapped cell text and
  // join the anchor line nearest to them.
  // A heading too small to read ("No", "NIK" at a low resolution) still has its column: a row number
  // left of every heading, a sixteen-digit number where no NIK heading was read.
  const named = new Set(header.cells.map((c) => c.col));
  const firstX = (header.cells[0] as Cell).x0;
  const colOf = (w: Word): AnyColumn | undefined => {
    if (!named.has('no') && w.bbox[2] <= firstX && fits('no', w) && /\d/.test(w.text)) return 'no';
    if (!named.has('nik') && (repairDigits(w.text)?.digits.length ?? 0) >= NIK_MIN_DIGITS && fits('nik', w)) return 'nik';
    return cellFor(header.cells, w)?.col;
  };
  const strong = (ws: Word[]): boolean =>
    ws.some(
      (w) =>
        (colOf(w) === 'no' && fits('no', w)) ||
        (colOf(w) === 'nik' && (repairDigits(w.text)?.digits.length ?? 0) >= NIK_MIN_DIGITS) ||
        (colOf(w) === 'tanggal_lahir' && parseIndonesianDate(w.text).value !== null),
    );
  const mid = (r: number): number => ((rows[r] as Row).bbox[1] + (rows[r] as Row).bbox[3]) / 2;
  const firm = lines.filter((l) => strong(l.words));
  // Rows follow one another at a pitch; a wrapped line lies within half of it from its row's middle.
  const pitches = firm
    .slice(1)
    .map((f, k) => mid(f.row) - mid((firm[k] as { row: number }).row))
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  // (The smallest step: a row whose number was not read makes its neighbours' step twice as long.)
  const pitch = pitches[0];
  const reach = (l: { row: number }): number => (pitch ? pitch * TABLES.wrapPitch : (rows[l.row] as Row).height * TABLES.wrapLines);
  const wrapOf = (l: { row: number }, of: readonly { row: number }[]): boolean => of.some((a) => Math.abs(mid(a.row) - mid(l.row)) <= reach(l));
  // A line filling three columns or more away from any numbered line is a row of its own too (a row
  // whose number was misread, a table without identifiers); near one, it is that row's wrapped text.
  const anchors = lines.filter((l) => firm.includes(l) || (new Set(l.words.map((w) => cellFor(header.cells, w))).size >= 3 && !wrapOf(l, firm)));
  if (!anchors.length) return { entries: [], used: [] };
  const groups = new Map<number, Word[]>(anchors.map((a) => [a.row, [...a.words]]));
  const used = lines.flatMap((l) => l.rows);
  for (const l of lines) {
    if (groups.has(l.row)) continue;
    const near = anchors.reduce((best, a) => (Math.abs(mid(a.row) - mid(l.row)) < Math.abs(mid(best.row) - mid(l.row)) ? a : best));
    if (wrapOf(l, [near])) groups.get(near.row)?.push(...l.words);
  }
  const entries = [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, words]) => {
      const cells = new Map<AnyColumn, Word[]>();
      for (const w of words) {
        const c = colOf(w);
        if (c && c !== 'ignored') cells.set(c, [...(cells.get(c) ?? []), w]);
      }
      // A row number misread as a letter ('T' for 1) is pushed into the name by cellFor: one character
      // standing apart from the name, before it, with no stop (an initial has one, and stands close).
      const name = cells.get('nama');
      const lead = name?.[0];
      if (lead && name.length > 1 && !cells.get('no')?.length && lead.text.length === 1 && repairDigits(lead.text) !== null) {
        const next = name[1] as Word;
        if (next.bbox[0] - lead.bbox[2] > (lead.bbox[3] - lead.bbox[1]) * TABLES.numberApartLines) {
          cells.set('no', [lead]);
          cells.set('nama', name.slice(1));
        }
      }
      // The row's number: the surest number read in the first column.
      const noWord = [...(cells.get('no') ?? [])].sort((a, b) => b.confidence - a.confidence)[0];
      const no = noWord ? Number(repairDigits(noWord.text)?.digits ?? NaN) : NaN;
      return { no: Number.isFinite(no) && no > 0 && no < 100 ? no : null, cells, box: unionBox(words.map((w) => w.bbox)) };
    });
  return { entries, used };
}

export interface TableResult {
  field: ExtractedField;
  rows: number[];
}

interface CellValue {
  value: string | null;
  repaired: number;
  /** Read exactly as an entry of a closed list. */
  closed?: boolean;
}

const parseCell = (col: Column, text: string): CellValue => {
  const exact = (v: string | null, words: readonly string[]): CellValue => ({ value: v, repaired: 0, closed: v !== null && words.includes(squash(text)) });
  switch (col) {
    case 'nik': {
      const r = normalizeNik(text);
      return { value: r.value, repaired: r.repaired };
    }
    case 'tanggal_lahir': {
      const r = parseIndonesianDate(text);
      return { value: r.value, repaired: r.repaired };
    }
    case 'jenis_kelamin':
      return exact(parseGender(text).value, ['lakilaki', 'perempuan']);
    case 'hubungan':
      return exact(parseHubungan(text).value, [
        'kepalakeluarga',
        'istri',
        'suami',
        'anak',
        'anakkandung',
        'orangtua',
        'famililain',
        'lainnya',
        'cucu',
        'menantu',
        'mertua',
        'saudara',
      ]);
    case 'nama': {
      const v = normalizePersonName(text);
      return { value: isPlausibleName(v) ? v : null, repaired: 0 };
    }
    case 'tempat_lahir': {
      const v = normalizeName(text.replace(/[,.]+$/, ''));
      return { value: v && /[A-Z]{2}/.test(v) && !/\d/.test(v) ? v : null, repaired: 0 };
    }
    case 'no':
      return { value: null, repaired: 0 };
  }
};

/**
 * The list printed in the tables of the rows, as entries with the keys `want` asks for. Rows of two
 * tables are joined by their number (or by order when numbers were not read). A cell that could not be
 * read leaves its key out of the entry and the list to the officer to complete; the entries read stay.
 */
export function readList(rows: readonly Row[], want: readonly Column[]): TableResult | null {
  const headers = findHeaders(rows);
  if (!headers.length) return null;
  const used = new Set<number>();
  const merged: { no: number | null; values: Partial<Record<Column, CellValue & { words: Word[] }>>; boxes: BBox[] }[] = [];
  headers.forEach((header, i) => {
    header.rows.forEach((r) => used.add(r));
    const stop = headers[i + 1]?.rows[0] ?? rows.length;
    const body = readBody(rows, header, stop);
    body.used.forEach((r) => used.add(r));
    body.entries.forEach((e, k) => {
      const values: (typeof merged)[number]['values'] = {};
      const ttl = e.cells.get('ttl');
      if (ttl) {
        // "JAMBI, 05-06-1988" in one column: the place before the first digit, the date after.
        const at = ttl.findIndex((w) => /\d/.test(w.text));
        if (at > 0) {
          e.cells.set('tempat_lahir', [...(e.cells.get('tempat_lahir') ?? []), ...ttl.slice(0, at)]);
          e.cells.set('tanggal_lahir', [...(e.cells.get('tanggal_lahir') ?? []), ...ttl.slice(at)]);
        }
      }
      for (const col of want) {
        const words = e.cells.get(col);
        if (!words?.length) continue;
        values[col] = { words, ...parseCell(col, col === 'nama' ? namesText(words) : cellText(words)) };
      }
      // The second table's rows go with the first table's rows in order when both have as many, else
      // with the row of the same number (a number misread in one table is no reason to lose the row).
      const target = i > 0 ? (body.entries.length === merged.length ? merged[k] : merged.find((m) => e.no !== null && m.no === e.no)) : undefined;
      if (target) {
        for (const [col, v] of Object.entries(values) as [Column, NonNullable<(typeof values)[Column]>][])
          if (!target.values[col]?.value) target.values[col] = v;
        target.boxes.push(e.box);
      } else merged.push({ no: e.no, values, boxes: [e.box] });
    });
  });
  const header = headers[0] as Header;
  const page = rows[header.rows[0] as number]?.page ?? 1;
  const entries: ListEntry[] = [];
  let unsure = false;
  let hand = false;
  let conf = 1;
  const boxes: BBox[] = [];
  for (const m of merged) {
    const entry: ListEntry = {};
    for (const col of want) {
      const v = m.values[col];
      if (v?.words.some((w) => w.handwritten)) hand = true;
      // A closed-list value read letter for letter ("ISTRI", "LAKI-LAKI") is vouched for by the list.
      const ocr = v ? ocrConfidence(v.words) : 0;
      const c = v?.value ? (v.closed ? 0.5 + 0.5 * ocr : ocr) * Math.pow(TABLES.repairFactor, v.repaired) : 0;
      // A cell unread, or read too unsurely, is left for the officer; the rest of the list stays.
      if (!v?.value || c < minConfidence()) {
        unsure = true;
        continue;
      }
      entry[col] = v.value;
      conf = Math.min(conf, c);
    }
    // A row with nothing readable in the wanted columns (a stray line under the table) is no entry.
    if (Object.keys(entry).length) {
      entries.push(entry);
      boxes.push(...m.boxes);
    }
  }
  const bbox = boxes.length ? unionBox(boxes) : null;
  const result = (field: ExtractedField): TableResult => ({ field, rows: [...used].sort((a, b) => a - b) });
  if (!entries.length) return result({ value: null, confidence: 0, page, bbox, needsKeying: true, reason: 'list_empty' });
  if (hand) return result({ value: null, confidence: 0, page, bbox, needsKeying: true, reason: 'handwriting' });
  // A list with a cell left unread is shown as read, for the officer to complete: the rows read stay.
  return result({
    value: entries,
    confidence: round(unsure ? Math.min(conf, TABLES.incompleteConfidence) : conf),
    page,
    bbox,
    source: 'ocr',
    ...(unsure ? { needsKeying: true, reason: 'list_incomplete' } : {}),
  });
}
