// A neutral description of one document's printed content (blocks) plus its ground truth; the
// renderer lays it out in an office's style, so layout varies independently of content.
import type { DocumentType, FieldValue } from '../../src/shared/domain/documents';

export type Block =
  | { kind: 'title'; text: string; size?: number }
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right' }
  | {
      kind: 'field';
      label: string;
      value: string;
      label2?: string;
      value2?: string;
      /** The contract key the value fills (set on forms people fill in by hand). */
      key?: string;
      /** The value is written by hand on the printed form. */
      hand?: boolean;
    }
  | { kind: 'section'; text: string }
  | {
      /** A printed list of options with a box before each; the one that applies is ticked or crossed. */
      kind: 'choices';
      label: string;
      options: string[];
      chosen: number;
      /** Options side by side after the label, or one under the other below it. */
      layout: 'row' | 'column';
      /** A printed X, or a ballpoint tick that runs over the box's edge. */
      mark: 'x' | 'tick';
    }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths: number[] }
  | { kind: 'gap' }
  | { kind: 'pagebreak' };

export type PageSize = 'card' | 'portrait' | 'landscape';

export interface DocSpec {
  type: DocumentType;
  size: PageSize;
  blocks: Block[];
  /** The contract's normalised values for what is printed (docs/contract.md §2). */
  truth: Record<string, FieldValue>;
}

/** Where a document lies on a page it shares with other documents: [x0, y0, x1, y1] in fractions (0–1)
 * of the page's width and height, whatever resolution the page is rendered at. */
export interface DocRegion {
  page: number;
  box: [number, number, number, number];
}

export interface DocTruth {
  type: DocumentType;
  /** 1-based pages within the file. */
  pages: number[];
  fields: Record<string, FieldValue>;
  /** Keys whose value is handwritten on the page: extraction must leave them for the officer. */
  handwritten?: string[];
  /** Set on each page the document shares with other documents (several documents on one page). */
  regions?: DocRegion[];
  /** The generator's format variant (e.g. "kartu_peserta/jmo-stacked"), for reading results by format. */
  variant?: string;
}

export interface FileTruth {
  name: string;
  documents: DocTruth[];
}

/** Label wording differs between offices and form years; pick one per document. */
export const LABELS = {
  nik: ['NIK', 'NIK', 'No. KTP', 'Nomor Induk Kependudukan', 'N I K'],
  nama: ['Nama', 'Nama', 'Nama Lengkap', 'N a m a'],
  ttl: ['Tempat/Tgl Lahir', 'Tempat/Tgl. Lahir', 'Tempat, Tgl Lahir', 'Tempat / Tanggal Lahir'],
  tgl_lahir: ['Tanggal Lahir', 'Tgl. Lahir', 'Tgl Lahir'],
  jk: ['Jenis Kelamin', 'Jenis kelamin', 'Kelamin'],
  kpj: ['No. KPJ', 'Nomor KPJ', 'No. Peserta', 'Nomor Peserta', 'KPJ'],
  kk: ['No. KK', 'Nomor KK', 'No. Kartu Keluarga'],
  tgl_kematian: ['Tanggal Kematian', 'Tanggal Meninggal', 'Meninggal pada tanggal', 'Hari/Tanggal Meninggal', 'Tgl. Meninggal'],
  tempat_kematian: ['Tempat Kematian', 'Tempat Meninggal', 'Meninggal di'],
  tgl_kecelakaan: ['Tanggal Kecelakaan', 'Tgl. Kecelakaan', 'Tanggal Kejadian', 'Tanggal terjadinya kecelakaan'],
  tgl_laporan: ['Tanggal Laporan', 'Tgl. Laporan', 'Tanggal Pelaporan', 'Dilaporkan tanggal'],
  rekening: ['No. Rekening', 'Nomor Rekening', 'No. Rek', 'Rekening No'],
  pemilik: ['Nama', 'Nama Nasabah', 'Pemilik Rekening', 'Nama Pemilik'],
  kondisi: ['Kondisi Akhir', 'Keadaan Akhir', 'Kondisi Tenaga Kerja', 'Kondisi Akhir Peserta'],
} as const;
