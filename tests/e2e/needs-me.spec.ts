// Verifying by confirming: "only what needs me" hides what was read surely, Enter confirms a field and
// moves to the next one that needs the officer, a save shows itself, and `?` lists the shortcuts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { textPdf } from '../fixtures/text-pdf';
import { expect, test } from './fixtures';
import { caseWithFile, shell } from './pages';

test('only what needs me, Enter to confirm and move on, and the shortcuts behind ?', async ({ page, app }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-needs-me-'));
  const file = path.join(dir, 'surat.pdf');
  // A text-layer letter: its printed fields are sure; the ones left blank need the officer.
  fs.writeFileSync(
    file,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum :', 'NIK Almarhum :', 'Tanggal Surat : 12-03-2026', 'Nomor Surat : 470/12/2026']),
  );
  const c = await caseWithFile(page, app, file);

  const rows = c.fields.locator('.field-row');
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();
  const needing = c.fields.locator('.field-row[data-needs="true"]');
  const needed = await needing.count();
  expect(needed).toBeGreaterThan(1);
  expect(needed).toBeLessThan(all);

  // Alt+M: only the fields that need the officer.
  await page.keyboard.press('Alt+M');
  await expect(c.fields.locator('input[name=needs-me]')).toBeChecked();
  await expect(rows).toHaveCount(needed);
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    // The window as the officer sees it with the fields in view (a full-page picture would cut the
    // sticky viewer and menu bar into the middle of the page).
    await c.fields.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: path.join(shots, 'case-needs-me-id.png') });
    await shell(page).languageSwitch.selectOption('en');
    await expect(c.fields).toContainText('Only what needs me');
    await page.screenshot({ path: path.join(shots, 'case-needs-me-en.png') });
    await shell(page).languageSwitch.selectOption('id');
  }

  // Typing a value and Enter saves it (a save shows itself) and moves to the next field that needs the officer.
  const first = needing.nth(0).locator('input');
  const secondName = await needing.nth(1).getAttribute('data-field');
  await first.fill('BUDI SANTOSO');
  await first.press('Enter');
  await expect(c.fields.locator(`.field-row[data-field="${secondName}"] input`)).toBeFocused();
  // The field it kept is settled now, so it leaves the list of what needs the officer.
  await expect(rows).toHaveCount(needed - 1);

  // ? lists the shortcuts; Escape closes the list.
  await page.locator('h1').click();
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts');
  await expect(help).toContainText('Pintasan papan ketik');
  await expect(help).toContainText('Alt+M');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  fs.rmSync(dir, { recursive: true, force: true });
});
