// The demo ships pre-generated in resources/demo: its participants are the generator's demo people in
// the contract's CSV, every sample case names a shipped participant and shipped files, the whole stays
// small, and seeding from it opens the sample cases with their scanned files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDir, demoManifestSchema, demoParticipants, seedDemo } from '../../src/main/demo/seed';
import { DEMO_PARTICIPANTS, DEMO_SEED } from '../../tools/synth/demo';
import { participantsCsv, syntheticPeople } from '../../tools/synth/participants-csv';
import { tempContext } from '../helpers/temp-home';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('shipped demo data', () => {
  const dir = demoDir();
  const manifest = demoManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));

  it('holds the generator demo people as a contract CSV, read back as the import reads it', () => {
    expect(fs.readFileSync(path.join(dir, manifest.participants), 'utf8')).toBe(participantsCsv(syntheticPeople(DEMO_SEED, DEMO_PARTICIPANTS)));
    const people = [...demoParticipants()];
    expect(people).toHaveLength(DEMO_PARTICIPANTS);
    expect(people[7]).toEqual(syntheticPeople(DEMO_SEED, 8)[7]);
  });

  it('names shipped participants and files in every sample case, and stays a few MB', () => {
    const kpjs = new Set([...demoParticipants()].map((p) => p.nomor_kpj));
    let bytes = 0;
    for (const c of manifest.cases) {
      expect(kpjs.has(c.kpj), c.kpj).toBe(true);
      for (const f of c.files) bytes += fs.statSync(path.join(dir, f)).size;
    }
    expect(manifest.cases.some((c) => c.files.length > 0)).toBe(true);
    expect(bytes).toBeLessThan(5 * 1024 * 1024);
  });

  it('seeds an empty data folder with the sample cases and their files, and never a folder with data', async () => {
    const t = tempContext();
    cleanups.push(t.cleanup);
    const seeded = await seedDemo(t.ctx, { files: true });
    expect(seeded).toMatchObject({
      seeded: true,
      participants: DEMO_PARTICIPANTS,
      cases: manifest.cases.length,
      files: manifest.cases.flatMap((c) => c.files).length,
    });
    const incident = t.ctx.db.prepare(`SELECT kpj, incident_date AS d FROM cases ORDER BY id`).all() as { kpj: string; d: string | null }[];
    expect(incident).toEqual(manifest.cases.map((c) => ({ kpj: c.kpj, d: c.incidentDate })));
    expect((await seedDemo(t.ctx, { files: true })).seeded).toBe(false);
  });
});
