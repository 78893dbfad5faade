// Opening a case: the participant found by name while typing, dates written dd-mm-yyyy and checked, and a
// case opened for a walk-in without a card linked to its participant afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { demoParticipants } from '../../src/main/demo/seed';
import { expect, test } from './fixtures';
import { shell, signIn } from './pages';

/** Set CLAIMDESK_SCREENSHOTS to a folder to save the screens for docs/. */
const shots = process.env.CLAIMDESK_SCREENSHOTS;

test('a death claim needs a real, past date of death; a case opened without its participant is linked later by name', async ({ page, app }) => {
  const person = [...demoParticipants(12)][11]!;
  await signIn(page, app, 'officer');
  await page.keyboard.press('Alt+N');
  const form = page.getByTestId('new-case-form');
  await form.locator('select').selectOption('JKM');
  await expect(form).toContainText('Tanggal meninggal');
  const date = form.locator('input[name=incidentDate]');
  await date.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Klaim kematian (JKM) memerlukan tanggal meninggal.');
  await date.fill('31-02-2026');
  await date.press('Enter');
  await expect(form.getByRole('alert')).toContainText('hh-bb-tttt');
  await date.fill('01-01-2099');
  await date.press('Enter');
  await expect(form.getByRole('alert')).toHaveText('Tanggal kejadian melewati hari ini.');
  await date.fill('07-03-2026');
  if (shots) {
    // The form as an officer sees it while finding the participant (picked again below for the case).
    const finder = form.locator('input[name=participant]');
    await finder.fill(person.nama.split(' ')[0]!);
    await expect(form.getByTestId('picker-hits')).toBeVisible();
    fs.mkdirSync(shots, { recursive: true });
    await form.screenshot({ path: path.join(shots, 'new-case.png') });
    await finder.fill('');
  }
  await date.press('Enter');

  // Opened without a participant: the case screen offers to link one, found by name.
  await expect(shell(page).screen('case')).toBeVisible();
  await expect(page.locator('.facts')).toContainText('07-03-2026');
  await page.getByTestId('link-participant').click();
  const who = page.locator('.link-participant input[name=participant]');
  await expect(who).toBeFocused();
  await who.fill(person.nama);
  await expect(page.getByTestId('picker-hits')).toContainText(person.nomor_kpj);
  if (shots) await page.locator('.facts').screenshot({ path: path.join(shots, 'link-participant.png') });
  await page.getByTestId('picker-hits').locator('li', { hasText: person.nomor_kpj }).click();
  await expect(page.locator('.facts')).toContainText(`${person.nama} (${person.nomor_kpj})`);
});
