// First run and Settings: a data folder without accounts asks for the first administrator, who imports
// participant records from CSV (bad lines reported, good ones land); an officer sees no import; the
// requirement table is readable and printable per claim type.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticParticipant } from '../../tools/synth/people';
import { expect, test } from './fixtures';
import { participantsScreen, setUpAdmin, shell, signIn } from './pages';

const HEADER =
  'nomor_kpj,nik,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,segmen,status,tanggal_kepesertaan,iuran_lunas_sampai,program,nama_bank,nomor_rekening,nama_pemilik_rekening';

test.use({ serveArgs: [] });

test('the first administrator, set up on first run, imports a participant CSV from Settings; the bad line is reported and the new person found', async ({
  page,
  app,
}) => {
  const p = syntheticParticipant(9090, 5);
  const good = [
    p.nomor_kpj,
    p.nik,
    p.nama,
    p.tempat_lahir,
    p.tanggal_lahir,
    p.jenis_kelamin,
    `"${p.alamat}"`,
    p.segmen,
    p.status,
    p.tanggal_kepesertaan,
    p.iuran_lunas_sampai,
    p.program.join(';'),
    p.nama_bank ?? '',
    p.nomor_rekening ?? '',
    p.nama_pemilik_rekening ?? '',
  ].join(',');
  const bad = ['12345678901', '123', 'NIK TERLALU PENDEK', 'JAMBI', '1990-02-30', 'L', '', 'BPU', 'aktif', '2020-01-01', '2026-10', 'JKK;JKM', '', '', ''].join(
    ',',
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-csv-')), 'peserta.csv');
  fs.writeFileSync(file, `${HEADER}\n${good}\n${bad}\n`);

  await setUpAdmin(page, app);
  await shell(page).nav('settings').click();
  await page.getByTestId('csv-input').setInputFiles(file);
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('1 baru');
  await expect(outcome).toContainText('Baris 3');
  // Each problem of the refused line in the reader's language, by its column.
  await expect(outcome).toContainText('NIK "123" bukan 16 digit; Tanggal lahir "1990-02-30" bukan tanggal yang benar (TTTT-BB-HH)');
  await expect(page.getByTestId('participant-import').locator('table')).toContainText('peserta.csv');
  // The history says what became of each import, in the officer's words.
  await expect(page.getByTestId('import-status').first()).toHaveText('Selesai');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) await page.getByTestId('participant-import').screenshot({ path: path.join(shots, 'participant-import.png') });

  await shell(page).nav('participants').click();
  const ps = participantsScreen(page);
  await ps.query.fill(p.nomor_kpj);
  await ps.query.press('Enter');
  await expect(ps.row(p.nik)).toContainText(p.nama);
});

test.describe('with the demo accounts', () => {
  test.use({ serveArgs: ['--demo', '--no-demo-files'] });
  test('an officer has no participant import and no policies in Settings', async ({ page, app }) => {
    await signIn(page, app, 'officer');
    await shell(page).nav('settings').click();
    await expect(shell(page).screen('settings')).toBeVisible();
    await expect(page.getByTestId('my-account')).toContainText('Petugas Demo');
    await expect(page.getByTestId('participant-import')).toHaveCount(0);
    await expect(page.getByTestId('policies')).toHaveCount(0);
    await expect(page.getByTestId('holidays')).toHaveCount(0);
  });

  test('an administrator adds a regional holiday, and a line that is not a date is refused with its number', async ({ page, app }) => {
    await signIn(page, app, 'admin');
    await shell(page).nav('settings').click();
    const panel = page.locator('[data-testid="holidays"][data-state="ready"]');
    await expect(panel).toContainText('Daftar bawaan ClaimDesk yang berlaku.');
    const list = panel.locator('textarea[name=holidays]');
    await expect(list).toHaveValue(/^01-01-2026 Tahun Baru Masehi$/m);
    const shipped = await list.inputValue();
    await list.fill(`${shipped}\nbesok Libur daerah`);
    await panel.getByRole('button', { name: 'Simpan hari libur' }).click();
    await expect(panel.getByRole('alert')).toHaveText(`Baris ${shipped.split('\n').length + 1} bukan tanggal (hh-bb-tttt) yang diikuti nama hari liburnya.`);
    await list.fill(`${shipped}\n14-12-2026 Hari jadi Provinsi Jambi`);
    await panel.getByRole('button', { name: 'Simpan hari libur' }).click();
    await expect(panel).toContainText('Daftar Anda sendiri yang berlaku.');
    await expect(list).toHaveValue(/^14-12-2026 Hari jadi Provinsi Jambi$/m);
    const shots = process.env.CLAIMDESK_SCREENSHOTS;
    if (shots) await panel.screenshot({ path: path.join(shots, 'holidays.png') });
    await panel.getByRole('button', { name: 'Kembali ke daftar bawaan' }).click();
    await expect(panel).toContainText('Daftar bawaan ClaimDesk yang berlaku.');
    await expect(list).toHaveValue(shipped);
  });
});

test('shows the document requirements of a claim type with their conditions', async ({ page, app }) => {
  await setUpAdmin(page, app);
  await shell(page).nav('requirements').click();
  const table = page.getByTestId('requirements');
  await expect(table).toContainText('Akta kematian');
  await expect(table).toContainText('bila ahli waris suami/istri');
  await page.getByRole('combobox', { name: 'Jenis klaim' }).selectOption('JKK');
  await expect(table).toContainText('bila kecelakaan lalu lintas');
});
