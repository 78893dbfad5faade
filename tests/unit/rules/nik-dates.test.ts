import { describe, expect, it } from 'vitest';
import { addWorkingDays, coveredThrough, parseIsoDate } from '../../../src/shared/rules/dates';
import { decodeNik, nikDisagreements } from '../../../src/shared/rules/nik';
import { buildNik } from '../../../tools/synth/people';

describe('NIK structure', () => {
  it('decodes birth date and gender, women with day + 40', () => {
    expect(decodeNik('1571024506880003')).toEqual({ day: 5, month: 6, yy: 88, gender: 'P' });
    expect(decodeNik('1571020506880003')).toEqual({ day: 5, month: 6, yy: 88, gender: 'L' });
    expect(decodeNik('1571023206880003')).toBeNull(); // day 32
    expect(decodeNik('1571020513880003')).toBeNull(); // month 13
    expect(decodeNik('15710205068800')).toBeNull();
  });

  it('agrees with the synthetic identities and names what disagrees', () => {
    const nik = buildNik('157101', '1990-12-31', 'P', 42);
    expect(nikDisagreements(nik, '1990-12-31', 'P')).toEqual([]);
    expect(nikDisagreements(nik, '1990-12-30', 'P')).toEqual(['birth_date']);
    expect(nikDisagreements(nik, '1990-12-31', 'L')).toEqual(['gender']);
    expect(nikDisagreements(nik, null, null)).toEqual([]);
  });
});

describe('dates', () => {
  it('rejects impossible dates', () => {
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('05-06-1988')).toBeNull();
  });

  it('covers through the end of the paid month plus grace months', () => {
    expect(coveredThrough('2026-05', 0)).toBe('2026-05-31');
    expect(coveredThrough('2026-05', 3)).toBe('2026-08-31');
    expect(coveredThrough('2025-11', 3)).toBe('2026-02-28');
    expect(coveredThrough('2026-13', 0)).toBeNull();
  });

  it('counts working days Monday to Friday', () => {
    // Friday 2026-10-23 + 3 working days = Wednesday 2026-10-28.
    expect(addWorkingDays(parseIsoDate('2026-10-23')!, 3).toISOString().slice(0, 10)).toBe('2026-10-28');
  });
});
