// `claimdesk verify --json` end to end on a generated dossier (real rendering, real OCR) against an
// imported participant CSV. One small dossier keeps the OCR time short.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli/index';
import { generateDossier } from '../../../tools/synth/index';
import { participantsCsv, syntheticPeople } from '../../fixtures/participants/csv';

let dir: string;

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const code = await main(['node', 'claimdesk', '--home', path.join(dir, 'home'), ...args]);
    return { code, out };
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-verify-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('claimdesk verify', () => {
  it('opens a case, reads the dossier and prints flags and checklist as contract JSON', async () => {
    const seed = 21;
    const dossier = await generateDossier(seed, { claimType: 'JKM', degradations: ['clean'], otherPages: false });
    const files = dossier.files.map((f) => {
      const p = path.join(dir, f.name);
      fs.writeFileSync(p, f.bytes);
      return p;
    });
    fs.writeFileSync(path.join(dir, 'p.csv'), participantsCsv(syntheticPeople(seed, 30)));
    const imported = await run(['--json', 'participants', 'import', path.join(dir, 'p.csv')]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ inserted: 30, errors: [] });
    const found = await run(['--json', 'participants', 'search', dossier.participant.nama.toLowerCase()]);
    expect(JSON.parse(found.out).hits[0]).toMatchObject({ nomor_kpj: dossier.participant.nomor_kpj, matchedBy: 'name' });
    expect(JSON.parse((await run(['--json', 'participants', 'history'])).out).imports[0]).toMatchObject({ inserted: 30, status: 'done' });

    const res = await run(['--json', 'verify', '--claim-type', 'JKM', '--kpj', dossier.participant.nomor_kpj, ...files]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.out) as {
      case: { claimType: string; kpj: string };
      documents: { type: string }[];
      flags: { rule: string; severity: string; message: { id: string; en: string } }[];
      checklist: { type: string; required: boolean; present: boolean }[];
    };
    expect(out.case).toMatchObject({ claimType: 'JKM', kpj: dossier.participant.nomor_kpj });
    expect(out.documents.map((d) => d.type)).toEqual(expect.arrayContaining(['kartu_peserta', 'ktp', 'akta_kematian']));
    // A clean dossier: no blocker.
    expect(out.flags.filter((f) => f.severity === 'blocker')).toEqual([]);
    expect(out.checklist.find((c) => c.type === 'kartu_peserta')).toEqual({ type: 'kartu_peserta', required: true, present: true });

    // Verifying the same dossier again opens a second case: a second JKM claim for one participant, a
    // blocking duplicate that names the first case.
    const again = await run(['--json', 'verify', '--claim-type', 'JKM', '--kpj', dossier.participant.nomor_kpj, ...files]);
    type Flagged = { case: { reference: string }; flags: { rule: string; severity: string; evidence: { details?: { reference?: string } } }[] };
    const second = JSON.parse(again.out) as Flagged;
    expect(second.case).not.toEqual(out.case);
    expect(second.flags.filter((f) => f.rule === 'claim.duplicate').map((f) => [f.severity, f.evidence.details?.reference])).toEqual([
      ['blocker', (out as unknown as Flagged).case.reference],
    ]);
  }, 240_000);

  it('exits non-zero with a clear message on bad input', async () => {
    expect((await run(['--json', 'verify', '--claim-type', 'XYZ', '--kpj', '12345678901', 'a.pdf'])).code).toBe(2);
    const unknown = await run(['--json', 'verify', '--claim-type', 'JKM', '--kpj', '99999999999', path.join(dir, 'p.csv')]);
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'not_found' } });
    expect((await run(['--json', 'participants', 'import', path.join(dir, 'missing.csv')])).code).toBe(2);
  });
});
