// Benchmark for the branch dashboard (issue 15): a generated two-year history of 50,000 cases (by
// default) in a real data folder; the dashboard's figures over four ranges, cold (a fresh back end) and
// warm; each table exported as CSV; and the screen in Chromium (browser mode), from the click to the
// charts drawn. Prints figures, asserts nothing; it does check the figures against the generator's
// known answers, so a fast wrong answer is not reported as a result.
// npm run bench -- dashboard [--cases N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { chromium } from '@playwright/test';
import { BackendContext } from '../src/main/context';
import { branchDashboard } from '../src/main/dashboard/branch';
import { dashboardCsv } from '../src/main/exports/dashboard';
import { loadRulesConfig } from '../src/main/checks/config-store';
import { DASHBOARD_TABLES } from '../src/shared/api/methods-dashboard';
import { CLAIM_TYPES, type ClaimType } from '../src/shared/domain/claims';
import { iso, parseIsoDate, plusDays } from '../src/shared/rules/dates';
import { PROCESSING_DAYS_PARAM } from '../src/shared/rules/engine';
import { historyHome } from '../tests/helpers/history';
import { expectedFigures } from '../tests/helpers/history-answers';
import { argOf, median, quantile } from './stats';

const f = (n: number): string => `${n.toFixed(0)} ms`;

export default async function run(args: string[]): Promise<void> {
  const cases = argOf(args, '--cases', 50_000);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-bench-dash-'));
  try {
    let t = performance.now();
    const history = await historyHome(home, { cases, today: iso(new Date()), spanDays: 730 });
    const today = history.today;
    const dbBytes = fs.statSync(path.join(home, 'claimdesk.sqlite')).size;
    console.log(
      `history: ${cases.toLocaleString('en')} cases over 2 years up to ${today}, written in ${f(performance.now() - t)} (${(dbBytes / 2 ** 20).toFixed(1)} MB)`,
    );

    const clock = (): Date => new Date(`${today}T10:00:00.000Z`);
    const ranges: [string, string, string][] = [
      ['30 days', iso(plusDays(parseIsoDate(today)!, -29)), today],
      ['90 days', iso(plusDays(parseIsoDate(today)!, -89)), today],
      ['1 year', iso(plusDays(parseIsoDate(today)!, -364)), today],
      ['2 years', iso(plusDays(parseIsoDate(today)!, -730)), today],
    ];
    console.log('\ndashboard.branch, in process (cold = first call of a fresh back end; warm = 10 calls after):');
    for (const [name, from, to] of ranges) {
      const ctx = new BackendContext({ home, transport: 'cli', clock });
      try {
        t = performance.now();
        const d = branchDashboard(ctx, { from, to });
        const cold = performance.now() - t;
        const warm: number[] = [];
        for (let i = 0; i < 10; i++) {
          t = performance.now();
          branchDashboard(ctx, { from, to });
          warm.push(performance.now() - t);
        }
        const config = loadRulesConfig(ctx);
        const statutory = Object.fromEntries(CLAIM_TYPES.map((c) => [c, config.params[PROCESSING_DAYS_PARAM[c]].value])) as Record<ClaimType, number | null>;
        const want = expectedFigures(history.events, from, to, statutory);
        const right = isDeepStrictEqual(d.totals, want.totals) && isDeepStrictEqual(d.decisionTime.all, want.all);
        console.log(
          `  ${name.padEnd(8)} ${String(d.totals.received).padStart(6)} received, ${String(d.totals.decided).padStart(6)} decided, ${d.received.rows.length} ${d.received.bucket}s: ` +
            `cold ${f(cold)}, warm median ${f(median(warm))}, p95 ${f(quantile(warm, 0.95))}   figures ${right ? 'match the known answers' : 'DIFFER FROM THE KNOWN ANSWERS'}`,
        );
      } finally {
        await ctx.close();
      }
    }

    console.log('\nexports.dashboard over 1 year, each table as CSV:');
    {
      const ctx = new BackendContext({ home, transport: 'cli', clock });
      try {
        for (const table of DASHBOARD_TABLES) {
          t = performance.now();
          const out = dashboardCsv(ctx, { from: ranges[2]![1], to: today, table });
          console.log(
            `  ${table.padEnd(14)} ${String(out.rows).padStart(4)} rows, ${(out.csv.length / 1024).toFixed(1).padStart(5)} KB in ${f(performance.now() - t)}`,
          );
        }
      } finally {
        await ctx.close();
      }
    }

    // The screen: browser mode on the same folder, the supervisor signs in and opens the dashboard.
    const proc = spawn(process.execPath, ['bin/claimdesk.mjs', '--home', home, '--json', 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const { url } = await new Promise<{ url: string }>((resolve, reject) => {
        let out = '';
        proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
        proc.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const line = out.split('\n').find((l) => l.startsWith('{"url"'));
          if (line) resolve(JSON.parse(line) as { url: string });
        });
      });
      const browser = await chromium.launch(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
      try {
        const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
        await page.goto(url);
        await page.getByLabel(/Nama pengguna|Username/).fill(history.supervisor.username);
        await page
          .getByLabel(/Kata sandi|Password/)
          .first()
          .fill(history.supervisor.password);
        await page.keyboard.press('Enter');
        await page.waitForSelector('[data-screen="worklist"]');
        const shown: number[] = [];
        const presets: number[] = [];
        for (let i = 0; i < 5; i++) {
          await page.goto(`${url.split('#')[0]}#/worklist`);
          await page.waitForSelector('[data-screen="worklist"]');
          t = performance.now();
          await page.keyboard.press('Alt+9');
          await page.waitForSelector('[data-screen="dashboard"][data-state="ready"] [data-section="people"] .recharts-bar-rectangle');
          shown.push(performance.now() - t);
          t = performance.now();
          await page.locator('[data-preset="months12"]').click();
          await page.waitForSelector('[data-section="received"] h2:has-text("minggu"), [data-section="received"] h2:has-text("week")');
          await page.waitForSelector('[data-screen="dashboard"][data-state="ready"] [data-section="people"] .recharts-bar-rectangle');
          presets.push(performance.now() - t);
        }
        console.log(`\nscreen (Chromium, 1360×900):\n  open the dashboard (30 days):   median ${f(median(shown))}, worst ${f(Math.max(...shown))} (5)`);
        console.log(`  switch to 12 months:           median ${f(median(presets))}, worst ${f(Math.max(...presets))} (5)`);
      } finally {
        await browser.close();
      }
    } finally {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
