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
    await i18next.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id', fallbackLng: 'id', interpolation: { escapeValue: false }, showSupportNotice: false });
  });

  it('has words for every problem in both languages', () => {
    for (const problem of VALUE_PROBLEMS) {
      expect(id.errors.value[problem], `id ${problem}`).toBeTruthy();
      expect(en.errors.value[problem], `en ${problem}`).toBeTruthy();
    }
  });

  it('names the list, its row and its column in the reader language, never the raw codes', async () => {
    const error = { code: 'invalid_input' as const, message: 'ahli_waris entry 2, nik: wrong_length', params: { key: 'ahli_waris', problem: 'nik', entry: 2, column: 'nik' } };
    await i18next.changeLanguage('id');
    expect(errorText(error)).toBe('Ahli waris baris 2, kolom NIK: NIK harus 16 angka dengan kode wilayah dan tanggal lahir yang sah.');
    await i18next.changeLanguage('en');
    expect(errorText(error)).toBe('Heirs row 2, column NIK: a NIK is 16 digits with a valid region code and birth date.');
    expect(errorText({ code: 'invalid_input', message: 'tanggal_lahir: date_unreadable', params: { key: 'tanggal_lahir', problem: 'date' } })).toMatch(/^Date of birth: not a date/);
    expect(errorText({ code: 'invalid_input', message: 'anggota entry 1, hubungan: hubungan_unreadable', params: { key: 'anggota', problem: 'hubungan', entry: 1, column: 'hubungan' } })).not.toMatch(/anggota|hubungan_|_unreadable/);
  });
});

describe('the list editor draft', () => {
  const heirs = LIST_FIELDS.ahli_waris;

  it('starts from the list read, or from one blank row when nothing was read', () => {
    const read = toDraft([{ nama: 'SITI', nik: '3174015507900003', hubungan: 'istri' }, { nama: 'RIZKI', hubungan: 'anak' }], heirs);
    expect(read.map((r) => r.cells)).toEqual([{ nama: 'SITI', nik: '3174015507900003', hubungan: 'istri' }, { nama: 'RIZKI', nik: '', hubungan: 'anak' }]);
    expect(read.every((r) => r.read)).toBe(true);
    const keyed = toDraft(null, heirs);
    expect(keyed).toHaveLength(1);
    expect(keyed[0]).toMatchObject({ read: false, cells: { nama: '', nik: '', hubungan: '' } });
  });

  it('sends trimmed cells, drops blank rows, and knows which screen row each entry came from', () => {
    const rows = [blankRow(heirs), { ...blankRow(heirs), cells: { nama: ' SITI ', nik: '', hubungan: 'istri' } }, blankRow(heirs), { ...blankRow(heirs), cells: { nama: 'RIZKI', nik: '1', hubungan: '' } }];
    expect(fromDraft(rows, heirs)).toEqual({ entries: [{ nama: 'SITI', hubungan: 'istri' }, { nama: 'RIZKI', nik: '1' }], rowOf: [1, 3] });
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
    id, caseId: 1, fileId, fileName: 'f.png', type: 'ktp', typeConfidence: 1, typeSource: 'ocr', pages: [1], fields: {}, updatedAt: '', ...(regions ? { regions } : {}),
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
    const regions = [...regionsOnPage(docs, 1, 1), { documentId: 11, type: 'kartu_peserta' as const, bbox: [200, 950, 500, 1100] as [number, number, number, number] }];
    expect(regionAt(regions, 500, 300)?.documentId).toBe(3);
    expect(regionAt(regions, 300, 1000)?.documentId).toBe(11);
    expect(regionAt(regions, 900, 1400)?.documentId).toBe(7);
    expect(regionAt(regions, 500, 800)).toBeUndefined();
  });
});

describe('refusals in the reader’s language', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) {
      await i18next.init({ resources: { id: { translation: id }, en: { translation: en } }, lng: 'id', fallbackLng: 'id', interpolation: { escapeValue: false }, showSupportNotice: false });
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
    expect(errorText({ code: 'conflict', message: 'x', params: { reason: 'status', status: 'approved' } })).toBe('Tindakan ini tidak dapat dilakukan pada kasus berstatus Disetujui.');
    await i18next.changeLanguage('en');
    expect(errorText({ code: 'conflict', message: 'x', params: { reason: 'frozen', status: 'approved' } })).toMatch(/^This case has been decided and is frozen/);
  });
});
