// `npm run bench -- ui`: the officer's workstation measured in Chromium on browser mode (`claimdesk
// serve`, as a user starts it). Two generated dossiers of at least 10 pages are read into two cases: one
// clean, one of scans and phone photos. For each, after it is read:
// - opening the case (from the worklist, with the app already running; and after a reload, cold), until
//   its fields and the page are shown (target <= 500 ms);
// - verifying its fields by keyboard alone (tests/e2e/keyboard-verify.ts): keys pressed against the
//   characters typing every field by hand would take (target: at most one fifth);
// - the time from each Enter to the next field being focused (target <= 100 ms).
// Prints figures; asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { generateDossier } from '../tools/synth/index';
import { startServe } from '../tests/e2e/fixtures';
import { verifyByKeyboard } from '../tests/e2e/keyboard-verify';
import { quantile } from './stats';

interface Prepared {
  files: string[];
  pages: number;
  truth: Map<string, string>;
}

/** Files of generated dossiers (same claim type, one participant each) until there are `minPages` pages. */
async function dossierFiles(dir: string, seed: number, kinds: ('clean' | 'scan' | 'photo')[], minPages: number): Promise<Prepared> {
  const out: Prepared = { files: [], pages: 0, truth: new Map() };
  for (let s = seed; out.pages < minPages; s++) {
    const d = await generateDossier(s, { claimType: 'JKK', degradations: kinds, otherPages: false, prefix: `bench-${s}` });
    for (const f of d.files) {
      if (out.pages >= minPages) break;
      const file = path.join(dir, f.name);
      fs.writeFileSync(file, f.bytes);
      out.files.push(file);
      out.pages += f.truth.documents.reduce((n, doc) => Math.max(n, ...doc.pages), 0);
      for (const doc of f.truth.documents) for (const [k, v] of Object.entries(doc.fields)) if (typeof v === 'string' && !out.truth.has(k)) out.truth.set(k, v);
    }
  }
  return out;
}

async function readInto(page: Page, caseId: number, files: string[]): Promise<void> {
  await page.evaluate((id) => (location.hash = `#/case/${id}`), caseId);
  await page.locator('[data-testid="documents-panel"][data-state="ready"]').waitFor();
  await page.getByTestId('file-input').setInputFiles(files);
  const progress = page.getByTestId('ocr-progress');
  await progress.waitFor();
  await page.waitForFunction(
    () => {
      const p = document.querySelector('[data-testid="ocr-progress"]');
      return p && p.getAttribute('data-done') === p.getAttribute('data-total') && p.getAttribute('data-running') === 'false';
    },
    undefined,
    { timeout: 900_000, polling: 500 },
  );
  // Extraction and checks follow the last page: wait until the documents stop changing.
  let last = -1;
  for (let same = 0; same < 3;) {
    await page.waitForTimeout(1000);
    const n = await page.locator('[data-testid="fields-panel"] .field-row').count();
    same = n === last && n > 0 ? same + 1 : 0;
    last = n;
  }
}

/** Time from asking for the case to its fields and its page (image decoded) being on screen. */
async function openTime(page: Page, caseId: number, cold: boolean): Promise<number> {
  if (cold) {
    await page.reload();
    await page.locator('.shell[data-state="ready"]').waitFor();
  }
  await page.evaluate(() => (location.hash = '#/worklist'));
  await page.locator('[data-screen="worklist"][data-state="ready"]').waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await page.evaluate((id) => (location.hash = `#/case/${id}`), caseId);
  await page.waitForFunction(
    () => {
      const fields = document.querySelector('[data-testid="fields-panel"][data-state="ready"] .field-row');
      const img = document.querySelector<HTMLImageElement>('[data-testid="page-viewer"][data-state="ready"] .page-canvas img');
      return !!fields && !!img && img.complete && img.naturalWidth > 0;
    },
    undefined,
    { polling: 'raf' },
  );
  return (await page.evaluate(() => performance.now())) - t0;
}

const ms = (xs: number[]): string =>
  xs.length
    ? `median ${quantile(xs, 0.5).toFixed(0)} ms, p95 ${quantile(xs, 0.95).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms (${xs.length})`
    : 'none measured';

export default async function run(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-ui-'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-ui-files-'));
  const { proc, url, accounts } = await startServe(home, ['--demo', '--no-demo-files']);
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({ ...(system ? { executablePath: system } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(url);
    const officer = accounts.find((a) => a.role === 'officer')!;
    await page.locator('[data-screen="sign-in"] input[name=username]').fill(officer.username);
    await page.locator('[data-screen="sign-in"] input[name=password]').fill(officer.password);
    await page.getByTestId('sign-in').click();
    await page.locator('.shell[data-state="ready"]').waitFor();
    console.log('ClaimDesk ui bench: Chromium on browser mode (claimdesk serve), 1360×860');
    const sets = [
      { name: 'clean dossier', caseId: 1, prepared: await dossierFiles(dir, 900, ['clean'], 10) },
      { name: 'scans and photos', caseId: 2, prepared: await dossierFiles(dir, 950, ['scan', 'photo'], 10) },
    ];
    for (const s of sets) {
      const t = performance.now();
      await readInto(page, s.caseId, s.prepared.files);
      const readS = (performance.now() - t) / 1000;
      const warm: number[] = [];
      const cold: number[] = [];
      for (let i = 0; i < 5; i++) warm.push(await openTime(page, s.caseId, false));
      for (let i = 0; i < 3; i++) cold.push(await openTime(page, s.caseId, true));
      await page.locator('h1').click();
      const k = await verifyByKeyboard(page, (field) => s.prepared.truth.get(field) ?? null);
      await page.keyboard.press('Alt+M');
      const fields = await page.locator('[data-testid="fields-panel"] .field-row').count();
      console.log(`\n${s.name}: ${s.prepared.files.length} files, ${s.prepared.pages} pages read in ${readS.toFixed(0)} s, ${fields} fields`);
      console.log(`  open the case (app running):   ${ms(warm)}   (target <= 500 ms)`);
      console.log(`  open the case (after reload):  ${ms(cold)}`);
      console.log(
        `  keyboard verification:         ${k.keys} keys for ${k.charsByHand} characters by hand = 1/${k.keys ? (k.charsByHand / k.keys).toFixed(1) : '∞'}   (target <= 1/5); ${k.skipped} field(s) left (list tables)`,
      );
      if (process.env.CLAIMDESK_BENCH_SHOTS)
        await page.screenshot({ path: path.join(process.env.CLAIMDESK_BENCH_SHOTS, `ui-${s.caseId}.png`), fullPage: true });
      console.log(`  Enter to next field focused:   ${ms(k.enterToFocus)}   (target <= 100 ms)`);
    }
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
