// What every real-format document is built from: the dossier's random stream, the participant and their
// household, and small helpers that pick an office's typefaces and make a document record.
import type { DocumentType, FieldValue } from '../../../src/shared/domain/documents';
import type { Participant } from '../../../src/shared/domain/participant';
import type { Rng } from '../random';
import type { Household } from './household';
import { childRng, type Kit } from './kit';
import type { DocKind, RealDoc } from './sheet';

export interface RealCtx {
  /** The dossier's stream: every content and variant choice is drawn from it, in document order. */
  rng: Rng;
  person: Participant;
  home: Household;
}

export const SANS = ['Liberation Sans', 'DejaVu Sans', 'Liberation Sans Narrow', 'DejaVu Sans Condensed'] as const;
export const MONO = ['Liberation Mono', 'DejaVu Sans Mono', 'Noto Sans Mono'] as const;
/** What offices type letters in: mostly Times- or Arial-like, now and then something else. */
export const OFFICE = [
  'Liberation Serif',
  'Liberation Serif',
  'Liberation Sans',
  'Liberation Sans',
  'DejaVu Serif',
  'DejaVu Sans',
  'DejaVu Sans Condensed',
  'Liberation Sans Narrow',
] as const;

export function makeDoc(
  c: RealCtx,
  d: {
    type: DocumentType;
    variant: string;
    kind: DocKind;
    size: readonly [number, number];
    truth: Record<string, FieldValue>;
    paper?: string;
    fillable?: readonly string[];
  },
  pages: ((k: Kit, doc: RealDoc) => void)[],
): RealDoc {
  const doc: RealDoc = { ...d, paper: d.paper ?? '#fdfdfb', hand: new Set(), rng: childRng(c.rng), pages: [] };
  doc.pages = pages.map((p) => (k: Kit) => p(k, doc));
  return doc;
}

/** Jitters a size by up to ±`by` (offices never print at quite the same size). */
export const jitter = (rng: Rng, v: number, by = 0.06): number => v * (1 + (rng.next() * 2 - 1) * by);
