// Demo data: synthetic participants and a few sample claim cases, so a newcomer sees a working app.
// Only ever seeds an empty data folder; never real people's data.
import { syntheticParticipant } from '../../shared/synth/people';
import type { Participant } from '../../shared/domain/participant';
import { checkCase } from '../checks/case-checks';
import type { BackendContext } from '../context';
import { addFilesToCase } from '../intake/intake';
import { NameIndex } from '../participants/name-index';
import { participantWriter } from '../participants/participant-writer';
import { createCase } from '../services/cases';
import { generateDossier, type Dossier } from '../synth/index';

export const DEMO_SEED = 2026;
export const DEMO_PARTICIPANTS = 240;

export interface DemoResult {
  seeded: boolean;
  participants: number;
  cases: number;
  files: number;
}

export interface DemoOptions {
  /** Attach generated scanned dossiers to the sample cases; their pages wait for OCR, which the app
   * resumes when it starts (startBackgroundWork). */
  files?: boolean;
}

/** Writes participants through the same writer as the CSV import, so the name index follows them. */
export function insertParticipants(ctx: BackendContext, people: Iterable<Participant>, at = new Date().toISOString()): number {
  const writer = participantWriter(ctx.db, new NameIndex(ctx.db));
  let n = 0;
  ctx.db.transaction(() => {
    for (const p of people) if (writer.upsert(p, at) === 'inserted') n++;
  })();
  return n;
}

/** The demo participants: the same people on every machine. */
export function* demoParticipants(count = DEMO_PARTICIPANTS): Generator<Participant> {
  for (let i = 0; i < count; i++) yield syntheticParticipant(DEMO_SEED, i);
}

function printedIncidentDate(dossier: Dossier): string | undefined {
  for (const f of dossier.files) {
    for (const d of f.truth.documents) {
      const date = d.fields.tanggal_kecelakaan ?? d.fields.tanggal_kematian;
      if (typeof date === 'string') return date;
    }
  }
  return undefined;
}

export async function seedDemo(ctx: BackendContext, options: DemoOptions = {}): Promise<DemoResult> {
  const existing = ctx.db.prepare(`SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM cases) AS n`).pluck().get() as number;
  if (existing > 0) return { seeded: false, participants: 0, cases: 0, files: 0 };
  const participants = insertParticipants(ctx, demoParticipants());
  const people = [...demoParticipants(6)];
  const samples = [
    { claimType: 'JKK', person: people[0], incidentDate: '2026-10-14', notes: 'Kecelakaan lalu lintas saat berangkat kerja.' },
    { claimType: 'JKM', person: people[1], incidentDate: '2026-09-30', notes: 'Ahli waris: istri.' },
    { claimType: 'JHT', person: people[2], incidentDate: undefined, notes: 'Berhenti bekerja (BPU).' },
    { claimType: 'JKK', person: people[3], incidentDate: '2026-11-02', notes: '' },
  ] as const;
  let files = 0;
  for (const [index, s] of samples.entries()) {
    if (!s.person) continue;
    // The first two sample cases come with their scanned dossier, generated for the same person; the
    // case's incident date is the one on those documents. The accident forms are partly filled in by
    // hand, as they are at the counter: those values wait for the officer.
    const dossier = options.files && index < 2 ? await generateDossier(DEMO_SEED, { claimType: s.claimType, participantIndex: index, handwriting: s.claimType === 'JKK' }) : null;
    const incidentDate = (dossier && printedIncidentDate(dossier)) ?? s.incidentDate;
    const created = createCase(ctx, { claimType: s.claimType, kpj: s.person.nomor_kpj, incidentDate, notes: s.notes });
    if (dossier) {
      const added = await addFilesToCase(ctx, created.id, dossier.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.bytes) })));
      files += added.length;
    }
    checkCase(ctx, created.id);
  }
  return { seeded: true, participants, cases: samples.length, files };
}
