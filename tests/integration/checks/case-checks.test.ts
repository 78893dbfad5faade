import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../../src/main/context';
import { importParticipantsCsv } from '../../../src/main/participants/import-csv';
import { createCase } from '../../../src/main/services/cases';
import type { CaseChecksOutput } from '../../../src/shared/api/methods-checks';
import type { Participant } from '../../../src/shared/domain/participant';
import type { CaseDocumentInput } from '../../../src/shared/rules/input';
import { participantsCsv } from '../../fixtures/participants/csv';
import { callerAs, type Session } from '../../helpers/sessions';
import { PARTICIPANT, cleanJkk } from '../../unit/rules/builders';
import { storeOptions } from '../../helpers/store';

let home: string;
let ctx: BackendContext;
/** The officer who works the cases, and the administrator who imports records. */
let officer: Session['call'];
let admin: Session['call'];

const STRANGER: Participant = {
  ...PARTICIPANT,
  nomor_kpj: '23000000001',
  nik: '3174015206900001',
  nama: 'HENDRA WIJAYA',
  tanggal_lahir: '1990-06-12',
  jenis_kelamin: 'L',
  nomor_rekening: '777766665555',
  nama_pemilik_rekening: 'HENDRA WIJAYA',
};

/** A stored file attached to a case, as intake records it (the bytes themselves are not needed here). */
function addFile(caseId: number, name: string, sha: string): number {
  ctx.db
    .prepare(
      `INSERT INTO files(sha256, size, format, mime, page_count, first_name, stored_path, created_at) VALUES (?, 100, 'png', 'image/png', 1, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING`,
    )
    .run(sha, name, `originals/${sha}.png`, new Date().toISOString());
  const fileId = ctx.db.prepare(`SELECT id FROM files WHERE sha256 = ?`).pluck().get(sha) as number;
  ctx.db
    .prepare(`INSERT INTO case_files(case_id, file_id, original_name, added_at, added_by) VALUES (?, ?, ?, ?, 't')`)
    .run(caseId, fileId, name, new Date().toISOString());
  return fileId;
}

/** Documents as extraction stores them in case_documents, one file per document. */
function addDocuments(caseId: number, docs: CaseDocumentInput[]): void {
  const stmt = ctx.db.prepare(
    `INSERT INTO case_documents(case_id, file_id, seq, type, type_confidence, type_source, pages, fields, updated_at) VALUES (?, ?, 0, ?, ?, 'ocr', ?, ?, ?)`,
  );
  for (const d of docs) {
    const sha = (d.document.type + (d.fileSha256 ?? ''))
      .padEnd(64, '0')
      .slice(0, 64)
      .replace(/[^0-9a-f]/g, 'a');
    const fileId = addFile(caseId, `${d.document.type}.png`, sha);
    stmt.run(
      caseId,
      fileId,
      d.document.type,
      d.document.typeConfidence,
      JSON.stringify(d.document.pages),
      JSON.stringify(d.document.fields),
      new Date().toISOString(),
    );
  }
}

beforeEach(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-checks-'));
  ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
  await importParticipantsCsv(ctx, Buffer.from(participantsCsv([PARTICIPANT, STRANGER])), { actor: 't', fileName: 'p.csv' });
  officer = await callerAs(ctx, 'officer');
  admin = await callerAs(ctx, 'admin');
});
afterEach(async () => {
  await ctx.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('checks.run and checks.get', () => {
  it('runs the engine on stored documents, stores one case_flags row per flag, and reads them back', async () => {
    const c = createCase(
      ctx,
      { claimType: 'JKK', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-01', notes: '' },
      { now: new Date('2026-10-20T03:00:00Z') },
    );
    const clean = cleanJkk();
    // One problem: the doctor's certificate names someone else.
    const docs = clean.documents.map((d) =>
      d.document.type === 'surat_dokter'
        ? { ...d, document: { ...d.document, fields: { ...d.document.fields, nama: { ...d.document.fields.nama!, value: 'SITI HALIMAH' } } } }
        : d,
    );
    addDocuments(c.id, docs);
    const api = officer;
    const res = await api('checks.run', { caseId: c.id, facts: clean.facts });
    expect(res.ok).toBe(true);
    const run = (res as { value: CaseChecksOutput }).value;
    const blockers = run.flags.filter((f) => f.severity === 'blocker');
    expect(blockers.map((f) => f.rule)).toEqual(['identity.name_mismatch']);
    expect(run.checklist.find((e) => e.type === 'form_kk1')).toEqual({ type: 'form_kk1', required: true, present: true });
    expect(run.payBy).toBe('2026-10-29');
    expect(await api('checks.facts', { caseId: c.id })).toMatchObject({ ok: true, value: { facts: clean.facts } });
    const stored = ctx.db.prepare('SELECT count(*) FROM case_flags WHERE case_id = ?').pluck().get(c.id);
    expect(stored).toBe(run.flags.length);
    const got = await api('checks.get', { caseId: c.id });
    expect(got).toMatchObject({ ok: true, value: { flags: run.flags, checklist: run.checklist } });
    // Re-running replaces the flags instead of adding to them.
    await api('checks.run', { caseId: c.id });
    expect(ctx.db.prepare('SELECT count(*) FROM case_flags WHERE case_id = ?').pluck().get(c.id)).toBe(run.flags.length);
  });

  it('finds duplicates, shared accounts and missing documents from the database', async () => {
    const first = createCase(ctx, { claimType: 'JKK', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-01', notes: '' });
    const second = createCase(ctx, { claimType: 'JKK', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-01', notes: '' });
    const docs = cleanJkk()
      .documents.filter((d) => d.document.type !== 'form_kk2')
      .map((d) =>
        d.document.type === 'buku_tabungan'
          ? {
              ...d,
              document: {
                ...d.document,
                fields: { ...d.document.fields, nomor_rekening: { ...d.document.fields.nomor_rekening!, value: STRANGER.nomor_rekening! } },
              },
            }
          : d,
      );
    addDocuments(second.id, docs);
    const api = officer;
    const res = (await api('checks.run', { caseId: second.id })) as { ok: true; value: CaseChecksOutput };
    const rules = res.value.flags.filter((f) => f.severity !== 'info').map((f) => f.rule);
    expect(rules).toContain('claim.duplicate');
    expect(rules).toContain('documents.missing_required');
    const holder = res.value.flags.find((f) => f.rule === 'fraud.shared_bank_account');
    expect(holder?.evidence.details).toMatchObject({ otherKpj: STRANGER.nomor_kpj });
    expect(first.id).not.toBe(second.id);
  });

  it("flags the same file in another participant's case", async () => {
    const mine = createCase(ctx, { claimType: 'JKK', kpj: PARTICIPANT.nomor_kpj, incidentDate: '2026-10-01', notes: '' });
    const theirs = createCase(ctx, { claimType: 'JKM', kpj: STRANGER.nomor_kpj, incidentDate: '2026-10-01', notes: '' });
    addDocuments(mine.id, cleanJkk().documents);
    const sha = 'f'.repeat(64);
    addFile(mine.id, 'ktp-scan.png', sha);
    addFile(theirs.id, 'ktp-copy.png', sha);
    const res = (await officer('checks.run', { caseId: mine.id })) as { ok: true; value: CaseChecksOutput };
    const reused = res.value.flags.filter((f) => f.rule === 'fraud.document_reused');
    expect(reused).toHaveLength(1);
    expect(reused[0]?.evidence.details).toMatchObject({ otherReference: theirs.reference, otherKpj: STRANGER.nomor_kpj });
  });

  it('rejects an unknown case and bad input with clear errors', async () => {
    const api = officer;
    expect(await api('checks.run', { caseId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api('checks.run', { caseId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('imports from the Settings upload, lists history and serves the requirement table', async () => {
    const api = admin;
    const csv = participantsCsv([{ ...STRANGER, nomor_kpj: '23000000002', nama: 'HENDRA W.' }]) + 'bad,row\n';
    const res = await api('participants.import', { csvText: csv, fileName: 'upload.csv' });
    expect(res).toMatchObject({ ok: true, value: { inserted: 1, errors: [{ line: 3 }] } });
    const hist = await api('participants.importHistory', {});
    expect(hist).toMatchObject({
      ok: true,
      value: {
        imports: [
          { fileName: 'upload.csv', inserted: 1, errorCount: 1 },
          { fileName: 'p.csv', inserted: 2 },
        ],
      },
    });
    const req = (await api('requirements.get', { claimType: 'JKM' })) as {
      ok: true;
      value: { version: string; claimTypes: Record<string, { items: { id: string; sources: string[] }[] }> };
    };
    expect(Object.keys(req.value.claimTypes)).toEqual(['JKM']);
    expect(req.value.claimTypes.JKM!.items.map((i) => i.id)).toContain('marriage_book');
    expect(req.value.claimTypes.JKM!.items.every((i) => i.sources.length > 0)).toBe(true);
    const cfg = await api('checks.config', {});
    expect(cfg).toMatchObject({ ok: true, value: { params: { npwpThresholdRupiah: { value: 50000000 } } } });
  });

  it('applies a local override of the rules configuration from settings', async () => {
    ctx.db
      .prepare(`INSERT INTO settings(key, value) VALUES ('rules.config', ?)`)
      .run(JSON.stringify({ params: { jkkClaimDeadlineYears: { value: 5, source: 'Permenaker 1/2025 confirmed by the branch' } } }));
    const api = officer;
    expect(await api('checks.config', {})).toMatchObject({ ok: true, value: { params: { jkkClaimDeadlineYears: { value: 5 } } } });
  });
});
