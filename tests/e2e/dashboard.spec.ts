// The branch dashboard in the browser, on a data folder holding a generated history of 3,000 cases
// (tests/helpers/history.ts) served as a user starts it: the supervisor reads figures that match the
// history's known answers, changes the range by typing and by a preset, downloads a table as CSV;
// an officer has no dashboard. Set CLAIMDESK_SCREENSHOTS=DIR to also save the screen as
// DIR/dashboard-id.png and DIR/dashboard-en.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, test } from '@playwright/test';
import { PROCESSING_DAYS_PARAM } from '../../src/shared/rules/engine';
import rulesConfig from '../../resources/requirements/rules-config.json' with { type: 'json' };
import { iso, parseIsoDate, plusDays } from '../../src/shared/rules/dates';
import { historyHome, type HistoryHome } from '../helpers/history';
import { expectedFigures } from '../helpers/history-answers';
import { startServe } from './fixtures';
import { shell, signInScreen } from './pages';

let home: string;
let history: HistoryHome;
let host: Awaited<ReturnType<typeof startServe>>;

test.beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
  history = await historyHome(home, { cases: 3000, today: iso(new Date()), spanDays: 400 });
  host = await startServe(home, []);
});
test.afterAll(async () => {
  host.proc.kill('SIGTERM');
  await new Promise((r) => host.proc.once('exit', r));
  fs.rmSync(home, { recursive: true, force: true });
});

const dmy = (day: string): string => day.split('-').reverse().join('-');
const statutory = {
  JHT: rulesConfig.params[PROCESSING_DAYS_PARAM.JHT].value,
  JKK: rulesConfig.params[PROCESSING_DAYS_PARAM.JKK].value,
  JKM: rulesConfig.params[PROCESSING_DAYS_PARAM.JKM].value,
  BEASISWA: rulesConfig.params[PROCESSING_DAYS_PARAM.BEASISWA].value,
};

test('a supervisor reads the branch figures, changes the range and downloads a table', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 900 });
  await page.goto(host.url);
  const s = signInScreen(page);
  await s.username.fill(history.supervisor.username);
  await s.password.fill(history.supervisor.password);
  await s.submit.click();
  await expect(shell(page).ready).toBeVisible();

  // Alt+9 opens it; the default range is the 30 days up to today.
  await page.keyboard.press('Alt+9');
  const screen = shell(page).screen('dashboard');
  await expect(screen).toBeVisible();
  const today = iso(new Date());
  const from30 = iso(plusDays(parseIsoDate(today)!, -29));
  await expect(page.getByTestId('range-from')).toHaveValue(dmy(from30));
  await expect(page.getByTestId('range-to')).toHaveValue(dmy(today));
  await expect(page.locator('[data-preset="days30"]')).toHaveAttribute('aria-pressed', 'true');
  const want = expectedFigures(history.events, from30, today, statutory);
  const tile = (key: string) => page.locator(`[data-tile="${key}"] .tile-value`);
  await expect(tile('received')).toHaveText(String(want.totals.received));
  await expect(tile('decided')).toHaveText(String(want.totals.decided));
  await expect(tile('returned')).toHaveText(String(want.totals.returned));
  await expect(tile('open')).toHaveText(String(want.totals.open));
  await expect(tile('median')).toHaveText(`${want.all.medianDays} hari kerja`);
  // Every chart is drawn, one bar per day with cases.
  for (const section of ['received', 'time', 'backlog', 'flags', 'returns', 'people']) {
    await expect(page.locator(`[data-section="${section}"] .recharts-bar-rectangle`).first(), section).toBeVisible();
  }
  const jkk = want.byType.find((t) => t.claimType === 'JKK')!;
  await expect(page.getByTestId('decision-time-table').locator('[data-type=JKK] td')).toHaveText([
    'JKK',
    String(jkk.decided),
    String(jkk.medianDays),
    String(jkk.p90Days),
    '7',
    `${Math.round((jkk.withinStatutory * 100) / jkk.decided)}%`,
  ]);
  const budi = want.people.budi!;
  await expect(page.getByTestId('people-table').locator('[data-user=budi] td').nth(1)).toHaveText(String(budi.submitted));
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'dashboard-id.png'), fullPage: true });
  }

  // A range typed backwards is refused in words; a preset switches to weeks.
  await page.getByTestId('range-from').fill(dmy(today));
  await page.getByTestId('range-to').fill(dmy(from30));
  await page.getByTestId('range-apply').click();
  await expect(page.getByTestId('dashboard-range').getByRole('alert')).toHaveText('Tanggal akhir rentang lebih awal dari tanggal awalnya.');
  await page.locator('[data-preset="days90"]').click();
  await expect(page.locator('[data-preset="days90"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-section="received"] h2')).toHaveText('Kasus diterima per minggu');
  const from90 = iso(plusDays(parseIsoDate(today)!, -89));
  await expect(tile('received')).toHaveText(String(expectedFigures(history.events, from90, today, statutory).totals.received));

  // The table beside a chart downloads as the CSV the command line writes.
  const download = page.waitForEvent('download');
  await page.getByTestId('csv-returns').click();
  const file = await (await download).path();
  const rows = parse(fs.readFileSync(file!, 'utf8'), { columns: true }) as { reason: string; returns: string }[];
  expect(Object.fromEntries(rows.map((r) => [r.reason, Number(r.returns)]))).toEqual(expectedFigures(history.events, from90, today, statutory).returns);

  if (shots) {
    await page.getByTestId('language-switch').selectOption('en');
    await page.locator('[data-preset="days30"]').click();
    await expect(page.locator('[data-tile="median"] .tile-value')).toContainText('working day');
    await page.screenshot({ path: path.join(shots, 'dashboard-en.png'), fullPage: true });
  }
});

test('an officer has no dashboard', async ({ page }) => {
  // A branch's officer account, made by the administrator's command line.
  const { spawnSync } = await import('node:child_process');
  const made = spawnSync(
    process.execPath,
    ['bin/claimdesk.mjs', '--home', home, '--json', 'users', 'add', 'ani', '--name', 'Ani', '--role', 'officer', '--password', 'Petugas-Jambi-2026'],
    {
      encoding: 'utf8',
    },
  );
  expect(made.status, made.stderr).toBe(0);
  await page.goto(host.url);
  const s = signInScreen(page);
  await s.username.fill('ani');
  await s.password.fill('Petugas-Jambi-2026');
  await s.submit.click();
  await expect(shell(page).ready).toBeVisible();
  await expect(shell(page).nav('dashboard')).toHaveCount(0);
  await page.evaluate(() => (location.hash = '#/dashboard'));
  await expect(page.locator('[data-screen="dashboard"] [role=alert]')).toContainText('Peran Anda tidak diizinkan');
});
