// Power cuts, on purpose (issue 16 item 9): a running back end (`claimdesk serve`) is killed with
// SIGKILL while it reads a case's pages, while an officer saves corrections, and a participant import
// (`claimdesk participants import`) is killed half-way; after every kill the data folder is opened and
// checked: the database passes its integrity check, every correction the officer was told was saved is
// there (with its audit entry), every attached file has its audit entry, and an interrupted import is
// undone and recorded as interrupted at the next start. At the end the back end resumes and finishes the
// pages left unread, and the audit chain verifies. Shared by the integration test (a few kills) and the
// bench (20 and more).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackendContext } from '../../src/main/context';
import { cleanJkm } from '../unit/rules/builders';
import { csvHeader, csvLine, syntheticPeople } from '../fixtures/participants/csv';
import { storeDocuments } from './dossiers';
import { Tab } from './http';
import { serveHost, stopHost } from './serve';
import { runCli } from './cli';
import { storeByHand, storeEnv, storeOptions, structuralProblems } from './store';

export type KillPhase = 'ocr' | 'save' | 'import';

export interface KillReport {
  phase: KillPhase;
  /** What was under way when the process died. */
  underway: string;
  /** What the check after the kill found wrong (empty when all held). */
  problems: string[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A name made of letters only (names refuse digits), different for every n. */
const nameFor = (n: number): string => `BUDI ${[...n.toString(26)].map((c) => String.fromCharCode(65 + parseInt(c, 26))).join('')}`;

interface LoopOptions {
  home: string;
  kills: number;
  /** Files whose pages are read when killed (a multi-page PDF and an image serve well). */
  scans: { name: string; bytes: Buffer }[];
  /** A random source, so a run can be repeated. */
  random: () => number;
  log?: (line: string) => void;
}

/** `setupCase` holds documents the loop stored itself (no upload, so no audit entry): its files are not checked. */
function checkDatabase(home: string, setupCase: number, expect: { documentId: number | null; acked: string | null; inFlight: string | null }): string[] {
  const problems: string[] = [];
  const db = storeByHand(home);
  try {
    problems.push(...structuralProblems(db));
    if (expect.documentId !== null && expect.acked !== null) {
      const fields = db.prepare(`SELECT fields FROM case_documents WHERE id = ?`).pluck().get(expect.documentId) as string | undefined;
      const value = fields ? (JSON.parse(fields) as Record<string, { value: unknown }>).nama?.value : undefined;
      if (value !== expect.acked && value !== expect.inFlight) problems.push(`correction lost: saw ${String(value)}, last saved ${expect.acked}`);
      const audited = db
        .prepare(
          `SELECT detail FROM audit_log WHERE action = 'extraction.setField' AND case_id = (SELECT case_id FROM case_documents WHERE id = ?) ORDER BY id DESC LIMIT 1`,
        )
        .pluck()
        .get(expect.documentId) as string | undefined;
      const last = audited ? (JSON.parse(audited) as { new?: unknown }).new : undefined;
      if (last !== value) problems.push(`the field holds ${String(value)} but its last audit entry says ${String(last)}`);
    }
    // Every file attached has its audit entry, and no entry names a file that is not attached.
    const attached = db.prepare(`SELECT cf.case_id, f.sha256 FROM case_files cf JOIN files f ON f.id = cf.file_id WHERE cf.case_id <> ?`).all(setupCase) as {
      case_id: number;
      sha256: string;
    }[];
    const entries = db.prepare(`SELECT case_id, detail FROM audit_log WHERE action = 'documents.add'`).all() as { case_id: number; detail: string }[];
    const audited = new Set(entries.map((e) => `${e.case_id}|${(JSON.parse(e.detail) as { sha256: string }).sha256}`));
    for (const a of attached)
      if (!audited.has(`${a.case_id}|${a.sha256}`)) problems.push(`file ${a.sha256.slice(0, 12)} attached to case ${a.case_id} without an audit entry`);
    if (audited.size > new Set(attached.map((a) => `${a.case_id}|${a.sha256}`)).size) problems.push('an audit entry names a file that is not attached');
  } finally {
    db.close();
  }
  return problems;
}

/** Runs `kills` kill-and-check rounds over the phases in turn, then lets the back end finish; returns what each found. */
export async function killLoop(o: LoopOptions): Promise<{ reports: KillReport[]; final: string[] }> {
  const log = o.log ?? (() => undefined);
  const first = await serveHost(o.home, ['--demo', '--no-demo-files']);
  const officer = first.accounts.find((a) => a.role === 'officer')!;
  await stopHost(first);

  // A case with documents for the corrections, stored while no back end runs.
  const setup = new BackendContext({ home: o.home, transport: 'cli', ...storeOptions(o.home) });
  const caseId = (
    setup.db
      .prepare(
        `INSERT INTO cases(reference, claim_type, status, created_by, created_at, updated_at) VALUES ('KILL-1', 'JKM', 'in_review', ?, ?, ?) RETURNING id`,
      )
      .get(officer.username, new Date().toISOString(), new Date().toISOString()) as { id: number }
  ).id;
  const docIds = storeDocuments(setup, caseId, cleanJkm().documents);
  const ktp = docIds[cleanJkm().documents.findIndex((d) => d.document.type === 'ktp')]!;
  const peopleBefore = setup.db.prepare(`SELECT count(*) FROM participants`).pluck().get() as number;
  const importsBefore = setup.db.prepare(`SELECT COALESCE(max(id), 0) FROM participant_imports`).pluck().get() as number;
  await setup.close();

  const csv = path.join(o.home, 'peserta-besar.csv');
  fs.writeFileSync(csv, `${csvHeader()}\n${syntheticPeople(2026, 40_000).map(csvLine).join('\n')}\n`);

  const reports: KillReport[] = [];
  let acked: string | null = null;
  let counter = 0;
  const phases: KillPhase[] = ['ocr', 'save', 'import'];
  for (let k = 0; k < o.kills; k++) {
    const phase = phases[k % phases.length]!;
    let inFlight: string | null = null;
    let underway = '';
    if (phase === 'import') {
      // The import runs in its own process; the back end is not running.
      const child = spawn(process.execPath, [path.resolve('bin/claimdesk.mjs'), '--home', o.home, 'participants', 'import', csv], {
        stdio: 'ignore',
        env: { ...process.env, ...storeEnv(o.home) },
      });
      const db = storeByHand(o.home);
      const target = 1000 + Math.floor(o.random() * 20_000);
      try {
        for (let waited = 0; waited < 120_000; waited += 20) {
          const rows = (db.prepare(`SELECT rows_read FROM participant_imports WHERE status = 'running'`).pluck().get() as number | undefined) ?? 0;
          if (rows >= target || child.exitCode !== null) break;
          await sleep(20);
        }
      } finally {
        db.close();
      }
      underway = child.exitCode === null ? `import past ${target} rows` : 'import already finished';
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    } else {
      const host = await serveHost(o.home);
      try {
        const tab = await new Tab(host.port, host.token).signIn(officer.username, officer.password);
        if (phase === 'ocr') {
          const created = (await tab.call('cases.create', { claimType: 'JHT', notes: `kill ${k + 1}` })) as {
            ok: boolean;
            value: { id: number };
            error?: unknown;
          };
          if (!created.ok) throw new Error(`cases.create refused: ${JSON.stringify(created.error)}`);
          const files: { name: string; upload: string }[] = [];
          for (const s of o.scans) {
            const up = await tab.upload('document', s.bytes);
            if (up.result.ok) files.push({ name: s.name, upload: up.result.value.upload });
          }
          // Killed while the files are attached, or while their pages are read.
          const adding = tab.call('documents.add', { caseId: created.value.id, files }).catch(() => null);
          await sleep(50 + o.random() * 2500);
          underway = `${o.scans.length} files added to case ${created.value.id}, being read`;
          await stopHost(host, 'SIGKILL');
          await adding;
        } else {
          // The officer saves corrections one after another until the power goes.
          const until = Date.now() + 200 + o.random() * 1500;
          while (Date.now() < until) {
            inFlight = nameFor(++counter);
            const res = await tab.call('extraction.setField', { documentId: ktp, key: 'nama', value: inFlight });
            if (res.ok) acked = inFlight;
            inFlight = null;
          }
          inFlight = nameFor(++counter);
          const last = tab.call('extraction.setField', { documentId: ktp, key: 'nama', value: inFlight }).catch(() => null);
          await sleep(o.random() * 5);
          underway = `corrections saved (last acknowledged ${acked})`;
          await stopHost(host, 'SIGKILL');
          await last;
        }
      } finally {
        await stopHost(host, 'SIGKILL');
      }
    }
    const problems = checkDatabase(o.home, caseId, { documentId: phase === 'save' ? ktp : null, acked, inFlight });
    reports.push({ phase, underway, problems });
    log(`kill ${k + 1} (${phase}): ${underway}; ${problems.length ? problems.join('; ') : 'all held'}`);
  }

  // A last start: the interrupted import is undone and recorded, the unread pages are read.
  const final: string[] = [];
  const host = await serveHost(o.home);
  try {
    const db = storeByHand(o.home);
    try {
      for (let waited = 0; waited < 300_000; waited += 250) {
        const left = db.prepare(`SELECT count(*) FROM page_ocr WHERE state IN ('pending', 'running')`).pluck().get() as number;
        const running = db.prepare(`SELECT count(*) FROM participant_imports WHERE status = 'running'`).pluck().get() as number;
        if (left === 0 && running === 0) break;
        await sleep(250);
      }
      const left = db.prepare(`SELECT count(*) FROM page_ocr WHERE state IN ('pending', 'running')`).pluck().get() as number;
      if (left) final.push(`${left} pages never read after the restart`);
      const imports = db.prepare(`SELECT status, inserted FROM participant_imports WHERE id > ?`).all(importsBefore) as { status: string; inserted: number }[];
      for (const i of imports) if (i.status === 'running') final.push('an import is still marked running');
      const killedImports = reports.filter((r) => r.phase === 'import' && r.underway.startsWith('import past')).length;
      const interrupted = imports.filter((i) => i.status === 'interrupted').length;
      if (interrupted !== killedImports) final.push(`${killedImports} imports killed, ${interrupted} recorded as interrupted`);
      // Only a finished import adds anyone: every interrupted one was undone to the last row.
      const added = imports.filter((i) => i.status === 'done').reduce((n, i) => n + i.inserted, 0);
      const people = db.prepare(`SELECT count(*) FROM participants`).pluck().get() as number;
      if (people !== peopleBefore + added) final.push(`${people} participants: ${peopleBefore} before and ${added} from finished imports`);
    } finally {
      db.close();
    }
  } finally {
    await stopHost(host);
  }
  final.push(...checkDatabase(o.home, caseId, { documentId: null, acked: null, inFlight: null }));
  const verify = runCli(['--home', o.home, 'audit', 'verify']);
  if (verify.status !== 0) final.push(`audit verify exit ${verify.status}: ${verify.stdout.trim()} ${verify.stderr.trim()}`);
  return { reports, final };
}
