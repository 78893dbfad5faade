// Hand-built dossiers stored as extraction stores them, so the workflow can be tested without OCR: a
// participant on record and documents in case_documents, each on a file of its own.
import type { BackendContext } from '../../src/main/context';
import { importParticipantsCsv } from '../../src/main/participants/import-csv';
import type { Participant } from '../../src/shared/domain/participant';
import type { CaseDocumentInput } from '../../src/shared/rules/input';
import { participantsCsv } from '../fixtures/participants/csv';

export async function importPeople(ctx: BackendContext, people: Participant[]): Promise<void> {
  await importParticipantsCsv(ctx, Buffer.from(participantsCsv(people)), { actor: 'test', fileName: 'people.csv' });
}

/** Documents as extraction stores them in case_documents, one stored file per document; returns their ids. */
export function storeDocuments(ctx: BackendContext, caseId: number, docs: CaseDocumentInput[]): number[] {
  const at = new Date().toISOString();
  return docs.map((d, i) => {
    const sha = `${caseId}-${i}-${d.document.type}`
      .split('')
      .map((c) => c.charCodeAt(0).toString(16))
      .join('')
      .padEnd(64, '0')
      .slice(0, 64);
    ctx.db
      .prepare(`INSERT INTO files(sha256, size, format, mime, page_count, first_name, stored_path, created_at) VALUES (?, 100, 'png', 'image/png', 1, ?, ?, ?)`)
      .run(sha, `${d.document.type}.png`, `originals/${sha}.png`, at);
    const fileId = ctx.db.prepare(`SELECT id FROM files WHERE sha256 = ?`).pluck().get(sha) as number;
    ctx.db
      .prepare(`INSERT INTO case_files(case_id, file_id, original_name, added_at, added_by) VALUES (?, ?, ?, ?, 'test')`)
      .run(caseId, fileId, `${d.document.type}.png`, at);
    const info = ctx.db
      .prepare(
        `INSERT INTO case_documents(case_id, file_id, seq, type, type_confidence, type_source, pages, fields, updated_at) VALUES (?, ?, 0, ?, ?, 'ocr', ?, ?, ?)`,
      )
      .run(caseId, fileId, d.document.type, d.document.typeConfidence, JSON.stringify(d.document.pages), JSON.stringify(d.document.fields), at);
    return Number(info.lastInsertRowid);
  });
}
