import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { demoParticipants, seedDemo } from '../../src/main/demo/seed';
import { createDispatcher, type Dispatch } from '../../src/main/dispatch';
import { setCaseStatus } from '../../src/main/services/cases';
import { statusAfterSubmit } from '../../src/shared/domain/workflow';
import { tempContext } from '../helpers/temp-home';

let ctx: BackendContext;
let dispatch: Dispatch;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = tempContext();
  ctx = t.ctx;
  cleanup = t.cleanup;
  dispatch = createDispatcher(ctx, () => undefined);
  await seedDemo(ctx);
});
afterEach(async () => cleanup());

async function newCase(): Promise<number> {
  const person = [...demoParticipants(8)][7]!;
  const res = await dispatch('cases.create', { claimType: 'JKK', kpj: person.nomor_kpj, incidentDate: '2026-11-01' });
  return (res as { value: { id: number } }).value.id;
}

describe('review workflow', () => {
  it('sends flagged cases to a supervisor and approves clean ones on submit', () => {
    expect(statusAfterSubmit('draft', 2)).toBe('awaiting_supervisor');
    expect(statusAfterSubmit('returned', 0)).toBe('approved');
    expect(statusAfterSubmit('approved', 0)).toBeNull();
    expect(statusAfterSubmit('awaiting_supervisor', 1)).toBeNull();
  });

  it('lets only supervisors decide, requires a reason to reject or return, and records who decided', async () => {
    const id = await newCase();
    setCaseStatus(ctx, id, 'draft', 'awaiting_supervisor');
    await dispatch('app.setOperator', { name: 'Budi (petugas)', role: 'officer' });
    expect(await dispatch('cases.decide', { caseId: id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await dispatch('app.setOperator', { name: 'Rina (supervisor)', role: 'supervisor' });
    expect(await dispatch('cases.decide', { caseId: id, decision: 'return' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const returned = await dispatch('cases.decide', { caseId: id, decision: 'return', reason: 'Buku tabungan tidak terbaca' });
    expect(returned).toMatchObject({ ok: true, value: { status: 'returned' } });
    expect(await dispatch('cases.decide', { caseId: id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const got = (await dispatch('cases.get', { id })) as { value: { history: { actor: string; action: string; detail: { reason?: string } }[] } };
    const decision = got.value.history.find((h) => h.action === 'cases.decide');
    expect(decision).toMatchObject({ actor: 'Rina (supervisor)', detail: { decision: 'return', reason: 'Buku tabungan tidak terbaca' } });
  });

  it('runs the checks on submit: a case missing its documents goes to a supervisor, and cannot be submitted twice', async () => {
    const id = await newCase();
    const submitted = await dispatch('cases.submit', { caseId: id });
    expect(submitted).toMatchObject({ ok: true, value: { status: 'awaiting_supervisor' } });
    expect((submitted as { value: { flagCount: number } }).value.flagCount).toBeGreaterThan(0);
    const checks = (await dispatch('checks.get', { caseId: id })) as { value: { flags: { rule: string }[] } };
    expect(checks.value.flags.map((f) => f.rule)).toContain('documents.missing_required');
    expect(await dispatch('cases.submit', { caseId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
