// Every message the officer can see comes from the translation files: each screen is walked in Indonesian
// and in English (a case with fields and findings, the supervisor's queue and review, the audit trail, an
// import with bad lines, requirements, settings, users, the branch dashboard), with a refused sign-in, a refused decision and a
// validation error on screen, and what the page shows (`innerText`) is searched for what only the back end
// or the code would write: dotted ids ("identity.kpj_mismatch", "checks.run"), snake_case keys
// ("benefit_amount"), the schemas' English in the Indonesian screens, and yyyy-mm-dd dates.
// Set CLAIMDESK_SCREENSHOTS=DIR to also save each screen in both languages there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoParticipants } from '../../src/main/demo/seed';
import { textPdf } from '../fixtures/text-pdf';
import { expect, test } from './fixtures';
import { caseScreen, deskFor, newJkmCase, shell, signIn, signInScreen, usersScreen } from './pages';

type Lang = 'id' | 'en';

/** What no screen may show: each pattern with what it stands for. */
const RAW: { what: string; re: RegExp }[] = [
  // "identity.kpj_mismatch", "checks.run", "cases.setParticipant" (file names like "surat.pdf" are left out).
  { what: 'dotted id', re: /\b[a-z]+\.(?!(?:pdf|png|jpe?g|tiff?|csv|db|sqlite)\b)[a-z][A-Za-z]*(?:_[a-z]+)*\b/g },
  // "benefit_amount", "wrong_length", "nik_date".
  { what: 'snake_case', re: /\b[a-z]+_[a-z_]+\b/g },
  { what: 'yyyy-mm-dd date', re: /\b\d{4}-\d{2}-\d{2}\b/g },
];
/** The English the schemas, the back end and the name matcher write, which must not reach Indonesian screens. */
const ENGLISH =
  /\b(?:must be|is required|[Ii]nvalid (?:input|value|string|date)|[Ee]xpected|[Tt]oo (?:small|big)|not allowed|[Ss]ign in first|[Uu]nknown method|[Ii]nternal error|names differ|not found in the other name|score \d)/g;

/** Every raw id or stray English on the page, as "where: what «text»". */
export async function rawText(page: Page, where: string, lang: Lang): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const found: string[] = [];
  for (const { what, re } of lang === 'id' ? [...RAW, { what: 'English', re: ENGLISH }] : RAW) {
    for (const m of text.matchAll(re))
      found.push(`${where} (${lang}): ${what} «${m[0]}» in «${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}»`);
  }
  return found;
}

const shots = process.env.CLAIMDESK_SCREENSHOTS;

test.use({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

test('no raw ids, back-end English or yyyy-mm-dd dates on any screen, in Indonesian and English', async ({ browser, page, app }) => {
  test.setTimeout(300_000);
  const person = [...demoParticipants(12)][11]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-language-'));
  // The heir statement names the deceased differently from the record: a name finding with its evidence.
  const pdf = path.join(dir, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    pdf,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum : BUDI SANTOSO', `NIK Almarhum : ${person.nik}`, 'Tanggal Surat : 12-03-2025']),
  );
  // A participant CSV with a good line and bad ones (short KPJ and NIK, an unknown gender, no name).
  const csv = path.join(dir, 'peserta.csv');
  const header =
    'nomor_kpj,nik,nama,tempat_lahir,tanggal_lahir,jenis_kelamin,alamat,segmen,status,tanggal_kepesertaan,iuran_lunas_sampai,program,nama_bank,nomor_rekening,nama_pemilik_rekening';
  const bad = ['123', '123', '', 'JAMBI', '1990-02-03', 'X', '', 'BPU', 'aktif', '2020-01-01', '2026-10', 'JKK;JKM;XYZ', '', '', ''].join(',');
  fs.writeFileSync(csv, `${header}\n${bad}\n`);

  const offences: string[] = [];
  const check = async (p: Page, where: string, lang: Lang): Promise<void> => {
    offences.push(...(await rawText(p, where, lang)));
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await p.screenshot({ path: path.join(shots, `language-${where}-${lang}.png`), fullPage: true });
    }
  };
  const speak = async (p: Page, lang: Lang): Promise<void> => {
    await shell(p).languageSwitch.selectOption(lang);
    await expect(p.locator('html')).toHaveAttribute('lang', lang);
  };

  // --- A refused sign-in, on the sign-in screen.
  await page.goto(app.url);
  const s = signInScreen(page);
  await expect(s.screen).toBeVisible();
  await s.username.fill(app.account('officer').username);
  await s.password.fill('not-the-password');
  await s.submit.click();
  await expect(s.error).toBeVisible();
  await check(page, 'sign-in-refused', 'id');

  // --- The officer: a JKM case for a known participant, with a read heir statement.
  await signIn(page, app, 'officer');
  const officer = page;
  const c = await newJkmCase(officer, person.nomor_kpj);
  const caseUrl = officer.url();
  await c.fileInput.setInputFiles(pdf);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout: 60_000 });
  await expect(c.flags.locator('[data-rule="identity.name_mismatch"]')).toBeVisible({ timeout: 30_000 });
  await expect(c.fields.locator('.field-row').first()).toBeVisible();
  const words = {
    id: { why: 'tidak ada pada nama yang lain', alike: 'kemiripan 0%', amount: 'Perkiraan manfaat: paling kecil 0.' },
    en: { why: 'not found in the other name', alike: 'similarity 0%', amount: 'Expected benefit: at least 0.' },
  };
  for (const lang of ['id', 'en'] as const) {
    await speak(officer, lang);
    // Why the names differ, in words, not only a score.
    const name = c.flags.locator('[data-rule="identity.name_mismatch"] .flag-message');
    await expect(name).toContainText(words[lang].why);
    await expect(name).toContainText(words[lang].alike);
    // Info findings fold into one line.
    await expect(c.flags.getByTestId('info-flags')).toHaveCount(1);
    await expect(c.flags.locator('li.flag[data-severity=info]')).toHaveCount(0);
    // Opened, so its lines are read too (a closed <details> keeps them out of innerText).
    await c.flags.getByTestId('info-flags').locator('summary').click();
    await expect(c.flags.getByTestId('info-flags').locator('li').first()).toBeVisible();
    // A value the contract refuses (a negative benefit): the input by its label and the problem in words.
    await c.flags.locator('.facts-form summary').click();
    const amount = c.flags.locator('.facts-form input[type=number]');
    await amount.fill('-5000');
    await amount.blur();
    await expect(c.flags.locator('.error-note')).toContainText(words[lang].amount);
    await check(officer, 'case', lang);
    await amount.fill('');
    await amount.blur();
    await shell(officer).nav('worklist').click();
    await expect(officer.getByTestId('case-table')).toBeVisible();
    await check(officer, 'worklist', lang);
    await shell(officer).nav('requirements').click();
    await expect(shell(officer).screen('requirements')).toBeVisible();
    await check(officer, 'requirements', lang);
    await officer.goto(caseUrl);
    await expect(c.documents).toBeVisible();
    await expect(c.flags.locator('[data-rule="identity.name_mismatch"]')).toBeVisible();
  }
  await speak(officer, 'id');
  await c.submitNote.fill('Nama almarhum berbeda; mohon diperiksa.');
  await c.submit.click();
  await expect(c.banner).toHaveAttribute('data-kind', 'awaiting');

  // --- The supervisor: the queue, and the review with a decision refused for want of a note.
  const supervisor = await deskFor(browser, app, 'supervisor');
  for (const lang of ['id', 'en'] as const) {
    await speak(supervisor, lang);
    await shell(supervisor).nav('supervisor').click();
    await expect(supervisor.getByTestId('case-table').locator('tbody tr')).not.toHaveCount(0);
    await check(supervisor, 'supervisor', lang);
    await supervisor.getByTestId('case-table').locator('tbody tr').first().locator('a').click();
    const sc = caseScreen(supervisor);
    await expect(sc.review).toHaveAttribute('data-state', 'ready');
    await supervisor.getByTestId('return').click();
    await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toBeVisible();
    await check(supervisor, 'review', lang);
  }

  // --- The administrator: a call refused by role (audited), an import with bad lines, a bad account name.
  const admin = await deskFor(browser, app, 'admin');
  const refused = await officer.evaluate(async () => {
    const token = sessionStorage.getItem('claimdesk.token') ?? '';
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
      body: JSON.stringify({ method: 'users.list', input: {} }),
    });
    return (await res.json()) as { ok: boolean };
  });
  expect(refused.ok).toBe(false);
  await shell(admin).nav('settings').click();
  await admin.getByTestId('csv-input').setInputFiles(csv);
  await expect(admin.getByTestId('import-outcome')).toBeVisible();
  const users = usersScreen(admin);
  for (const lang of ['id', 'en'] as const) {
    await speak(admin, lang);
    await shell(admin).nav('settings').click();
    await expect(admin.getByTestId('participant-import').locator('table')).toBeVisible();
    await check(admin, 'settings', lang);
    await shell(admin).nav('participants').click();
    await admin.locator('#participant-query').fill(person.nama);
    await admin.locator('#participant-query').press('Enter');
    await admin.getByTestId('participant-results').locator('tbody tr').first().click();
    await expect(admin.locator('[data-testid="participant-detail"][data-state="ready"]')).toBeVisible();
    await check(admin, 'participants', lang);
    await shell(admin).nav('audit').click();
    await expect(shell(admin).screen('audit')).toBeVisible();
    await expect(admin.locator('table tbody tr').first()).toBeVisible();
    await check(admin, 'audit', lang);
    await shell(admin).nav('users').click();
    await expect(users.screen).toBeVisible();
    // A name the account schema refuses (the browser's own pattern check is set aside to reach the back end).
    await users.create.evaluate((f) => f.setAttribute('novalidate', ''));
    await users.create.locator('input[name=username]').fill('x');
    await users.create.locator('input[name=displayName]').fill('Nama Uji');
    await users.create.locator('input[name=password]').fill('Sepuluh-karakter-1');
    await users.create.getByRole('button').click();
    await expect(users.create.locator('[role=alert]')).toBeVisible();
    await check(admin, 'users', lang);
    // The branch dashboard, with a range typed backwards refused and a table unfolded.
    await shell(admin).nav('dashboard').click();
    await expect(admin.locator('[data-section="received"] .recharts-bar-rectangle').first()).toBeVisible();
    await admin.locator('[data-section="backlog"] summary').click();
    await admin.getByTestId('range-to').fill('01-01-2020');
    await admin.getByTestId('range-apply').click();
    await expect(admin.getByTestId('dashboard-range').getByRole('alert')).toBeVisible();
    await check(admin, 'dashboard', lang);
  }
  // The officer's desk in English too: the worklist after the refusal.
  await speak(officer, 'en');
  await shell(officer).nav('participants').click();
  await officer.locator('#participant-query').fill('1234');
  await officer.locator('#participant-query').press('Enter');
  await expect(officer.getByTestId('result-count')).toBeVisible();
  await check(officer, 'participants-officer', 'en');
  await shell(officer).nav('settings').click();
  await check(officer, 'settings-officer', 'en');

  fs.rmSync(dir, { recursive: true, force: true });
  expect(offences, offences.join('\n')).toEqual([]);
});
