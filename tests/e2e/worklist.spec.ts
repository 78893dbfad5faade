// The worklist an officer starts the day on: open cases with their statutory deadline in working days,
// the nearest first, found by name, KPJ or NIK and filtered by claim type, in either language.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { shell, signIn } from './pages';

/** Set CLAIMDESK_SCREENSHOTS to a folder to save the screens for docs/. */
const shots = process.env.CLAIMDESK_SCREENSHOTS;

test('open cases show their deadline in working days, and are found by name or filtered by claim type', async ({ page, app }) => {
  await signIn(page, app, 'officer');
  const table = page.getByTestId('case-table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('case-count')).toHaveText('1–4 dari 4');
  // Every demo case was filed today: each has its statutory working days still ahead.
  await expect(table.locator('[data-urgency="ok"]')).toHaveCount(3);
  await expect(table).toContainText('sisa 3 hari kerja');
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'worklist-id.png') });
  }

  const jkm = rows.filter({ hasText: 'JKM' });
  const name = (await jkm.first().locator('td').nth(2).innerText()).split(' ').slice(0, 2).join(' ');
  await page.locator('input[name=case-query]').fill(name.toLowerCase());
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
  await page.locator('input[name=case-query]').fill('');
  await page.locator('select[name=claim-type]').selectOption('JKK');
  await expect(rows).toHaveCount(2);
  for (const type of await rows.locator('td:nth-child(2)').allInnerTexts()) expect(type).toBe('JKK');

  await shell(page).languageSwitch.selectOption('en');
  await expect(table).toContainText('7 working days left');
  await page.locator('select[name=claim-type]').selectOption('');
  await expect(rows).toHaveCount(4);
  if (shots) await page.screenshot({ path: path.join(shots, 'worklist-en.png') });
});
