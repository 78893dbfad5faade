// Issue 14, "Measured": an axe scan of each screen finds no serious or critical violation of WCAG 2.1 A/AA,
// in Indonesian and (for the screens officers live in) in English. Each screen is scanned once it is ready
// and holds what an officer sees on a working day: a case with a read document, its fields, a warning and
// its page in the viewer; a case under review with its evidence; an import's results; the audit trail.
// A failure names each violation's rule, impact, help and the elements it found, so it can be fixed.
// Set CLAIMDESK_SCREENSHOTS=DIR to also save each scanned screen there as a PNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoParticipants } from '../../src/main/demo/seed';
import { syntheticParticipant } from '../../tools/synth/people';
import { textPdf } from '../fixtures/text-pdf';
import { expect, test } from './fixtures';
import { caseScreen, deskFor, fieldsPanel, newCaseForm, pageViewer, participantsScreen, shell, signIn, signInScreen, usersScreen } from './pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);
const shots = process.env.CLAIMDESK_SCREENSHOTS;

/**
 * Scans the page as it stands, in the light and the dark theme (the app follows the system's), and fails
 * the test on a serious or critical violation (softly: every screen is still scanned).
 */
async function scan(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const name = `${screen}, ${colorScheme}`;
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `a11y-${name.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
    }
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const blocking = result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
    const report = blocking
      .map(
        (v) =>
          `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n` +
          v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`).join('\n'),
      )
      .join('\n');
    expect
      .soft(
        blocking.map((v) => v.id),
        `serious or critical accessibility violations on ${name}:\n${report}`,
      )
      .toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const language = async (page: Page, lang: 'id' | 'en'): Promise<void> => {
  await shell(page).languageSwitch.selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
};

test.use({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

test('the officer’s screens and a case through review have no serious or critical accessibility violation', async ({ browser, page, app }) => {
  // About forty scans (each screen in two themes) of pages holding a read document: a few minutes.
  test.setTimeout(420_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const person = [...demoParticipants(12)][11]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-a11y-'));
  // The heir statement names the deceased differently from the record (same NIK): a warning to show; its
  // number is left blank, so a field needs the officer.
  const file = path.join(dir, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    file,
    await textPdf([
      'SURAT KETERANGAN AHLI WARIS',
      'Nama Almarhum : BUDI SANTOSO',
      `NIK Almarhum : ${person.nik}`,
      'Tanggal Surat : 12-03-2025',
      'Nomor Surat :',
    ]),
  );

  // Sign-in, in both languages.
  await page.goto(app.url);
  await expect(signInScreen(page).screen).toBeVisible();
  await scan(page, 'sign-in (id)');
  await language(page, 'en');
  await scan(page, 'sign-in (en)');
  await language(page, 'id');
  const si = signInScreen(page);
  await si.username.fill('petugas');
  await si.password.fill('bukan-kata-sandinya');
  await si.submit.click();
  await expect(si.error).toBeVisible();
  await scan(page, 'sign-in, a wrong password refused');

  // The worklist, in both languages.
  await signIn(page, app, 'officer');
  const s = shell(page);
  await expect(s.screen('worklist')).toBeVisible();
  await expect(page.getByTestId('case-table').locator('tbody tr')).toHaveCount(4);
  await scan(page, 'worklist (id)');
  await language(page, 'en');
  await scan(page, 'worklist (en)');
  await language(page, 'id');

  // The new-case form, with a participant found and picked.
  const form = newCaseForm(page);
  await form.open.click();
  await form.claimType.selectOption('JKM');
  // The participant picker, its list of hits open.
  await form.form.locator('input[name=participant]').fill(person.nomor_kpj);
  await expect(form.form.getByTestId('picker-hits')).toContainText(person.nama);
  await scan(page, 'new-case form, participant hits open');
  await form.pickParticipant(person.nomor_kpj, person.nomor_kpj);
  await form.date.fill('01-11-2026');
  await scan(page, 'new-case form');
  await form.create.click();

  // A case with its document read: fields, a warning, and the page in the viewer; in both languages.
  const c = caseScreen(page);
  await expect(c.documents).toBeVisible();
  await c.fileInput.setInputFiles(file);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout: 60_000 });
  const heirs = fieldsPanel(page).documents('surat_ahli_waris');
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveValue('12-03-2025', { timeout: 30_000 });
  await expect(c.flags.locator('[data-rule="identity.name_mismatch"][data-severity=warning]')).toBeVisible();
  await expect(pageViewer(page).viewer.locator('img')).toBeVisible();
  await scan(page, 'case (id)');
  await language(page, 'en');
  await scan(page, 'case (en)');
  await language(page, 'id');

  // The form that sets a warning aside, open.
  const warning = c.flags.locator('[data-rule="identity.name_mismatch"]');
  await warning.getByTestId('dismiss-flag').click();
  await expect(warning.getByTestId('dismiss-reason')).toBeVisible();
  await scan(page, 'case, setting a warning aside');
  await warning.getByTestId('dismiss-reason').fill('Nama panggilan almarhum; NIK sama dengan data peserta');
  await warning.getByRole('button', { name: 'Abaikan peringatan' }).click();
  await expect(warning.getByTestId('dismissal')).toBeVisible();

  // Only what needs me.
  await page.locator('h1').click();
  await page.keyboard.press('Alt+M');
  await expect(c.fields.locator('input[name=needs-me]')).toBeChecked();
  await scan(page, 'case, only what needs me');
  await page.keyboard.press('Alt+M');
  await expect(c.fields.locator('input[name=needs-me]')).not.toBeChecked();

  // The shortcuts behind `?`.
  await page.locator('h1').click();
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await scan(page, 'shortcuts dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);

  // Submitted with a note, for the supervisor.
  await c.submitNote.fill('Akta kematian menyusul.');
  await c.submit.click();
  await expect(c.status).toHaveText('Menunggu supervisor');
  await scan(page, 'case awaiting the supervisor (officer)');

  // The officer's other screens.
  await s.nav('participants').click();
  const ps = participantsScreen(page);
  await ps.query.fill(person.nik);
  await ps.query.press('Enter');
  await expect(ps.row(person.nik)).toContainText(person.nama);
  await ps.row(person.nik).click();
  await expect(ps.detail).toContainText(person.nomor_kpj);
  await scan(page, 'participants, found and opened');
  await s.nav('requirements').click();
  await expect(page.getByTestId('requirements')).toContainText('Akta kematian');
  await scan(page, 'requirements');
  await s.nav('settings').click();
  await expect(s.screen('settings')).toBeVisible();
  await scan(page, 'settings (officer)');

  // The supervisor: the queue, the case under review with its evidence beside it, and the audit trail.
  const supervisor = await deskFor(browser, app, 'supervisor');
  await supervisor.emulateMedia({ reducedMotion: 'reduce' });
  await shell(supervisor).nav('supervisor').click();
  const row = supervisor.getByTestId('case-table').locator('tbody tr').first();
  await expect(row.getByTestId('submitted-by')).toHaveText('petugas');
  await scan(supervisor, 'supervisor queue');
  await row.locator('a').click();
  const sc = caseScreen(supervisor);
  await expect(sc.review).toHaveAttribute('data-state', 'ready');
  await sc.review.locator('[data-rule="identity.name_mismatch"] [data-testid=show-evidence]').click();
  await expect(supervisor.getByTestId('evidence-box')).toBeVisible();
  await scan(supervisor, 'case under review (id)');
  await language(supervisor, 'en');
  await scan(supervisor, 'case under review (en)');
  await language(supervisor, 'id');
  // A return refused for want of a note shows its alert.
  await supervisor.getByTestId('return').click();
  await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toBeVisible();
  await scan(supervisor, 'case under review, a decision refused');

  await shell(supervisor).nav('audit').click();
  await expect(supervisor.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
  await supervisor.getByTestId('verify-chain').click();
  await expect(supervisor.getByTestId('chain-status')).toHaveAttribute('data-ok', 'true');
  await scan(supervisor, 'audit');
  await shell(supervisor).nav('dashboard').click();
  await expect(supervisor.locator('[data-section="received"] .recharts-bar-rectangle').first()).toBeVisible();
  await supervisor.locator('[data-section="backlog"] summary').click();
  await scan(supervisor, 'dashboard');
  await supervisor.context().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the administrator’s screens have no serious or critical accessibility violation', async ({ browser, page, app }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const s = shell(page);
  await signIn(page, app, 'admin');

  // Settings, with a participant import's results: one line taken, one refused.
  const p = syntheticParticipant(9090, 5);
  const header =
    'nomor_kpj,nik,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,segmen,status,tanggal_kepesertaan,iuran_lunas_sampai,program,nama_bank,nomor_rekening,nama_pemilik_rekening';
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-a11y-csv-'));
  const file = path.join(dir, 'peserta.csv');
  fs.writeFileSync(file, `${header}\n${good}\n${bad}\n`);
  await s.nav('settings').click();
  await page.getByTestId('csv-input').setInputFiles(file);
  await expect(page.getByTestId('import-outcome')).toContainText('Baris 3');
  await expect(page.locator('[data-testid="holidays"][data-state="ready"]')).toBeVisible();
  await scan(page, 'settings (administrator, with import results)');

  // Participants: the imported person found and opened.
  await s.nav('participants').click();
  const ps = participantsScreen(page);
  await ps.query.fill(p.nomor_kpj);
  await ps.query.press('Enter');
  await expect(ps.row(p.nik)).toContainText(p.nama);
  await ps.row(p.nik).click();
  await expect(ps.detail).toContainText(p.nomor_kpj);
  await scan(page, 'participants (administrator)');

  // Users, with a refused new account's alert showing.
  await s.nav('users').click();
  const u = usersScreen(page);
  await expect(u.screen).toBeVisible();
  await scan(page, 'users');
  await u.create.locator('input[name=username]').fill('rina');
  await u.create.locator('input[name=displayName]').fill('Rina Supervisor');
  await u.create.locator('input[name=password]').fill('rina-kata-sandi');
  await u.create.locator('button[type=submit]').click();
  await expect(u.create.locator('[role=alert]')).toBeVisible();
  await scan(page, 'users, a new account refused');
  // A password reset, and the officer's first sign-in after it, which must choose a new one.
  const officer = app.account('officer');
  await u.row(officer.username).getByRole('button', { name: 'Setel ulang kata sandi' }).click();
  await u.reset.locator('input[type=password]').fill('Sementara-2026');
  await scan(page, 'users, resetting a password');
  await u.reset.getByRole('button', { name: 'Setel ulang kata sandi' }).click();
  await expect(u.row(officer.username)).toContainText('harus ganti kata sandi');
  const desk = await browser.newContext().then((c) => c.newPage());
  await desk.goto(app.url);
  const si = signInScreen(desk);
  await expect(si.screen).toBeVisible();
  await si.username.fill(officer.username);
  await si.password.fill('Sementara-2026');
  await si.submit.click();
  await expect(desk.locator('[data-screen="change-password"][data-state="ready"]')).toBeVisible();
  await scan(desk, 'change password');
  await desk.context().close();

  await s.nav('requirements').click();
  await expect(page.getByTestId('requirements')).toContainText('Akta kematian');
  await scan(page, 'requirements (administrator)');
  await s.nav('audit').click();
  await expect(page.getByTestId('audit-table').locator('tbody tr').first()).toBeVisible();
  await scan(page, 'audit (administrator)');
  fs.rmSync(dir, { recursive: true, force: true });
});

test.describe('on first run', () => {
  test.use({ serveArgs: [] });
  test('the setup of the first administrator has no serious or critical accessibility violation', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.locator('[data-screen="setup"][data-state="ready"]')).toBeVisible();
    await scan(page, 'first-run setup');
  });
});
