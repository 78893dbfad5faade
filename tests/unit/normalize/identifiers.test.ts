import { describe, expect, it } from 'vitest';
import { normalizeAccount, normalizeKk, normalizeKpj, normalizeNik, normalizeNpwp } from '../../../src/shared/normalize/identifiers';
import { nikMatches, validateNik } from '../../../src/shared/normalize/nik';
import { repairDigits } from '../../../src/shared/normalize/digits';

describe('identifiers', () => {
  it('normalises the contract examples', () => {
    expect(normalizeNik('1571 0245 0688 0003').value).toBe('1571024506880003');
    expect(normalizeKpj('230-1234-5678').value).toBe('23012345678');
    expect(normalizeNpwp('01.234.567.8-331.000').value).toBe('012345678331000');
    expect(normalizeAccount('0123-01-045678-50-9').value).toBe('012301045678509');
    expect(normalizeKk('No. 1571020101150007').value).toBe('1571020101150007');
  });

  it('repairs O/0, I/1, S/5, B/8 confusions in numeric fields and reports them', () => {
    const r = normalizeNik('157IO2S5O6880003');
    expect(r.value).toBe('1571025506880003');
    expect(r.repaired).toBe(4);
    // Too many letters in a number means it is not a number that was read, so nothing is guessed.
    expect(normalizeNik('157IO2S5O688OOO3').value).toBeNull();
    expect(repairDigits('12B45S')).toEqual({ digits: '128455', repaired: 2 });
  });

  it('reads past quote marks that specks beside a number are read as', () => {
    expect(normalizeNik('1671012211931012\u201d').value).toBe('1671012211931012');
    expect(normalizeNik('\u201c1671012211931012').value).toBe('1671012211931012');
    expect(normalizeKpj('\u20181000-0007-065\u2019').value).toBe('10000007065');
  });

  it('does not turn words into numbers', () => {
    expect(repairDigits('SEUMUR')).toBeNull();
    expect(repairDigits('LAKI-LAKI')).toBeNull();
    expect(normalizeNik('NIK BELUM ADA').value).toBeNull();
  });

  it('keeps leading zeros of KPJ numbers', () => {
    expect(normalizeKpj('00012345678').value).toBe('00012345678');
  });

  it('refuses numbers of the wrong length', () => {
    expect(normalizeKpj('2301234567').value).toBeNull();
    expect(normalizeNik('157102450688000').reason).toBe('wrong_length');
  });
});

describe('NIK structure', () => {
  it('decodes birth date and gender (women: day + 40)', () => {
    expect(validateNik('1571024506880003')).toMatchObject({ valid: true, gender: 'P', day: 5, month: 6, yy: 88 });
    expect(validateNik('1571020506880003')).toMatchObject({ valid: true, gender: 'L', day: 5 });
    expect(nikMatches('1571024506880003', '1988-06-05', 'P')).toBe(true);
    expect(nikMatches('1571024506880003', '1988-06-05', 'L')).toBe(false);
    expect(nikMatches('1571024506880003', '1988-06-06', 'P')).toBe(false);
  });

  it.each([
    ['9971024506880003', 'province'],
    ['1571023506880003', 'birth_day'],
    ['1571020513880003', 'birth_month'],
    ['1571023102880003', 'birth_date'],
    ['1571020506880000', 'serial'],
  ])('rejects %s (%s)', (nik, reason) => {
    const c = validateNik(nik);
    expect(c.valid).toBe(false);
    expect(c.reasons).toContain(reason);
    expect(normalizeNik(nik).value).toBeNull();
  });
});
