// List fields in the table editor. An heir statement whose heirs' table was not read: the officer keys
// the heirs with the keyboard, gets a refused NIK explained in Indonesian beside its cell, corrects it and
// saves; the list is kept normalised after a reload. A family card whose table was read with one cell
// blank: the cell is marked, completed and saved. Text-layer PDFs are read without OCR, so both are quick.
// Set CLAIMDESK_SCREENSHOTS=DIR to also save the refused list as DIR/list-editor.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { familyCardWithBlankCell, heirStatementWithoutTable, SITI_AMINAH } from '../fixtures/text-pdf';
import { caseWithFile, fieldsPanel } from './pages';

test('an unread heir list is keyed in its table with the keyboard, a bad NIK refused beside its cell', async ({ page, app }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-heirs-'));
  const file = path.join(dir, 'ahli-waris.pdf');
  fs.writeFileSync(file, await heirStatementWithoutTable());
  await caseWithFile(page, app, file);

  const doc = fieldsPanel(page).documents('surat_ahli_waris');
  const heirs = doc.locator('[data-field=ahli_waris]');
  await expect(heirs.locator('.list-editor')).toBeVisible({ timeout: 30_000 });
  await expect(heirs).toHaveAttribute('data-field-state', 'keying');
  // Not read: one blank row, ready for keying.
  await expect(heirs.locator('tbody tr')).toHaveCount(1);

  // Row 1 by keyboard: type, Tab to the next cell, choose the relationship with the keyboard.
  await heirs.getByLabel('Nama, baris 1').focus();
  await page.keyboard.type('siti aminah');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3174 0155 0790 0003');
  await page.keyboard.press('Tab');
  await expect(heirs.getByLabel('Hubungan, baris 1')).toBeFocused();
  // Typing on a closed select picks the option starting with those letters.
  await page.keyboard.type('Is');
  await expect(heirs.getByLabel('Hubungan, baris 1')).toHaveValue('istri');
  // Tab past the row's remove button to "Add row"; Enter adds a row and focuses its first cell.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(heirs.getByRole('button', { name: 'Tambah baris' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(heirs.getByLabel('Nama, baris 2')).toBeFocused();
  await page.keyboard.type('Rizki Santoso');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3174 0155');
  await heirs.getByLabel('Hubungan, baris 2').selectOption('anak');

  // Enter saves; the short NIK is refused, in Indonesian, naming the row and column, and the cell is marked.
  await heirs.getByLabel('NIK, baris 2').press('Enter');
  await expect(heirs.getByRole('alert')).toHaveText('Ahli waris baris 2, kolom NIK: NIK harus 16 angka dengan kode wilayah dan tanggal lahir yang sah.');
  await expect(heirs.getByLabel('NIK, baris 2')).toHaveAttribute('aria-invalid', 'true');
  await expect(heirs.getByLabel('NIK, baris 2')).toBeFocused();
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await doc.screenshot({ path: path.join(shots, 'list-editor.png') });
  }

  // A heir statement may leave an heir's NIK out: cleared, the list saves, normalised.
  await heirs.getByLabel('NIK, baris 2').fill('');
  await heirs.getByLabel('NIK, baris 2').press('Enter');
  await expect(heirs).toHaveAttribute('data-field-state', 'confirmed');
  await expect(heirs.getByLabel('Nama, baris 1')).toHaveValue('SITI AMINAH');
  await expect(heirs.getByLabel('NIK, baris 1')).toHaveValue('3174015507900003');
  await expect(heirs.getByLabel('Nama, baris 2')).toHaveValue('RIZKI SANTOSO');

  await page.reload();
  const again = fieldsPanel(page).documents('surat_ahli_waris').locator('[data-field=ahli_waris]');
  await expect(again).toHaveAttribute('data-field-state', 'confirmed');
  await expect(again.locator('tbody tr')).toHaveCount(2);
  await expect(again.getByLabel('Hubungan, baris 2')).toHaveValue('anak');

  // Escape undoes an edit not saved.
  await again.getByLabel('Nama, baris 2').fill('SALAH KETIK');
  await again.getByLabel('Nama, baris 2').press('Escape');
  await expect(again.getByLabel('Nama, baris 2')).toHaveValue('RIZKI SANTOSO');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a family card read with a cell missing shows the cell to complete, and saves once it is keyed', async ({ page, app }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-kk-'));
  const file = path.join(dir, 'kk.pdf');
  fs.writeFileSync(file, await familyCardWithBlankCell());
  await caseWithFile(page, app, file);

  const members = fieldsPanel(page).documents('kk').locator('[data-field=anggota]');
  await expect(members.locator('tbody tr')).toHaveCount(2, { timeout: 30_000 });
  // Pre-filled as read; the one unread cell is marked and counted, and the list cannot be confirmed as is.
  await expect(members.getByLabel('Nama, baris 2')).toHaveValue(SITI_AMINAH.nama);
  await expect(members.getByLabel('Hubungan, baris 1')).toHaveValue('kepala_keluarga');
  await expect(members.locator('td[data-missing]')).toHaveCount(1);
  await expect(members.locator('td[data-missing]')).toHaveAttribute('data-column', 'tanggal_lahir');
  await expect(members.getByLabel('Tanggal lahir, baris 2 (belum terbaca)')).toBeVisible();
  await expect(members.getByTestId('missing-cells')).toHaveText('1 sel belum terbaca: lengkapi sel yang ditandai.');
  await expect(members.getByRole('button', { name: /Benar/ })).toHaveCount(0);

  // Keyed in the Indonesian form, saved with Enter, stored as ISO.
  await members.getByLabel('Tanggal lahir, baris 2 (belum terbaca)').fill('15 Juli 1990');
  await expect(members.locator('td[data-missing]')).toHaveCount(0);
  await members.getByLabel('Tanggal lahir, baris 2').press('Enter');
  await expect(members).toHaveAttribute('data-field-state', 'confirmed');
  // Shown as the officer reads dates: dd-mm-yyyy.
  await expect(members.getByLabel('Tanggal lahir, baris 2')).toHaveValue(SITI_AMINAH.tanggal_lahir.split('-').reverse().join('-'));
  await expect(members.getByLabel('Tanggal lahir, baris 1')).toHaveValue('20-03-1967');
  fs.rmSync(dir, { recursive: true, force: true });
});
