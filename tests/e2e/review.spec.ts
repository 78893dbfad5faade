// The review loop: an officer submits a flagged case, a supervisor returns it with a reason, and the
// history shows who decided what. Flags come from the real checks (here: missing documents).
import { expect, test } from './fixtures';
import { caseScreen, shell } from './pages';

test('a flagged case goes to the supervisor, who returns it with a reason', async ({ page, app }) => {
  await page.goto(app.url);
  const s = shell(page);
  await expect(s.ready).toBeVisible();
  await page.evaluate(() => (location.hash = '#/case/2'));
  const c = caseScreen(page);
  await expect(c.flags).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('submit-case').click();
  await expect(c.status).toHaveText('Menunggu supervisor');
  await expect(c.flags.locator('[data-rule="documents.missing_required"]').first()).toBeVisible();

  // An officer cannot decide; a supervisor can.
  await s.nav('supervisor').click();
  await expect(page.locator('[data-screen=supervisor]')).toContainText('untuk supervisor');
  await s.nav('settings').click();
  await expect(s.screen('settings')).toBeVisible();
  await page.locator('select[name=role]').selectOption('supervisor');
  await page.locator('input[name=operatorName]').fill('Rina Supervisor');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.locator('.operator')).toContainText('Rina Supervisor');

  await s.nav('supervisor').click();
  await expect(page.getByTestId('case-table').locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('case-table').locator('tbody a').first().click();
  await page.getByRole('button', { name: 'Kembalikan ke petugas' }).click();
  await expect(page.locator('[data-testid=case-actions] [role=alert]')).toContainText('alasan');
  await page.getByTestId('decision-reason').fill('Akta kematian belum dilampirkan');
  await page.getByRole('button', { name: 'Kembalikan ke petugas' }).click();
  await expect(c.status).toHaveText('Dikembalikan');
  await expect(page.locator('.history')).toContainText('Rina Supervisor');
  await expect(page.locator('.history')).toContainText('Akta kematian belum dilampirkan');
});
