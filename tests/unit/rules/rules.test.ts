import { describe, expect, it } from 'vitest';
import type { Flag, RuleId } from '../../../src/shared/domain/claims';
import { RULE_IDS } from '../../../src/shared/domain/claims';
import { evaluateCase, mergeRulesConfig } from '../../../src/shared/rules/index';
import type { CaseInput } from '../../../src/shared/rules/input';
import { CONFIG, PARTICIPANT, cleanBeasiswa, cleanJht, cleanJkk, cleanJkm, doc, kk, ktp, setField, without } from './builders';

const run = (input: CaseInput, config = CONFIG): Flag[] => evaluateCase(input, config).flags;
const fired = (flags: Flag[], rule: RuleId): Flag[] => flags.filter((f) => f.rule === rule && f.severity !== 'info');
const blockers = (flags: Flag[]): Flag[] => flags.filter((f) => f.severity === 'blocker');

describe('clean dossiers', () => {
  it.each([
    ['JKK', cleanJkk],
    ['JKM', cleanJkm],
    ['JHT', cleanJht],
    ['BEASISWA', cleanBeasiswa],
  ] as const)('%s raises no blocker and no warning', (_n, make) => {
    const flags = run(make());
    expect(flags.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('tolerates name variants on every document without blockers', () => {
    let c = cleanJkk();
    c = setField(c, 'ktp', 'nama', 'HJ. SITI AMLNAH, S.PD.I');
    c = setField(c, 'kartu_peserta', 'nama', 'SITI A.');
    c = setField(c, 'form_kk1', 'nama', 'AMINAH');
    c = setField(c, 'surat_dokter', 'nama', 'NY. SITI AMINAH');
    expect(blockers(run(c))).toEqual([]);
  });

  it('every flag has both languages and every contract rule is known to the engine', () => {
    const c = setField(cleanJkk(), 'ktp', 'nik', '1571024506880009');
    for (const f of run(c)) {
      expect(RULE_IDS).toContain(f.rule);
      expect(f.message.id.length).toBeGreaterThan(10);
      expect(f.message.en.length).toBeGreaterThan(10);
    }
  });
});

describe('identity rules', () => {
  it('nik_mismatch fires with document and record evidence', () => {
    const [f] = fired(run(setField(cleanJkk(), 'ktp', 'nik', '1571024506880099')), 'identity.nik_mismatch');
    expect(f?.severity).toBe('blocker');
    expect(f?.evidence.document).toMatchObject({ documentType: 'ktp', field: 'nik', value: '1571024506880099', page: 1 });
    expect(f?.evidence.document?.bbox).toHaveLength(4);
    expect(f?.evidence.record).toEqual({ field: 'nik', value: PARTICIPANT.nik });
  });

  it('a mismatch on a value read with low confidence asks the officer instead of blocking', () => {
    const c = setField(cleanJkk(), 'ktp', 'nik', '1571024506880099');
    const ktpDoc = c.documents.find((d) => d.document.type === 'ktp')!;
    ktpDoc.document.fields.nik = { ...ktpDoc.document.fields.nik!, confidence: 0.4 };
    const [f] = fired(run(c), 'identity.nik_mismatch');
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.details).toMatchObject({ lowConfidence: 0.4 });
    ktpDoc.document.fields.nik = { ...ktpDoc.document.fields.nik!, source: 'officer' };
    expect(fired(run(c), 'identity.nik_mismatch')[0]?.severity).toBe('blocker');
  });

  it('nik_mismatch reports a missing NIK instead of passing', () => {
    let c = setField(cleanJht(), 'ktp', 'nik', null);
    c = setField(c, 'kartu_peserta', 'nik', null);
    c = { ...c, documents: c.documents.filter((d) => d.document.type !== 'kk') };
    const flags = run(c).filter((f) => f.rule === 'identity.nik_mismatch');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'info', evidence: { missing: ['nik'] } });
  });

  it('name_mismatch blocks a different name and names both values', () => {
    const flags = fired(run(setField(cleanJkk(), 'surat_dokter', 'nama', 'SITI HALIMAH')), 'identity.name_mismatch');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.severity).toBe('blocker');
    expect(flags[0]?.message.en).toContain('SITI HALIMAH');
    expect(flags[0]?.evidence.record?.value).toBe('SITI AMINAH');
  });

  it('name_mismatch is only a warning when the same document carries the record NIK', () => {
    const [f] = fired(run(setField(cleanJkk(), 'ktp', 'nama', 'SITI HALIMAH')), 'identity.name_mismatch');
    expect(f?.severity).toBe('warning');
  });

  it('name_mismatch stays quiet for titles, old spelling and Muhammad variants', () => {
    const p = { ...PARTICIPANT, nama: 'MUHAMMAD SOEHARTO', jenis_kelamin: 'L' as const, nik: '1571020506880003' };
    let c: CaseInput = { ...cleanJht(), participant: p, documents: [] };
    c = {
      ...c,
      documents: [
        ktp({ nik: p.nik, nama: 'H. MOCH. SUHARTO, S.E.', jenis_kelamin: 'L' }),
        doc('kartu_peserta', { nomor_kpj: p.nomor_kpj, nama: 'M. SUHARTO', nik: p.nik }),
      ],
    };
    expect(fired(run(c), 'identity.name_mismatch')).toEqual([]);
  });

  it('dob_mismatch fires on the KTP and on the KK member', () => {
    expect(fired(run(setField(cleanJht(), 'ktp', 'tanggal_lahir', '1988-06-15')), 'identity.dob_mismatch')).toHaveLength(1);
    const c = {
      ...cleanJht(),
      documents: [
        ...without(cleanJht(), 'kk').documents,
        kk([{ nik: PARTICIPANT.nik, nama: 'SITI AMINAH', jenis_kelamin: 'P', tanggal_lahir: '1988-07-05', hubungan: 'istri' }]),
      ],
    };
    const flags = fired(run(c), 'identity.dob_mismatch');
    expect(flags.map((f) => f.evidence.document?.documentType)).toContain('kk');
  });

  it('nik_dob_inconsistent fires when the printed date or gender disagrees with the NIK, not otherwise', () => {
    // Record and KTP agree with each other but the KTP prints a gender the NIK does not encode.
    expect(fired(run(setField(cleanJht(), 'ktp', 'jenis_kelamin', 'L')), 'identity.nik_dob_inconsistent')).toHaveLength(1);
    const p = { ...PARTICIPANT, tanggal_lahir: '1988-06-06' };
    let c: CaseInput = { ...cleanJht(), participant: p };
    c = setField(setField(c, 'ktp', 'tanggal_lahir', '1988-06-06'), 'kartu_peserta', 'tanggal_lahir', '1988-06-06');
    c = without(c, 'kk');
    const flags = fired(run(c), 'identity.nik_dob_inconsistent');
    // Judged on the documents that print the date (the KTP, the card); the record, which says the same, is not flagged again.
    expect(flags.map((f) => f.evidence.document?.documentType).sort()).toEqual(['kartu_peserta', 'ktp']);
    expect(flags[0]?.severity).toBe('warning');
    expect(fired(run(cleanJkm()), 'identity.nik_dob_inconsistent')).toEqual([]);
  });

  it('the record is judged against its own NIK only when no document gives a birth date', () => {
    const p = { ...PARTICIPANT, tanggal_lahir: '1988-06-06' };
    // The documents print the NIK's date: the record's differs, a birth-date mismatch, and nothing more.
    const docsRight = run({ ...cleanJht(), participant: p });
    expect(fired(docsRight, 'identity.dob_mismatch').length).toBeGreaterThan(0);
    expect(fired(docsRight, 'identity.nik_dob_inconsistent')).toEqual([]);
    // No birth date on any document: the record's own inconsistency is the only sign.
    let bare: CaseInput = { ...cleanJht(), participant: p };
    for (const t of ['ktp', 'kartu_peserta', 'kk'] as const) bare = setField(bare, t, 'tanggal_lahir', null);
    bare = without(bare, 'kk');
    const own = fired(run(bare), 'identity.nik_dob_inconsistent');
    expect(own.map((f) => f.evidence.details?.source)).toEqual(['record']);
  });

  it('kpj_mismatch blocks a foreign KPJ and only notes another membership of the same person', () => {
    const foreign = fired(run(setField(cleanJkk(), 'kartu_peserta', 'nomor_kpj', '23099999999')), 'identity.kpj_mismatch');
    expect(foreign[0]?.severity).toBe('blocker');
    const own = run({ ...setField(cleanJkk(), 'kartu_peserta', 'nomor_kpj', '23099999999'), memberships: ['23099999999'] });
    expect(fired(own, 'identity.kpj_mismatch')).toEqual([]);
    expect(own.find((f) => f.rule === 'identity.kpj_mismatch')?.severity).toBe('info');
  });

  it('with no record, documents are compared with the participant KTP', () => {
    const c = setField({ ...cleanJkk(), participant: null }, 'form_kk1', 'nik', '1571024506889999');
    const flags = fired(run(c), 'identity.nik_mismatch');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.severity).toBe('warning');
  });

  it('an heir KTP in a death claim is not taken for the participant', () => {
    expect(fired(run(cleanJkm()), 'identity.nik_mismatch')).toEqual([]);
    // An heir nobody listed (the heir statement's table was unreadable) does not block either.
    const unlisted = { ...cleanJkm(), documents: [...cleanJkm().documents, ktp({ nik: '1571026604950001', nama: 'RATNA DEWI', tanggal_lahir: '1995-04-26' })] };
    expect(blockers(run(setField(unlisted, 'surat_ahli_waris', 'ahli_waris', null)))).toEqual([]);
    // A KTP of the deceased with a wrong NIK is still caught.
    const c = setField(cleanJkm(), 'ktp', 'nik', '1571024506889999');
    expect(fired(run(c), 'identity.nik_mismatch')).toHaveLength(1);
  });
});

describe("other people's KTPs", () => {
  it('a witness KTP in an accident claim is not judged against the participant', () => {
    const witness = ktp({ nik: '1571026604950001', nama: 'AGUS SINAGA', tanggal_lahir: '1995-04-26' });
    const c = { ...cleanJkk(), documents: [...cleanJkk().documents, witness] };
    expect(run(c).filter((f) => f.rule.startsWith('identity.') && f.severity !== 'info')).toEqual([]);
    // The participant's own KTP with a wrong NIK beside it is still caught; a dossier whose only KTP
    // agrees in nothing is judged as the participant's.
    expect(fired(run(setField(c, 'ktp', 'nik', '1571024506889999')), 'identity.nik_mismatch')).toHaveLength(1);
    const onlyStranger = { ...without(cleanJkk(), 'ktp'), documents: [...without(cleanJkk(), 'ktp').documents, witness] };
    expect(blockers(run(onlyStranger)).map((f) => f.rule)).toContain('identity.nik_mismatch');
  });
});

describe('heirs and bank', () => {
  it('heirs must appear on the KK with a compatible relationship', () => {
    const c = setField(cleanJkm(), 'surat_ahli_waris', 'ahli_waris', [{ nama: 'RUDI HARTONO', nik: '1571020101900001', hubungan: 'anak' }]);
    const flags = run(c).filter((f) => f.evidence.details?.check === 'heir_on_kk');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.severity).toBe('warning');
    const rel = setField(cleanJkm(), 'surat_ahli_waris', 'ahli_waris', [{ nama: 'PUTRI AYU', nik: '1571025509100002', hubungan: 'orang_tua' }]);
    expect(run(rel).filter((f) => f.evidence.details?.check === 'heir_relationship')).toHaveLength(1);
  });

  it('holder_name_mismatch blocks a stranger, accepts the participant and (in death claims) an heir', () => {
    const f = fired(run(setField(cleanJkk(), 'buku_tabungan', 'nama_pemilik', 'HENDRA WIJAYA')), 'bank.holder_name_mismatch');
    expect(f[0]?.severity).toBe('blocker');
    expect(f[0]?.evidence.document?.value).toBe('HENDRA WIJAYA');
    expect(fired(run(setField(cleanJkk(), 'buku_tabungan', 'nama_pemilik', 'SITI AMINAH BINTI HASAN')), 'bank.holder_name_mismatch')).toEqual([]);
    expect(fired(run(cleanJkm()), 'bank.holder_name_mismatch')).toEqual([]);
    expect(fired(run(setField(cleanJkm(), 'buku_tabungan', 'nama_pemilik', 'HENDRA WIJAYA')), 'bank.holder_name_mismatch')).toHaveLength(1);
  });
});

describe('membership rules', () => {
  it('inactive_at_incident fires past the paid month plus grace', () => {
    const p = { ...PARTICIPANT, iuran_lunas_sampai: '2026-05' };
    const f = fired(run({ ...cleanJkk(), participant: p }), 'membership.inactive_at_incident');
    expect(f).toHaveLength(1);
    expect(f[0]?.evidence.details).toMatchObject({ coveredThrough: '2026-08-31', graceMonths: 3 });
  });

  it('inactive_at_incident stays quiet inside the BPU grace period and follows the configuration', () => {
    const p = { ...PARTICIPANT, iuran_lunas_sampai: '2026-07', status: 'nonaktif' as const };
    expect(fired(run({ ...cleanJkk(), participant: p }), 'membership.inactive_at_incident')).toEqual([]);
    const strict = mergeRulesConfig(CONFIG, { params: { bpuGraceMonths: { value: 1 } } });
    expect(fired(run({ ...cleanJkk(), participant: p }, strict), 'membership.inactive_at_incident')).toHaveLength(1);
  });

  it('inactive_at_incident fires before membership started and uses the death date from the akta', () => {
    const p = { ...PARTICIPANT, tanggal_kepesertaan: '2026-10-10' };
    const c = { ...cleanJkm(), participant: p, incidentDate: null };
    const f = fired(run(c), 'membership.inactive_at_incident');
    expect(f[0]?.evidence.document?.documentType).toBe('akta_kematian');
  });

  it('inactive_at_incident reports a missing incident date', () => {
    const c = without(without({ ...cleanJkk(), incidentDate: null }, 'form_kk1'), 'form_kk2');
    expect(run(c).find((f) => f.rule === 'membership.inactive_at_incident')).toMatchObject({ severity: 'info', evidence: { missing: ['incident_date'] } });
  });

  it('program_not_covered fires for JHT without the JHT program, not for BEASISWA with JKM', () => {
    const p = { ...PARTICIPANT, program: ['JKK', 'JKM'] as (typeof PARTICIPANT)['program'] };
    expect(fired(run({ ...cleanJht(), participant: p }), 'membership.program_not_covered')).toHaveLength(1);
    expect(fired(run({ ...cleanBeasiswa(), participant: { ...p, program: ['JKM'] } }), 'membership.program_not_covered')).toEqual([]);
  });
});

describe('document rules', () => {
  it('missing_required fires for an absent required document and marks the checklist', () => {
    const r = evaluateCase(without(cleanJkk(), 'form_kk1'), CONFIG);
    expect(fired(r.flags, 'documents.missing_required').map((f) => f.evidence.details?.item)).toEqual(['form_kk1']);
    expect(r.checklist.find((e) => e.type === 'form_kk1')).toEqual({ type: 'form_kk1', required: true, present: false });
  });

  it('missing_required accepts either death document and applies conditions', () => {
    const c = without(cleanJkm(), 'akta_kematian');
    const withStatement = {
      ...c,
      documents: [...c.documents, doc('surat_kematian', { nama: 'SITI AMINAH', tanggal_kematian: '2026-10-05', penerbit: 'RSUD' })],
    };
    expect(fired(run(withStatement), 'documents.missing_required')).toEqual([]);
    expect(fired(run(c), 'documents.missing_required').map((f) => f.evidence.details?.item)).toEqual(['death_certificate']);
    // Receipts are required for a reimbursement only; a stated traffic accident needs a police report (not machine-checked).
    expect(fired(run({ ...cleanJkk(), facts: { ...cleanJkk().facts, reimbursement: true } }), 'documents.missing_required')).toHaveLength(1);
    expect(fired(run({ ...cleanJkk(), facts: { ...cleanJkk().facts, trafficAccident: true } }), 'documents.missing_required')).toEqual([]);
  });

  it('a death claim with no heir known anywhere only warns about the missing heir statement and passbook', () => {
    const single = { ...PARTICIPANT, jenis_kelamin: 'P' as const };
    let c: CaseInput = { ...cleanJkm(), participant: single };
    c = {
      ...c,
      documents: c.documents.filter(
        (d) => ['kartu_peserta', 'akta_kematian'].includes(d.document.type) || (d.document.type === 'ktp' && d.document.fields.nik?.value === PARTICIPANT.nik),
      ),
    };
    c = {
      ...c,
      documents: [
        ...c.documents,
        kk([
          { nik: PARTICIPANT.nik, nama: 'SITI AMINAH', jenis_kelamin: 'P', tempat_lahir: 'JAMBI', tanggal_lahir: '1988-06-05', hubungan: 'kepala_keluarga' },
        ]),
      ],
    };
    const missing = run(c).filter((f) => f.rule === 'documents.missing_required' && f.severity !== 'info');
    expect(missing.map((f) => [f.evidence.details?.item, f.severity])).toEqual([
      ['heir_statement', 'warning'],
      ['passbook', 'warning'],
    ]);
    // With heirs on the KK, the same absences block.
    const withFamily = without(without(cleanJkm(), 'surat_ahli_waris'), 'buku_tabungan');
    expect(blockers(run(withFamily)).map((f) => f.evidence.details?.item)).toEqual(['heir_statement', 'passbook']);
  });

  it('a scholarship without death documents asks whether it follows a death instead of assuming', () => {
    const c = without(without(without(cleanBeasiswa(), 'akta_kematian'), 'surat_ahli_waris'), 'buku_nikah');
    const flags = run(c).filter((f) => f.rule === 'documents.missing_required');
    expect(flags.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(flags.some((f) => f.evidence.missing?.includes('death'))).toBe(true);
    expect(fired(run({ ...c, facts: { death: true } }), 'documents.missing_required').map((f) => f.evidence.details?.item)).toEqual(['death_certificate']);
  });

  it('marriage book is required only when the heir is the spouse', () => {
    const noBook = without(cleanJkm(), 'buku_nikah');
    expect(fired(run(noBook), 'documents.missing_required')).toHaveLength(1);
    const childHeir = setField(noBook, 'surat_ahli_waris', 'ahli_waris', [{ nama: 'PUTRI AYU', nik: '1571025509100002', hubungan: 'anak' }]);
    expect(fired(run(setField(childHeir, 'buku_tabungan', 'nama_pemilik', 'PUTRI AYU')), 'documents.missing_required')).toEqual([]);
  });

  it('low_quality flags each poor page as a warning with its page', () => {
    const c = { ...cleanJkk(), poorPages: [{ documentId: cleanJkk().documents[0]!.id, page: 2, score: 0.2, reasons: ['blur'], fileName: 'scan.pdf' }] };
    const f = fired(run(c), 'documents.low_quality');
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe('warning');
    expect(f[0]?.evidence.details).toMatchObject({ page: 2, reasons: ['blur'] });
    expect(fired(run(cleanJkk()), 'documents.low_quality')).toEqual([]);
  });
});

describe('claim rules', () => {
  it('deadline_exceeded follows the configured JKK deadline', () => {
    const late = { ...cleanJkk(), filedDate: '2028-10-02' };
    expect(fired(run(late), 'claim.deadline_exceeded')).toHaveLength(1);
    expect(fired(run({ ...cleanJkk(), filedDate: '2028-10-01' }), 'claim.deadline_exceeded')).toEqual([]);
    const five = mergeRulesConfig(CONFIG, { params: { jkkClaimDeadlineYears: { value: 5 } } });
    expect(fired(run(late, five), 'claim.deadline_exceeded')).toEqual([]);
  });

  it('duplicate fires for an open or paid claim of the same type only', () => {
    const other = (status: 'draft' | 'in_review' | 'approved' | 'rejected', claimType: 'JKK' | 'JHT' = 'JKK') => ({
      caseId: 9,
      reference: 'CD-2026-000009',
      claimType,
      status,
      kpj: PARTICIPANT.nomor_kpj,
    });
    expect(fired(run({ ...cleanJkk(), otherClaims: [other('in_review')] }), 'claim.duplicate')).toHaveLength(1);
    expect(fired(run({ ...cleanJkk(), otherClaims: [other('approved')] }), 'claim.duplicate')).toHaveLength(1);
    expect(fired(run({ ...cleanJkk(), otherClaims: [other('rejected'), other('approved', 'JHT')] }), 'claim.duplicate')).toEqual([]);
    // A draft counts: the same dossier opened as a second case is a second claim.
    expect(fired(run({ ...cleanJkk(), otherClaims: [other('draft')] }), 'claim.duplicate')).toHaveLength(1);
  });

  it('report_late judges the earliest KK1 when a stage-II form was read as another KK1', () => {
    const c = cleanJkk();
    const kk2AsKk1 = doc('form_kk1', { nomor_kpj: PARTICIPANT.nomor_kpj, tanggal_kecelakaan: '2026-10-01', tanggal_laporan: '2026-10-15' });
    kk2AsKk1.document.typeConfidence = 0.7;
    const flags = run({ ...without(c, 'form_kk2'), documents: [...without(c, 'form_kk2').documents, kk2AsKk1] });
    expect(fired(flags, 'jkk.report_late')).toEqual([]);
    // …and the stage-II form then missing is a warning, since a document's type was uncertain.
    const missing = fired(flags, 'documents.missing_required');
    expect(missing.map((f) => [f.evidence.details?.item, f.severity])).toEqual([['form_kk2', 'warning']]);
    // Read as a second KK1 with confidence, the duplicate still makes the absence a warning.
    kk2AsKk1.document.typeConfidence = 0.95;
    const again = run({ ...without(c, 'form_kk2'), documents: [...without(c, 'form_kk2').documents, kk2AsKk1] });
    expect(fired(again, 'documents.missing_required')[0]?.severity).toBe('warning');
    expect(blockers(run(without(c, 'form_kk2'))).map((f) => f.rule)).toEqual(['documents.missing_required']);
  });

  it('report_late fires after 2x24 hours and not within', () => {
    expect(fired(run(setField(cleanJkk(), 'form_kk1', 'tanggal_laporan', '2026-10-04')), 'jkk.report_late')).toHaveLength(1);
    expect(fired(run(setField(cleanJkk(), 'form_kk1', 'tanggal_laporan', '2026-10-03')), 'jkk.report_late')).toEqual([]);
    expect(run(setField(cleanJkk(), 'form_kk1', 'tanggal_laporan', null)).find((f) => f.rule === 'jkk.report_late')?.severity).toBe('info');
  });

  it('receipt date before the accident fires; on or after does not', () => {
    const withReceipt = (d: string): CaseInput => ({
      ...cleanJkk(),
      documents: [
        ...cleanJkk().documents,
        doc('kuitansi', { nomor_kuitansi: 'K-1', tanggal: d, jumlah: 1500000, penerima: 'RSUD', nama_pasien: 'SITI AMINAH' }),
      ],
    });
    const f = fired(run(withReceipt('2026-09-28')), 'receipt.date_before_incident');
    expect(f).toHaveLength(1);
    expect(f[0]?.evidence.document).toMatchObject({ documentType: 'kuitansi', field: 'tanggal', value: '2026-09-28' });
    expect(fired(run(withReceipt('2026-10-01')), 'receipt.date_before_incident')).toEqual([]);
  });

  it('npwp.required fires above the threshold without an NPWP, and not with one', () => {
    const big = { ...cleanJkk(), facts: { ...cleanJkk().facts, benefitAmount: 60_000_000 } };
    expect(fired(run(big), 'npwp.required')).toHaveLength(1);
    const withNpwp = { ...big, documents: [...big.documents, doc('npwp', { nomor_npwp: PARTICIPANT.nik, nama: 'SITI AMINAH', nik: PARTICIPANT.nik })] };
    expect(fired(run(withNpwp), 'npwp.required')).toEqual([]);
    expect(fired(run({ ...big, facts: { ...big.facts, benefitAmount: 50_000_000 } }), 'npwp.required')).toEqual([]);
    // JKM pays Rp42 jt: below the threshold, so no NPWP is asked for.
    expect(run(cleanJkm()).filter((f) => f.rule === 'npwp.required')).toEqual([]);
  });
});

describe('fraud signals', () => {
  it('shared_bank_account fires for an unrelated participant, only informs for an heir', () => {
    const stranger = { account: '001234567890', nomor_kpj: '23000000001', nik: '3174010101800001', nama: 'HENDRA WIJAYA' };
    expect(fired(run({ ...cleanJkk(), accountHolders: [stranger] }), 'fraud.shared_bank_account')[0]?.severity).toBe('blocker');
    const heir = { account: '009988776655', nomor_kpj: '23000000002', nik: '1571021203850001', nama: 'BUDI SANTOSO' };
    const flags = run({ ...cleanJkm(), accountHolders: [heir] });
    expect(fired(flags, 'fraud.shared_bank_account')).toEqual([]);
    expect(flags.find((f) => f.rule === 'fraud.shared_bank_account')?.severity).toBe('info');
  });

  it('document_reused fires for another participant and not for the same person', () => {
    const c = cleanJkk();
    const sha = c.documents[1]!.fileSha256!;
    const other = {
      sha256: sha,
      fileName: 'ktp.pdf',
      caseId: 3,
      reference: 'CD-2026-000003',
      participantNik: '3174010101800001',
      participantKpj: '23000000001',
    };
    const f = fired(run({ ...c, reusedFiles: [other] }), 'fraud.document_reused');
    expect(f).toHaveLength(1);
    expect(f[0]?.evidence.document?.documentId).toBe(c.documents[1]!.id);
    expect(fired(run({ ...c, reusedFiles: [{ ...other, participantNik: PARTICIPANT.nik }] }), 'fraud.document_reused')).toEqual([]);
  });
});

describe('configuration', () => {
  it('rejects an override with a bad value and keeps sources', () => {
    expect(() => mergeRulesConfig(CONFIG, { params: { bpuGraceMonths: { value: -1 } } })).toThrow();
    expect(() => mergeRulesConfig(CONFIG, { params: { noSuchThing: { value: 1 } } })).toThrow(/unknown/);
    const m = mergeRulesConfig(CONFIG, { params: { npwpThresholdRupiah: { value: 60_000_000 } } });
    expect(m.params.npwpThresholdRupiah.source).toContain('overridden');
  });

  it('severity can be changed by configuration', () => {
    const soft = mergeRulesConfig(CONFIG, { severities: { 'jkk.report_late': 'info' } });
    const flags = run(setField(cleanJkk(), 'form_kk1', 'tanggal_laporan', '2026-10-09'), soft);
    expect(flags.find((f) => f.rule === 'jkk.report_late')?.severity).toBe('info');
  });

  it('gives the statutory payment date in working days', () => {
    expect(evaluateCase(cleanJkm(), CONFIG).payBy).toBe('2026-10-23');
    expect(evaluateCase(cleanJht(), CONFIG).payBy).toBeNull();
  });
});
