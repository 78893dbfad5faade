// A case's documents: extracted from its OCR'd pages and stored in case_documents. Officers correct a
// document's type (its fields are re-extracted) or a field's value; both are marked as the officer's and
// survive later re-extraction, because an officer's decision outranks the engine's.
import type { CaseDocument } from '../../shared/api/methods-extraction';
import { AppError } from '../../shared/api/result';
import type { DocumentType, ExtractedDocument, ExtractedField, FieldValue } from '../../shared/domain/documents';
import { documentRegionSchema, extractedFieldSchema, type DocumentRegion } from '../../shared/domain/documents';
import type { OcrPage } from '../../shared/domain/ocr';
import { crossCheckDocuments, extractAs, extractFilePages, normalizeOfficerValue } from '../../shared/extract/index';
import type { BackendContext } from '../context';
import { listCasePages } from '../ocr/case-ocr';
import { z } from 'zod';

interface Row {
  id: number;
  case_id: number;
  file_id: number;
  seq: number;
  type: DocumentType;
  type_confidence: number;
  type_source: 'ocr' | 'officer';
  pages: string;
  fields: string;
  regions: string | null;
  updated_at: string;
  file_name: string;
}

const fieldsSchema = z.record(z.string(), extractedFieldSchema);
const pagesSchema = z.array(z.number().int().positive());
const regionsSchema = z.array(documentRegionSchema);

const SELECT = `SELECT d.*, COALESCE((SELECT cf.original_name FROM case_files cf WHERE cf.case_id = d.case_id AND cf.file_id = d.file_id), '') AS file_name
  FROM case_documents d`;

function toDocument(r: Row): CaseDocument {
  return {
    id: r.id,
    caseId: r.case_id,
    fileId: r.file_id,
    fileName: r.file_name,
    type: r.type,
    typeConfidence: r.type_confidence,
    typeSource: r.type_source,
    pages: pagesSchema.parse(JSON.parse(r.pages)),
    fields: fieldsSchema.parse(JSON.parse(r.fields)),
    updatedAt: r.updated_at,
    ...(r.regions ? { regions: regionsSchema.parse(JSON.parse(r.regions)) } : {}),
  };
}

function requireCase(ctx: BackendContext, caseId: number): void {
  if (!ctx.db.prepare(`SELECT 1 FROM cases WHERE id = ?`).get(caseId)) throw new AppError('not_found', `Case ${caseId} not found`, { id: caseId });
}

export function listCaseDocuments(ctx: BackendContext, caseId: number): CaseDocument[] {
  requireCase(ctx, caseId);
  const rows = ctx.db.prepare(`${SELECT} WHERE d.case_id = ? ORDER BY d.file_id, d.seq`).all(caseId) as Row[];
  return rows.map(toDocument);
}

function getDocument(ctx: BackendContext, documentId: number): CaseDocument {
  const row = ctx.db.prepare(`${SELECT} WHERE d.id = ?`).get(documentId) as Row | undefined;
  if (!row) throw new AppError('not_found', `Document ${documentId} not found`, { id: documentId });
  return toDocument(row);
}

/** Officer-keyed values of a previous extraction carry over onto the new one. */
function keepOfficerFields(next: ExtractedDocument, prev: CaseDocument | undefined): ExtractedDocument {
  if (!prev || prev.type !== next.type) return next;
  const kept = Object.entries(prev.fields).filter(([, f]) => f.source === 'officer');
  return kept.length ? { ...next, fields: { ...next.fields, ...Object.fromEntries(kept) } } : next;
}

function pagesByFile(ctx: BackendContext, caseId: number): { files: Map<number, OcrPage[]>; pending: number } {
  const files = new Map<number, OcrPage[]>();
  const unfinished = new Set<number>();
  let pending = 0;
  for (const p of listCasePages(ctx, caseId)) {
    if (p.state === 'pending' || p.state === 'running') {
      pending++;
      unfinished.add(p.fileId);
    }
    if (p.ocr) files.set(p.fileId, [...(files.get(p.fileId) ?? []), p.ocr]);
  }
  // A file still being read is left for a later run, so its documents are not split on half the pages.
  for (const id of unfinished) files.delete(id);
  return { files, pending };
}

/** Whether two documents of one file are the same one found again: they start on the same page and,
 * where that page holds several documents, lie over the same part of it. */
function samePlace(a: { pages: number[]; regions?: DocumentRegion[] | undefined }, b: { pages: number[]; regions?: DocumentRegion[] | undefined }): boolean {
  const page = a.pages[0];
  if (page === undefined || page !== b.pages[0]) return false;
  const ra = a.regions?.find((r) => r.page === page)?.bbox;
  const rb = b.regions?.find((r) => r.page === page)?.bbox;
  if (!ra || !rb) return !ra && !rb;
  const overlap = Math.max(0, Math.min(ra[2], rb[2]) - Math.max(ra[0], rb[0])) * Math.max(0, Math.min(ra[3], rb[3]) - Math.max(ra[1], rb[1]));
  const smaller = Math.min((ra[2] - ra[0]) * (ra[3] - ra[1]), (rb[2] - rb[0]) * (rb[3] - rb[1]));
  return smaller > 0 && overlap >= smaller * 0.5;
}

/** What extracting a case starts from: its fully read files' pages, and its documents as stored. */
export interface ExtractionInput {
  files: [number, OcrPage[]][];
  previous: CaseDocument[];
  pending: number;
  /** Fingerprint of the case's stored documents and pages: a change since means start again. */
  stamp: string;
}

/** What extraction found, per file: each document with the stored one it is found again as (by id). */
export type ExtractionPlan = { fileId: number; docs: { doc: ExtractedDocument; prevId: number | null; source: 'officer' | 'ocr' }[] }[];

function stampOf(ctx: BackendContext, caseId: number): string {
  const docs = ctx.db
    .prepare(`SELECT count(*) AS n, COALESCE(max(updated_at), '') AS at, COALESCE(sum(id), 0) AS ids FROM case_documents WHERE case_id = ?`)
    .get(caseId) as {
    n: number;
    at: string;
    ids: number;
  };
  const pages = ctx.db
    .prepare(`SELECT count(*) AS n, COALESCE(max(p.updated_at), '') AS at FROM case_files cf JOIN page_ocr p ON p.file_id = cf.file_id WHERE cf.case_id = ?`)
    .get(caseId) as { n: number; at: string };
  return JSON.stringify([docs, pages]);
}

export function gatherExtraction(ctx: BackendContext, caseId: number): ExtractionInput {
  requireCase(ctx, caseId);
  const stamp = stampOf(ctx, caseId);
  const { files, pending } = pagesByFile(ctx, caseId);
  return { files: [...files], previous: listCaseDocuments(ctx, caseId), pending, stamp };
}

/** The extraction itself: pure, so it can run in a thread (extract-thread.ts) while the back end answers calls. */
export function computeExtraction(filesList: [number, OcrPage[]][], previous: CaseDocument[]): ExtractionPlan {
  const files = new Map(filesList);
  // Every read file first, then the case's documents checked against each other across files.
  const extracted: ExtractionPlan = [];
  for (const [fileId, pages] of files) {
    const prevOfFile = previous.filter((d) => d.fileId === fileId);
    const officerTyped = prevOfFile.filter((d) => d.typeSource === 'officer');
    // An officer's typing of a document replaces what the engine found in the same place.
    const docs = [
      ...extractFilePages(pages).filter((d) => !officerTyped.some((o) => samePlace(o, d))),
      ...officerTyped.map((d) => ({
        ...extractAs(
          d.type,
          pages.filter((p) => d.pages.includes(p.page)),
          d.regions,
        ),
        typeConfidence: 1,
      })),
    ].sort((a, b) => (a.pages[0] ?? 0) - (b.pages[0] ?? 0) || (a.regions?.[0]?.bbox[1] ?? 0) - (b.regions?.[0]?.bbox[1] ?? 0));
    const claimed = new Set<CaseDocument>();
    extracted.push({
      fileId,
      docs: docs.map((doc) => {
        const prev = prevOfFile.find((d) => !claimed.has(d) && samePlace(d, doc));
        if (prev) claimed.add(prev);
        return { doc: keepOfficerFields(doc, prev), prevId: prev?.id ?? null, source: officerTyped.some((o) => samePlace(o, doc)) ? 'officer' : 'ocr' };
      }),
    });
  }
  // Documents of files still being read take part too, as stored.
  const waiting = previous.filter((d) => !files.has(d.fileId)).map((d) => ({ ...d, fields: structuredClone(d.fields) }));
  crossCheckDocuments([...extracted.flatMap((f) => f.docs.map((d) => d.doc)), ...waiting]);
  return extracted;
}

/** Stores a plan computed from `input`; false (nothing written) when the case changed since `input`.
 * `wanted` is asked in the storing transaction (a case locked meanwhile keeps what it was judged on). */
export function storeExtraction(
  ctx: BackendContext,
  caseId: number,
  input: ExtractionInput,
  plan: ExtractionPlan,
  wanted: () => boolean = () => true,
): boolean | 'unwanted' {
  const at = new Date().toISOString();
  const insert = ctx.db.prepare(
    `INSERT INTO case_documents(case_id, file_id, seq, type, type_confidence, type_source, pages, fields, regions, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = ctx.db.prepare(
    `UPDATE case_documents SET seq = ?, type = ?, type_confidence = ?, type_source = ?, pages = ?, fields = ?, regions = ?, updated_at = ? WHERE id = ?`,
  );
  return ctx.db.transaction(() => {
    if (!wanted()) return 'unwanted';
    if (stampOf(ctx, caseId) !== input.stamp) return false;
    for (const { fileId, docs } of plan) {
      const kept = new Set(docs.flatMap((d) => (d.prevId !== null ? [d.prevId] : [])));
      for (const d of input.previous) if (d.fileId === fileId && !kept.has(d.id)) ctx.db.prepare(`DELETE FROM case_documents WHERE id = ?`).run(d.id);
      // Sequence numbers are unique per file: moved out of the way first, then set.
      ctx.db.prepare(`UPDATE case_documents SET seq = seq + 1000000 WHERE case_id = ? AND file_id = ?`).run(caseId, fileId);
      docs.forEach(({ doc, prevId, source }, seq) => {
        const regions = doc.regions ? JSON.stringify(doc.regions) : null;
        if (prevId !== null) update.run(seq, doc.type, doc.typeConfidence, source, JSON.stringify(doc.pages), JSON.stringify(doc.fields), regions, at, prevId);
        else insert.run(caseId, fileId, seq, doc.type, doc.typeConfidence, source, JSON.stringify(doc.pages), JSON.stringify(doc.fields), regions, at, null);
      });
    }
    return true;
  })();
}

/**
 * Extract every fully read file of the case; officer types and values survive. A document found again
 * (same file, same place) keeps its id and is updated in place, so an officer's correction saved while
 * another file is being read always finds its document.
 */
export function extractCase(ctx: BackendContext, caseId: number): { documents: CaseDocument[]; pendingPages: number } {
  const input = gatherExtraction(ctx, caseId);
  storeExtraction(ctx, caseId, input, computeExtraction(input.files, input.previous));
  return { documents: listCaseDocuments(ctx, caseId), pendingPages: input.pending };
}

function ocrPagesOf(ctx: BackendContext, doc: CaseDocument): OcrPage[] {
  return listCasePages(ctx, doc.caseId)
    .filter((p) => p.fileId === doc.fileId && doc.pages.includes(p.page) && p.ocr)
    .map((p) => p.ocr as OcrPage);
}

/** The officer corrects a document's type: its fields are re-extracted as that type. */
export function setDocumentType(ctx: BackendContext, documentId: number, type: DocumentType, by = 'system:claimdesk'): CaseDocument {
  const doc = getDocument(ctx, documentId);
  const next = keepOfficerFields({ ...extractAs(type, ocrPagesOf(ctx, doc), doc.regions), typeConfidence: 1 }, doc);
  ctx.db
    .prepare(`UPDATE case_documents SET type = ?, type_confidence = 1, type_source = 'officer', fields = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(type, JSON.stringify(next.fields), new Date().toISOString(), by, documentId);
  return getDocument(ctx, documentId);
}

/** The officer confirms or corrects one field; the value is normalised like OCR output or refused. */
/** Puts a field back exactly as given (an undo), or removes it when it did not exist. */
export function restoreField(ctx: BackendContext, documentId: number, key: string, field: ExtractedField | null, by: string): CaseDocument {
  const doc = getDocument(ctx, documentId);
  const fields: Record<string, ExtractedField> = { ...doc.fields };
  if (field) fields[key] = JSON.parse(JSON.stringify(field)) as ExtractedField;
  else delete fields[key];
  ctx.db
    .prepare(`UPDATE case_documents SET fields = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(JSON.stringify(fields), new Date().toISOString(), by, documentId);
  return getDocument(ctx, documentId);
}

export function setField(ctx: BackendContext, documentId: number, key: string, value: FieldValue | null, by = 'system:claimdesk'): CaseDocument {
  const doc = getDocument(ctx, documentId);
  const checked = normalizeOfficerValue(doc.type, key, value);
  // The problem (and a list's entry and column) travel as params, for the UI to say in the officer's language.
  if (!checked.ok) {
    const { reason, problem, entry, column } = checked;
    throw new AppError('invalid_input', reason, { key, problem, ...(entry !== undefined ? { entry } : {}), ...(column !== undefined ? { column } : {}) });
  }
  const before = doc.fields[key];
  const field: ExtractedField = {
    value: checked.value,
    confidence: 1,
    page: before?.page ?? doc.pages[0] ?? 1,
    bbox: before?.bbox ?? null,
    source: 'officer',
    ...(checked.value === null ? { needsKeying: true, reason: 'cleared_by_officer' } : {}),
  };
  ctx.db
    .prepare(`UPDATE case_documents SET fields = ?, updated_at = ?, updated_by = ? WHERE id = ?`)
    .run(JSON.stringify({ ...doc.fields, [key]: field }), new Date().toISOString(), by, documentId);
  return getDocument(ctx, documentId);
}
