// Document understanding (issue 4): classify OCR'd pages, split a bundle into documents and extract the
// contract's fields, normalised, each with a confidence, page and box. Pure: runs anywhere.
import type { DocumentRegion, DocumentType, ExtractedDocument, ExtractedField } from '../domain/documents';
import type { OcrPage } from '../domain/ocr';
import { nikMatches } from '../normalize/nik';
import { classifyRows, MIN_SCORE, type Classification } from './classify';
import { segmentPage, type PageRegion } from './segment';
import { extractFields, findHits } from './fields';
import { buildField, lowConfidenceReading, MIN_CONFIDENCE, truncatedNikHead } from './values';
import { findAnchors } from './anchors';
import { receiptAmount } from './amount';
import { isPlausibleName, normalizeName } from '../normalize/values';
import { rowsOf, type Row, type Word } from './layout';
import { proseDate, proseText, type DateCue } from './prose';
import { fillKtpByOrder } from './ktp-order';
import { bankName, facility, issuer, ktpHeader, marriageSections, placeDateLine, signingDoctor } from './special';
import { FIELD_SPECS } from './specs';
import { readList, type Column } from './tables';
import { fillUnlabelled } from './unlabelled';

export { classifyPage, classifyRows, type Classification } from './classify';
export { FIELD_SPECS, fieldKeys, fieldKind } from './specs';
export { normalizeOfficerValue } from './officer-value';
export { MIN_CONFIDENCE, withMinConfidence } from './values';

const LISTS: Partial<Record<DocumentType, { key: string; columns: Column[] }>> = {
  kk: { key: 'anggota', columns: ['nik', 'nama', 'jenis_kelamin', 'tempat_lahir', 'tanggal_lahir', 'hubungan'] },
  surat_ahli_waris: { key: 'ahli_waris', columns: ['nama', 'nik', 'hubungan'] },
};

/** Printed birth date, gender and NIK must agree; when they do not, the weaker OCR reading is not trusted. */
function crossCheckNik(fields: Record<string, ExtractedField>): void {
  const nik = fields.nik;
  const dob = fields.tanggal_lahir;
  const jk = fields.jenis_kelamin;
  if (typeof nik?.value !== 'string') return;
  const d = typeof dob?.value === 'string' ? dob.value : null;
  const g = jk?.value === 'L' || jk?.value === 'P' ? jk.value : null;
  if (nikMatches(nik.value, d, g)) return;
  // A real mismatch is a review flag for the cross-checks, so values with strong readings stay; a weak
  // one is more likely an OCR slip and goes to the officer.
  for (const f of [nik, dob, jk]) {
    if (!f || f.value === null) continue;
    f.needsKeying = true;
    f.reason = 'nik_dob_disagree';
    if (f.confidence < 0.85) f.value = null;
  }
}

function extractRows(type: DocumentType, rows: Row[], pages: number[], typeConfidence: number): ExtractedDocument {
  const doc: ExtractedDocument = { type, typeConfidence, pages, fields: {} };
  if (type === 'other' || rows.length === 0) return doc;
  const refYear = new Date().getUTCFullYear();
  const skip = new Set<number>();
  const list = LISTS[type];
  const listFields: Record<string, ExtractedField> = {};
  if (list) {
    const t = readList(rows, list.columns);
    if (t) {
      t.rows.forEach((r) => skip.add(r));
      listFields[list.key] = t.field;
    } else {
      listFields[list.key] = { value: null, confidence: 0, page: pages[0] ?? 1, bbox: null, needsKeying: true, reason: 'not_found' };
    }
  }
  const fields = extractFields(rows, FIELD_SPECS[type], refYear, skip);
  Object.assign(fields, listFields);
  if (type === 'ktp') {
    Object.assign(fields, ktpHeader(rows));
    fillKtpByOrder(fields, rows, refYear);
  }
  if (type === 'buku_tabungan') fields.nama_bank = bankName(rows);
  if (type === 'surat_kematian') fields.penerbit = issuer(rows);
  // A doctor's letter and a receipt name their facility in the letterhead: it is the one that examined
  // the patient, and the one that received the money.
  if (type === 'surat_dokter' || type === 'kuitansi') {
    const key = type === 'surat_dokter' ? 'fasilitas_kesehatan' : 'penerima';
    if (fields[key]?.value == null) {
      const f = facility(rows);
      if (f.value !== null || !fields[key]) fields[key] = f;
    }
  }
  if (type === 'kuitansi' && fields.jumlah?.reason !== 'handwriting') fields.jumlah = receiptAmount(rows, fields.jumlah, refYear);
  if (type === 'surat_dokter' && fields.nama_dokter?.value == null) {
    const f = signingDoctor(rows);
    if (f.value !== null || !fields.nama_dokter) fields.nama_dokter = f;
  }
  if (type === 'buku_nikah') Object.assign(fields, marriageSections(rows, refYear));
  const signedOn = SIGNATURE_DATE[type];
  // A handwritten date stays the officer's: no printed line stands in for it.
  if (signedOn && fields[signedOn]?.value == null && fields[signedOn]?.reason !== 'handwriting') {
    const f = placeDateLine(rows, refYear);
    if (f) fields[signedOn] = f;
  }
  fillFromProse(type, fields, rows, refYear);
  if (HOLDER_UNLABELLED.has(type) && fields.nama?.value == null && fields.nama?.reason !== 'handwriting') {
    const f = holderName(rows, skip);
    if (f) fields.nama = f;
  }
  fillUnlabelled(fields, FIELD_SPECS[type], rows, skip);
  if (type === 'ktp' || type === 'kartu_peserta') crossCheckNik(fields);
  doc.fields = fields;
  return doc;
}

/** Cards that print their holder's name large, without a label, under the heading. */
const HOLDER_UNLABELLED = new Set<DocumentType>(['kartu_peserta', 'npwp']);

/** The holder's name on a card: the first line after the headings, before the labelled lines, that
 * reads as a person's name (letters only, one to five words), the tallest such line if several. */
function holderName(rows: readonly Row[], skip: ReadonlySet<number>): ExtractedField | null {
  const anchored = new Set(findAnchors(rows).map((a) => a.row));
  const labelled = findHits(rows, FIELD_SPECS.kartu_peserta)
    .filter((h) => h.spec && h.start === 0 && !anchored.has(h.row))
    .map((h) => h.row);
  // The name stands above the card's labelled lines (a footer under them is the card's small print).
  const firstLabel = labelled.length ? Math.min(...labelled) : rows.length;
  const candidates = rows
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => i < firstLabel && !skip.has(i) && !anchored.has(i) && !labelled.includes(i))
    .map(({ r, i }) => ({
      i,
      seg: r.segments
        .map((s) => s.words.filter((w) => /[A-Za-z]/.test(w.text)))
        .find((ws) => ws.length && ws.length <= 5 && isPlausibleName(normalizeName(ws.map((w) => w.text).join(' ')))),
    }))
    .filter((c): c is { i: number; seg: Word[] } => !!c.seg && c.seg.every((w) => /^[A-Z][A-Z.,'-]*$/.test(w.text)));
  if (!candidates.length) return null;
  const tallest = candidates.reduce((a, b) => ((rows[b.i]?.height ?? 0) > (rows[a.i]?.height ?? 0) * 1.15 ? b : a));
  const words = tallest.seg;
  const f = buildField({ kind: 'name', words, page: rows[tallest.i]?.page ?? 1, labelDistance: 1, refYear: new Date().getUTCFullYear() });
  return f.value === null ? null : { ...f, reason: 'label_not_found' };
}

const DEATH = { near: ['meninggal', 'wafat', 'kematian', 'mati'], not: ['lahir'] };
const DEATH_PLACE: readonly [string[], string[]][] = [
  [
    ['bahwa', 'di'],
    ['pada', 'tanggal', 'telah', 'hari'],
  ],
  [
    ['meninggal', 'dunia', 'di'],
    ['pada', 'tanggal', 'karena', 'hari', 'dengan'],
  ],
];

/** Facts a document states in its sentences rather than beside a label (prose.ts). */
const PROSE: Partial<
  Record<
    DocumentType,
    {
      dates?: Record<string, DateCue>;
      places?: Record<string, readonly (readonly [string[], string[]])[]>;
      names?: Record<string, readonly (readonly string[])[]>;
    }
  >
> = {
  // "Untuk pembayaran: biaya perawatan … a.n. Abdul M.": the patient the receipt is for.
  kuitansi: { names: { nama_pasien: [['an'], ['atas', 'nama']] } },
  // "… telah meninggal dunia seorang laki-laki bernama" with the name set apart on the next line.
  akta_kematian: { dates: { tanggal_kematian: DEATH }, places: { tempat_kematian: DEATH_PLACE }, names: { nama: [['bernama']] } },
  surat_kematian: { dates: { tanggal_kematian: DEATH }, places: { tempat_kematian: DEATH_PLACE }, names: { nama: [['bernama']] } },
  buku_nikah: { dates: { tanggal_nikah: { near: ['nikah', 'akad', 'dilangsungkan', 'perkawinan', 'menikah'], not: ['lahir'] } } },
  surat_dokter: { dates: { tanggal_pemeriksaan: { near: ['periksa', 'diperiksa', 'pemeriksaan', 'memeriksa'], not: ['lahir'] } } },
};

function fillFromProse(type: DocumentType, fields: Record<string, ExtractedField>, rows: Row[], refYear: number): void {
  const rules = PROSE[type];
  if (!rules) return;
  const open = (key: string): boolean => fields[key]?.value == null && fields[key]?.reason !== 'handwriting';
  for (const [key, cue] of Object.entries(rules.dates ?? {})) {
    if (!open(key)) continue;
    const f = proseDate(rows, cue, refYear);
    if (f) fields[key] = f;
  }
  for (const [key, cues] of Object.entries(rules.names ?? {})) {
    for (const after of cues) {
      if (!open(key)) break;
      const f = proseText(rows, after, [], refYear, 'name', 5);
      if (f) fields[key] = f;
    }
  }
  for (const [key, frames] of Object.entries(rules.places ?? {})) {
    for (const [after, until] of frames) {
      if (!open(key)) break;
      const f = proseText(rows, after, until, refYear);
      if (f) fields[key] = f;
    }
  }
}

/** Documents whose date may be printed only in the "Place, date" line above the signature. */
const SIGNATURE_DATE: Partial<Record<DocumentType, string>> = {
  surat_ahli_waris: 'tanggal_surat',
  form_kk1: 'tanggal_laporan',
  form_kk2: 'tanggal_laporan',
  kuitansi: 'tanggal',
};

/** Words that say a page continues the previous one (a second page without its own title). */
const CONTINUATION = /\b(halaman|hal\.?|lanjutan|demikian|saksi|uraian|mengetahui)\b/i;

function continues(prevType: DocumentType, region: PageRegion, c: Classification): boolean {
  if (prevType === 'other') return false;
  const rows = region.rows;
  if (rows.length === 0) return true;
  const said = CONTINUATION.test(rows.map((r) => r.text).join(' '));
  // A page headed as another document starts it; one headed as the same says so when it goes on.
  if (region.anchors.length) return said && region.anchors.every((a) => a.types.includes(prevType));
  if (c.type !== 'other') return c.type === prevType && said;
  // A page carrying labels of two of the previous document's fields is its next page.
  return (
    said ||
    (c.score < 1.5 &&
      new Set(
        findHits(rows, FIELD_SPECS[prevType])
          .map((h) => h.spec?.key)
          .filter(Boolean),
      ).size >= 2)
  );
}

/** Keys that hold the same kind of value, so one document can confirm another's reading. */
const SAME_KIND: readonly (readonly string[])[] = [
  ['nik', 'nik_almarhum'],
  ['nomor_kpj'],
  ['nomor_rekening'],
  ['tanggal_lahir'],
  ['nama', 'nama_almarhum', 'nama_pemilik', 'nama_pasien', 'nama_kepala_keluarga', 'nama_suami', 'nama_istri'],
  ['tanggal_kecelakaan'],
  ['tanggal_kematian'],
];

/**
 * A value read with low confidence on one document and with high confidence on another document of
 * the same bundle (the participant's NIK on the card, the KTP and the KK) is confirmed by that agreement.
 */
function confirmAcrossDocuments(docs: ExtractedDocument[]): void {
  for (const keys of SAME_KIND) {
    const confident = new Set<string>();
    for (const d of docs) for (const k of keys) if (d.fields[k]?.value != null && !d.fields[k]?.needsKeying) confident.add(JSON.stringify(d.fields[k]?.value));
    for (const d of docs) {
      for (const k of keys) {
        const f = d.fields[k];
        const reading = f ? lowConfidenceReading(f) : undefined;
        if (!f || reading === undefined || !confident.has(JSON.stringify(reading))) continue;
        d.fields[k] = {
          value: reading,
          confidence: Math.max(f.confidence, MIN_CONFIDENCE),
          page: f.page,
          bbox: f.bbox,
          source: 'ocr',
          reason: 'confirmed_by_other_document',
        };
      }
    }
  }
}

/**
 * A NIK read short (cut at the page edge) is completed by the one confidently read NIK of the bundle
 * (fields or list rows) that starts with its leading digits, and a NIK read one digit too long by the
 * one it holds whole at its start or end; with none or several it stays for keying.
 */
function completeTruncatedNiks(docs: ExtractedDocument[]): void {
  const known = new Set<string>();
  for (const d of docs) {
    for (const [k, f] of Object.entries(d.fields)) {
      if (f.needsKeying) continue;
      if ((SAME_KIND[0] ?? []).includes(k) && typeof f.value === 'string') known.add(f.value);
      if (Array.isArray(f.value)) for (const e of f.value) if (typeof e === 'object' && typeof e.nik === 'string') known.add(e.nik);
    }
  }
  for (const d of docs) {
    for (const k of SAME_KIND[0] ?? []) {
      const f = d.fields[k];
      const head = f ? truncatedNikHead(f) : undefined;
      if (!f || head === undefined) continue;
      const matches = [...known].filter((n) => (head.length < 16 ? n.startsWith(head) : head.slice(1) === n || head.slice(0, 16) === n));
      if (matches.length !== 1) continue;
      d.fields[k] = {
        value: matches[0] as string,
        confidence: MIN_CONFIDENCE,
        page: f.page,
        bbox: f.bbox,
        source: 'ocr',
        reason: 'completed_from_other_document',
      };
    }
  }
}

/** Classify each page, split the bundle into documents (a document may span pages), extract each. */
export function extractDocuments(pages: readonly OcrPage[]): ExtractedDocument[] {
  return extractDossier([pages])[0] ?? [];
}

/**
 * Each file of one dossier extracted as `extractDocuments` does, and then all their documents read
 * together: the KTP photographed apart confirms, completes or doubts the NIK on the scanned bundle.
 */
export function extractDossier(files: readonly (readonly OcrPage[])[]): ExtractedDocument[][] {
  const perFile = files.map(extractFilePages);
  crossCheckDocuments(perFile.flat());
  return perFile;
}

/**
 * The documents of one dossier checked against each other (in place): a weak reading that another
 * document reads confidently is confirmed, and a NIK cut short is completed. Values an officer keyed
 * are taken as read and never changed.
 */
export function crossCheckDocuments(docs: ExtractedDocument[]): void {
  confirmAcrossDocuments(docs);
  completeTruncatedNiks(docs);
}

/** The type a region's headings allow, decided among them by its labels (classify.ts); without a
 * heading, by its labels alone. A heading that allows `other` (an unknown letter) keeps the region
 * `other` unless its labels clearly make it one of the letters it may be. */
export function classifyRegion(region: PageRegion): Classification {
  const c = classifyRows(region.rows);
  let types: DocumentType[] | null = null;
  for (const a of region.anchors) {
    const next: DocumentType[] = types ? types.filter((t) => a.types.includes(t)) : [...a.types];
    if (!types || next.length) types = next;
  }
  if (!types) return c;
  const titled = region.anchors.some((a) => a.kind === 'title');
  const ranked = types.filter((t) => t !== 'other').sort((a, b) => (c.scores[b] ?? 0) - (c.scores[a] ?? 0));
  const best = ranked[0];
  const score = best ? (c.scores[best] ?? 0) : 0;
  const weakOther = types.includes('other') && score < MIN_SCORE;
  if (!best || weakOther || (!titled && score < MIN_SCORE && c.type !== best)) {
    if (!titled) return c;
    return { ...c, type: 'other', confidence: 0.9 };
  }
  const second = ranked[1] ? (c.scores[ranked[1]] ?? 0) : 0;
  const confidence = ranked.length === 1 ? 0.97 : Math.min(0.97, 0.6 + 0.37 * ((score - second) / Math.max(score, 1)));
  return { ...c, type: best, confidence: Math.round(confidence * 100) / 100 };
}

interface Group {
  type: DocumentType;
  confidence: number;
  pages: number[];
  rows: Row[];
  regions: DocumentRegion[];
}

/** One file's pages classified, split into documents and extracted, before any check against other
 * documents (`crossCheckDocuments` does that once for the whole dossier). */
export function extractFilePages(pages: readonly OcrPage[]): ExtractedDocument[] {
  const groups: Group[] = [];
  for (const page of [...pages].sort((a, b) => a.page - b.page)) {
    segmentPage(page).forEach((region, i) => {
      const c = classifyRegion(region);
      const prev = groups[groups.length - 1];
      const area: DocumentRegion = { page: page.page, bbox: region.bbox };
      // Only the first region of a page may continue a document from the page before.
      if (i === 0 && prev && prev.pages[prev.pages.length - 1] === page.page - 1 && continues(prev.type, region, c)) {
        prev.pages.push(page.page);
        prev.rows.push(...region.rows);
        prev.regions.push(area);
        return;
      }
      groups.push({ type: c.type, confidence: c.confidence, pages: [page.page], rows: region.rows, regions: [area] });
    });
  }
  return groups.map((g) => {
    const doc = extractRows(g.type, g.rows, g.pages, g.confidence);
    // Regions are kept where a page holds more than one document.
    const shared = g.regions.filter((r) => groups.some((o) => o !== g && o.regions.some((x) => x.page === r.page)));
    return shared.length ? { ...doc, regions: g.regions } : doc;
  });
}

/** A page cut down to the words that lie in a region of it (their centres inside the box). */
function within(page: OcrPage, bbox: DocumentRegion['bbox']): OcrPage {
  const inside = (w: { bbox: DocumentRegion['bbox'] }): boolean => {
    const cx = (w.bbox[0] + w.bbox[2]) / 2;
    const cy = (w.bbox[1] + w.bbox[3]) / 2;
    return cx >= bbox[0] && cx <= bbox[2] && cy >= bbox[1] && cy <= bbox[3];
  };
  const lines = page.lines.map((l) => ({ ...l, words: l.words.filter(inside) })).filter((l) => l.words.length);
  return { ...page, lines, text: lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n') };
}

/** Re-extract pages as the type an officer chose; on a page shared with other documents, only the
 * document's own region is read. */
export function extractAs(type: DocumentType, pages: readonly OcrPage[], regions?: readonly DocumentRegion[]): ExtractedDocument {
  const sorted = [...pages]
    .sort((a, b) => a.page - b.page)
    .map((p) => {
      const r = regions?.find((x) => x.page === p.page);
      return r ? within(p, r.bbox) : p;
    });
  const doc = extractRows(
    type,
    sorted.flatMap(rowsOf),
    sorted.map((p) => p.page),
    1,
  );
  return regions?.length ? { ...doc, regions: [...regions] } : doc;
}
