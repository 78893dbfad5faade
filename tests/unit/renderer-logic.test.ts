// Pure logic of the UI that officers rely on: deep links and how reasons for manual keying are shown.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { VALUE_PROBLEMS } from '../../src/shared/extract/officer-value';
import { reasonCategory } from '../../src/renderer/components/FieldsPanel';
import { en } from '../../src/renderer/i18n/en';
import { id } from '../../src/renderer/i18n/id';
import { errorText } from '../../src/renderer/i18n/index';
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
