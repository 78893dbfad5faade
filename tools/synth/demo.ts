// Writes the demo data the product ships in resources/demo (read by src/main/demo/seed.ts):
//   npm run demo:build [-- --out DIR]
// the demo participants as a contract §3 CSV, the scanned dossiers of the first sample cases, and
// manifest.json with what the seed needs for each sample case. Deterministic: the same files every run.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClaimType } from '../../src/shared/domain/claims';
import type { DemoManifest } from '../../src/main/demo/seed';
import { generateDossier, type Dossier, type DossierOptions } from './dossier';
import { participantsCsv, syntheticPeople } from './participants-csv';

export const DEMO_SEED = 2026;
export const DEMO_PARTICIPANTS = 240;

interface Sample {
  claimType: ClaimType;
  incidentDate: string | null;
  notes: string;
  /** The sample's scanned dossier, generated for the same person; none when absent. */
  dossier?: DossierOptions;
}

/** The sample cases, for the first demo participants in order. */
const SAMPLES: readonly Sample[] = [
  // Accident forms partly filled in by hand, as they are at the counter: those values wait for the officer.
  { claimType: 'JKK', incidentDate: '2026-10-14', notes: 'Kecelakaan lalu lintas saat berangkat kerja.', dossier: { handwriting: true } },
  { claimType: 'JKM', incidentDate: '2026-09-30', notes: 'Ahli waris: istri.', dossier: {} },
  { claimType: 'JHT', incidentDate: null, notes: 'Berhenti bekerja (BPU).' },
  { claimType: 'JKK', incidentDate: '2026-11-02', notes: '' },
];

/** The incident date the dossier prints (accident or death), which the case then carries. */
function printedIncidentDate(dossier: Dossier): string | null {
  for (const f of dossier.files) {
    for (const d of f.truth.documents) {
      const date = d.fields.tanggal_kecelakaan ?? d.fields.tanggal_kematian;
      if (typeof date === 'string') return date;
    }
  }
  return null;
}

export async function writeDemo(out: string): Promise<DemoManifest> {
  await mkdir(out, { recursive: true });
  // Only what this run writes stays: no file of an older build lingers in what the app ships.
  for (const f of await readdir(out)) await rm(path.join(out, f), { recursive: true });
  const people = syntheticPeople(DEMO_SEED, DEMO_PARTICIPANTS);
  await writeFile(path.join(out, 'participants.csv'), participantsCsv(people));
  const manifest: DemoManifest = { participants: 'participants.csv', cases: [] };
  for (const [index, s] of SAMPLES.entries()) {
    const person = people[index];
    if (!person) throw new Error(`no demo participant ${index}`);
    const files: string[] = [];
    let incidentDate = s.incidentDate;
    if (s.dossier) {
      const dossier = await generateDossier(DEMO_SEED, {
        ...s.dossier,
        claimType: s.claimType,
        participantIndex: index,
        prefix: `demo-${s.claimType.toLowerCase()}`,
      });
      incidentDate = printedIncidentDate(dossier) ?? incidentDate;
      for (const f of dossier.files) {
        await writeFile(path.join(out, f.name), f.bytes);
        files.push(f.name);
      }
    }
    manifest.cases.push({ claimType: s.claimType, kpj: person.nomor_kpj, incidentDate, notes: s.notes, files });
  }
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const out =
    i > 0 && process.argv[i + 1]
      ? path.resolve(process.argv[i + 1] as string)
      : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'demo');
  const manifest = await writeDemo(out);
  process.stdout.write(
    `demo data written to ${out}: ${DEMO_PARTICIPANTS} participants, ${manifest.cases.length} sample cases, ${manifest.cases.flatMap((c) => c.files).length} scanned files\n`,
  );
}
