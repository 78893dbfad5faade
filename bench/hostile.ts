// Benchmark for hostile files (issue 16 items 1 and 9): the crafted PDFs of the probe (a 1 MB file whose
// page unpacks to 1 GiB; a 1.5 MB file holding a 40,000 × 40,000 image, and its two-page version; 300
// blank pages), each given to `claimdesk ocr` and uploaded to a running back end (`claimdesk serve`) as a
// case's document. Prints each one's answer, wall time and peak memory (the process's VmHWM) against the
// 1.5 GB target. Asserts nothing.
// npm run bench -- hostile
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { blankPagesPdf, hugeImagePdf, inflateBombPdf } from '../tests/fixtures/hostile/crafted-pdfs';
import { Tab } from '../tests/helpers/http';
import { serveHost, stopHost } from '../tests/helpers/serve';

const TARGET_MB = 1536;

/** The peak resident memory of a process so far (Linux), in MB; null once it has gone. */
function peakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** The process and its descendants (the back end is a child of `serve`). */
function tree(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone, or not Linux
  }
  return [pid, ...kids.flatMap(tree)];
}

/** The largest peak of any process of the tree, in MB: the back end's, for `serve`. */
const treePeakMb = (pid: number): number => Math.max(0, ...tree(pid).map((p) => peakMb(p) ?? 0));

/** Runs the CLI and samples its peak memory until it exits. */
function runMeasured(args: string[]): Promise<{ code: number | null; ms: number; peak: number; out: string }> {
  return new Promise((resolve) => {
    const t = performance.now();
    const p = spawn(process.execPath, ['bin/claimdesk.mjs', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let peak = 0;
    p.stdout.on('data', (c: Buffer) => (out += c.toString()));
    p.stderr.resume();
    const timer = setInterval(() => (peak = Math.max(peak, peakMb(p.pid!) ?? 0)), 20);
    p.once('exit', (code) => {
      clearInterval(timer);
      resolve({ code, ms: performance.now() - t, peak, out });
    });
  });
}

const mb = (n: number): string => `${n} MB${n > TARGET_MB ? ' (ABOVE TARGET)' : ''}`;

export default async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-hostile-'));
  try {
    const files: [string, Buffer][] = [
      ['inflate-bomb.pdf', await inflateBombPdf()],
      ['huge-image.pdf', await hugeImagePdf(1)],
      ['huge-image-2p.pdf', await hugeImagePdf(2)],
      ['blank-300.pdf', await blankPagesPdf(300)],
    ];
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);

    console.log(`claimdesk ocr, one process per file (target: peak below ${TARGET_MB} MB):`);
    for (const [name, bytes] of files) {
      const r = await runMeasured(['--json', 'ocr', path.join(dir, name)]);
      const f = (JSON.parse(r.out) as { files: { pages: unknown[]; errors: string[] }[] }).files[0]!;
      const answer = f.errors.length ? `refused: ${f.errors[0]}` : `${f.pages.length} pages read`;
      console.log(
        `  ${name.padEnd(18)} ${(bytes.length / 2 ** 20).toFixed(2)} MB  exit ${r.code}  ${(r.ms / 1000).toFixed(1)} s  peak ${mb(r.peak)}\n    ${answer}`,
      );
    }

    // The running back end: each file uploaded to a case as the screens send it.
    const home = path.join(dir, 'home');
    const host = await serveHost(home, ['--demo', '--no-demo-files']);
    try {
      const officer = host.accounts.find((a) => a.role === 'officer')!;
      const tab = await new Tab(host.port, host.token).signIn(officer.username, officer.password);
      const created = (await tab.call('cases.create', { claimType: 'JHT' })) as { ok: true; value: { id: number } };
      const before = treePeakMb(host.proc.pid!);
      console.log(`\nclaimdesk serve, each file uploaded to a case (back end at ${before} MB after start):`);
      for (const [name, bytes] of files) {
        const t = performance.now();
        const up = await tab.upload('document', bytes);
        const upload = up.result.ok ? up.result.value.upload : null;
        const res = upload ? await tab.call('documents.add', { caseId: created.value.id, files: [{ name, upload }] }) : up.result;
        const answer = res.ok ? 'added' : `refused: ${(res as { error: { code: string; message: string } }).error.message}`;
        // Let OCR of an accepted file run to its end before the peak is read.
        if (res.ok) {
          for (;;) {
            const list = (await tab.call('documents.list', { caseId: created.value.id })) as { ok: boolean; value?: { running: boolean } };
            if (!list.ok || !list.value!.running) break;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
        console.log(
          `  ${name.padEnd(18)} ${((performance.now() - t) / 1000).toFixed(1)} s  back end peak so far ${mb(treePeakMb(host.proc.pid!))}\n    ${answer}`,
        );
      }
    } finally {
      await stopHost(host);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
