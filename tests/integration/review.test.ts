// The review workflow through the dispatcher, as a transport calls it (a session per window): routing on
// submit, four-eyes, decisions and their notes, frozen cases, reopening, corrections beside OCR values,
// warnings dismissed with a reason, and two supervisors deciding at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendContext } from '../../src/main/context';
import { createDispatcher, type Dispatch } from '../../src/main/dispatch';
import type { CaseDetail } from '../../src/shared/api/methods-cases';
import type { CaseReview } from '../../src/shared/api/methods-review';
import type { CaseInput } from '../../src/shared/rules/input';
import { importPeople, storeDocuments } from '../helpers/dossiers';
import { createAccounts, signedIn, SYSTEM, valueOf, type Account, type Session } from '../helpers/sessions';
import { tempContext } from '../helpers/temp-home';
import { PARTICIPANT, cleanJht, cleanJkm, setField } from '../unit/rules/builders';
import { storeOptions } from '../helpers/store';

let ctx: BackendContext;
let dispatch: Dispatch;
let cleanup: () => Promise<void>;
let accounts: Record<string, Account>;
let officer: Session;
let rina: Session;
let sari: Session;
let admin: Session;

beforeEach(async () => {
  const t = tempContext('browser');
  ctx = t.ctx;
  cleanup = t.cleanup;
  dispatch = createDispatcher(ctx, () => undefined);
  await importPeople(ctx, [PARTICIPANT]);
  accounts = await createAccounts(ctx, [
    { username: 'budi', role: 'officer' },
    { username: 'rina', role: 'supervisor' },
    { username: 'sari', role: 'supervisor' },
    { username: 'adi', role: 'admin' },
  ]);
  officer = await signedIn(dispatch, accounts.budi!);
  rina = await signedIn(dispatch, accounts.rina!);
  sari = await signedIn(dispatch, accounts.sari!);
  admin = await signedIn(dispatch, accounts.adi!);
});
afterEach(async () => cleanup());

/** A case opened by `who` with the dossier's documents stored as extraction stores them. */
async function caseWith(who: Session, dossier: CaseInput, incidentDate?: string): Promise<{ id: number; docs: number[] }> {
  const c = valueOf<CaseDetail>(
    await who.call('cases.create', { claimType: dossier.claimType, kpj: PARTICIPANT.nomor_kpj, ...(incidentDate ? { incidentDate } : {}) }),
  );
  const docs = storeDocuments(ctx, c.id, dossier.documents);
  valueOf(await who.call('checks.run', { caseId: c.id, facts: dossier.facts }));
  return { id: c.id, docs };
}

const detail = async (s: Session, id: number): Promise<CaseDetail> => valueOf<CaseDetail>(await s.call('cases.get', { id }));
const submit = async (s: Session, id: number, note = ''): Promise<CaseDetail> =>
  valueOf<CaseDetail>(await s.call('cases.submit', { caseId: id, version: (await detail(s, id)).version, note }));
const review = async (s: Session, id: number): Promise<CaseReview> => valueOf<CaseReview>(await s.call('cases.review', { caseId: id }));
const blockerKeys = async (s: Session, id: number): Promise<string[]> => (await review(s, id)).flags.filter((f) => f.severity === 'blocker').map((f) => f.key);

describe('routing on submit', () => {
  it('approves a JHT case whose every check ran and passed on the officer’s submit, recording the policy as the decider', async () => {
    const c = await caseWith(officer, cleanJht());
    const done = await submit(officer, c.id, 'semua cocok');
    expect(done).toMatchObject({
      status: 'approved',
      flagCount: 0,
      unjudgedCount: 0,
      lastDecision: { kind: 'auto_approve' },
      submittedBy: 'budi',
      submitNote: 'semua cocok',
    });
    expect(done.history.map((h) => h.action)).toEqual(expect.arrayContaining(['cases.submit', 'cases.autoApprove']));
  });

  it('sends every JKM and JKK case to a supervisor by default, and follows the administrator’s policy', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    expect((await submit(officer, c.id)).status).toBe('awaiting_supervisor');
    valueOf(await admin.call('settings.update', { review: { autoApprove: { JKM: true } } }));
    const again = await caseWith(officer, cleanJkm(), '2026-10-05');
    // The first JKM case of the same participant is now a duplicate claim: a blocker, so still a supervisor's.
    expect((await submit(officer, again.id)).status).toBe('awaiting_supervisor');
    const settings = valueOf<{ review: { autoApprove: Record<string, boolean> } }>(await officer.call('settings.get', {}));
    expect(settings.review.autoApprove).toEqual({ JHT: true, BEASISWA: true, JKK: false, JKM: true });
  });

  it('never approves a case with a rule that could not be judged: no participant, nothing read', async () => {
    const created = valueOf<CaseDetail>(await officer.call('cases.create', { claimType: 'JHT' }));
    const done = await submit(officer, created.id);
    expect(done.status).toBe('awaiting_supervisor');
    expect(done.unjudgedCount).toBeGreaterThan(0);
    expect((await review(rina, created.id)).unjudged).toContain('participant');
  });

  it('refuses to submit while pages are still being read, and a stale version', async () => {
    const c = await caseWith(officer, cleanJht());
    const fileId = ctx.db.prepare(`SELECT file_id FROM case_files WHERE case_id = ? LIMIT 1`).pluck().get(c.id) as number;
    ctx.db.prepare(`INSERT INTO page_ocr(file_id, page, state, updated_at) VALUES (?, 1, 'pending', ?)`).run(fileId, new Date().toISOString());
    const v = (await detail(officer, c.id)).version;
    expect(await officer.call('cases.submit', { caseId: c.id, version: v })).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'ocr_running' } },
    });
    ctx.db.prepare(`UPDATE page_ocr SET state = 'done' WHERE file_id = ?`).run(fileId);
    expect(await officer.call('cases.submit', { caseId: c.id, version: v + 5 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'stale' } },
    });
    expect((await detail(officer, c.id)).status).toBe('draft');
  });
});

describe('warnings dismissed with a reason', () => {
  it('lets an officer set a warning aside with a reason the supervisor sees, never a blocker; the case still goes to a supervisor', async () => {
    const dossier = setField(cleanJht(), 'ktp', 'nama', 'SITI HALIMAH');
    const c = await caseWith(officer, dossier);
    const flags = (await review(officer, c.id)).flags;
    const warning = flags.find((f) => f.severity === 'warning')!;
    expect(warning.rule).toBe('identity.name_mismatch');
    expect(await officer.call('flags.dismiss', { caseId: c.id, flagKey: warning.key, reason: 'ok' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    valueOf(await officer.call('flags.dismiss', { caseId: c.id, flagKey: warning.key, reason: 'Nama kecil di KTP lama; NIK sama' }));
    expect(await submit(officer, c.id)).toMatchObject({ status: 'awaiting_supervisor' });
    const seen = (await review(rina, c.id)).flags.find((f) => f.key === warning.key)!;
    expect(seen.dismissal).toMatchObject({ by: 'budi', reason: 'Nama kecil di KTP lama; NIK sama' });

    const blocked = await caseWith(officer, setField(cleanJht(), 'ktp', 'nik', '1571024506880099'));
    const blocker = (await review(officer, blocked.id)).flags.find((f) => f.severity === 'blocker')!;
    expect(await officer.call('flags.dismiss', { caseId: blocked.id, flagKey: blocker.key, reason: 'saya yakin benar' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', params: { reason: 'not_warning' } },
    });
    expect(ctx.db.prepare(`SELECT count(*) FROM flag_dismissals WHERE case_id = ?`).pluck().get(blocked.id)).toBe(0);
  });
});

describe('four-eyes', () => {
  it('refuses a supervisor who edited, submitted or created the case, audits the attempt, and lets another supervisor decide', async () => {
    const c = await caseWith(officer, setField(cleanJht(), 'ktp', 'nik', '1571024506880099'));
    // Rina corrects a field, then the officer submits: Rina worked on the case.
    valueOf(await rina.call('extraction.setField', { documentId: c.docs[1], key: 'tempat_lahir', value: 'KOTA JAMBI' }));
    await submit(officer, c.id, 'NIK KTP berbeda satu angka');
    const d = await detail(rina, c.id);
    expect(d.you).toEqual({ worked: true, mayDecide: false, why: 'four_eyes' });
    expect(d.workedBy).toEqual(['budi', 'rina']);
    const refused = await rina.call('cases.decide', {
      caseId: c.id,
      version: d.version,
      decision: 'reject',
      note: 'NIK palsu',
      reasonCode: 'identity_mismatch',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'four_eyes' } } });
    expect((await detail(sari, c.id)).status).toBe('awaiting_supervisor');
    const attempt = ctx.db.prepare(`SELECT actor, detail FROM audit_log WHERE action = 'refused' AND case_id = ?`).get(c.id) as {
      actor: string;
      detail: string;
    };
    expect(attempt.actor).toBe('rina');
    expect(JSON.parse(attempt.detail)).toMatchObject({ method: 'cases.decide', reason: 'four_eyes' });

    // A supervisor who opened and submitted a case of their own cannot approve it either.
    const own = await caseWith(sari, cleanJkm(), '2026-10-05');
    await submit(sari, own.id);
    const mine = await detail(sari, own.id);
    expect(await sari.call('cases.decide', { caseId: own.id, version: mine.version, decision: 'approve', note: 'ok' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'four_eyes' } },
    });

    // Sari did not touch the first case: she decides it.
    const decided = valueOf<CaseDetail>(
      await sari.call('cases.decide', {
        caseId: c.id,
        version: d.version,
        decision: 'approve',
        note: 'Dicek ke Dukcapil: salah cetak',
        acknowledged: await blockerKeys(sari, c.id),
      }),
    );
    expect(decided).toMatchObject({ status: 'approved', lastDecision: { kind: 'approve', decidedBy: 'sari', note: 'Dicek ke Dukcapil: salah cetak' } });
  });

  it('refuses decisions from officers, administrators and the command line', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    const d = await submit(officer, c.id);
    const input = { caseId: c.id, version: d.version, decision: 'approve', note: 'ok' };
    expect(await officer.call('cases.decide', input)).toMatchObject({ ok: false, error: { code: 'forbidden', params: { reason: 'role' } } });
    expect(await admin.call('cases.decide', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('cases.decide', input, SYSTEM)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await detail(rina, c.id)).status).toBe('awaiting_supervisor');
  });
});

describe('decisions', () => {
  it('needs a note for every decision, a reason code to reject, items to return, and every blocker acknowledged to approve', async () => {
    const c = await caseWith(officer, setField(cleanJkm(), 'akta_kematian', 'nik', '1571024506880099'), '2026-10-05');
    const d = await submit(officer, c.id);
    const base = { caseId: c.id, version: d.version };
    expect(await rina.call('cases.decide', { ...base, decision: 'approve', note: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await rina.call('cases.decide', { ...base, decision: 'reject', note: 'tidak sah' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'reason_code_required' } },
    });
    expect(await rina.call('cases.decide', { ...base, decision: 'return', note: 'perbaiki', items: ['KK'] })).toMatchObject({
      ok: false,
      error: { params: { reason: 'return_reason_required' } },
    });
    expect(await rina.call('cases.decide', { ...base, decision: 'return', note: 'perbaiki', returnReason: 'documents_missing' })).toMatchObject({
      ok: false,
      error: { params: { reason: 'items_required' } },
    });
    const keys = await blockerKeys(rina, c.id);
    expect(keys.length).toBeGreaterThan(0);
    expect(await rina.call('cases.decide', { ...base, decision: 'approve', note: 'ok', acknowledged: keys.slice(1) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { reason: 'unacknowledged', count: 1 } },
    });
    expect(await detail(rina, c.id)).toMatchObject({ status: 'awaiting_supervisor', version: d.version });
    const returned = valueOf<CaseDetail>(
      await rina.call('cases.decide', {
        ...base,
        decision: 'return',
        returnReason: 'data_mismatch',
        note: 'NIK akta berbeda',
        items: ['Periksa NIK pada akta kematian'],
      }),
    );
    expect(returned).toMatchObject({
      status: 'returned',
      lastDecision: { kind: 'return', reasonCode: 'data_mismatch', items: ['Periksa NIK pada akta kematian'] },
    });
    // A decision on a case in the wrong state, and the same request replayed, are refused.
    expect(await rina.call('cases.decide', { ...base, decision: 'return', returnReason: 'other', note: 'lagi', items: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await rina.call('cases.decide', { ...base, version: returned.version, decision: 'approve', note: 'ok' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'status' } },
    });
  });

  it('lets exactly one of two supervisors deciding at once win; the other is told the case changed', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    const d = await submit(officer, c.id);
    const [a, b] = await Promise.all([
      rina.call('cases.decide', { caseId: c.id, version: d.version, decision: 'approve', note: 'lengkap' }),
      sari.call('cases.decide', { caseId: c.id, version: d.version, decision: 'reject', note: 'tidak', reasonCode: 'other' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ctx.db.prepare(`SELECT count(*) FROM case_decisions WHERE case_id = ? AND kind IN ('approve','reject')`).pluck().get(c.id)).toBe(1);
  });

  it('two desks on one data folder (two back ends, two connections): one decision wins', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    const d = await submit(officer, c.id);
    const other = new BackendContext({ home: ctx.home, transport: 'browser', ...storeOptions(ctx.home) });
    try {
      const desk2 = createDispatcher(other, () => undefined);
      const sariThere = await signedIn(desk2, accounts.sari!);
      const results = await Promise.all([
        rina.call('cases.decide', { caseId: c.id, version: d.version, decision: 'approve', note: 'lengkap' }),
        sariThere.call('cases.decide', {
          caseId: c.id,
          version: d.version,
          decision: 'return',
          returnReason: 'documents_missing',
          note: 'kurang',
          items: ['KK'],
        }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      await other.close();
    }
  });
});

describe('decided cases are frozen', () => {
  it('refuses every change to an approved case and leaves it exactly as decided; a reopen with a reason is the way back', async () => {
    const c = await caseWith(officer, cleanJht());
    await submit(officer, c.id);
    const snapshot = (): string =>
      JSON.stringify(
        ['cases', 'case_documents', 'case_flags', 'case_files', 'case_facts', 'flag_dismissals', 'case_checks'].map((t) =>
          ctx.db.prepare(`SELECT * FROM ${t} ${t === 'cases' ? 'WHERE id' : 'WHERE case_id'} = ?`).all(c.id),
        ),
      );
    const before = snapshot();
    const flags = (await review(officer, c.id)).flags;
    const attempts: [string, unknown][] = [
      ['extraction.setField', { documentId: c.docs[0], key: 'nama', value: 'ORANG LAIN' }],
      ['extraction.setType', { documentId: c.docs[0], type: 'npwp' }],
      ['extraction.run', { caseId: c.id }],
      ['documents.add', { caseId: c.id, files: [{ name: 'baru.png', contentBase64: Buffer.from('x').toString('base64') }] }],
      ['documents.retryOcr', { caseId: c.id }],
      ['documents.cancelOcr', { caseId: c.id }],
      ['checks.run', { caseId: c.id }],
      ['checks.run', { caseId: c.id, facts: { benefitAmount: 99_000_000 } }],
      ['flags.dismiss', { caseId: c.id, flagKey: flags[0]?.key ?? 'x', reason: 'tidak relevan' }],
      ['cases.submit', { caseId: c.id, version: (await detail(officer, c.id)).version }],
    ];
    for (const [method, input] of attempts) {
      const res = await officer.call(method, input);
      expect(res.ok, method).toBe(false);
      if (!res.ok) expect(res.error.code, method).toBe('conflict');
    }
    expect(await officer.call('extraction.setField', { documentId: c.docs[0], key: 'nama', value: 'ORANG LAIN' })).toMatchObject({
      error: { params: { reason: 'frozen' } },
    });
    expect(snapshot()).toBe(before);

    const approved = await detail(rina, c.id);
    expect(await officer.call('cases.reopen', { caseId: c.id, version: approved.version, reason: 'salah' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await rina.call('cases.reopen', { caseId: c.id, version: approved.version, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const reopened = valueOf<CaseDetail>(
      await rina.call('cases.reopen', { caseId: c.id, version: approved.version, reason: 'Rekening ternyata dibekukan bank' }),
    );
    expect(reopened).toMatchObject({
      status: 'returned',
      editable: true,
      lastDecision: { kind: 'reopen', note: 'Rekening ternyata dibekukan bank', decidedBy: 'rina' },
    });
    valueOf(await officer.call('extraction.setField', { documentId: c.docs[0], key: 'nama', value: 'SITI AMINAH' }));
    expect(await rina.call('cases.reopen', { caseId: c.id, version: reopened.version, reason: 'lagi' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('also locks a case while it awaits a decision', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    await submit(officer, c.id);
    expect(await officer.call('extraction.setField', { documentId: c.docs[0], key: 'nama', value: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', params: { reason: 'awaiting' } },
    });
  });
});

describe('what the supervisor sees', () => {
  it('shows each officer correction beside the value OCR read, with the note, and the officer’s submit note', async () => {
    const c = await caseWith(officer, cleanJkm(), '2026-10-05');
    const ktpId = c.docs[1]!;
    valueOf(await officer.call('extraction.setField', { documentId: ktpId, key: 'nama', value: 'SITI AMINA', note: 'salah ketik' }));
    valueOf(await officer.call('extraction.setField', { documentId: ktpId, key: 'nama', value: 'SITI AMINAH' }));
    valueOf(await officer.call('extraction.setField', { documentId: ktpId, key: 'tempat_lahir', value: 'KOTA JAMBI' }));
    // Confirming a value as read is no correction.
    valueOf(await officer.call('extraction.setField', { documentId: ktpId, key: 'jenis_kelamin', value: 'P' }));
    await submit(officer, c.id, 'Akta asli sudah dilihat');
    const r = await review(rina, c.id);
    expect(r.submission).toMatchObject({ by: 'budi', note: 'Akta asli sudah dilihat' });
    expect(r.corrections.map((x) => [x.field, x.ocrValue, x.officerValue, x.by])).toEqual([['tempat_lahir', 'JAMBI', 'KOTA JAMBI', 'budi']]);
    const field = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'extraction.setField' ORDER BY id LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(field)).toMatchObject({
      key: 'nama',
      old: { value: 'SITI AMINAH', source: 'ocr' },
      new: 'SITI AMINA',
      why: 'corrected',
      note: 'salah ketik',
    });
    // The queue shows who submitted it and when.
    const queue = valueOf<{ cases: CaseDetail[] }>(await rina.call('cases.list', { status: ['awaiting_supervisor'] }));
    expect(queue.cases.find((q) => q.id === c.id)).toMatchObject({ submittedBy: 'budi', submittedAt: expect.any(String) });
  });
});
