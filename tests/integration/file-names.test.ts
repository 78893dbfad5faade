// A file name carrying NUL, CR/LF, U+202E, isolates, C1 controls and terminal escapes: stored, answered
// and printed cleaned, the name as given kept in the audit trail as data only; and a name an older
// version stored raw is printed escaped by the command line. Real host, real SQLite, the real binary.
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendContext } from '../../src/main/context';
import { finishImportRecord, startImportRecord } from '../../src/main/participants/import-history';
import { participantsCsv, syntheticPeople } from '../fixtures/participants/csv';
import { runCli } from '../helpers/cli';
import { Tab } from '../helpers/http';
import { localHostWithOfficer, type LocalHost } from '../helpers/local-host';
import { tempDir } from '../helpers/temp-home';
import { storeOptions } from '../helpers/store';

/** Every kind of character the cleaning removes, in one name; what is left is "surat kematian.pdf". */
const DIRTY = 'surat\u0000 \u001b[2J\u001b[31mkem\r\nat\u202Eian\u2066\u2069\u200E\u200F\u009b1m\u0085.pdf';
const CLEAN = 'surat kematian.pdf';
/** Unsafe characters a terminal or a bidi renderer would act on (a text's own newlines aside). */
// eslint-disable-next-line no-control-regex
const RAW_UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

async function textPdf(line: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText(line, { x: 60, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

describe('file names through browser-mode upload', () => {
  let local: LocalHost;
  let ctx: BackendContext;
  let tab: Tab;

  beforeAll(async () => {
    local = await localHostWithOfficer();
    ({ ctx, tab } = local);
  });
  afterAll(async () => local.close());

  it('stores and answers the cleaned name; the audit trail keeps the name as given', async () => {
    const kase = await tab.call('cases.create', { claimType: 'JKK', notes: '' });
    if (!kase.ok) throw new Error(kase.error.message);
    const caseId = (kase.value as { id: number }).id;
    const sent = await tab.upload('document', await textPdf('SURAT KETERANGAN KEMATIAN'));
    const bad = await tab.upload('document', Buffer.from('<!doctype html><html><body>not a scan</body></html>'));
    if (!sent.result.ok || !bad.result.ok) throw new Error('upload failed');
    const answer = await tab.call('documents.add', {
      caseId,
      files: [
        { name: DIRTY, upload: sent.result.value.upload },
        { name: `\u202Eevil${DIRTY}`, upload: bad.result.value.upload },
      ],
    });
    expect(answer).toMatchObject({ ok: true, value: { added: [{ name: CLEAN }], rejected: [{ name: `evil${CLEAN}`, code: 'unsupported_file' }] } });
    const rejected = (answer as { value: { rejected: { message: string }[] } }).value.rejected[0]!;
    expect(rejected.message).toContain(`evil${CLEAN}`);
    expect(JSON.stringify(answer)).not.toMatch(RAW_UNSAFE);

    const listed = await tab.call('documents.list', { caseId });
    expect(listed).toMatchObject({ ok: true, value: { files: [{ name: CLEAN }] } });

    expect(ctx.db.prepare(`SELECT original_name FROM case_files WHERE case_id = ?`).all(caseId)).toEqual([{ original_name: CLEAN }]);
    expect(ctx.db.prepare(`SELECT first_name FROM files`).all()).toEqual([{ first_name: CLEAN }]);
    const detail = (action: string): Record<string, unknown> =>
      JSON.parse((ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = ? AND case_id = ?`).get(action, caseId) as { detail: string }).detail) as Record<
        string,
        unknown
      >;
    expect(detail('documents.add')).toMatchObject({ name: CLEAN, givenName: DIRTY });
    expect(detail('documents.rejected')).toMatchObject({ rejected: [{ name: `evil${CLEAN}`, givenName: `\u202Eevil${DIRTY}` }] });
  });

  it('a clean name is stored as given, with nothing extra in the audit trail', async () => {
    const kase = await tab.call('cases.create', { claimType: 'JKK', notes: '' });
    if (!kase.ok) throw new Error(kase.error.message);
    const caseId = (kase.value as { id: number }).id;
    const sent = await tab.upload('document', await textPdf('KARTU PESERTA'));
    if (!sent.result.ok) throw new Error('upload failed');
    const answer = await tab.call('documents.add', { caseId, files: [{ name: 'Kartu [1] – ahli waris.pdf', upload: sent.result.value.upload }] });
    expect(answer).toMatchObject({ ok: true, value: { added: [{ name: 'Kartu [1] – ahli waris.pdf' }] } });
    const row = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'documents.add' AND case_id = ?`).get(caseId) as { detail: string };
    expect(JSON.parse(row.detail)).not.toHaveProperty('givenName');
  });
});

describe('file names on the command line', () => {
  const work = tempDir('claimdesk-names-');
  const home = path.join(work.dir, 'home');
  // A Linux file name may hold anything but NUL and '/'.
  const onDisk = DIRTY.replace('\u0000', '');
  const [person] = syntheticPeople(61, 1);
  beforeAll(async () => {
    fs.writeFileSync(path.join(work.dir, 'p.csv'), participantsCsv([person!]));
    expect(runCli(['--home', home, 'participants', 'import', path.join(work.dir, 'p.csv')]).status).toBe(0);
    fs.writeFileSync(path.join(work.dir, onDisk), await textPdf('SURAT KETERANGAN KEMATIAN'));
  });
  afterAll(() => work.cleanup());

  it('verify stores and prints the cleaned name of a file named with control characters', async () => {
    const run = runCli([
      '--home',
      home,
      'verify',
      '--claim-type',
      'JKM',
      '--kpj',
      person!.nomor_kpj,
      '--incident-date',
      '2025-06-02',
      path.join(work.dir, onDisk),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(CLEAN);
    expect(run.stdout).not.toMatch(RAW_UNSAFE);

    const ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
    try {
      expect(ctx.db.prepare(`SELECT original_name FROM case_files`).all()).toEqual([{ original_name: CLEAN }]);
      const audited = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'documents.add'`).get() as { detail: string };
      expect(JSON.parse(audited.detail)).toMatchObject({ name: CLEAN, givenName: onDisk });
    } finally {
      await ctx.close();
    }
  });

  it('a name an older version stored raw is printed escaped, and --json keeps it as data', async () => {
    const ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
    const raw = 'peserta\n2026-01-01T00:00:00Z  admin  done   fake.csv\u001b[2J\u202Evsc.exe';
    try {
      const id = startImportRecord(ctx.db, { startedAt: '2025-01-01T00:00:00.000Z', actor: 'system:old', fileName: raw });
      finishImportRecord(ctx.db, id, { status: 'done', rowsRead: 1, inserted: 1, updated: 0, unchanged: 0, errors: [] });
    } finally {
      await ctx.close();
    }
    const text = runCli(['--home', home, 'participants', 'history']);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(RAW_UNSAFE);
    const line = text.stdout.split('\n').find((l) => l.includes('system:old'));
    expect(line).toContain('peserta\\n2026-01-01T00:00:00Z  admin  done   fake.csv\\x1b[2J\\u{202E}vsc.exe');
    // The stored name's newline made no line of its own.
    expect(text.stdout.split('\n').filter((l) => l.startsWith('2026-01-01'))).toEqual([]);

    const json = runCli(['--home', home, '--json', 'participants', 'history']);
    expect(json.stdout).not.toMatch(RAW_UNSAFE);
    const imports = (JSON.parse(json.stdout) as { imports: { fileName: string }[] }).imports;
    expect(imports.map((i) => i.fileName)).toContain(raw);
  });

  it('a participant CSV with such a name is recorded cleaned, as given in the audit trail', async () => {
    const [another] = syntheticPeople(62, 1);
    const given = 'peserta\u001b[31m\r\n\u2067baru\u2069.csv';
    fs.writeFileSync(path.join(work.dir, given), participantsCsv([another!]));
    const run = runCli(['--home', home, 'participants', 'import', path.join(work.dir, given)]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_UNSAFE);
    expect(run.stdout).toContain(path.join(work.dir, 'pesertabaru.csv'));
    const ctx = new BackendContext({ home, transport: 'cli', ...storeOptions(home) });
    try {
      const last = ctx.db.prepare(`SELECT file_name FROM participant_imports ORDER BY id DESC LIMIT 1`).get() as { file_name: string };
      expect(last.file_name).toBe(path.join(work.dir, 'pesertabaru.csv'));
      const audited = ctx.db.prepare(`SELECT detail FROM audit_log WHERE action = 'participants.import' ORDER BY id DESC LIMIT 1`).get() as { detail: string };
      expect(JSON.parse(audited.detail)).toMatchObject({ fileName: path.join(work.dir, 'pesertabaru.csv'), givenFileName: path.join(work.dir, given) });
    } finally {
      await ctx.close();
    }
  });

  it('ocr and extract print the cleaned name', () => {
    for (const command of ['ocr', 'extract']) {
      const run = runCli([command, ...(command === 'ocr' ? ['--workers', '1'] : []), path.join(work.dir, onDisk)]);
      expect(run.status, `${command}: ${run.stderr}`).toBe(0);
      expect(run.stdout.split('\n')[0]).toContain(CLEAN);
      expect(run.stdout).not.toMatch(RAW_UNSAFE);
    }
  });
});
