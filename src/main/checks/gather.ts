// Gathers what the rules engine needs for one case from the database: the case, the participant and
// their other memberships, the extracted documents (table case_documents, written by extraction), poor
// pages (page_ocr, written by OCR), other claims, other holders of the payout account, and files shared
// with other participants' cases. Tables another part has not created yet count as empty.
import type { Participant } from '../../shared/domain/participant';
import { extractedDocumentSchema } from '../../shared/domain/documents';
import type { AccountHolder, CaseDocumentInput, CaseInput, OtherClaim, PoorPage, ReusedFile, StatedFacts } from '../../shared/rules/input';
import type { BackendContext } from '../context';
import { getCase } from '../services/cases';
import { participantsRepo } from '../services/participants-repo';
import { activeRequirementTable, holidayDates } from './config-store';

interface DocRow {
  id: number;
  file_id: number | null;
  type: string;
  type_confidence: number;
  pages: string;
  fields: string;
  sha256: string | null;
  file_name: string | null;
}

function documents(ctx: BackendContext, caseId: number): (CaseDocumentInput & { fileId: number | null })[] {
  const rows = ctx.db
    .prepare(
      `SELECT d.id, d.file_id, d.type, d.type_confidence, d.pages, d.fields, f.sha256, f.first_name AS file_name
       FROM case_documents d LEFT JOIN files f ON f.id = d.file_id WHERE d.case_id = ? ORDER BY d.id`,
    )
    .all(caseId) as DocRow[];
  const out: (CaseDocumentInput & { fileId: number | null })[] = [];
  for (const r of rows) {
    const parsed = extractedDocumentSchema.safeParse({
      type: r.type,
      typeConfidence: r.type_confidence,
      pages: JSON.parse(r.pages),
      fields: JSON.parse(r.fields),
    });
    // A row that does not follow the contract is skipped rather than judged on garbage.
    if (parsed.success) out.push({ id: String(r.id), document: parsed.data, fileSha256: r.sha256, fileName: r.file_name, fileId: r.file_id });
  }
  return out;
}

function poorPages(ctx: BackendContext, caseId: number, docs: (CaseDocumentInput & { fileId: number | null })[]): PoorPage[] {
  const rows = ctx.db
    .prepare(
      `SELECT po.file_id, po.page, po.ocr_json, cf.original_name FROM page_ocr po JOIN case_files cf ON cf.file_id = po.file_id
       WHERE cf.case_id = ? AND po.poor = 1 ORDER BY cf.id, po.page`,
    )
    .all(caseId) as { file_id: number; page: number; ocr_json: string | null; original_name: string }[];
  return rows.map((r) => {
    let quality: { score?: number; reasons?: string[] } = {};
    try {
      quality = (JSON.parse(r.ocr_json ?? '{}') as { quality?: typeof quality }).quality ?? {};
    } catch {
      quality = {};
    }
    const doc = docs.find((d) => d.fileId === r.file_id && d.document.pages.includes(r.page));
    return { documentId: doc?.id ?? null, fileName: r.original_name, page: r.page, score: quality.score ?? 0, reasons: quality.reasons ?? [] };
  });
}

export function caseFacts(ctx: BackendContext, caseId: number): StatedFacts {
  const row = ctx.db.prepare(`SELECT facts FROM case_facts WHERE case_id = ?`).pluck().get(caseId) as string | undefined;
  return row ? (JSON.parse(row) as StatedFacts) : {};
}

export function gatherCaseInput(ctx: BackendContext, caseId: number): CaseInput {
  const c = getCase(ctx, caseId);
  const repo = participantsRepo(ctx);
  const row = c.participantId ? repo.get(c.participantId) : undefined;
  const participant: Participant | null = row ? (({ id: _id, ...p }) => p)(row) : null;
  const docs = documents(ctx, caseId);
  const nik = participant?.nik ?? null;

  const otherClaims: OtherClaim[] = nik
    ? (ctx.db
        .prepare(
          `SELECT c.id AS caseId, c.reference, c.claim_type AS claimType, c.status, c.kpj FROM cases c JOIN participants p ON p.id = c.participant_id
           WHERE p.nik = ? AND c.id != ? ORDER BY c.id`,
        )
        .all(nik, caseId) as OtherClaim[])
    : [];

  const accounts = new Set<string>();
  for (const d of docs) {
    const v = d.document.type === 'buku_tabungan' ? d.document.fields.nomor_rekening?.value : null;
    if (typeof v === 'string' && /^\d+$/.test(v)) accounts.add(v);
  }
  if (participant?.nomor_rekening) accounts.add(participant.nomor_rekening);
  const holdersStmt = ctx.db.prepare(`SELECT nomor_rekening AS account, nomor_kpj, nik, nama FROM participants WHERE nomor_rekening = ? AND nik != ?`);
  const accountHolders = [...accounts].flatMap((a) => holdersStmt.all(a, nik ?? '') as AccountHolder[]);

  const reusedFiles = ctx.db
    .prepare(
      `SELECT f.sha256, other.original_name AS fileName, other.case_id AS caseId, c.reference, p.nik AS participantNik, p.nomor_kpj AS participantKpj
       FROM case_files mine JOIN case_files other ON other.file_id = mine.file_id AND other.case_id != mine.case_id
       JOIN files f ON f.id = mine.file_id JOIN cases c ON c.id = other.case_id JOIN participants p ON p.id = c.participant_id
       WHERE mine.case_id = ? AND p.nik != ?`,
    )
    .all(caseId, nik ?? '') as ReusedFile[];

  return {
    claimType: c.claimType,
    incidentDate: c.incidentDate,
    filedDate: c.createdAt.slice(0, 10),
    holidays: holidayDates(ctx),
    participant,
    memberships: nik
      ? repo
          .listByNik(nik)
          .map((p) => p.nomor_kpj)
          .filter((k) => k !== participant?.nomor_kpj)
      : [],
    documents: docs.map(({ fileId: _f, ...d }) => d),
    poorPages: poorPages(ctx, caseId, docs),
    otherClaims,
    accountHolders,
    reusedFiles,
    requirements: activeRequirementTable(ctx),
    facts: caseFacts(ctx, caseId),
  };
}
