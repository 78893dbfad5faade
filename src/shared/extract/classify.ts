// Page classification by weighted key phrases (titles, form numbers, tell-tale labels), matched
// fuzzily on the OCR words; phrases near the top of the page (titles) weigh more.
import type { DocumentType } from '../domain/documents';
import type { OcrPage } from '../domain/ocr';
import { editDistance, squash } from '../normalize/fuzzy';
import { rowsOf, type Row } from './layout';
import { EXTRACTION } from '../tuning';

type Phrase = readonly [string, number];

const PHRASES: Record<Exclude<DocumentType, 'other'>, readonly Phrase[]> = {
  ktp: [
    ['kartu tanda penduduk', 4],
    ['gol darah', 2],
    ['berlaku hingga', 2.5],
    ['kewarganegaraan', 1.5],
    ['status perkawinan', 1.5],
    ['kel desa', 1.5],
    ['rt rw', 1],
    ['agama', 1],
    ['tempat tgl lahir', 1.5],
    ['provinsi', 0.5],
  ],
  kk: [
    ['kartu keluarga', 5],
    ['kepala keluarga', 1.5],
    ['status hubungan', 1],
    ['hubungan', 0.5],
    ['nama lengkap', 0.5],
    ['dalam keluarga', 2],
    ['pendidikan', 1.5],
    ['jenis pekerjaan', 1],
    ['no paspor', 1.5],
    ['no kitap', 2],
    ['kode pos', 0.5],
    ['tanggal perkawinan', 1],
  ],
  kartu_peserta: [
    ['kartu peserta', 4],
    ['kartu kepesertaan', 4],
    ['tanggal kepesertaan', 2],
    ['tgl kepesertaan', 2],
    ['terdaftar sejak', 1.5],
    ['program', 1],
    ['kpj', 0.5],
  ],
  buku_tabungan: [
    ['buku tabungan', 4],
    ['tabungan', 2],
    ['rekening', 1.5],
    ['nasabah', 1.5],
    ['saldo', 1.5],
    ['mutasi', 1],
    ['simpedes', 1.5],
    ['britama', 1.5],
    ['tahapan', 1],
    // The transaction table and the account's own details.
    ['debet', 1],
    ['kredit', 1],
    ['sandi', 1],
    ['pengesahan', 1],
    ['no cif', 1.5],
    ['tgl pembukaan', 1.5],
    ['tanggal pembukaan', 1.5],
    ['tgl buka', 1.5],
    ['kantor cabang', 0.5],
  ],
  akta_kematian: [
    ['akta kematian', 5],
    ['kutipan akta kematian', 1],
    ['pencatatan sipil', 1],
  ],
  surat_kematian: [
    ['surat keterangan kematian', 5],
    ['keterangan kematian', 2],
    ['keterangan meninggal', 3],
    ['sebab kematian', 1.5],
  ],
  surat_ahli_waris: [
    ['ahli waris', 5],
    ['pewaris', 1],
    ['almarhum', 1],
  ],
  buku_nikah: [
    ['akta nikah', 4],
    ['buku nikah', 4],
    ['kutipan akta nikah', 1],
    ['nama suami', 1],
    ['nama istri', 1],
    ['kementerian agama', 1.5],
    ['suami', 0.5],
    ['istri', 0.5],
  ],
  form_kk1: [
    ['tahap i', 4],
    ['formulir 3', 1.5],
    ['kk1', 3],
    ['laporan kecelakaan', 1.5],
    ['jam kecelakaan', 1],
    ['tempat kecelakaan', 1],
  ],
  form_kk2: [
    ['tahap ii', 4.5],
    ['formulir 3a', 3],
    ['kk2', 3],
    ['laporan kecelakaan', 1.5],
    ['kondisi akhir', 1],
  ],
  surat_dokter: [
    ['surat keterangan dokter', 5],
    ['formulir 3b', 3],
    ['kk3', 3],
    ['diagnosa', 1.5],
    ['diagnosis', 1.5],
    ['dokter pemeriksa', 1],
  ],
  kuitansi: [
    ['kuitansi', 5],
    ['kwitansi', 5],
    ['terima dari', 2],
    ['uang sejumlah', 2],
    ['terbilang', 1],
    ['bukti pembayaran', 3],
  ],
  npwp: [
    ['npwp', 4],
    ['nomor pokok wajib pajak', 4],
    ['direktorat jenderal pajak', 2],
    ['kpp pratama', 1],
  ],
};

/** Roman numerals after "tahap" and form suffixes are misread as 1/l/|; fold them to i. */
function tokensOf(rows: readonly Row[]): { tok: string; top: boolean }[] {
  const out: { tok: string; top: boolean }[] = [];
  const topLimit = rows.length ? Math.max(3, Math.ceil(rows.length * 0.3)) : 0;
  rows.forEach((row, r) => {
    for (const w of row.words) {
      for (const part of w.text.toLowerCase().split(/[^a-z0-9|]+/)) {
        if (!part) continue;
        const prev = out[out.length - 1]?.tok;
        const tok = prev === 'tahap' ? part.replace(/[l1|]/g, 'i') : part.replace(/\|/g, '');
        if (tok) out.push({ tok, top: r < topLimit });
      }
    }
  });
  return out;
}

function phraseFound(tokens: readonly { tok: string; top: boolean }[], phrase: string): { found: boolean; top: boolean } {
  const parts = phrase.split(' ');
  const target = squash(phrase);
  const tol = (len: number): number => (len <= 4 ? 0 : len <= 8 ? 1 : 2);
  for (let i = 0; i < tokens.length; i++) {
    // Word-aligned, each word fuzzily; the last word exact for short roman suffixes ("tahap i" ≠ "tahap ii").
    let ok = i + parts.length <= tokens.length;
    for (let k = 0; ok && k < parts.length; k++) {
      const p = parts[k] ?? '';
      const t = tokens[i + k]?.tok ?? '';
      if (editDistance(t, p, tol(p.length)) > tol(p.length)) ok = false;
    }
    if (ok) return { found: true, top: tokens[i]?.top ?? false };
    // Glued or split words: compare concatenations.
    let joined = '';
    for (let n = 0; n < parts.length + 2 && i + n < tokens.length; n++) {
      joined += tokens[i + n]?.tok ?? '';
      const strict = Math.max(0, tol(target.length) - (target.length <= 8 ? 1 : 0));
      if (n + 1 !== parts.length && joined.length >= target.length - 1 && editDistance(joined, target, strict) <= strict) {
        return { found: true, top: tokens[i]?.top ?? false };
      }
    }
  }
  return { found: false, top: false };
}

export interface Classification {
  type: DocumentType;
  confidence: number;
  score: number;
  /** Score of every type, for splitting decisions and the officer's "other candidates". */
  scores: Record<string, number>;
}

/** Below this total score a page is not recognised as any claim document. */
export const MIN_SCORE = EXTRACTION.minClassScore;

export function classifyRows(rows: readonly Row[]): Classification {
  const tokens = tokensOf(rows);
  const scores: Record<string, number> = {};
  for (const [type, phrases] of Object.entries(PHRASES)) {
    let s = 0;
    for (const [phrase, weight] of phrases) {
      const f = phraseFound(tokens, phrase);
      if (f.found) s += f.top ? weight * 1.5 : weight;
    }
    scores[type] = s;
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [bestType, best] = ranked[0] ?? ['other', 0];
  const second = ranked[1]?.[1] ?? 0;
  if (best < MIN_SCORE) return { type: 'other', confidence: round(Math.max(0.5, 1 - best / (MIN_SCORE * 2))), score: best, scores };
  const margin = (best - second) / best;
  const strength = Math.min(1, best / 8);
  return { type: bestType as DocumentType, confidence: round(Math.min(0.99, 0.45 + 0.35 * margin + 0.2 * strength)), score: best, scores };
}

export const classifyPage = (page: OcrPage): Classification => classifyRows(rowsOf(page));

const round = (x: number): number => Math.round(x * 100) / 100;
