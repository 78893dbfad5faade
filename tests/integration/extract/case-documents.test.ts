// Case-side extraction on a real database with real OCR: run, list, officer type correction (fields are
// re-extracted), officer field correction (validated; survives re-extraction), events and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src/shared/api/events';
import type { CaseDocument } from '../../../src/shared/api/methods-extraction';
import { BackendContext } from '../../../src/main/context';
import { callerAs, type Session } from '../../helpers/sessions';
import { addFilesToCase } from '../../../src/main/intake/intake';
import { startCaseOcr } from '../../../src/main/ocr/case-ocr';
import { createCase } from '../../../src/main/services/cases';
import { extractCase, listCaseDocuments, setField } from '../../../src/main/extraction/case-documents';
import { extractCaseOffThread } from '../../../src/main/extraction/extractor';
import { generateDossier, type GeneratedFile } from '../../../tools/synth/index';
import { tempDir } from '../../helpers/temp-home';
import { storeOptions } from '../../helpers/store';

let ctx: BackendContext;
let cleanup: () => void;
let caseId: number;
let file: GeneratedFile;
const events: AppEvent[] = [];

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  ctx = new BackendContext({ home: t.dir, transport: 'cli', ...storeOptions(t.dir) });
  officer = await callerAs(ctx, 'officer');
  ctx.events.subscribe((e) => events.push(e));
  const d = await generateDossier(777, { claimType: 'JHT', degradations: ['clean'], otherPages: false });
  // The first file holds the participant card and the KTP.
  file = d.files[0] as GeneratedFile;
  caseId = createCase(ctx, { claimType: 'JHT', notes: '' }).id;
  await addFilesToCase(ctx, caseId, [{ name: file.name, bytes: Buffer.from(file.bytes) }]);
  await startCaseOcr(ctx, caseId);
}, 240_000);

afterAll(async () => {
  await ctx.close();
  cleanup();
});

let officer: Session['call'];
const call = async <T>(method: string, input: unknown): Promise<T> => {
  const res = await officer(method, input);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
};

describe('case documents', () => {
  let docs: CaseDocument[];

  it('extraction.run stores the documents of the case and announces the change', async () => {
    events.length = 0;
    const r = await call<{ documents: CaseDocument[]; pendingPages: number }>('extraction.run', { caseId });
    docs = r.documents;
    expect(r.pendingPages).toBe(0);
    expect(docs.map((d) => d.type)).toEqual(file.truth.documents.map((d) => d.type));
    expect(docs.every((d) => d.caseId === caseId && d.fileName === file.name && d.typeSource === 'ocr')).toBe(true);
    expect(events.some((e) => e.name === 'case.changed')).toBe(true);
    const listed = await call<{ documents: CaseDocument[] }>('extraction.list', { caseId });
    expect(listed.documents).toEqual(docs);
  });

  it('refuses a value that does not fit the field and leaves the saved document unchanged', async () => {
    const ktp = docs.find((d) => d.type === 'ktp') ?? docs[0]!;
    const res = await officer('extraction.setField', { documentId: ktp.id, key: 'nik', value: '1234' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('invalid_input');
    const unknownKey = await officer('extraction.setField', { documentId: ktp.id, key: 'nomor_rekening', value: '123' });
    expect(unknownKey.ok).toBe(false);
    const missing = await officer('extraction.setType', { documentId: 99999, type: 'ktp' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    const after = await call<{ documents: CaseDocument[] }>('extraction.list', { caseId });
    expect(after.documents).toEqual(docs);
  });

  it('keeps an officer-keyed value (normalised) through re-extraction', async () => {
    const first = docs[0]!;
    const key = first.type === 'ktp' ? 'tanggal_lahir' : 'tanggal_lahir';
    const updated = await call<CaseDocument>('extraction.setField', { documentId: first.id, key, value: '5 Juni 1988' });
    expect(updated.fields[key]).toMatchObject({ value: '1988-06-05', source: 'officer', confidence: 1 });
    const rerun = await call<{ documents: CaseDocument[] }>('extraction.run', { caseId });
    expect(rerun.documents[0]?.fields[key]).toMatchObject({ value: '1988-06-05', source: 'officer' });
  });

  it('refuses a save made against a value the field no longer holds, and keeps the newer one', async () => {
    const first = (await call<{ documents: CaseDocument[] }>('extraction.list', { caseId })).documents[0]!;
    const stored = first.fields.tanggal_lahir?.value ?? null;
    expect(stored).toBe('1988-06-05');
    // A desk that saw the field before the last save (cut off meanwhile, say) sends its value late.
    const late = await officer('extraction.setField', { documentId: first.id, key: 'tanggal_lahir', value: '01-01-1990', expected: { value: '1970-02-02' } });
    expect(late.ok ? null : late.error).toMatchObject({ code: 'conflict', params: { key: 'tanggal_lahir', reason: 'changed_elsewhere' } });
    const after = await call<{ documents: CaseDocument[] }>('extraction.list', { caseId });
    expect(after.documents[0]?.fields.tanggal_lahir?.value).toBe('1988-06-05');
    // Against the value it holds, the save goes through.
    const onTime = await call<CaseDocument>('extraction.setField', {
      documentId: first.id,
      key: 'tanggal_lahir',
      value: '01-01-1990',
      expected: { value: stored },
    });
    expect(onTime.fields.tanggal_lahir).toMatchObject({ value: '1990-01-01', source: 'officer' });
  });

  it('an officer type correction re-extracts the fields and survives re-extraction', async () => {
    const target = (await call<{ documents: CaseDocument[] }>('extraction.list', { caseId })).documents.at(-1)!;
    const retyped = await call<CaseDocument>('extraction.setType', { documentId: target.id, type: 'npwp' });
    expect(retyped).toMatchObject({ type: 'npwp', typeSource: 'officer', typeConfidence: 1 });
    expect(Object.keys(retyped.fields).sort()).toEqual(['nama', 'nik', 'nomor_npwp']);
    const rerun = await call<{ documents: CaseDocument[] }>('extraction.run', { caseId });
    const again = rerun.documents.find((d) => d.pages[0] === target.pages[0]);
    expect(again).toMatchObject({ type: 'npwp', typeSource: 'officer' });
  });
});

describe('extraction in its thread', () => {
  it('stores what the thread found, and keeps a correction saved while the thread worked', async () => {
    const sync = extractCase(ctx, caseId).documents;
    const doc = sync.find((d) => d.type === 'ktp') ?? (sync[0] as CaseDocument);
    const key = Object.keys(doc.fields)[0] as string;
    // The officer saves a correction right after the extraction started: the thread's result, computed
    // from the documents as they were, must not overwrite it.
    const running = extractCaseOffThread(ctx, caseId);
    setField(ctx, doc.id, key, null, 'petugas');
    expect(await running).toBe(true);
    const after = listCaseDocuments(ctx, caseId);
    expect(after.map((d) => d.id)).toEqual(sync.map((d) => d.id));
    expect(after.find((d) => d.id === doc.id)?.fields[key]).toMatchObject({ value: null, source: 'officer' });
    expect(after.map((d) => d.type)).toEqual(sync.map((d) => d.type));
  });

  it('stores nothing for a case that may no longer change, and otherwise what extraction here stores', async () => {
    ctx.db.prepare('DELETE FROM case_documents WHERE case_id = ?').run(caseId);
    expect(await extractCaseOffThread(ctx, caseId, () => false)).toBe(false);
    expect(listCaseDocuments(ctx, caseId)).toEqual([]);
    expect(await extractCaseOffThread(ctx, caseId)).toBe(true);
    const threaded = listCaseDocuments(ctx, caseId);
    expect(threaded.length).toBeGreaterThan(0);
    const here = extractCase(ctx, caseId).documents;
    expect(here.map((d) => [d.id, d.type, d.fields])).toEqual(threaded.map((d) => [d.id, d.type, d.fields]));
  });
});
