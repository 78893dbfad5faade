// Where a submitted case goes, and how a finding is recognised across check runs.
import { describe, expect, it } from 'vitest';
import type { Flag } from '../../src/shared/domain/claims';
import { canDecide, canEdit, flagKey, lockReason, routeOnSubmit } from '../../src/shared/domain/workflow';

const flag = (severity: Flag['severity'], over: Partial<Flag['evidence']> = {}): Flag => ({
  rule: 'identity.name_mismatch',
  severity,
  message: { id: 'x', en: 'x' },
  evidence: { document: { documentId: '7', field: 'nama', value: 'SITI' }, record: { field: 'nama', value: 'SITI AMINAH' }, ...over },
});

describe('routing on submit', () => {
  it('approves only a case with no finding at all, and only where the policy allows', () => {
    expect(routeOnSubmit([], true).to).toBe('approved');
    expect(routeOnSubmit([], false)).toMatchObject({ to: 'awaiting_supervisor', autoApproveAllowed: false });
    expect(routeOnSubmit([flag('blocker')], true)).toMatchObject({ to: 'awaiting_supervisor', blockers: 1 });
    expect(routeOnSubmit([flag('warning')], true)).toMatchObject({ to: 'awaiting_supervisor', warnings: 1 });
  });

  it('never approves a case with a rule that could not be judged, and lists what was missing', () => {
    const unjudged: Flag = { rule: 'identity.nik_mismatch', severity: 'info', message: { id: 'x', en: 'x' }, evidence: { missing: ['participant'] } };
    const also: Flag = { ...unjudged, rule: 'membership.inactive_at_incident', evidence: { missing: ['incidentDate', 'participant'] } };
    expect(routeOnSubmit([unjudged, also], true)).toMatchObject({
      to: 'awaiting_supervisor',
      blockers: 0,
      warnings: 0,
      unjudged: ['incidentDate', 'participant'],
    });
  });

  it('lets a judged information flag through (an heir holding the account is no finding)', () => {
    expect(routeOnSubmit([flag('info')], true).to).toBe('approved');
  });
});

describe('case locks', () => {
  it('changes only while an officer works the case', () => {
    expect(['draft', 'in_review', 'returned'].every((s) => canEdit(s as 'draft'))).toBe(true);
    expect(lockReason('awaiting_supervisor')).toBe('awaiting');
    expect(lockReason('approved')).toBe('frozen');
    expect(lockReason('rejected')).toBe('frozen');
    expect(canDecide('awaiting_supervisor')).toBe(true);
    expect(canDecide('returned')).toBe(false);
  });
});

describe('flag keys', () => {
  it('are the same for the same finding and differ when the evidence changes', () => {
    expect(flagKey(flag('warning'))).toBe(flagKey(flag('warning')));
    expect(flagKey(flag('warning'))).not.toBe(flagKey(flag('warning', { document: { documentId: '7', field: 'nama', value: 'SITI A' } })));
    expect(flagKey(flag('warning'))).not.toBe(flagKey({ ...flag('warning'), rule: 'identity.dob_mismatch' }));
  });
});
