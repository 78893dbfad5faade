import { describe, expect, it } from 'vitest';
import { matchNames, normalizeName, phoneticKey } from '../../../src/shared/names/index';
import { DIFFERENT_PERSON, SAME_PERSON, TOLERATED_EXTRA } from './name-pairs';

describe('name matching table', () => {
  it('has at least 80 labelled pairs, both kinds', () => {
    expect(SAME_PERSON.length + DIFFERENT_PERSON.length + TOLERATED_EXTRA.length).toBeGreaterThanOrEqual(80);
    expect(DIFFERENT_PERSON.length).toBeGreaterThanOrEqual(30);
  });

  it.each([...SAME_PERSON, ...TOLERATED_EXTRA])('same person: %s ~ %s', (a, b, same) => {
    const m = matchNames(a, b);
    expect(m.match, m.reason).toBe(same);
    // Symmetric: which document is "first" must not change the answer.
    expect(matchNames(b, a).match).toBe(same);
  });

  it.each(DIFFERENT_PERSON)('different person: %s vs %s', (a, b, same) => {
    expect(same).toBe(false);
    const m = matchNames(a, b);
    expect(m.match, `${m.score} ${m.reason}`).toBe(false);
    expect(matchNames(b, a).match).toBe(false);
  });
});

describe('name matching details', () => {
  it('explains why names differ, naming the disagreeing parts', () => {
    const m = matchNames('SITI AMINAH', 'SITI HALIMAH');
    expect(m.match).toBe(false);
    expect(m.reason).toContain('AMINAH');
    expect(m.reason).toContain('HALIMAH');
  });

  it('explains tolerated differences', () => {
    expect(matchNames('H. AHMAD FAUZI, S.PD', 'AHMAD FAUZI').notes).toEqual(expect.arrayContaining(['front_title', 'back_title']));
    expect(matchNames('MOCH. RIZKY', 'MUHAMMAD RIZKY').notes).toContain('muhammad_variant');
    expect(matchNames('DJOKO', 'JOKO').notes).toContain('spelling_variant');
  });

  it('uses the configured threshold', () => {
    const m = matchNames('SITI A.', 'SITI AMINAH');
    expect(m.match).toBe(true);
    expect(matchNames('SITI A.', 'SITI AMINAH', { threshold: 0.95, tokenThreshold: 0.8 }).match).toBe(false);
    expect(matchNames('SITI AMINAH', 'SITI HALIMAH', { threshold: 0.5, tokenThreshold: 0.5 }).match).toBe(true);
  });

  it('scores identical names 1 and empty names 0', () => {
    expect(matchNames('BUDI SANTOSO', 'BUDI SANTOSO').score).toBe(1);
    expect(matchNames('', 'BUDI').score).toBe(0);
    expect(matchNames('S.PD., M.M.', 'BUDI').match).toBe(false);
  });

  it('normalises titles, Muhammad forms and patronyms', () => {
    const n = normalizeName('Hj.  Siti  Aminah binti H. Abdullah, S.Pd');
    expect(n.tokens.filter((t) => !t.optional).map((t) => t.text)).toEqual(['SITI', 'AMINAH']);
    expect(normalizeName('MOCH. YUSUF').tokens.map((t) => t.text)).toEqual(['MUHAMMAD', 'YUSUF']);
  });

  it('maps pre-1972 spellings to one key', () => {
    expect(phoneticKey('SOEDJATMIKO')).toBe(phoneticKey('SUJATMIKO'));
    expect(phoneticKey('TJIPTO')).toBe(phoneticKey('CIPTO'));
    expect(phoneticKey('SOEHARTO')).not.toBe(phoneticKey('SUHARTONO'));
  });
});
