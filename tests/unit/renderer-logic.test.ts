// Pure logic of the UI that officers rely on: deep links, how reasons for manual keying and refused values
// are shown, the list editor's draft, and which document of a shared page lies where.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALUE_PROBLEMS } from '../../src/shared/extract/officer-value';
import { reasonCategory } from '../../src/renderer/components/FieldsPanel';
import { en } from '../../src/renderer/i18n/en';
import { id } from '../../src/renderer/i18n/id';
import { errorText } from '../../src/renderer/i18n/index';
import { blankRow, cellKey, fromDraft, missingCells, sameDraft, toDraft } from '../../src/renderer/list-draft';
import { regionAt, regionsOnPage } from '../../src/renderer/page-regions';
import { LIST_FIELDS } from '../../src/shared/domain/lists';
import type { CaseDocument } from '../../src/shared/api/methods-extraction';
import { hrefOf, parseHash } from '../../src/renderer/router';
import { auditText, type AuditWords } from '../../src/renderer/audit-text';
import { contract } from '../../src/shared/api/contract';
import { staleAfter } from '../../src/renderer/api-context';
import { dateTimeText, dmy, dmyInText, parseDmy } from '../../src/renderer/format';
import { newCaseProblems } from '../../src/shared/domain/claims';
import { holidaysText, parseHolidays } from '../../src/renderer/screens/SettingsScreen';
import { lineErrorText } from '../../src/renderer/components/ParticipantImport';

describe('deep links', () => {
  it('round-trips every screen through the address bar', () => {
    for (const route of [
      { screen: 'worklist' },
      { screen: 'case', caseId: 42 },
      { screen: 'participants', query: 'SITI AMINAH' },
      { screen: 'supervisor' },
      { screen: 'requirements' },
      { screen: 'settings' },
      { screen: 'audit' },
      { screen: 'users' },
    ] as const) {
      expect(parseHash(hrefOf(route))).toEqual(route);
    }
  });

  it('falls back safely on links that do not name a real case or screen', () => {
    expect(parseHash('#/case/abc')).toEqual({ screen: 'case', caseId: null });
    expect(parseHash('#/case/-3')).toEqual({ screen: 'case', caseId: null });
    expect(parseHash('#/nowhere')).toEqual({ screen: 'worklist' });
    expect(parseHash('')).toEqual({ screen: 'worklist' });
  });
});

describe('reasons a field is left for keying', () => {
  it('groups the engine codes into the five categories officers see', () => {
    expect(reasonCategory('handwriting')).toBe('handwriting');
    expect(reasonCategory('value_empty')).toBe('missing');
    expect(reasonCategory('low_confidence')).toBe('low_confidence');
    expect(reasonCategory('not_found')).toBe('missing');
    expect(reasonCategory('date_not_found')).toBe('missing');
    expect(reasonCategory('list_empty')).toBe('missing');
    expect(reasonCategory('gender_unreadable')).toBe('unreadable');
    expect(reasonCategory('wrong_length')).toBe('invalid');
    expect(reasonCategory('nik_dob_disagree')).toBe('invalid');
    expect(reasonCategory('choice_not_marked')).toBe('choice');
    expect(reasonCategory('choice_several_marked')).toBe('choice');
    expect(reasonCategory('kondisi_several')).toBe('choice');
  });
});

describe('a keyed value the back end refused', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { id: { translation: id }, en: { translation: en } },
      lng: 'id',
      fallbackLng: 'id',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  });

  it('has words for every problem in both languages', () => {
    for (const problem of VALUE_PROBLEMS) {
      expect(id.errors.value[problem], `id ${problem}`).toBeTruthy();
      expect(en.errors.value[problem], `en ${problem}`).toBeTruthy();
    }
  });

  it('names the list, its row and its column in the reader language, never the raw codes', async () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'ahli_waris entry 2, nik: wrong_length',
      params: { key: 'ahli_waris', problem: 'nik', entry: 2, column: 'nik' },
    };
    await i18next.changeLanguage('id');
    expect(errorText(error)).toBe('Ahli waris baris 2, kolom NIK: NIK harus 16 angka dengan kode wilayah dan tanggal lahir yang sah.');
    await i18next.changeLanguage('en');
    expect(errorText(error)).toBe('Heirs row 2, column NIK: a NIK is 16 digits with a valid region code and birth date.');
    expect(errorText({ code: 'invalid_input', message: 'tanggal_lahir: date_unreadable', params: { key: 'tanggal_lahir', problem: 'date' } })).toMatch(
      /^Date of birth: not a date/,
    );
    expect(
      errorText({
        code: 'invalid_input',
        message: 'anggota entry 1, hubungan: hubungan_unreadable',
        params: { key: 'anggota', problem: 'hubungan', entry: 1, column: 'hubungan' },
      }),
    ).not.toMatch(/anggota|hubungan_|_unreadable/);
  });
});

describe('the list editor draft', () => {
  const heirs = LIST_FIELDS.ahli_waris;

  it('starts from the list read, or from one blank row when nothing was read', () => {
    const read = toDraft(
      [
        { nama: 'SITI', nik: '3174015507900003', hubungan: 'istri' },
        { nama: 'RIZKI', hubungan: 'anak' },
      ],
      heirs,
    );
    expect(read.map((r) => r.cells)).toEqual([
      { nama: 'SITI', nik: '3174015507900003', hubungan: 'istri' },
      { nama: 'RIZKI', nik: '', hubungan: 'anak' },
    ]);
    expect(read.every((r) => r.read)).toBe(true);
    const keyed = toDraft(null, heirs);
    expect(keyed).toHaveLength(1);
    expect(keyed[0]).toMatchObject({ read: false, cells: { nama: '', nik: '', hubungan: '' } });
  });

  it('sends trimmed cells, drops blank rows, and knows which screen row each entry came from', () => {
    const rows = [
      blankRow(heirs),
      { ...blankRow(heirs), cells: { nama: ' SITI ', nik: '', hubungan: 'istri' } },
      blankRow(heirs),
      { ...blankRow(heirs), cells: { nama: 'RIZKI', nik: '1', hubungan: '' } },
    ];
    expect(fromDraft(rows, heirs)).toEqual({
      entries: [
        { nama: 'SITI', hubungan: 'istri' },
        { nama: 'RIZKI', nik: '1' },
      ],
      rowOf: [1, 3],
    });
  });

  it('is unchanged when only blank rows or spaces were added', () => {
    const read = toDraft([{ nama: 'SITI', hubungan: 'istri' }], heirs);
    expect(sameDraft(read, [...read, blankRow(heirs)], heirs)).toBe(true);
    expect(sameDraft(read, [{ ...read[0]!, cells: { ...read[0]!.cells, nama: 'SITI ' } }], heirs)).toBe(true);
    expect(sameDraft(read, [{ ...read[0]!, cells: { ...read[0]!.cells, nama: 'SITA' } }], heirs)).toBe(false);
  });

  it('marks the empty cells of read rows only when the engine said the list needs completing', () => {
    const rows = [...toDraft([{ nama: 'SITI', hubungan: 'istri' }], heirs), blankRow(heirs)];
    expect([...missingCells(rows, heirs, true)]).toEqual([cellKey(0, 'nik')]);
    expect(missingCells(rows, heirs, false).size).toBe(0);
  });
});

describe('documents sharing a page', () => {
  const doc = (id: number, fileId: number, regions?: CaseDocument['regions']): CaseDocument => ({
    id,
    caseId: 1,
    fileId,
    fileName: 'f.png',
    type: 'ktp',
    typeConfidence: 1,
    typeSource: 'ocr',
    pages: [1],
    fields: {},
    updatedAt: '',
    ...(regions ? { regions } : {}),
  });
  const docs = [
    doc(7, 1, [{ page: 1, bbox: [100, 900, 1000, 1500] }]),
    doc(3, 1, [{ page: 1, bbox: [100, 100, 1000, 700] }]),
    doc(9, 1), // alone on its page: no region
    doc(4, 2, [{ page: 1, bbox: [0, 0, 10, 10] }]), // another file
  ];

  it('are the documents of that file and page with a region, top to bottom', () => {
    expect(regionsOnPage(docs, 1, 1).map((r) => r.documentId)).toEqual([3, 7]);
    expect(regionsOnPage(docs, 1, 2)).toEqual([]);
  });

  it('are picked by a point inside their region, the smallest when they nest', () => {
    const regions = [
      ...regionsOnPage(docs, 1, 1),
      { documentId: 11, type: 'kartu_peserta' as const, bbox: [200, 950, 500, 1100] as [number, number, number, number] },
    ];
    expect(regionAt(regions, 500, 300)?.documentId).toBe(3);
    expect(regionAt(regions, 300, 1000)?.documentId).toBe(11);
    expect(regionAt(regions, 900, 1400)?.documentId).toBe(7);
    expect(regionAt(regions, 500, 800)).toBeUndefined();
  });
});

describe('refusals in the reader’s language', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) {
      await i18next.init({
        resources: { id: { translation: id }, en: { translation: en } },
        lng: 'id',
        fallbackLng: 'id',
        interpolation: { escapeValue: false },
        showSupportNotice: false,
      });
    }
  });
  it('every reason the back end gives for a refusal has a sentence in Indonesian and English', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const files = (fs.readdirSync('src/main', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join('src/main', f));
    const given = new Set<string>(['bad_credentials', 'locked', 'disabled', 'same_as_username', 'too_simple']);
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/reason: '([a-z_]+)'/g)) given.add(m[1]!);
    // Not refusals: a field's keying reason, and a verification result the audit screen words itself.
    for (const notRefusal of ['cleared_by_officer', 'truncated']) given.delete(notRefusal);
    for (const reason of given) {
      for (const messages of [id, en]) {
        const errors = messages.errors as unknown as { why: Record<string, string>; file: Record<string, string> };
        expect(errors.why[reason] ?? errors.file[reason], reason).toBeTypeOf('string');
      }
    }
  });

  it('says why in the user’s words, with the parameters filled in', async () => {
    await i18next.changeLanguage('id');
    expect(errorText({ code: 'forbidden', message: 'x', params: { reason: 'four_eyes' } })).toMatch(/supervisor lain yang harus memutuskannya/);
    expect(errorText({ code: 'unauthorized', message: 'x', params: { reason: 'locked', minutes: 15 } })).toMatch(/Coba lagi dalam 15 menit/);
    expect(errorText({ code: 'conflict', message: 'x', params: { reason: 'status', status: 'approved' } })).toBe(
      'Tindakan ini tidak dapat dilakukan pada kasus berstatus Disetujui.',
    );
    await i18next.changeLanguage('en');
    expect(errorText({ code: 'conflict', message: 'x', params: { reason: 'frozen', status: 'approved' } })).toMatch(
      /^This case has been decided and is frozen/,
    );
  });

  it('names each input the contract refused in words, never with the schema’s English', async () => {
    const refused = {
      code: 'invalid_input' as const,
      message: 'Invalid input',
      issues: [
        { path: 'username', message: 'A user name is 2-40 letters, digits, dots, dashes or underscores' },
        { path: 'password', message: 'Too small: expected string to have >=10 characters' },
      ],
    };
    await i18next.changeLanguage('id');
    expect(errorText(refused)).toBe(
      'Masukan tidak valid: Nama pengguna 2–40 karakter: huruf kecil, angka, titik, tanda hubung atau garis bawah, tanpa spasi. Kata sandi minimal 10 karakter.',
    );
    expect(errorText({ code: 'invalid_input', message: 'x', issues: [{ path: 'items.3', message: 'Too big' }] })).toBe(
      'Masukan tidak valid: Setiap butir perbaikan paling banyak 500 karakter.',
    );
    await i18next.changeLanguage('en');
    expect(errorText(refused)).toBe(
      'Invalid input: A user name is 2–40 characters: lower-case letters, digits, dots, dashes or underscores, no spaces. A password has at least 10 characters.',
    );
  });

  it('says any other refused input by its label and the problem’s code, never the schema’s English or a raw path', async () => {
    const kpj = { path: 'kpj', message: 'KPJ must be 11 digits', code: 'invalid_format' };
    const amount = {
      path: 'facts.benefitAmount',
      message: 'Too small: expected number to be >=0',
      code: 'too_small',
      params: { origin: 'number', minimum: 0 },
    };
    const unknown = { path: 'some_new_input', message: 'wrong_length', code: 'a_code_from_a_newer_back_end' };
    await i18next.changeLanguage('id');
    expect(errorText({ code: 'invalid_input', message: 'x', issues: [kpj] })).toBe('Masukan tidak valid: KPJ: bentuknya tidak sesuai.');
    expect(errorText({ code: 'invalid_input', message: 'x', issues: [amount] })).toBe('Masukan tidak valid: Perkiraan manfaat: paling kecil 0.');
    expect(errorText({ code: 'invalid_input', message: 'x', issues: [unknown] })).toBe('Masukan tidak valid: Salah satu isian: tidak sah.');
    // No issues at all, and an error code this screen does not know: a general sentence, never the message.
    expect(errorText({ code: 'invalid_input', message: 'nik: wrong_length' })).toBe('Masukan tidak valid: Salah satu isian: tidak sah.');
    expect(errorText({ code: 'something_new' as 'internal', message: 'Something new happened' })).toBe(
      'Terjadi kesalahan internal. Rinciannya ada di log aplikasi.',
    );
    expect(errorText({ code: 'bad_file', message: 'pdf: bad XRef entry' })).toBe('Berkas rusak atau tidak dapat dibaca.');
    await i18next.changeLanguage('en');
    expect(errorText({ code: 'invalid_input', message: 'x', issues: [kpj, amount] })).toBe(
      'Invalid input: KPJ: is not in the expected form. Expected benefit: at least 0.',
    );
  });

  it('a zod refusal carries its codes and bounds for the screens', async () => {
    const { z } = await import('zod');
    const { issuesOf } = await import('../../src/main/api-error');
    const r = z.object({ kpj: z.string().regex(/^\d{11}$/, 'KPJ must be 11 digits'), note: z.string().max(5) }).safeParse({ kpj: '12', note: 'too long' });
    if (r.success) throw new Error('should be refused');
    expect(issuesOf(r.error)).toEqual([
      { path: 'kpj', message: 'KPJ must be 11 digits', code: 'invalid_format', params: { origin: 'string' } },
      { path: 'note', message: expect.any(String) as string, code: 'too_big', params: { origin: 'string', maximum: 5 } },
    ]);
  });
});

describe('findings in the reader’s language', () => {
  const base = { evidence: {} };
  it('says a name mismatch with why the names differ, in words, and dates as dd-mm-yyyy', async () => {
    const { flagText } = await import('../../src/renderer/flag-text');
    const { matchNames } = await import('../../src/shared/names/index');
    const m = matchNames('BUDI SANTOSO', 'BUDI SANTOSA HARAHAP');
    const flag = {
      rule: 'identity.name_mismatch' as const,
      severity: 'warning' as const,
      message: { id: 'x; skor 0', en: 'x; score 0' },
      params: { docType: 'surat_ahli_waris', docValue: 'BUDI SANTOSO', recordValue: 'BUDI SANTOSA HARAHAP', score: m.score },
      evidence: { details: { score: m.score, reason: m.reason, differences: m.differences } },
    };
    const text = flagText(i18next.getFixedT('id'), 'id', flag);
    expect(text).toContain('Nama pada surat keterangan ahli waris (BUDI SANTOSO) tidak cocok dengan data peserta (BUDI SANTOSA HARAHAP)');
    expect(text).toContain('ada bagian nama tambahan: HARAHAP');
    expect(text).toMatch(/kemiripan \d+%/);
    expect(flagText(i18next.getFixedT('en'), 'en', flag)).toContain('extra name parts: HARAHAP');
    const dob = {
      ...base,
      rule: 'identity.dob_mismatch' as const,
      severity: 'blocker' as const,
      message: { id: '', en: '' },
      params: { docType: 'ktp', docValue: '1988-06-05', recordValue: '1988-05-06' },
    };
    expect(flagText(i18next.getFixedT('id'), 'id', dob)).toBe('Tanggal lahir pada e-KTP (05-06-1988) berbeda dengan data peserta (06-05-1988).');
    // A flag stored before parameters were kept: its stored sentence, dates turned.
    expect(flagText(i18next.getFixedT('en'), 'en', { ...dob, params: undefined, message: { id: '', en: 'Born 1988-06-05.' } })).toBe('Born 05-06-1988.');
  });

  it('says a check that could not run by its title and what it lacks', async () => {
    const { flagText } = await import('../../src/renderer/flag-text');
    const flag = {
      rule: 'npwp.required' as const,
      severity: 'info' as const,
      message: { id: '', en: '' },
      evidence: { missing: ['benefit_amount'] },
    };
    expect(flagText(i18next.getFixedT('id'), 'id', flag)).toBe('Pemeriksaan kewajiban NPWP belum dapat dilakukan: Jumlah manfaat belum ada.');
    expect(flagText(i18next.getFixedT('en'), 'en', flag)).toBe('The NPWP requirement check could not run: Benefit amount not yet supplied.');
  });
});

describe('the audit trail in the reader’s words', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) {
      await i18next.init({
        resources: { id: { translation: id }, en: { translation: en } },
        lng: 'id',
        fallbackLng: 'id',
        interpolation: { escapeValue: false },
        showSupportNotice: false,
      });
    }
  });
  const words = (lang: 'id' | 'en'): AuditWords => ({ t: i18next.getFixedT(lang), lang, when: (iso) => iso.slice(0, 10) });
  const entries: { action: string; detail: unknown }[] = [
    { action: 'cases.create', detail: { reference: 'CD-2026-000005', claimType: 'JKM', kpj: '10000000080', incidentDate: null, notes: '' } },
    {
      action: 'cases.submit',
      detail: {
        note: 'Akta menyusul.',
        routing: {
          to: 'awaiting_supervisor',
          blockers: 4,
          warnings: 2,
          unjudged: ['heirIsSpouse', 'incident_date', 'nomor_kpj', 'kuitansi.tanggal'],
          autoApproveAllowed: false,
          dismissed: 1,
        },
      },
    },
    {
      action: 'cases.decide',
      detail: { decision: 'return', note: 'Lengkapi.', items: ['Nama almarhum', 'Akta kematian'], acknowledgedBlockers: 0, version: 2 },
    },
    {
      action: 'cases.decide',
      detail: { decision: 'reject', reasonCode: 'fraud_suspected', note: 'Rekening orang lain.', acknowledgedBlockers: 1, version: 3 },
    },
    { action: 'cases.reopen', detail: { reason: 'Salah baca', from: 'approved', version: 5 } },
    { action: 'cases.autoApprove', detail: { claimType: 'JHT', submittedBy: 'petugas' } },
    {
      action: 'flags.dismiss',
      detail: { rule: 'identity.name_mismatch', reason: 'Nama panggilan', message: 'The name on the heir statement does not match', field: 'nama_almarhum' },
    },
    {
      action: 'extraction.setField',
      detail: {
        documentId: 1,
        documentType: 'surat_ahli_waris',
        key: 'tanggal_surat',
        old: { value: '2025-03-12', source: 'ocr', confidence: 1 },
        new: '2025-03-13',
        why: 'corrected',
      },
    },
    { action: 'extraction.setType', detail: { documentId: 1, oldType: 'surat_kematian', newType: 'akta_kematian' } },
    { action: 'documents.add', detail: { name: 'berkas.pdf', sha256: 'ab'.repeat(32), size: 40960, pages: 3, duplicate: false } },
    { action: 'checks.facts', detail: { old: { death: null }, new: { death: true, trafficAccident: false } } },
    { action: 'auth.signInFailed', detail: { username: 'rina', reason: 'bad_password', transport: 'browser' } },
    { action: 'auth.sessionEnded', detail: { reason: 'max_age', lastSeenAt: '2026-01-01T00:00:00Z' } },
    {
      action: 'users.update',
      detail: { userId: 2, username: 'rina', changes: { role: { old: 'officer', new: 'supervisor' }, disabled: { old: false, new: true } } },
    },
    {
      action: 'settings.update',
      detail: { setting: 'review.policy', old: { autoApprove: { JHT: true, JKM: false } }, new: { autoApprove: { JHT: false, JKM: false } } },
    },
    {
      action: 'settings.update',
      detail: { setting: 'rules.config', old: {}, new: { params: { bpuGraceMonths: { value: 2 } }, severities: { 'claim.duplicate': 'warning' } } },
    },
    {
      action: 'participants.import',
      detail: { fileName: 'peserta.csv', sha256: 'cd'.repeat(32), bytes: 1000, importId: 1, rowsRead: 10, inserted: 8, updated: 1, unchanged: 0, rejected: 1 },
    },
    { action: 'refused', detail: { method: 'cases.decide', code: 'forbidden', reason: 'four_eyes' } },
  ];

  it('names fields, documents, decisions, rules and settings by their labels, never by stored keys or English back-end text', () => {
    for (const lang of ['id', 'en'] as const) {
      for (const e of entries) {
        const text = auditText(words(lang), e);
        expect(text, `${lang} ${e.action}`).not.toBe('');
        expect(text, `${lang} ${e.action}`).not.toMatch(/\b[a-z]+_[a-z_]+\b|\b[a-z]+\.(?!pdf\b|csv\b)[a-z_]+\b|[{}"]|does not match/);
      }
    }
    const id0 = words('id');
    expect(auditText(id0, entries[7]!)).toBe('Surat keterangan ahli waris · Tanggal surat: 12-03-2025 → 13-03-2025 · dikoreksi');
    expect(auditText(id0, entries[2]!)).toBe('Dikembalikan · “Lengkapi.” · yang harus diperbaiki: Nama almarhum; Akta kematian');
    expect(auditText(id0, entries[6]!)).toBe('kecocokan nama · Nama almarhum · “Nama panggilan”');
    expect(auditText(id0, entries[1]!)).toContain('belum dapat dinilai: Ahli waris adalah suami/istri, Tanggal kejadian, Nomor KPJ, Tanggal (Kuitansi)');
    expect(auditText(words('en'), entries[3]!)).toBe('Rejected · Suspected fraud · “Rekening orang lain.” · 1 blocker acknowledged');
  });

  it('has a label in both languages for every action the back end records', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const files = (fs.readdirSync('src/main', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join('src/main', f));
    const recorded = new Set<string>(['auth.setup']);
    for (const f of files) for (const m of fs.readFileSync(f, 'utf8').matchAll(/\.audit\(\s*[^,]+,\s*'([a-zA-Z.]+)'/g)) recorded.add(m[1]!);
    for (const [name, def] of Object.entries(contract)) if ((def as { audit?: string }).audit === 'input') recorded.add(name);
    expect(recorded.size).toBeGreaterThan(20);
    for (const action of recorded) {
      for (const lang of ['id', 'en']) expect(i18next.exists(`actions.log.${action}`, { lng: lang }), `${lang} ${action}`).toBe(true);
    }
  });
});

describe('what an event makes stale on the screens', () => {
  const q = (method: string, input: unknown) => ({ queryKey: [method, input] }) as unknown as Parameters<typeof staleAfter>[1];
  const changed = { name: 'case.changed', payload: { caseId: 7 } } as const;
  const read = { name: 'ocr.progress', payload: { caseId: 7, fileId: 3, page: 2, pagesDone: 2, pagesTotal: 5, state: 'done' } } as const;

  it('a changed case: everything shown about it and every case list, nothing about another case', () => {
    for (const [method, input] of [
      ['cases.get', { id: 7 }],
      ['extraction.list', { caseId: 7 }],
      ['checks.get', { caseId: 7 }],
      ['documents.list', { caseId: 7 }],
      ['cases.review', { caseId: 7 }],
      ['cases.list', { limit: 200 }],
      ['cases.list', { status: ['awaiting_supervisor'], limit: 500 }],
    ] as const)
      expect(staleAfter(changed, q(method, input)), method).toBe(true);
    for (const [method, input] of [
      ['cases.get', { id: 8 }],
      ['extraction.list', { caseId: 8 }],
      ['participants.search', { query: 'SITI', limit: 50 }],
      ['settings.get', {}],
    ] as const)
      expect(staleAfter(changed, q(method, input)), method).toBe(false);
  });

  it('a page read: the case’s file progress and that page’s image, not its other pages', () => {
    expect(staleAfter(read, q('documents.list', { caseId: 7 }))).toBe(true);
    expect(staleAfter(read, q('documents.page', { fileId: 3, page: 2 }))).toBe(true);
    expect(staleAfter(read, q('documents.page', { fileId: 3, page: 1 }))).toBe(false);
    expect(staleAfter(read, q('extraction.list', { caseId: 7 }))).toBe(false);
    expect(staleAfter(read, q('documents.list', { caseId: 8 }))).toBe(false);
  });
});

describe('dates as officers write them', () => {
  it('reads dd-mm-yyyy (or / and . between) into a calendar date and refuses days that do not exist', () => {
    expect(parseDmy('07-03-2026')).toBe('2026-03-07');
    expect(parseDmy('7/3/2026')).toBe('2026-03-07');
    expect(parseDmy('29.02.2024')).toBe('2024-02-29');
    expect(parseDmy('')).toBe('');
    for (const bad of ['31-02-2026', '29-02-2025', '2026-03-07', '07-13-2026', '7-3-26', 'kemarin']) expect(parseDmy(bad), bad).toBeNull();
    expect(dmy('2026-03-07')).toBe('07-03-2026');
    expect(dmy(null)).toBe('–');
  });

  it('shows moments as dd-mm-yyyy and the time, and dates inside a text turned the same way', () => {
    const at = new Date(2026, 2, 7, 9, 5);
    expect(dateTimeText(at, 'id')).toBe('07-03-2026 09.05');
    expect(dateTimeText(at, 'en')).toBe('07-03-2026 09:05');
    expect(dmyInText('lahir 1988-06-05, L')).toBe('lahir 05-06-1988, L');
    expect(dmyInText('2026-11')).toBe('11-2026');
  });

  it('a new case: no incident after today, and a death claim needs its date of death', () => {
    expect(newCaseProblems({ claimType: 'JKK', incidentDate: '2026-12-04' }, '2026-12-03')).toEqual([{ field: 'incidentDate', reason: 'future_date' }]);
    expect(newCaseProblems({ claimType: 'JKK', incidentDate: '2026-12-03' }, '2026-12-03')).toEqual([]);
    expect(newCaseProblems({ claimType: 'JKK' }, '2026-12-03')).toEqual([]);
    expect(newCaseProblems({ claimType: 'JKM' }, '2026-12-03')).toEqual([{ field: 'incidentDate', reason: 'death_date_required' }]);
    expect(newCaseProblems({ claimType: 'JKM', incidentDate: '2026-11-30' }, '2026-12-03')).toEqual([]);
  });
});

describe('the holiday list as an administrator edits it', () => {
  it('reads one holiday a line, dd-mm-yyyy then its name, and names the first line that is not', () => {
    expect(parseHolidays('01-01-2026 Tahun Baru Masehi\n\n 17/08/2026  Hari Kemerdekaan ')).toEqual({
      days: [
        { date: '2026-01-01', name: 'Tahun Baru Masehi' },
        { date: '2026-08-17', name: 'Hari Kemerdekaan' },
      ],
    });
    expect(parseHolidays('01-01-2026 Tahun Baru\n31-02-2026 Salah\n')).toEqual({ badLine: 2 });
    expect(parseHolidays('01-01-2026')).toEqual({ badLine: 1 });
    const days = [{ date: '2026-12-25', name: 'Hari Raya Natal' }];
    expect(parseHolidays(holidaysText(days))).toEqual({ days });
  });
});

describe('a refused CSV line in the reader’s language', () => {
  it('says each problem by its code and column label, and a line without codes in words too', async () => {
    const { validateRow } = await import('../../src/main/participants/csv-row');
    const row: Record<string, string> = {
      nomor_kpj: '1234',
      nik: '1571015507900003',
      nama: '',
      tanggal_lahir: '1990-02-30',
      jenis_kelamin: 'X',
      segmen: 'PU',
      status: 'aktif',
      tanggal_kepesertaan: '2020-01-01',
      iuran_lunas_sampai: '2026-13',
      program: 'JKK;ABC',
    };
    const v = validateRow((c) => row[c]);
    if (v.ok) throw new Error('the row should be refused');
    expect(v.problems.map((p) => `${p.column}:${p.code}`)).toEqual([
      'nomor_kpj:digits',
      'nama:empty',
      'tanggal_lahir:date',
      'jenis_kelamin:choice',
      'iuran_lunas_sampai:month',
      'program:program',
    ]);
    const t = i18next.getFixedT('id');
    expect(lineErrorText(t, v)).toBe(
      'Nomor KPJ "1234" bukan 11 digit; Nama kosong; Tanggal lahir "1990-02-30" bukan tanggal yang benar (TTTT-BB-HH); Jenis kelamin "X" bukan salah satu dari L, P; Iuran lunas sampai "2026-13" bukan bulan (TTTT-BB); program tidak dikenal ABC (seharusnya JKK, JKM, JHT, JP, JKP)',
    );
    // The back end's English reason never shows, even on a line without codes.
    expect(lineErrorText(t, { reason: 'expected 15 columns, found 3' })).toBe('baris ini tidak dapat diimpor');
  });
});
