import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackendContext } from '../../src/main/context';
import { seedDemo, demoParticipants } from '../../src/main/demo/seed';
import { createDispatcher, type Dispatch } from '../../src/main/dispatch';
import { SCHEMA_VERSION } from '../../src/main/db/migrations/index';
import { SYSTEM } from '../helpers/sessions';
import { tempContext } from '../helpers/temp-home';

let ctx: BackendContext;
/** The command line's calls: the local system operator (permissions are tested in permissions.test.ts). */
let dispatch: (method: string, payload: unknown) => ReturnType<Dispatch>;
let cleanup: () => Promise<void>;
const logged: string[] = [];

beforeEach(async () => {
  const t = tempContext();
  ctx = t.ctx;
  cleanup = t.cleanup;
  const d = createDispatcher(ctx, (m) => logged.push(m));
  dispatch = (method, payload) => d(method, payload, SYSTEM);
  await seedDemo(ctx);
});
afterEach(async () => cleanup());

describe('opening a case and linking its participant', () => {
  it('refuses a future incident date and a death claim without the date of death, each with its reason', async () => {
    const tomorrow = new Date(ctx.now().getTime() + 36 * 3_600_000).toISOString().slice(0, 10);
    expect(await dispatch('cases.create', { claimType: 'JKK', incidentDate: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { field: 'incidentDate', reason: 'future_date' } },
    });
    expect(await dispatch('cases.create', { claimType: 'JKM' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { reason: 'death_date_required' } },
    });
    expect(await dispatch('cases.create', { claimType: 'JKM', incidentDate: '2026-03-07' })).toMatchObject({ ok: true });
    expect(await dispatch('cases.create', { claimType: 'JKK', kpj: '99999999999' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', params: { kpj: '99999999999', reason: 'no_participant' } },
    });
  });

  it('links a case opened without its participant, audits it and checks the case again', async () => {
    const person = [...demoParticipants(9)][8]!;
    const created = await dispatch('cases.create', { claimType: 'JKK', incidentDate: '2026-03-07' });
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { id: number }).id;
    const checkedAt = (): string => ctx.db.prepare(`SELECT checked_at FROM case_checks WHERE case_id = ?`).pluck().get(id) as string;
    const before = checkedAt();
    expect(await dispatch('cases.setParticipant', { caseId: id, kpj: '99999999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const linked = await dispatch('cases.setParticipant', { caseId: id, kpj: person.nomor_kpj });
    expect(linked).toMatchObject({ ok: true, value: { id, kpj: person.nomor_kpj, participantName: person.nama } });
    expect(ctx.db.prepare(`SELECT detail FROM audit_log WHERE case_id = ? AND action = 'cases.setParticipant'`).pluck().get(id)).toContain(person.nomor_kpj);
    await expect.poll(checkedAt, { timeout: 20_000 }).not.toBe(before);
  });
});

describe('the API contract end to end (real SQLite)', () => {
  it('app.info reports version, data folder, schema version and the shipped OCR languages', async () => {
    const res = await dispatch('app.info', {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const info = res.value as { dataFolder: string; schemaVersion: number; ocrLanguages: string[]; participantCount: number };
    expect(info.dataFolder).toBe(ctx.home);
    expect(info.schemaVersion).toBe(SCHEMA_VERSION);
    expect(info.ocrLanguages).toEqual(expect.arrayContaining(['eng', 'ind']));
    expect(info.participantCount).toBeGreaterThanOrEqual(200);
  });

  it('finds a participant by NIK and by KPJ, and gets them with their other memberships', async () => {
    const person = [...demoParticipants(1)][0]!;
    const byNik = await dispatch('participants.search', { query: person.nik });
    expect(byNik).toMatchObject({ ok: true, value: { hits: [{ nik: person.nik, nama: person.nama, matchedBy: 'nik' }] } });
    const spaced = person.nomor_kpj.replace(/(\d{3})(\d{4})(\d{4})/, '$1-$2-$3');
    const byKpj = await dispatch('participants.search', { query: spaced });
    expect(byKpj).toMatchObject({ ok: true, value: { hits: [{ nomor_kpj: person.nomor_kpj }] } });
    const id = (byKpj as { value: { hits: { id: number }[] } }).value.hits[0]!.id;
    const got = await dispatch('participants.get', { id });
    expect(got).toMatchObject({ ok: true, value: { participant: { id, nik: person.nik }, memberships: [] } });
  });

  it('finds a demo participant by name, spelled as an officer would type it', async () => {
    const person = [...demoParticipants(5)][4]!;
    const res = (await dispatch('participants.search', { query: person.nama.toLowerCase() })) as {
      ok: true;
      value: { hits: { nik: string; matchedBy: string }[] };
    };
    expect(res.ok).toBe(true);
    expect(res.value.hits.map((h) => h.nik)).toContain(person.nik);
    expect(res.value.hits[0]!.matchedBy).toBe('name');
  });

  it('creates, lists and gets cases', async () => {
    const person = [...demoParticipants(10)][9]!;
    const created = await dispatch('cases.create', { claimType: 'JKM', kpj: person.nomor_kpj, incidentDate: '2026-10-01' });
    expect(created).toMatchObject({ ok: true, value: { claimType: 'JKM', status: 'draft', participantName: person.nama } });
    const id = (created as { value: { id: number; reference: string } }).value.id;
    const list = await dispatch('cases.list', {});
    expect((list as { value: { cases: { id: number }[] } }).value.cases.map((c) => c.id)).toContain(id);
    expect(await dispatch('cases.get', { id })).toMatchObject({ ok: true, value: { id, kpj: person.nomor_kpj } });
    const audit = ctx.db.prepare(`SELECT action, case_id FROM audit_log WHERE action = 'cases.create'`).all();
    expect(audit).toContainEqual({ action: 'cases.create', case_id: id });
  });

  it('answers a malformed payload with a typed error naming the bad field, and keeps serving', async () => {
    const bad = await dispatch('cases.create', { claimType: 'JKX', kpj: '12' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid_input');
    expect(bad.error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['claimType', 'kpj']));
    expect(await dispatch('participants.search', { query: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'query' }] } });
    expect(await dispatch('cases.get', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('cases.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true });
  });

  it('rejects unknown methods and reports missing records', async () => {
    expect(await dispatch('system.shutdown', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatch('cases.get', { id: 999_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch('cases.create', { claimType: 'JKK', kpj: '99999999999' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('turns an unexpected failure into an internal error and logs the stack on the Node side', async () => {
    ctx.db.exec('DROP TABLE audit_log');
    const res = await dispatch('cases.create', { claimType: 'JHT' });
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(res)).not.toMatch(/audit_log/);
    expect(logged.join('\n')).toMatch(/audit_log/);
  });
});
