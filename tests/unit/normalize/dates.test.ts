import { describe, expect, it } from 'vitest';
import { monthFromWord, parseIndonesianDate } from '../../../src/shared/normalize/dates';
import { parseNumberWords } from '../../../src/shared/normalize/number-words';

describe('parseIndonesianDate', () => {
  it.each([
    ['05-06-1988', '1988-06-05'],
    ['05/06/1988', '1988-06-05'],
    ['05.06.1988', '1988-06-05'],
    ['5 Juni 1988', '1988-06-05'],
    ['05 JUN 1988', '1988-06-05'],
    ['05 JUNI 1988', '1988-06-05'],
    ['Senin, 12 Februari 2024', '2024-02-12'],
    ['12 Pebruari 2024', '2024-02-12'],
    ['3 Nopember 1999', '1999-11-03'],
    ['3-Nov-99', '1999-11-03'],
    ['7 Agustus 2025', '2025-08-07'],
    ['17 Agt 2025', '2025-08-17'],
    ['23juli2025', '2025-07-23'],
    ['Sabtu, 9 Juli: 2022', '2022-07-09'],
    ['1 Desember 2020', '2020-12-01'],
    ['JAMBI, 22-04-1975', '1975-04-22'],
    ['2O-O4-l975', '1975-04-20'],
    ['1988-06-05', '1988-06-05'],
    ['5 Junl 1988', '1988-06-05'],
    ['12 Septmber 2021', '2021-09-12'],
  ])('%s → %s', (text, iso) => {
    expect(parseIndonesianDate(text, 2026).value).toBe(iso);
  });

  it('resolves two-digit years to the latest century not in the future', () => {
    expect(parseIndonesianDate('01-01-25', 2026).value).toBe('2025-01-01');
    expect(parseIndonesianDate('01-01-48', 2026).value).toBe('1948-01-01');
  });

  it.each(['31-02-1988', '29-02-2023', '00-05-2000', '12-13-2000', 'SEUMUR HIDUP', '', '5 Xyzabc 1988'])('refuses %j', (text) => {
    expect(parseIndonesianDate(text, 2026).value).toBeNull();
  });

  it('reads a date with a separator lost, as a repair', () => {
    expect(parseIndonesianDate('2308-1971', 2026)).toEqual({ value: '1971-08-23', repaired: 1 });
    expect(parseIndonesianDate('23-081971', 2026)).toEqual({ value: '1971-08-23', repaired: 1 });
    expect(parseIndonesianDate('23081971', 2026)).toEqual({ value: '1971-08-23', repaired: 1 });
    // A day or month of one digit leaves no way to tell where the lost separator stood.
    expect(parseIndonesianDate('238-1971', 2026).value).toBeNull();
  });

  it('counts repaired look-alike characters so confidence can drop', () => {
    expect(parseIndonesianDate('2O-O4-l975', 2026).repaired).toBe(3);
    expect(parseIndonesianDate('20-04-1975', 2026).repaired).toBe(0);
  });

  it('does not confuse months that are one letter apart when the word is short', () => {
    expect(monthFromWord('Mar')).toBe(3);
    expect(monthFromWord('Mei')).toBe(5);
    expect(monthFromWord('Jul')).toBe(7);
    expect(monthFromWord('Jun')).toBe(6);
    expect(monthFromWord('Jux')).toBeNull();
  });
});

describe('dates and amounts written in words', () => {
  it('reads a deed date in words, alone or beside its figures, and refuses the two disagreeing', () => {
    expect(parseIndonesianDate('tiga puluh September dua ribu dua puluh enam').value).toBe('2026-09-30');
    expect(parseIndonesianDate('EMPAT BELAS SEPTEMBER DUA RIBU DUA PULUH ENAM (14-09-2026)').value).toBe('2026-09-14');
    expect(parseIndonesianDate('dua puluh tujuh Januari seribu sembilan ratus sembilan puluh sembilan').value).toBe('1999-01-27');
    expect(parseIndonesianDate('sebelas Mei dua ribu').value).toBe('2000-05-11');
    expect(parseIndonesianDate('EMPAT BELAS SEPTEMBER DUA RIBU DUA PULUH ENAM (15-09-2026)')).toMatchObject({ value: null, reason: 'date_words_disagree' });
    // One misread letter in a long number word is still the word.
    expect(parseIndonesianDate('sernbilan belas Oktober dua ribu dua puluh enam').value).toBe('2026-10-19');
  });

  it('reads amounts as receipts spell them', () => {
    const words = (s: string): number | undefined => parseNumberWords(s.split(' '))?.value;
    expect(words('Dua Juta Seratus Lima Puluh Ribu Rupiah')).toBe(2_150_000);
    expect(words('Tiga Juta Delapan Ratus Tujuh Puluh Lima Ribu')).toBe(3_875_000);
    expect(words('Sebelas Juta Dua Ratus Ribu')).toBe(11_200_000);
    expect(words('Seratus Dua Belas Ribu Lima Ratus')).toBe(112_500);
    expect(words('Rupiah saja')).toBeUndefined();
  });
});
