import { demoParticipants } from '../../src/main/demo/seed';
import { expect, test } from './fixtures';
import { participantsScreen, shell, signIn, signInAgain, signInScreen } from './pages';

/** The i-th participant of the shipped demo data (resources/demo). */
const demoPerson = (i: number) => [...demoParticipants(i + 1)][i]!;

test('opens in Bahasa Indonesia, switches to English, and finds a demo participant by NIK', async ({ page, app }) => {
  const person = demoPerson(17);
  await signIn(page, app, 'officer');
  const s = shell(page);
  await expect(s.nav('worklist')).toHaveText('Daftar kerja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  await s.languageSwitch.selectOption('en');
  await expect(s.nav('worklist')).toHaveText('Worklist');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await s.nav('participants').click();
  const p = participantsScreen(page);
  await p.query.fill(person.nik);
  await p.query.press('Enter');
  await expect(s.screen('participants')).toBeVisible();
  await expect(p.row(person.nik)).toContainText(person.nama);
  await expect(p.count).toHaveText('1 participant found');
  await p.row(person.nik).click();
  await expect(p.detail).toContainText(person.nomor_kpj);
  await expect(p.detail).toContainText('Member since');

  // The choice survives a reload; the token was taken off the address bar but the tab keeps it, and the
  // session (an HttpOnly cookie) keeps the officer signed in.
  await page.reload();
  await expect(s.ready).toBeVisible();
  await expect(s.nav('worklist')).toHaveText('Worklist');
  expect(page.url()).not.toContain('token=');
});

test('the worklist shows the demo cases and a new case is created from the keyboard (Alt+N, type the KPJ, Enter)', async ({ page, app }) => {
  const person = demoPerson(30);
  await signIn(page, app, 'officer');
  const s = shell(page);
  await expect(s.screen('worklist')).toBeVisible();
  await expect(page.getByTestId('case-table').locator('tbody tr')).toHaveCount(4);
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('new-case-form');
  await form.locator('select').selectOption('JKM');
  // The participant is found as the KPJ is typed; Enter picks them, the date of death is typed as
  // officers write it, and Enter creates the case.
  const who = form.locator('input[name=participant]');
  await who.fill(person.nomor_kpj);
  await expect(form.getByTestId('picker-hits')).toContainText(person.nama);
  await who.press('Enter');
  await expect(form.getByTestId('picked-participant')).toContainText(person.nama);
  await form.locator('input[name=incidentDate]').fill('07-03-2026');
  await form.locator('input[name=incidentDate]').press('Enter');
  await expect(s.screen('case')).toBeVisible();
  await expect(page.locator('[data-screen=case] h1')).toContainText('CD-');
  await expect(page.locator('[data-screen=case]')).toContainText(person.nama);
});

test('a page opened without the token explains how to get in and cannot call the back end', async ({ page, app }) => {
  const bare = app.url.replace(/\?token=.*/, '');
  await page.goto(bare);
  await expect(page.locator('.shell[data-state="error"]')).toContainText('token');
  const status = await page.evaluate(async () => (await fetch('/api/call', { method: 'POST', body: '{"method":"app.info","input":{}}' })).status);
  expect(status).toBe(401);
});

test('sign-in refuses a wrong password in Indonesian, signs out on request, and after 30 idle minutes', async ({ page, app }) => {
  await page.clock.install();
  await page.goto(app.url);
  const si = signInScreen(page);
  await expect(si.screen).toBeVisible();
  await si.username.fill('petugas');
  await si.password.fill('bukan-kata-sandinya');
  await si.submit.click();
  await expect(si.error).toHaveText('Nama pengguna atau kata sandi salah.');
  await expect(si.password).toHaveValue('');
  await signInAgain(page, app, 'officer');
  // No screen for supervisors or administrators in an officer's navigation.
  await expect(shell(page).nav('supervisor')).toHaveCount(0);
  await expect(shell(page).nav('users')).toHaveCount(0);
  await page.getByTestId('sign-out').click();
  await expect(si.notice).toHaveText('Anda sudah keluar.');
  await signInAgain(page, app, 'officer');
  await page.clock.fastForward('31:00');
  await expect(si.notice).toHaveText('Anda dikeluarkan setelah 30 menit tanpa aktivitas. Masuk lagi untuk melanjutkan.');
  // The server ended the session too: the API refuses the old cookie.
  const status = await page.evaluate(async () => {
    const token = sessionStorage.getItem('claimdesk.token') ?? '';
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
      body: '{"method":"cases.list","input":{}}',
    });
    return ((await res.json()) as { error?: { params?: { reason?: string } } }).error?.params?.reason;
  });
  expect(status).toBe('no_session');
});
