// Settings → Basis data cabang: an administrator of a desk on its embedded database points it at the
// branch's PostgreSQL. A wrong password is refused in words and nothing is saved; the right one is
// tried, saved for the next start (the password never shown again), and the screen says to restart and
// that this folder's own cases stay behind unless migrated. Officers have no such panel. Needs the test
// PostgreSQL, as the integration tests on PostgreSQL do (bash .ci/postgres.sh). Set
// CLAIMDESK_SCREENSHOTS=DIR to save the panel as DIR/store-setting-id.png.
import fs from 'node:fs';
import path from 'node:path';
import { connectPostgres, freshSchema } from '../helpers/postgres';
import { TEST_POSTGRES_URL } from '../helpers/store';
import { expect, test } from './fixtures';
import { shell, signIn, storePanel } from './pages';

test('an administrator points the desk at the branch server: a wrong password is refused, the right one saved for the next start', async ({ page, app }) => {
  // The server must answer (trying an address creates nothing on it, so there is no schema to drop).
  await (await connectPostgres()).end();
  const password = decodeURIComponent(new URL(TEST_POSTGRES_URL).password);
  const server = new URL(freshSchema('e2e_setting').database);
  server.password = '';

  await signIn(page, app, 'admin');
  await shell(page).nav('settings').click();
  const s = storePanel(page);
  await expect(s.current).toHaveText(`Basis data bawaan: ${path.join(app.home, 'claimdesk.sqlite')}`);
  await expect(s.saved).toHaveText('basis data bawaan (berkas di folder data)');

  await s.address.fill(server.href);
  await s.password.fill(`${password}-salah`);
  await s.save.click();
  await expect(s.error).toContainText('Server menolak masuk');
  expect(fs.existsSync(path.join(app.home, 'store.json'))).toBe(false);

  await s.password.fill(password);
  await s.save.press('Enter');
  const shownAddress = server.href.replace(`${server.username}@`, `${server.username}:***@`);
  await expect(s.result).toContainText(`Server menjawab. Tersimpan: ${shownAddress}. Belum ada data ClaimDesk di sana`);
  await expect(s.leftBehind).toContainText('Folder data ini berisi 4 kasus di basis data bawaan. Salin ke server dengan "claimdesk migrate-store"');
  await expect(s.restart).toHaveText('Mulai ulang ClaimDesk agar pilihan yang tersimpan berlaku.');
  await expect(s.saved).toHaveText(shownAddress);
  await expect(s.password).toHaveValue('');
  await expect(page.getByTestId('store-setting')).not.toContainText(`:${password}@`);
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await s.panel.screenshot({ path: path.join(shots, 'store-setting-id.png') });
  }
  const saved = JSON.parse(fs.readFileSync(path.join(app.home, 'store.json'), 'utf8')) as { database: string };
  expect(new URL(saved.database).password).toBe(encodeURIComponent(password));
});

test('an officer has no branch database panel', async ({ page, app }) => {
  await signIn(page, app, 'officer');
  await shell(page).nav('settings').click();
  await expect(shell(page).screen('settings')).toBeVisible();
  await expect(storePanel(page).panel).toHaveCount(0);
});
