// `npm run bench -- responsiveness [--pages N] [--rows N]`: how long a screen's call waits while the back
// end works. Browser mode is started as a user starts it (`claimdesk serve`: the host, with the back end
// in its own process and page reading in threads); an administrator then adds a 20-page dossier to a case
// and imports 100,000 participant rows at the same time, while a "screen" calls cases.list and
// participants.search every 50 ms. Printed: each call's latency while idle and under that load, and the
// worst seen (target: no call delayed by more than 100 ms, issue 13).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { Tab } from '../tests/helpers/http';
import { renderClaimPage } from '../tests/fixtures/ocr/claim-page';
import { csvHeader, csvLine } from '../tests/fixtures/participants/csv';
import { syntheticParticipant } from '../tools/synth/people';
import { argOf, quantile } from './stats';

const describe = (xs: number[]): string =>
  `${xs.length} calls: median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, p99 ${quantile(xs, 0.99).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms`;

async function dossierPdf(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const p = await renderClaimPage(4100, i + 1, { dpi: 300, scanned: true, skewDeg: i % 3 === 2 ? 1.5 : 0 });
    const img = await pdf.embedJpg(await sharp(p.png).jpeg({ quality: 85 }).toBuffer());
    pdf.addPage([595.3, 841.9]).drawImage(img, { x: 0, y: 0, width: 595.3, height: 841.9 });
  }
  return Buffer.from(await pdf.save());
}

/** Calls `probe` every `everyMs` until stopped; returns each call's latency. */
function prober(probe: () => Promise<unknown>, everyMs: number, slow: { at: number; ms: number }[] = []): { stop: () => Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const t0 = performance.now();
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await probe();
      const ms = performance.now() - t;
      times.push(ms);
      if (ms > 100) slow.push({ at: t - t0, ms });
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

export default async function run(args: string[]): Promise<void> {
  const pages = argOf(args, '--pages', 20);
  const rows = argOf(args, '--rows', 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-resp-'));
  const home = path.join(dir, 'home');
  const cli = (a: string[]): string => {
    const r = spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', home, '--json', ...a], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`claimdesk ${a.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const password = 'bench-password-1';
  cli(['users', 'add', 'admin', '--role', 'admin', '--password', password]);
  cli(['users', 'add', 'petugas', '--role', 'officer', '--password', password]);

  console.log(
    `Responsiveness: ${pages}-page scanned dossier read while ${rows.toLocaleString('en')} participant rows are imported, ${os.availableParallelism()} cores`,
  );
  const pdf = await dossierPdf(pages);
  let text = `${csvHeader()}\n`;
  for (let i = 0; i < rows; i++) text += `${csvLine(syntheticParticipant(77, i))}\n`;
  // Ready as bytes before the clock starts: the screen's calls are timed from this process too.
  const csv = Buffer.from(text);

  const server = spawn(process.execPath, ['bin/claimdesk.mjs', '--home', home, '--json', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const started = await new Promise<{ port: number; url: string; pid: number; backendPid: number }>((resolve, reject) => {
      const lines = readline.createInterface({ input: server.stdout });
      lines.on('line', (line) => {
        if (line.startsWith('{')) resolve(JSON.parse(line) as { port: number; url: string; pid: number; backendPid: number });
      });
      server.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const token = new URL(started.url).searchParams.get('token') ?? '';
    const admin = new Tab(started.port, token);
    const officer = new Tab(started.port, token);
    await admin.signIn('admin', password);
    await officer.signIn('petugas', password);
    const value = async <T>(tab: Tab, method: string, input: unknown): Promise<T> => {
      const r = await tab.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    const screen = async (): Promise<void> => {
      await officer.call('cases.list', {});
      await officer.call('participants.search', { query: 'SITI', limit: 20 });
    };
    for (let i = 0; i < 5; i++) await screen();
    let probe = prober(screen, 50);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = await probe.stop();

    const created = await value<{ id: number }>(officer, 'cases.create', { claimType: 'JKK', notes: '' });
    const slow: { at: number; ms: number }[] = [];
    probe = prober(screen, 50, slow);
    const t0 = performance.now();
    let ocrDone = 0;
    // As the screens send files: each streamed to /api/upload, then named by the call.
    const received = async (tab: Tab, kind: string, bytes: Buffer): Promise<string> => {
      const sent = await tab.upload(kind, bytes);
      if (!sent.result.ok) throw new Error(`upload: ${sent.result.error.message}`);
      return sent.result.value.upload;
    };
    const upload = received(officer, 'document', pdf).then((id) =>
      value(officer, 'documents.add', { caseId: created.id, files: [{ name: 'dossier.pdf', upload: id }] }),
    );
    const uploaded = upload.then(() => performance.now() - t0);
    const importing = received(admin, 'participants', csv)
      .then((id) => value(admin, 'participants.import', { upload: id, fileName: 'participants.csv' }))
      .then(() => performance.now() - t0);
    await upload;
    for (;;) {
      const docs = await value<{ running: boolean }>(officer, 'documents.list', { caseId: created.id });
      if (!docs.running) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    ocrDone = performance.now() - t0;
    const importMs = await importing;
    const uploadMs = await uploaded;
    const busy = await probe.stop();
    const ps = spawnSync('ps', ['-o', 'pid,ppid,nlwp,rss,args', '--pid', `${started.pid},${started.backendPid}`], { encoding: 'utf8' }).stdout;

    console.log(`  idle:          ${describe(idle)}`);
    console.log(`  under load:    ${describe(busy)}`);
    console.log(
      `  slower than 100 ms under load: ${busy.filter((x) => x > 100).length} of ${busy.length}${slow.map((x) => `; ${x.ms.toFixed(0)} ms at ${(x.at / 1000).toFixed(1)} s`).join('')}`,
    );
    console.log(
      `  the load (from 0 s): upload answered at ${(uploadMs / 1000).toFixed(1)} s, ${rows.toLocaleString('en')} rows imported at ${(importMs / 1000).toFixed(1)} s, ${pages} pages read at ${(ocrDone / 1000).toFixed(1)} s`,
    );
    console.log(`  (one screen refresh = cases.list then participants.search; its latency is both calls)`);
    console.log(`  processes (host, back end; nlwp = threads):\n${ps.replace(/^/gm, '    ')}`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
