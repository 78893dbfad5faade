// The lines that say what a document is: its title ("KUTIPAN AKTA KEMATIAN", "KARTU KELUARGA") or
// its issuer's letterhead ("BPJS Ketenagakerjaan", "BANK RAKYAT INDONESIA", "RSUD RADEN MATTAHER").
// A page holding two of them that cannot belong to one document holds two documents (segment.ts); the
// same lines decide a document's type before any label does (classify.ts). A phrase only counts where
// it stands as a heading: most of its line segment, not preceded by a label and a colon, so "Nama Bank
// : BANK JAMBI" on a form and "Berdasarkan Akta Kematian Nomor …" in a sentence are not headings.
import type { DocumentType } from '../domain/documents';
import { editDistance } from '../normalize/fuzzy';
import { labelTokens, matchLabelAt } from './labels';
import type { Row, Segment } from './layout';
import { DECOY_LABELS, FIELD_SPECS } from './specs';
import { HEADINGS } from '../tuning';

export type AnchorKind = 'title' | 'issuer';

interface AnchorPhrase {
  words: readonly string[];
  types: readonly DocumentType[];
  kind: AnchorKind;
  /** Only at the start of a heading, which goes on with a name ("PROVINSI JAWA TENGAH", "BANK X"). */
  lead?: true;
  /** A lead that is a whole heading by itself too (a bank's initials as its logo). */
  alone?: true;
}

const HOSPITAL: readonly DocumentType[] = ['surat_dokter', 'surat_kematian', 'kuitansi', 'other'];
const VILLAGE: readonly DocumentType[] = ['surat_kematian', 'surat_ahli_waris', 'other'];
const LETTER: readonly DocumentType[] = ['surat_kematian', 'surat_ahli_waris', 'surat_dokter', 'other'];
const BPJS: readonly DocumentType[] = ['kartu_peserta', 'form_kk1', 'form_kk2'];

const P = (phrase: string, types: readonly DocumentType[], kind: AnchorKind, lead: false | 'named' | 'alone' = false): AnchorPhrase => ({
  words: phrase.split(' '),
  types,
  kind,
  ...(lead ? { lead: true as const } : {}),
  ...(lead === 'alone' ? { alone: true as const } : {}),
});

const PHRASES: readonly AnchorPhrase[] = [
  P('kartu tanda penduduk', ['ktp'], 'title'),
  P('provinsi', ['ktp'], 'title', 'named'),
  P('kartu keluarga', ['kk'], 'title'),
  P('kartu peserta', ['kartu_peserta'], 'title'),
  P('kartu kepesertaan', ['kartu_peserta'], 'title'),
  P('kartu digital', ['kartu_peserta'], 'title'),
  P('bpjs ketenagakerjaan', BPJS, 'issuer'),
  P('bpjs', BPJS, 'issuer'),
  P('bpjamsostek', BPJS, 'issuer'),
  P('jamsostek', BPJS, 'issuer'),
  P('buku tabungan', ['buku_tabungan'], 'title'),
  P('tabungan', ['buku_tabungan'], 'title', 'named'),
  P('bank', ['buku_tabungan'], 'title', 'named'),
  P('bri', ['buku_tabungan'], 'title', 'alone'),
  P('bni', ['buku_tabungan'], 'title', 'alone'),
  P('bca', ['buku_tabungan'], 'title', 'alone'),
  P('bsi', ['buku_tabungan'], 'title', 'alone'),
  P('btn', ['buku_tabungan'], 'title', 'alone'),
  P('mandiri', ['buku_tabungan'], 'title', 'alone'),
  P('akta kematian', ['akta_kematian'], 'title'),
  P('dinas kependudukan dan pencatatan sipil', ['akta_kematian', 'kk'], 'issuer'),
  P('keterangan kematian', ['surat_kematian'], 'title'),
  P('keterangan meninggal', ['surat_kematian'], 'title'),
  P('ahli waris', ['surat_ahli_waris'], 'title'),
  P('akta nikah', ['buku_nikah'], 'title'),
  P('buku nikah', ['buku_nikah'], 'title'),
  P('akta perkawinan', ['buku_nikah'], 'title'),
  P('kementerian agama', ['buku_nikah'], 'issuer'),
  P('kantor urusan agama', ['buku_nikah'], 'issuer'),
  P('laporan kecelakaan', ['form_kk1', 'form_kk2'], 'title'),
  P('tahap i', ['form_kk1'], 'title'),
  P('tahap ii', ['form_kk2'], 'title'),
  P('keterangan dokter', ['surat_dokter'], 'title'),
  P('kuitansi', ['kuitansi'], 'title'),
  P('kwitansi', ['kuitansi'], 'title'),
  P('bukti pembayaran', ['kuitansi'], 'title'),
  P('nomor pokok wajib pajak', ['npwp'], 'title'),
  P('direktorat jenderal pajak', ['npwp'], 'issuer'),
  P('rumah sakit', HOSPITAL, 'issuer', 'named'),
  P('rsud', HOSPITAL, 'issuer', 'named'),
  P('rsu', HOSPITAL, 'issuer', 'named'),
  P('rs', HOSPITAL, 'issuer', 'named'),
  P('puskesmas', HOSPITAL, 'issuer', 'named'),
  P('klinik', HOSPITAL, 'issuer', 'named'),
  P('pemerintah', [...VILLAGE, 'akta_kematian', 'kk'], 'issuer', 'named'),
  P('kantor kepala desa', VILLAGE, 'issuer', 'named'),
  P('kantor kelurahan', VILLAGE, 'issuer', 'named'),
  P('kantor lurah', VILLAGE, 'issuer', 'named'),
  P('kantor camat', VILLAGE, 'issuer', 'named'),
  // Letters whose kind the heading alone does not tell.
  P('surat keterangan', LETTER, 'title', 'alone'),
  P('surat pernyataan', ['surat_ahli_waris', 'other'], 'title', 'alone'),
  P('surat pengantar', ['other'], 'title', 'alone'),
  P('surat kuasa', ['other'], 'title', 'alone'),
  P('kronologi', ['other'], 'title'),
  P('kronologis', ['other'], 'title'),
  P('berita acara', ['other'], 'title', 'alone'),
  P('laporan polisi', ['other'], 'title'),
];

export interface Anchor {
  row: number;
  segment: Segment;
  types: DocumentType[];
  kind: AnchorKind;
  /** The phrases matched, for the officer's "why this type". */
  phrases: string[];
}

/** A logo read as a few unsure letters before a heading ("eo BANK RAKYAT INDONESIA") is no part of it. */
const headingWords = (seg: Segment): Segment['words'] => {
  let k = 0;
  while (k < seg.words.length - 1 && (seg.words[k]?.confidence ?? 1) < HEADINGS.junkConfidence && (seg.words[k]?.text.length ?? 0) <= 3) k++;
  return seg.words.slice(k);
};

const tokensOf = (seg: Segment): string[] =>
  headingWords(seg)
    .flatMap((w) => w.text.toLowerCase().split(/[^a-z0-9|]+/))
    .filter(Boolean)
    .map((t, i, all) => (all[i - 1] === 'tahap' ? t.replace(/[l1|]/g, 'i') : t.replace(/\|/g, '')));

/** Misread letters tolerated in a heading word: headings are few words, so a loose match finds them in
 * ordinary words ("HUBUNGAN" is two letters from "TABUNGAN"). */
const tolerance = (len: number): number => (len <= 4 ? 0 : len <= 8 ? 1 : 2);

/** Where a phrase's words stand in the tokens, each word within OCR tolerance; glued pairs count. */
function find(tokens: readonly string[], words: readonly string[], lead: boolean): { start: number; end: number } | null {
  const last = lead ? 0 : tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    let k = i;
    let ok = true;
    for (const w of words) {
      const t = tokens[k] ?? '';
      if (editDistance(t, w, tolerance(w.length)) <= tolerance(w.length)) k++;
      else {
        // Two words read as one ("KARTUKELUARGA"): the rest of the phrase glued on.
        const glued = words.slice(words.indexOf(w)).join('');
        if (t.length > w.length && editDistance(t, glued, tolerance(glued.length)) <= tolerance(glued.length)) {
          k++;
          return { start: i, end: k };
        }
        ok = false;
        break;
      }
    }
    // The last word of a short roman suffix must not run on ("tahap i" is not "tahap ii").
    if (ok && words[words.length - 1] === 'i' && tokens[k] === 'i') ok = false;
    if (ok) return { start: i, end: k };
  }
  return null;
}

const KNOWN_LABELS = [...new Set([...Object.values(FIELD_SPECS).flatMap((specs) => specs.flatMap((f) => f.labels)), ...DECOY_LABELS])].map(labelTokens);
/** A segment that is one of the labels the extractor knows ("Nama Bank", "Fasilitas Kesehatan"). */
const isLabel = (seg: Segment): boolean => KNOWN_LABELS.some((t) => matchLabelAt(seg.words, 0, t)?.end === seg.words.length);

const endsWithColon = (s: Segment | undefined): boolean => !!s && /[:;]\s*$/.test(s.text);
const startsWithColon = (s: Segment): boolean => /^\s*[:;]/.test(s.text);

/** Headings of at most this many words; longer segments are sentences. */
const MAX_HEADING_WORDS = HEADINGS.maxWords;
/** A lead heading with its name ("BANK RAKYAT INDONESIA") has at most this many words. */
const MAX_NAMED_TOKENS = HEADINGS.maxNamedWords;
/** A heading beside other text on its line is at least this many line heights away from it. */
const HEADING_GAP = HEADINGS.gapLines;
/** The phrases of a heading cover at least this share of its words' letters. */
const MIN_COVER = HEADINGS.minCover;

/** Every heading on the rows that names a document type or its issuer. */
export function findAnchors(rows: readonly Row[]): Anchor[] {
  const out: Anchor[] = [];
  rows.forEach((row, r) => {
    row.segments.forEach((seg, s) => {
      if (seg.words.length > MAX_HEADING_WORDS || startsWithColon(seg) || /[:;]/.test(seg.text.slice(0, -1))) return;
      // A heading stands alone on its line, or far from what else the line holds (a second card beside
      // the first); right after a label it is that label's value.
      // Marks and specks before a heading (a logo read as a box, a bullet) do not count as text before it.
      const before = row.segments
        .slice(0, s)
        .filter((x) => x.words.some((w) => /[A-Za-z0-9]{2}/.test(w.text) && w.confidence >= 0.5))
        .at(-1);
      const after = row.segments[s + 1];
      if (before && (endsWithColon(before) || isLabel(before) || seg.bbox[0] - before.bbox[2] < row.height * HEADING_GAP)) return;
      if (after && startsWithColon(after)) return;
      const tokens = tokensOf(seg);
      if (!tokens.length) return;
      // A field's label followed by its value ("No. Kuitansi KW/2026/9803") names the field, not the
      // document, though the document's name is in it.
      const words = headingWords(seg);
      const label = KNOWN_LABELS.find((t) => (matchLabelAt(words, 0, t)?.end ?? words.length) < words.length && !PHRASES.some((p) => p.words[0] === t[0]));
      if (label) return;
      const covered = new Array<boolean>(tokens.length).fill(false);
      const types = new Set<DocumentType>();
      const phrases: string[] = [];
      let kind: AnchorKind = 'issuer';
      for (const p of PHRASES) {
        const m = find(tokens, p.words, !!p.lead);
        if (!m) continue;
        // A lead heading names its holder after it ("PROVINSI JAMBI", "BANK MANDIRI"): all of it counts,
        // as long as there is a name after it (or the lead is a whole heading alone) and it stays short.
        const named = tokens.length > m.end && tokens.length <= MAX_NAMED_TOKENS;
        if (p.lead && !named && !(p.alone && tokens.length === m.end)) continue;
        const end = p.lead && named ? tokens.length : m.end;
        for (let i = m.start; i < end; i++) covered[i] = true;
        // Several phrases in one heading narrow its type ("LAPORAN KECELAKAAN KERJA TAHAP I").
        if (types.size === 0) p.types.forEach((t) => types.add(t));
        else {
          const both = [...types].filter((t) => p.types.includes(t));
          if (both.length) {
            types.clear();
            both.forEach((t) => types.add(t));
          }
        }
        if (p.kind === 'title') kind = 'title';
        phrases.push(p.words.join(' '));
      }
      if (!phrases.length) return;
      const letters = (t: string): number => t.replace(/[^a-z]/g, '').length;
      const total = tokens.reduce((n, t) => n + letters(t), 0);
      const cover = tokens.reduce((n, t, i) => n + (covered[i] ? letters(t) : 0), 0);
      if (total === 0 || cover / total < MIN_COVER) return;
      out.push({ row: r, segment: seg, types: [...types], kind, phrases });
    });
  });
  return out;
}
