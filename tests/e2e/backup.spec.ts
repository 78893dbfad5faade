// Settings → Cadangan data: an administrator makes a backup of the served data folder and is told where
// it went, its size and its file count; the backup is really there, with its manifest; a relative folder
// is refused in words; officers have no such panel.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { backupPanel, shell, signIn } from './pages';

test('an administrator makes a backup from Settings and sees where it went, its size and file count', async ({ page, app }) => {
  await signIn(page, app, 'admin');
  await shell(page).nav('settings').click();
  const b = backupPanel(page);
  await expect(b.panel).toBeVisible();

  await b.folder.fill('cadangan');
  await b.make.click();
  await expect(b.error).toContainText('Tulis path lengkap folder cadangan');

  await b.folder.fill('');
  await b.make.click();
  await expect(b.done).toBeVisible();
  const backups = path.join(app.home, 'backups');
  const [made] = fs.readdirSync(backups);
  expect(made).toMatch(/^\d{8}-\d{6}$/);
  const folder = path.join(backups, made!);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'claimdesk-backup.json'), 'utf8')) as { files: unknown[]; counts: { cases: number } };
  await expect(b.result).toContainText(`Cadangan dibuat di ${folder}`);
  await expect(b.result).toContainText(`(${manifest.counts.cases} kasus) dan ${manifest.files.length} berkas`);
  await expect(b.result).toContainText(/\d+(,\d)? (KB|MB)\./);
  expect(fs.existsSync(path.join(folder, 'claimdesk.sqlite'))).toBe(true);
});

test('an officer has no backup panel', async ({ page, app }) => {
  await signIn(page, app, 'officer');
  await shell(page).nav('settings').click();
  await expect(shell(page).screen('settings')).toBeVisible();
  await expect(backupPanel(page).panel).toHaveCount(0);
});
