// A desk whose SQLite file is held by another writer for longer than a call waits (another desk on the
// same data folder, or a command-line import beside the app): the value the officer saved is not lost
// and not shown as an error. It stays in its field, marked "Belum tersimpan" with the reason (the
// database is busy with other desks' work), and is saved by itself once the file is free again. A reload
// meanwhile keeps it (the tab holds it), and once saved Alt+Z takes it back like any change; leaving the
// case, which asks first, lets it go.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/db/database';
import { textPdf } from '../fixtures/text-pdf';
import { expect, test } from './fixtures';
import { answerNextDialog, caseWithFile, fieldsPanel, reloadPastLeaveQuestion, shoot } from './pages';

/** A call waits 5 s for the write lock (database.ts), then the desk tries again after 2 s, 4 s, …. */
const BACK = { timeout: 60_000 };

test('a value saved while another writer holds the database waits in its field and is saved when the writer lets go', async ({ page, app }) => {
  test.setTimeout(180_000);
  const file = path.join(app.home, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    file,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum : SUHARTO WIJAYA', 'NIK Almarhum : 3171014506880001', 'Tanggal Surat : 12-03-2025']),
  );
  await caseWithFile(page, app, file);
  const caseId = Number(/#\/case\/(\d+)/.exec(page.url())?.[1]);
  const heirs = fieldsPanel(page).documents('surat_ahli_waris');
  const row = (field: string) => heirs.locator(`[data-field=${field}]`);
  const input = (field: string) => row(field).locator('input');
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA', { timeout: 30_000 });
  const status = page.getByTestId('save-status');

  // Another writer on the same file takes the write lock and keeps it.
  const other = new Database(path.join(app.home, DATABASE_FILE));
  const stored = (): { value: unknown; source?: string } => {
    const row = other.prepare(`SELECT fields FROM case_documents WHERE case_id = ? AND type = 'surat_ahli_waris'`).get(caseId) as { fields: string };
    return (JSON.parse(row.fields) as Record<string, { value: unknown; source?: string }>).nama_almarhum!;
  };
  try {
    other.exec('BEGIN IMMEDIATE');
    await input('nama_almarhum').fill('SUHARTO WIJAYA KUSUMA');
    await input('nama_almarhum').press('Enter');
    await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
    await expect(row('nama_almarhum').getByTestId('unsaved-badge')).toHaveText('⚠ Belum tersimpan');
    await expect(row('nama_almarhum').getByTestId('field-unsaved')).toContainText('basis data sedang sibuk melayani meja lain');
    await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA KUSUMA');
    await expect(status).toHaveAttribute('data-kind', 'busy');
    await expect(status).toContainText('Basis data sedang sibuk melayani meja lain. 1 nilai belum tersimpan');
    await shoot(page, 'busy-id.png');
    await shoot(page, 'busy-fields.png', 'fields-panel');
    // Not an error the officer has to act on: no error note at the field, and nothing reached the store.
    await expect(row('nama_almarhum').locator('.field-error')).toHaveCount(0);
    expect(stored()).toMatchObject({ value: 'SUHARTO WIJAYA' });
    expect(stored().source).not.toBe('officer');

    // The window is reloaded (past the browser's own question): the value is still there, still waiting.
    await reloadPastLeaveQuestion(page);
    await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA KUSUMA', { timeout: 30_000 });
    await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
    await expect(status).toHaveAttribute('data-kind', 'busy', BACK);
  } finally {
    if (other.inTransaction) other.exec('COMMIT');
  }

  // The writer lets go: the value is saved by itself, and the status says so.
  await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'confirmed', BACK);
  await expect(heirs.getByTestId('field-unsaved')).toHaveCount(0);
  await expect(status).toHaveAttribute('data-kind', 'recovered');
  await expect(status).toContainText('Basis data kembali lowong: 1 nilai tersimpan.');
  await shoot(page, 'busy-saved.png');
  expect(stored()).toMatchObject({ value: 'SUHARTO WIJAYA KUSUMA', source: 'officer' });
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('claimdesk.unsaved.')))).toEqual([]);
  // Saved by a later try, it is the officer's last change all the same: Alt+Z takes it back.
  await expect(page.getByTestId('undo-field')).toContainText('Nama almarhum');
  await page.keyboard.press('Alt+Z');
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA');
  await expect(input('nama_almarhum')).toBeFocused();
  expect(stored()).toMatchObject({ value: 'SUHARTO WIJAYA' });
  expect(stored().source).not.toBe('officer');

  // Held again, and this time the officer leaves the case and says to lose the value: it is gone, also
  // from the tab, and the case opens again with what the store holds.
  try {
    other.exec('BEGIN IMMEDIATE');
    await input('nik_almarhum').fill('3171014506880003');
    await input('nik_almarhum').press('Enter');
    await expect(row('nik_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
    const asked = answerNextDialog(page, 'accept');
    await page.locator('[data-nav=worklist]').click();
    expect(await asked).toContain('1 nilai pada kasus ini belum tersimpan');
    await expect(page).not.toHaveURL(new RegExp(`#/case/${caseId}$`));
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('claimdesk.unsaved.')))).toEqual([]);
  } finally {
    if (other.inTransaction) other.exec('COMMIT');
  }
  await page.goto(`${page.url().split('#')[0]}#/case/${caseId}`);
  await expect(input('nik_almarhum')).toHaveValue('3171014506880001', { timeout: 30_000 });
  await expect(heirs.getByTestId('field-unsaved')).toHaveCount(0);
  other.close();
});
