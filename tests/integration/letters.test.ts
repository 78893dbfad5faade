// The participant letter (issue 15): made from the case as it stands, it names exactly the documents
// the checks found missing, lists what was received, says where and by when from the branch's settings,
// never shows a rule id, reads the same for the same situation, and is kept with the case and its history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCaseChecks } from '../../src/main/checks/case-checks';
import { activeRequirementTable } from '../../src/main/checks/config-store';
import { insertParticipants } from '../../src/main/demo/seed';
import { addFilesToCase } from '../../src/main/intake/intake';
import { startCaseOcr } from '../../src/main/ocr/case-ocr';
import { processCase } from '../../src/main/services/case-processor';
import { createCase } from '../../src/main/services/cases';
import { generateDossier } from '../../tools/synth/index';
import { callerAs } from '../helpers/sessions';
import { contextPerTest } from '../helpers/temp-home';

const context = contextPerTest(beforeEach, afterEach);

/** The text of a PDF, page by page, as a reader of it sees it. */
async function pdfText(base64: string): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), isEvalSupported: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    lines.push(content.items.map((i) => ('str' in i ? i.str : '')).join('\n'));
  }
  await doc.destroy();
  return lines.join('\n');
}

describe('the participant letter', () => {
  it('names exactly the missing documents, what was received, and where and by when, in both languages', async () => {
    const ctx = context();
    const dossier = await generateDossier(321, { claimType: 'JKK', degradations: ['clean'], otherPages: false });
    insertParticipants(ctx, [dossier.participant]);
    const c = createCase(ctx, { claimType: 'JKK', kpj: dossier.participant.nomor_kpj, incidentDate: '2026-10-01', notes: '' });
    const card = dossier.files.find((f) => f.truth.documents.some((d) => d.type === 'kartu_peserta'))!;
    await addFilesToCase(ctx, c.id, [{ name: card.name, bytes: Buffer.from(card.bytes) }]);
    await startCaseOcr(ctx, c.id);
    await processCase(ctx, c.id, 'pages');

    const admin = await callerAs(ctx, 'admin');
    const set = await admin('settings.update', {
      branch: { name: 'BPJS Ketenagakerjaan Cabang Jambi', address: 'Jl. Contoh No. 1, Jambi', phone: '(0741) 000000', hours: 'Senin–Jumat 08.00–15.00' },
    });
    expect(set.ok).toBe(true);

    // What the checks found missing, as the requirement table names it.
    const items = new Map(activeRequirementTable(ctx).claimTypes.JKK!.items.map((i) => [i.id, i]));
    const missingIds = getCaseChecks(ctx, c.id)
      .flags.filter((f) => f.rule === 'documents.missing_required' && f.severity !== 'info')
      .map((f) => String(f.evidence.details?.item));
    expect(missingIds.length).toBeGreaterThan(0);
    expect(missingIds).not.toContain(undefined);

    const officer = await callerAs(ctx, 'officer');
    const made = await officer('letters.create', { caseId: c.id, lang: 'id' });
    if (!made.ok) throw new Error(made.error.message);
    const letter = made.value as { id: number; lines: string[]; pdfBase64: string; missing: number };
    const text = await pdfText(letter.pdfBase64);

    // The missing list is exactly the checks' missing items, numbered, each with the form to bring.
    const start = letter.lines.indexOf('Dokumen yang masih kurang (mohon dibawa):');
    expect(start).toBeGreaterThan(0);
    const listed = letter.lines.slice(start + 1).filter((l, i, all) => /^\d+\. /.test(l) && all.slice(0, i).every((x) => /^\d+\. /.test(x)));
    expect(listed.map((l) => l.replace(/^\d+\. /, '').replace(/ \([^)]*\)$/, ''))).toEqual(missingIds.map((id) => items.get(id)!.label.id));
    expect(letter.missing).toBe(missingIds.length);
    for (const l of listed) expect(text).toContain(l);
    // Received: the participant card read from the file; the branch, its address and the date to come by.
    expect(text).toContain('kartu peserta');
    expect(text).toContain('BPJS Ketenagakerjaan Cabang Jambi, Jl. Contoh No. 1, Jambi');
    expect(text).toMatch(/paling lambat \d{2}-\d{2}-\d{4}/);
    expect(text).toContain(c.reference);
    // No rule id or internal key reaches the participant.
    expect(text).not.toMatch(/[a-z]+\.[a-z]+_[a-z_]+|missing_required/);

    // The same situation gives the same words; English on request.
    const again = await officer('letters.create', { caseId: c.id, lang: 'id' });
    expect(again.ok && (again.value as { lines: string[] }).lines).toEqual(letter.lines);
    const en = await officer('letters.create', { caseId: c.id, lang: 'en' });
    if (!en.ok) throw new Error(en.error.message);
    const enText = await pdfText((en.value as { pdfBase64: string }).pdfBase64);
    expect(enText).toContain('Documents still missing (please bring them):');
    for (const id of missingIds) expect(enText).toContain(items.get(id)!.label.en);

    // Kept with the case and in its history.
    const list = await officer('letters.list', { caseId: c.id });
    expect(list.ok && (list.value as { letters: unknown[] }).letters).toHaveLength(3);
    const audited = ctx.db.prepare(`SELECT COUNT(*) FROM audit_log WHERE case_id = ? AND action = 'letters.create'`).pluck().get(c.id);
    expect(audited).toBe(3);
    const stored = await officer('letters.get', { id: letter.id });
    expect(stored.ok && (stored.value as { pdfBase64: string }).pdfBase64).toBe(letter.pdfBase64);
  });
});
