// Pure logic of the UI that officers rely on: deep links and how reasons for manual keying are shown.
import { describe, expect, it } from 'vitest';
import { reasonCategory } from '../../src/renderer/components/FieldsPanel';
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
