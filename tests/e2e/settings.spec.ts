// Settings: a supervisor imports participant records from CSV (bad lines reported, good ones land)
// and the requirement table is readable and printable per claim type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticParticipant } from '../../tools/synth/people';
import { expect, test } from './fixtures';
import { participantsScreen, shell } from './pages';

const HEADER = 'nomor_kpj,nik,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,segmen,status,tanggal_kepesertaan,iuran_lunas_sampai,program,nama_bank,nomor_rekening,nama_pemilik_rekening';

test.use({ serveArgs: [] });

test('imports a participant CSV from Settings, reports the bad line, and the new person can be found', async ({ page, app }) => {
  const p = syntheticParticipant(9090, 5);
  const good = [p.nomor_kpj, p.nik, p.nama, p.tempat_lahir, p.tanggal_lahir, p.jenis_kelamin, `"${p.alamat}"`, p.segmen, p.status, p.tanggal_kepesertaan, p.iuran_lunas_sampai, p.program.join(';'), p.nama_bank ?? '', p.nomor_rekening ?? '', p.nama_pemilik_rekening ?? ''].join(',');
  const bad = ['12345678901', '123', 'NIK TERLALU PENDEK', 'JAMBI', '1990-02-30', 'L', '', 'BPU', 'aktif', '2020-01-01', '2026-10', 'JKK;JKM', '', '', ''].join(',');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-csv-')), 'peserta.csv');
  fs.writeFileSync(file, `${HEADER}\n${good}\n${bad}\n`);

  await page.goto(app.url);
  await expect(shell(page).ready).toBeVisible();
  await shell(page).nav('settings').click();
  await page.getByTestId('csv-input').setInputFiles(file);
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('1 baru');
  await expect(outcome).toContainText('Baris 3');
  await expect(page.getByTestId('participant-import').locator('table')).toContainText('peserta.csv');

  await shell(page).nav('participants').click();
  const ps = participantsScreen(page);
  await ps.query.fill(p.nomor_kpj);
  await ps.query.press('Enter');
  await expect(ps.row(p.nik)).toContainText(p.nama);
});

test('shows the document requirements of a claim type with their conditions', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(shell(page).ready).toBeVisible();
  await shell(page).nav('requirements').click();
  const table = page.getByTestId('requirements');
  await expect(table).toContainText('Akta kematian');
  await expect(table).toContainText('bila ahli waris suami/istri');
  await page.getByRole('combobox', { name: 'Jenis klaim' }).selectOption('JKK');
  await expect(table).toContainText('bila kecelakaan lalu lintas');
});
