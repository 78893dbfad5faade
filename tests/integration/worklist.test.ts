// The worklist as the branch sees it: each open case's statutory deadline in working days (public
// holidays excluded, the list editable by an administrator), the nearest deadline first, filters, search
// by KPJ, NIK or name, and pages with the total.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { checkCase } from '../../src/main/checks/case-checks';
import { createDispatcher } from '../../src/main/dispatch';
import { createCase } from '../../src/main/services/cases';
import type { CaseSummary } from '../../src/shared/api/methods-cases';
import { importPeople } from '../helpers/dossiers';
import { SYSTEM } from '../helpers/sessions';
import { tempContext } from '../helpers/temp-home';
import { PARTICIPANT } from '../unit/rules/builders';

let ctx: BackendContext;
let cleanup: () => Promise<void>;
// Monday 16 March 2026, in the week of Nyepi (Thu 19) and Idul Fitri (Fri 20, Sat 21) in the shipped list.
const TODAY = new Date(2026, 2, 16, 10, 0, 0);

beforeEach(async () => {
  const t = tempContext('cli', { clock: () => TODAY });
  ctx = t.ctx;
  cleanup = t.cleanup;
  await importPeople(ctx, [PARTICIPANT]);
});
afterEach(async () => cleanup());

const call = async <T>(method: string, input: unknown): Promise<T> => {
  const r = await createDispatcher(ctx, () => undefined)(method, input, SYSTEM);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
};
const list = (input: Record<string, unknown>) => call<{ cases: CaseSummary[]; total: number }>('cases.list', input);

function opened(claimType: 'JKK' | 'JKM' | 'JHT', filed: string, kpj?: string): number {
  const id = createCase(ctx, { claimType, kpj, incidentDate: '2026-02-20', notes: '' }, { now: new Date(`${filed}T03:00:00Z`) }).id;
  checkCase(ctx, id);
  return id;
}

describe('the worklist', () => {
  it('gives each open case its deadline in working days, holidays excluded, and puts the nearest first', async () => {
    const death = opened('JKM', '2026-03-16', PARTICIPANT.nomor_kpj);
    const accident = opened('JKK', '2026-03-02');
    const decided = opened('JKK', '2026-03-01');
    ctx.db.prepare(`UPDATE cases SET status = 'approved' WHERE id = ?`).run(decided);

    const { cases, total } = await list({ sort: 'due' });
    expect(total).toBe(3);
    expect(cases.map((c) => c.id)).toEqual([accident, death, decided]);
    const byId = new Map(cases.map((c) => [c.id, c]));
    // JKK: 7 working days from Mon 2 March is Wed 11 March; on Mon 16 it is 3 working days late.
    expect(byId.get(accident)).toMatchObject({ payBy: '2026-03-11', workingDaysLeft: -3 });
    // JKM: 3 working days from Mon 16 March skip Nyepi and Idul Fitri: Mon 23 March, 3 working days away.
    expect(byId.get(death)).toMatchObject({ payBy: '2026-03-23', workingDaysLeft: 3 });
    expect(byId.get(decided)!.workingDaysLeft).toBeNull();

    // An administrator's own holiday list moves the deadlines when the cases are checked again.
    await call('settings.update', { holidays: [{ date: '2026-03-17', name: 'Libur daerah' }] });
    expect(await call('settings.get', {})).toMatchObject({ holidays: [{ date: '2026-03-17', name: 'Libur daerah' }], holidaysEdited: true });
    checkCase(ctx, death);
    expect((await list({ sort: 'due' })).cases.find((c) => c.id === death)).toMatchObject({ payBy: '2026-03-20', workingDaysLeft: 3 });
    await call('settings.update', { holidays: null });
    expect(await call('settings.get', {})).toMatchObject({ holidaysEdited: false });
  });

  it('filters by status and claim type, finds by KPJ, NIK or name, and pages with the total', async () => {
    const mine = opened('JKM', '2026-03-16', PARTICIPANT.nomor_kpj);
    const others = Array.from({ length: 7 }, (_v, i) => opened(i % 2 ? 'JKK' : 'JHT', `2026-03-0${i + 2}`));
    expect((await list({ query: PARTICIPANT.nomor_kpj.slice(0, 6) })).cases.map((c) => c.id)).toEqual([mine]);
    expect((await list({ query: PARTICIPANT.nik })).cases.map((c) => c.id)).toEqual([mine]);
    expect((await list({ query: 'aminah' })).cases.map((c) => c.id)).toEqual([mine]);
    expect((await list({ claimType: ['JKK'] })).total).toBe(3);
    expect((await list({ status: ['approved'] })).total).toBe(0);
    const first = await list({ sort: 'updated', limit: 3 });
    const second = await list({ sort: 'updated', limit: 3, offset: 3 });
    const third = await list({ sort: 'updated', limit: 3, offset: 6 });
    expect([first.total, second.total, third.total]).toEqual([8, 8, 8]);
    expect([...first.cases, ...second.cases, ...third.cases].map((c) => c.id).sort((a, b) => a - b)).toEqual([mine, ...others].sort((a, b) => a - b));
  });
});
