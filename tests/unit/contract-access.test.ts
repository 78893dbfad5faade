// Every contract method declares who may call it, and the declarations say what the issue asks:
// participant import, settings and accounts for administrators; decisions for supervisors only; case
// work for officers (and supervisors); nothing open without signing in but signing in itself.
import { describe, expect, it } from 'vitest';
import { accessProblems, PUBLIC_METHODS } from '../../src/shared/api/access';
import { contract, METHOD_NAMES } from '../../src/shared/api/contract';
import { handlerFor } from '../../src/main/handlers/index';

const allowOf = (m: string): readonly string[] => (contract as Record<string, { allow: readonly string[] }>)[m]!.allow;

describe('access declarations', () => {
  it('every method of the contract declares valid callers and has a handler', async () => {
    expect(accessProblems(contract)).toEqual([]);
    for (const m of METHOD_NAMES) expect(typeof (await handlerFor(m)), m).toBe('function');
  });

  it('a method without a declaration is caught', () => {
    const table = { ...contract, 'cases.sneaky': { input: contract['cases.get'].input, output: contract['cases.get'].output } };
    expect(accessProblems(table)).toEqual(['cases.sneaky: declares no callers (allow)']);
    expect(accessProblems({ 'cases.open': { allow: ['anyone'] } })).toEqual(['cases.open: open to anyone but not a sign-in method']);
    expect(accessProblems({ 'cases.odd': { allow: ['root'] } })).toEqual(['cases.odd: unknown caller root']);
  });

  it('only the sign-in methods are open without a session', () => {
    expect(METHOD_NAMES.filter((m) => allowOf(m).includes('anyone')).sort()).toEqual([...PUBLIC_METHODS].sort());
  });

  it('gives master data, settings and accounts to administrators, decisions to supervisors, case work to officers', () => {
    for (const m of ['participants.import', 'settings.update', 'users.create', 'users.update', 'users.resetPassword', 'users.list']) {
      expect(allowOf(m), m).toContain('admin');
      expect(allowOf(m), m).not.toContain('officer');
      expect(allowOf(m), m).not.toContain('supervisor');
    }
    for (const m of ['cases.decide', 'cases.reopen']) expect(allowOf(m), m).toEqual(['supervisor']);
    for (const m of ['cases.create', 'cases.submit', 'extraction.setField', 'extraction.setType', 'documents.add', 'flags.dismiss', 'checks.run']) {
      expect(allowOf(m), m).toContain('officer');
      expect(allowOf(m), m).not.toContain('admin');
    }
    expect(allowOf('audit.list')).not.toContain('officer');
  });
});
