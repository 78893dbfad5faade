// Files reach the back end as the screens send them: each file streamed on its own to /api/upload, then
// named by the call that uses it. Run against `claimdesk serve` as a user starts it (the host and the
// back end in its own process), with a small per-file limit so a "too large" file stays small here.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { Tab } from '../helpers/http';
import { csvHeader, csvLine } from '../fixtures/participants/csv';
import { syntheticParticipant } from '../../tools/synth/people';
import { tempDir } from '../helpers/temp-home';
import { storeEnv } from '../helpers/store';

const LIMIT = 2_000_000;
const PASSWORD = 'upload-test-password-1';
let home: { dir: string; cleanup: () => void };
let serve: ChildProcess;
let port = 0;
let token = '';

const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

async function signedIn(username: string): Promise<Tab> {
  return new Tab(port, token).signIn(username, PASSWORD);
}

async function value<T>(tab: Tab, method: string, input: unknown): Promise<T> {
  const r = await tab.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

async function scannedPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="#fff"/><text x="120" y="200" font-size="48" font-family="sans-serif">SURAT KETERANGAN</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function onePagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText('KARTU PESERTA', { x: 72, y: 760, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  home = tempDir();
  for (const [user, role] of [
    ['admin', 'admin'],
    ['budi', 'officer'],
    ['sari', 'officer'],
  ] as const) {
    const r = runCli(['--home', home.dir, 'users', 'add', user, '--role', role, '--password', PASSWORD]);
    expect(r.status, r.stderr).toBe(0);
  }
  serve = spawn(process.execPath, ['bin/claimdesk.mjs', '--home', home.dir, '--json', 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...storeEnv(home.dir), CLAIMDESK_MAX_UPLOAD_BYTES: String(LIMIT) },
  });
  const started = await new Promise<{ port: number; url: string }>((resolve, reject) => {
    readline.createInterface({ input: serve.stdout! }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { port: number; url: string });
    });
    serve.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  port = started.port;
  token = new URL(started.url).searchParams.get('token') ?? '';
});

afterAll(async () => {
  if (serve.exitCode === null) {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
  }
  home.cleanup();
});

const uploadsLeft = (): string[] => (fs.existsSync(path.join(home.dir, 'uploads')) ? fs.readdirSync(path.join(home.dir, 'uploads')) : []);

describe('uploads', () => {
  it('a batch with one file over the limit: that file gets a too_large answer, the others are added', async () => {
    const budi = await signedIn('budi');
    const kase = await value<{ id: number }>(budi, 'cases.create', { claimType: 'JKK', notes: '' });
    const png = await scannedPng();
    const pdf = await onePagePdf();
    const big = crypto.randomBytes(LIMIT + 500_000);

    const sentPng = await budi.upload('document', png);
    const sentBig = await budi.upload('document', big);
    const sentPdf = await budi.upload('document', pdf);
    // An answer, not a reset connection: the host read the whole body and said why.
    expect(sentBig.status).toBe(413);
    expect(sentBig.result).toMatchObject({ ok: false, error: { code: 'too_large', params: { reason: 'bytes', limit: LIMIT } } });
    expect(sentPng.result).toMatchObject({ ok: true, value: { bytes: png.length } });
    expect(sentPdf.result).toMatchObject({ ok: true, value: { bytes: pdf.length } });
    if (!sentPng.result.ok || !sentPdf.result.ok) throw new Error('upload failed');

    const added = await value<{ added: { name: string; sha256: string; pageCount: number }[]; rejected: unknown[] }>(budi, 'documents.add', {
      caseId: kase.id,
      files: [
        { name: 'surat.png', upload: sentPng.result.value.upload },
        { name: 'kartu.pdf', upload: sentPdf.result.value.upload },
      ],
    });
    expect(added.rejected).toEqual([]);
    expect(added.added.map((a) => [a.name, a.sha256])).toEqual([
      ['surat.png', sha(png)],
      ['kartu.pdf', sha(pdf)],
    ]);
    // Used once, and nothing of the refused file was kept.
    expect(uploadsLeft()).toEqual([]);
    const listed = await value<{ files: { name: string }[] }>(budi, 'documents.list', { caseId: kase.id });
    expect(listed.files.map((f) => f.name).sort()).toEqual(['kartu.pdf', 'surat.png']);
  });

  it('an upload is its sender’s own and is taken once', async () => {
    const budi = await signedIn('budi');
    const sari = await signedIn('sari');
    const kase = await value<{ id: number }>(sari, 'cases.create', { claimType: 'JKK', notes: '' });
    const sent = await budi.upload('document', await onePagePdf());
    if (!sent.result.ok) throw new Error(sent.result.error.message);
    const files = [{ name: 'kartu.pdf', upload: sent.result.value.upload }];
    // Another account's call cannot take it: refused as a file, with its reason.
    const bySari = await sari.call('documents.add', { caseId: kase.id, files });
    expect(bySari).toMatchObject({ ok: false, error: { code: 'invalid_input', params: { reason: 'upload_gone' } } });
    const budiCase = await value<{ id: number }>(budi, 'cases.create', { claimType: 'JKK', notes: '' });
    expect(await value<{ added: unknown[] }>(budi, 'documents.add', { caseId: budiCase.id, files })).toMatchObject({ added: [{ name: 'kartu.pdf' }] });
    expect(await budi.call('documents.add', { caseId: budiCase.id, files })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', params: { reason: 'upload_gone' } },
    });
  });

  it('refuses a window that is not signed in, or does not say what the file is for, after reading its body', async () => {
    const anonymous = new Tab(port, token);
    const sent = await anonymous.upload('document', crypto.randomBytes(1_000_000));
    expect(sent.status).toBe(401);
    expect(sent.result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const budi = await signedIn('budi');
    const unnamed = await budi.upload('elsewhere', Buffer.from('x'));
    expect(unnamed.status).toBe(400);
    expect(uploadsLeft()).toEqual([]);
  });

  it('imports a participant CSV streamed as an upload, within the CSV limit rather than the document one', async () => {
    const admin = await signedIn('admin');
    const rows = Array.from({ length: 14_000 }, (_v, i) => csvLine(syntheticParticipant(31, i)));
    const csv = Buffer.from(`${csvHeader()}\n${rows.join('\n')}\n`);
    expect(csv.length).toBeGreaterThan(LIMIT);
    const sent = await admin.upload('participants', csv);
    if (!sent.result.ok) throw new Error(sent.result.error.message);
    // Only an administrator imports, and the upload stays theirs.
    const officer = await signedIn('budi');
    expect(await officer.call('participants.import', { upload: sent.result.value.upload, fileName: 'peserta.csv' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const result = await value<{ rowsRead: number; inserted: number; errors: unknown[] }>(admin, 'participants.import', {
      upload: sent.result.value.upload,
      fileName: 'peserta.csv',
    });
    expect(result).toMatchObject({ rowsRead: 14_000, inserted: 14_000, errors: [] });
    expect(uploadsLeft()).toEqual([]);
  });
});
