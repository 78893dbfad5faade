// Administrators keep the accounts: a new supervisor (a password holding the user name is refused in
// Indonesian), an officer locked out after five wrong passwords and unlocked again, and a reset password
// that the officer must replace before doing anything else.
import { expect, test } from './fixtures';
import { deskFor, shell, signIn, signInScreen, usersScreen } from './pages';

test('an administrator creates a supervisor, unlocks a locked-out officer and resets a password the officer must change', async ({ browser, page, app }) => {
  await signIn(page, app, 'admin');
  await shell(page).nav('users').click();
  const u = usersScreen(page);
  await expect(u.screen).toBeVisible();

  await u.create.locator('input[name=username]').fill('rina');
  await u.create.locator('input[name=displayName]').fill('Rina Supervisor');
  await u.create.locator('select[name=role]').selectOption('supervisor');
  await u.create.locator('input[name=password]').fill('rina-kata-sandi');
  await u.create.locator('button[type=submit]').click();
  await expect(u.create.locator('[role=alert]')).toHaveText('Kata sandi tidak boleh memuat nama pengguna.');
  await u.create.locator('input[name=password]').fill('Jambi-2026-aman!');
  await u.create.locator('button[type=submit]').click();
  await expect(u.row('rina')).toContainText('Rina Supervisor');
  await expect(u.row('rina').locator('select')).toHaveValue('supervisor');

  // Five wrong passwords lock the officer's account, even against the right one.
  const desk = await browser.newContext().then((c) => c.newPage());
  await desk.goto(app.url);
  const si = signInScreen(desk);
  await expect(si.screen).toBeVisible();
  const officer = app.account('officer');
  for (let i = 0; i < 5; i++) {
    await si.username.fill(officer.username);
    await si.password.fill(`salah-sekali-${i}`);
    await si.submit.click();
    await expect(si.password).toHaveValue('');
  }
  await expect(si.error).toHaveText('Akun dikunci setelah terlalu banyak percobaan gagal. Coba lagi dalam 15 menit atau minta administrator membukanya.');
  await si.username.fill(officer.username);
  await si.password.fill(officer.password);
  await si.submit.click();
  // The refusal has come back once the password field is emptied again (a sign-in would leave the screen).
  await expect(si.password).toHaveValue('');
  await expect(si.error).toContainText('Akun dikunci');

  // The administrator unlocks it and sets a temporary password.
  await page.reload();
  await expect(u.row(officer.username)).toContainText('Terkunci sampai');
  await u.row(officer.username).getByRole('button', { name: 'Buka kunci' }).click();
  await expect(u.row(officer.username)).toContainText('Aktif');
  await u.row(officer.username).getByRole('button', { name: 'Setel ulang kata sandi' }).click();
  await u.reset.locator('input[type=password]').fill('Sementara-2026');
  await u.reset.getByRole('button', { name: 'Setel ulang kata sandi' }).click();
  await expect(page.getByRole('status')).toHaveText(`Kata sandi ${officer.username} disetel ulang; ia harus menggantinya saat masuk.`);
  await expect(u.row(officer.username)).toContainText('harus ganti kata sandi');

  // The officer signs in with it and can do nothing before choosing a new one.
  await si.username.fill(officer.username);
  await si.password.fill('Sementara-2026');
  await si.submit.click();
  const change = desk.locator('[data-screen="change-password"][data-state="ready"]');
  await expect(change).toBeVisible();
  await expect(shell(desk).nav('worklist')).toHaveCount(0);
  await change.locator('input[name=currentPassword]').fill('Sementara-2026');
  await change.locator('input[name=newPassword]').fill('Kantor-Jambi-77');
  await change.locator('input[name=confirmPassword]').fill('Kantor-Jambi-77');
  await change.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(shell(desk).screen('worklist')).toBeVisible();
  await expect(desk.getByTestId('signed-in-user')).toContainText(officer.displayName);

  // The new supervisor signs in with the password the administrator gave.
  const rina = await deskFor(
    browser,
    { ...app, account: () => ({ username: 'rina', password: 'Jambi-2026-aman!', role: 'supervisor', displayName: 'Rina Supervisor' }) },
    'supervisor',
  );
  await expect(shell(rina).nav('supervisor')).toBeVisible();
  await expect(shell(rina).nav('users')).toHaveCount(0);
});
