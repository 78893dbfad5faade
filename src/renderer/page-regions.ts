// Where each document of a case lies on the page shown: several documents may share a page (two KTPs on
// one photocopy), and each then carries its region. A document alone on its page has none.
import type { CaseDocument } from '../shared/api/methods-extraction';
import type { BBox, DocumentType } from '../shared/domain/documents';

export interface PageRegion {
  documentId: number;
  type: DocumentType;
  bbox: BBox;
}

/** The regions on one page of one file, in reading order (top to bottom, then left to right). */
export function regionsOnPage(docs: readonly CaseDocument[], fileId: number, page: number): PageRegion[] {
  return docs
    .filter((d) => d.fileId === fileId)
    .flatMap((d) => (d.regions ?? []).filter((r) => r.page === page).map((r) => ({ documentId: d.id, type: d.type, bbox: r.bbox })))
    .sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
}

/** The region under a point of the page (in its pixels); the smallest when regions nest. */
export function regionAt(regions: readonly PageRegion[], x: number, y: number): PageRegion | undefined {
  const area = (b: BBox): number => (b[2] - b[0]) * (b[3] - b[1]);
  return regions.filter(({ bbox: b }) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]).sort((a, b) => area(a.bbox) - area(b.bbox))[0];
}
