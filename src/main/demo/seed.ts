// Demo data: synthetic participants and a few sample claim cases, so a newcomer sees a working app.
// Only ever seeds an empty data folder; never real people's data. The product carries no document
// generator: the demo ships pre-generated in resources/demo (participants as a contract §3 CSV, scanned
// dossiers, and a manifest of the sample cases), written by `npm run demo:build` (tools/synth/demo.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { claimTypeSchema } from '../../shared/domain/claims';
import type { Participant } from '../../shared/domain/participant';
import type { Role } from '../../shared/api/roles';
import type { SystemCaller } from '../auth/caller';
import { randomPassword } from '../auth/passwords';
import { countUsers, createUser } from '../auth/users';
import { checkCase } from '../checks/case-checks';
import type { BackendContext } from '../context';
import { ocrLimits } from '../ocr/config';
import { addCaseFile } from '../services/case-edits';
import { validateRow } from '../participants/csv-row';
import { NameIndex } from '../participants/name-index';
import { participantWriter } from '../participants/participant-writer';
import { runSteps } from '../db/batch';
import { resourcesDir } from '../paths';
import { createCase } from '../services/cases';
import type { DemoAccount } from './accounts';

export interface DemoResult {
  seeded: boolean;
  participants: number;
  cases: number;
  files: number;
  /** One account of each role, with its password (random, printed once); empty when accounts existed. */
  accounts: DemoAccount[];
}

/** Who the demo's records are created by in the audit trail. */
const DEMO: SystemCaller = { kind: 'system', username: 'system:demo' };

const DEMO_ACCOUNTS: { username: string; role: Role; displayName: string }[] = [
  { username: 'petugas', role: 'officer', displayName: 'Petugas Demo' },
  { username: 'supervisor', role: 'supervisor', displayName: 'Supervisor Demo' },
  { username: 'admin', role: 'admin', displayName: 'Administrator Demo' },
];

/** One account of each role with a fresh random password, only in a folder that has no account yet. */
export async function seedDemoAccounts(ctx: BackendContext): Promise<DemoAccount[]> {
  if (countUsers(ctx) > 0) return [];
  const accounts: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const password = randomPassword();
    await createUser(ctx, DEMO, { ...a, password });
    accounts.push({ ...a, password });
  }
  return accounts;
}

export interface DemoOptions {
  /** Attach the shipped scanned dossiers to their sample cases; their pages wait for OCR, which the app
   * resumes when it starts (startBackgroundWork). */
  files?: boolean;
}

/** resources/demo/manifest.json: what the seed needs to open each sample case. */
export const demoManifestSchema = z.object({
  /** The participants file, relative to the manifest. */
  participants: z.string(),
  cases: z.array(
    z.object({
      claimType: claimTypeSchema,
      kpj: z.string().regex(/^\d{11}$/),
      /** The incident (accident or death) date, as printed on the case's documents when it has any. */
      incidentDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      notes: z.string(),
      /** Scanned files, relative to the manifest. */
      files: z.array(z.string()),
    }),
  ),
});
export type DemoManifest = z.infer<typeof demoManifestSchema>;

export const demoDir = (): string => path.join(resourcesDir(), 'demo');

function readManifest(dir: string): DemoManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`The demo data is missing (${file}); run "npm run demo:build".`);
  return demoManifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Participants from a contract §3 CSV, validated row by row as the CSV import validates them. */
function* participantsFrom(file: string): Generator<Participant> {
  // csv-parse's ESM and CommonJS type declarations differ (unknown and any): the assertion keeps both exact.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const rows = parse(fs.readFileSync(file), {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
  }) as Record<string, string>[];
  for (const [i, row] of rows.entries()) {
    const v = validateRow((c) => row[c], Object.values(row));
    // The file is built and shipped with the app: a bad row is a build error, not an officer's typo.
    if (!v.ok) throw new Error(`${file} line ${i + 2}: ${v.reason}`);
    yield v.participant;
  }
}

/** The first `count` demo participants: the same people on every machine. */
export function* demoParticipants(count = Infinity, dir = demoDir()): Generator<Participant> {
  if (count <= 0) return;
  let n = 0;
  for (const p of participantsFrom(path.join(dir, readManifest(dir).participants))) {
    yield p;
    if (++n >= count) return;
  }
}

/** Writes participants through the same writer as the CSV import, so the name index follows them. */
export function insertParticipants(ctx: BackendContext, people: Iterable<Participant>, at = new Date().toISOString()): number {
  const writer = participantWriter(ctx.db, new NameIndex(ctx.db));
  let n = 0;
  let batch = new Map<string, Participant>();
  const flush = (): void => {
    const plan = writer.plan([...batch.values()], at);
    runSteps(plan.steps);
    n += plan.outcomes.filter((o) => o === 'inserted').length;
    batch = new Map();
  };
  ctx.db.transaction(() => {
    for (const p of people) {
      // A KPJ seen again is written after the batch holding the first.
      if (batch.has(p.nomor_kpj) || batch.size >= 500) flush();
      batch.set(p.nomor_kpj, p);
    }
    flush();
  })();
  return n;
}

export async function seedDemo(ctx: BackendContext, options: DemoOptions = {}, dir = demoDir()): Promise<DemoResult> {
  const existing = ctx.db.prepare(`SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM cases) AS n`).pluck().get() as number;
  if (existing > 0) return { seeded: false, participants: 0, cases: 0, files: 0, accounts: [] };
  const manifest = readManifest(dir);
  const accounts = await seedDemoAccounts(ctx);
  const participants = insertParticipants(ctx, participantsFrom(path.join(dir, manifest.participants)));
  let files = 0;
  for (const s of manifest.cases) {
    const created = createCase(ctx, { claimType: s.claimType, kpj: s.kpj, incidentDate: s.incidentDate ?? undefined, notes: s.notes }, { by: DEMO });
    if (options.files) {
      for (const f of s.files) {
        files += (await addCaseFile(ctx, DEMO, created.id, { name: path.basename(f), bytes: fs.readFileSync(path.join(dir, f)) }, ocrLimits())).length;
      }
    }
    checkCase(ctx, created.id);
  }
  return { seeded: true, participants, cases: manifest.cases.length, files, accounts };
}
