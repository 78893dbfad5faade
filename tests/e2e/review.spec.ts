// Decisions a branch can trust, end to end in Chromium (browser mode), with two accounts at two desks:
// the officer submits a case with a note, a dismissed warning and a correction; the supervisor sees the
// evidence, the correction beside the OCR value and the note, and returns it with what to fix; the
// officer fixes it and submits again; the supervisor acknowledges each blocker and approves. Then a
// supervisor who worked a case of their own cannot approve it, the approved case cannot be edited, and
// `claimdesk audit verify` passes on the data folder. Last, a supervisor reopens the approved case with a
// reason (an empty one is refused in words) and the officer may work it again.
// Set CLAIMDESK_SCREENSHOTS=DIR to also save sign-in.png, supervisor-review.png and audit.png there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demoParticipants } from '../../src/main/demo/seed';
import { textPdf } from '../fixtures/text-pdf';
import { expect, test } from './fixtures';
import { caseScreen, deskFor, fieldsPanel, newCaseForm, newJkmCase, shell, signIn, signInScreen } from './pages';

const shots = process.env.CLAIMDESK_SCREENSHOTS;
const shoot = async (page: Page, name: string): Promise<void> => {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name) });
};

/** A call from the page itself, as its own code would make it (token header, session cookie). */
async function apiFromPage(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; params?: Record<string, unknown> } }> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('claimdesk.token') ?? '';
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-claimdesk-token': token },
        body: JSON.stringify({ method: m, input: i }),
      });
      return (await res.json()) as { ok: boolean; error?: { code: string; params?: Record<string, unknown> } };
    },
    [method, input] as const,
  );
}

const caseIdOf = (page: Page): number => Number(/#\/case\/(\d+)/.exec(page.url())?.[1]);

// Desks in Indonesia: date inputs and times as an officer there sees them.
test.use({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });

test('officer submit → supervisor return → officer fix → another account approves; self-approval and edit-after-approval refused; audit chain intact', async ({
  browser,
  page,
  app,
}) => {
  test.setTimeout(240_000);
  const person = [...demoParticipants(12)][11]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-review-'));
  // The heir statement names the deceased differently from the record (same NIK): a warning, not a blocker.
  const file = path.join(dir, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    file,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum : BUDI SANTOSO', `NIK Almarhum : ${person.nik}`, 'Tanggal Surat : 12-03-2025']),
  );

  // --- The officer's desk: sign in, open a JKM case, read the heir statement.
  await page.goto(app.url);
  await expect(signInScreen(page).screen).toBeVisible();
  await shoot(page, 'sign-in.png');
  await signIn(page, app, 'officer');
  const officer = page;
  const c = await newJkmCase(officer, person.nomor_kpj);
  const caseId = caseIdOf(officer);
  await c.fileInput.setInputFiles(file);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout: 60_000 });
  const heirs = fieldsPanel(officer).documents('surat_ahli_waris');
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveValue('12-03-2025', { timeout: 30_000 });

  // A warning set aside with a reason; a blocker offers no dismissal.
  const warning = c.flags.locator('[data-rule="identity.name_mismatch"][data-severity=warning]');
  await expect(warning).toBeVisible();
  await expect(c.flags.locator('[data-severity=blocker] [data-testid=dismiss-flag]')).toHaveCount(0);
  await warning.getByTestId('dismiss-flag').click();
  await warning.getByTestId('dismiss-reason').fill('Nama panggilan almarhum; NIK sama dengan data peserta');
  await warning.getByRole('button', { name: 'Abaikan peringatan' }).click();
  await expect(warning.getByTestId('dismissal')).toContainText('Nama panggilan almarhum');
  // A correction of a value OCR read.
  await heirs.locator('[data-field=tanggal_surat] input').fill('13-03-2025');
  await heirs.locator('[data-field=tanggal_surat] input').press('Enter');
  await expect(heirs.locator('[data-field=tanggal_surat][data-field-state=confirmed] input')).toHaveValue('13-03-2025');
  await expect(officer.getByTestId('submit-route')).toHaveAttribute('data-to', 'awaiting_supervisor');
  await c.submitNote.fill('Akta kematian menyusul; ahli waris sudah dihubungi.');
  await c.submit.click();
  await expect(c.status).toHaveText('Menunggu supervisor');
  await expect(c.banner).toHaveAttribute('data-kind', 'awaiting');

  // --- The supervisor's desk (another browser context, another account).
  const supervisor = await deskFor(browser, app, 'supervisor');
  await shell(supervisor).nav('supervisor').click();
  const row = supervisor.getByTestId('case-table').locator('tbody tr').first();
  await expect(row.getByTestId('submitted-by')).toHaveText('petugas');
  await row.locator('a').click();
  const sc = caseScreen(supervisor);
  await expect(sc.review).toHaveAttribute('data-state', 'ready');
  await expect(supervisor.getByTestId('officer-note')).toHaveText('Akta kematian menyusul; ahli waris sudah dihubungi.');
  const correction = supervisor.getByTestId('corrections').locator('tr[data-field=tanggal_surat]');
  await expect(correction).toContainText('12-03-2025');
  await expect(correction).toContainText('13-03-2025');
  await expect(sc.review.locator('[data-rule="identity.name_mismatch"] [data-testid=dismissal]')).toContainText('petugas');
  await expect(supervisor.getByTestId('unjudged')).toBeVisible();
  // A flag's evidence opens its page region beside the review.
  await sc.review.locator('[data-rule="identity.name_mismatch"] [data-testid=show-evidence]').click();
  await expect(supervisor.getByTestId('evidence-box')).toBeVisible();
  await supervisor.emulateMedia({ reducedMotion: 'reduce' });
  // The review from its top (who submitted, the officer's note, the findings), the evidence beside it.
  await sc.review.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
  await shoot(supervisor, 'supervisor-review.png');

  // Returning needs a note, a reason and the items to fix.
  await supervisor.getByTestId('return').click();
  await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toHaveText('Tulis catatan untuk setiap keputusan.');
  await supervisor.getByTestId('decision-note').fill('Lengkapi dokumen dan cocokkan nama almarhum.');
  await supervisor.getByTestId('return').click();
  await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toHaveText('Pilih alasan pengembalian.');
  await supervisor.getByTestId('return-reason').selectOption('documents_missing');
  await supervisor.getByTestId('return').click();
  await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toHaveText('Tuliskan apa yang harus diperbaiki petugas.');
  await supervisor.getByTestId('return-items').fill('Nama almarhum pada surat ahli waris\nLampirkan akta kematian');
  await supervisor.getByTestId('return').click();
  await expect(sc.status).toHaveText('Dikembalikan');

  // --- The officer fixes what was asked and submits again.
  await officer.reload();
  await expect(c.banner).toHaveAttribute('data-kind', 'returned');
  await expect(officer.getByTestId('items-to-fix')).toContainText('Lampirkan akta kematian');
  // A returned case offers the participant's letter at once.
  await expect(c.banner.getByTestId('make-letter')).toBeVisible();
  await heirs.locator('[data-field=nama_almarhum] input').fill(person.nama);
  await heirs.locator('[data-field=nama_almarhum] input').press('Enter');
  await expect(heirs.locator('[data-field=nama_almarhum][data-field-state=confirmed]')).toBeVisible();
  await c.flags.getByRole('button', { name: 'Periksa ulang' }).click();
  await expect(c.flags.locator('[data-rule="identity.name_mismatch"]')).toHaveCount(0);
  await c.submitNote.fill('Nama sudah dicocokkan; akta menyusul besok.');
  await c.submit.click();
  await expect(c.status).toHaveText('Menunggu supervisor');

  // --- The supervisor approves, acknowledging each blocker first.
  await supervisor.reload();
  await expect(sc.review).toHaveAttribute('data-state', 'ready');
  await supervisor.getByTestId('decision-note').fill('Disetujui; akta kematian diverifikasi lewat Dukcapil.');
  await supervisor.getByTestId('approve').click();
  await expect(sc.review.locator('[data-testid=decision-form] [role=alert]')).toContainText('penghalang');
  const acks = supervisor.getByTestId('acknowledge');
  for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
  await supervisor.getByTestId('approve').click();
  await expect(sc.status).toHaveText('Disetujui');
  await expect(sc.banner).toHaveAttribute('data-kind', 'frozen');

  // --- Self-approval: the supervisor opens, submits and then cannot decide a case of their own.
  await shell(supervisor).nav('worklist').click();
  const sform = newCaseForm(supervisor);
  await sform.open.click();
  await sform.claimType.selectOption('JHT');
  await sform.create.click();
  await expect(sc.documents).toBeVisible();
  const ownId = caseIdOf(supervisor);
  await sc.submit.click();
  await expect(sc.status).toHaveText('Menunggu supervisor');
  await expect(supervisor.getByTestId('cannot-decide')).toHaveAttribute('data-why', 'four_eyes');
  await expect(supervisor.getByTestId('decision-form')).toHaveCount(0);
  const own = await apiFromPage(supervisor, 'cases.get', { id: ownId });
  const version = (own as unknown as { value: { version: number } }).value.version;
  expect(await apiFromPage(supervisor, 'cases.decide', { caseId: ownId, version, decision: 'approve', note: 'saya sendiri' })).toMatchObject({
    ok: false,
    error: { code: 'forbidden', params: { reason: 'four_eyes' } },
  });

  // --- Edit after approval: the officer sees a frozen case, read-only, and the back end refuses the edit.
  await officer.reload();
  await expect(c.status).toHaveText('Disetujui');
  await expect(c.banner).toContainText('dibekukan');
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveAttribute('readonly', '');
  await expect(c.fileInput).toHaveCount(0);
  await expect(c.submit).toHaveCount(0);
  const documentId = Number(await heirs.getAttribute('data-document-id'));
  expect(await apiFromPage(officer, 'extraction.setField', { documentId, key: 'tanggal_surat', value: '2025-01-01' })).toMatchObject({
    ok: false,
    error: { code: 'conflict', params: { reason: 'frozen' } },
  });
  await officer.reload();
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveValue('13-03-2025');
  expect(caseId).toBeGreaterThan(0);

  // --- The audit screen: this case's trail, filtered, and the chain verified.
  await shell(supervisor).nav('audit').click();
  const ref = `CD-${new Date().getUTCFullYear()}-${String(caseId).padStart(6, '0')}`;
  await supervisor.locator('[data-testid=audit-filter] input[name=caseRef]').fill(ref);
  await supervisor.locator('[data-testid=audit-filter] button[type=submit]').click();
  const table = supervisor.getByTestId('audit-table');
  await expect(table.locator('tr[data-action="cases.decide"]')).toHaveCount(2);
  await expect(table.locator('tr[data-action="extraction.setField"]')).toHaveCount(2);
  await expect(table.locator('tr[data-action="flags.dismiss"]')).toHaveCount(1);
  await supervisor.getByTestId('verify-chain').click();
  await expect(supervisor.getByTestId('chain-status')).toHaveAttribute('data-ok', 'true');
  await shoot(supervisor, 'audit.png');
  // By user and by day, the day written as people here write it; a day that does not exist is refused in words.
  const filter = supervisor.getByTestId('audit-filter');
  await filter.locator('input[name=caseRef]').fill('');
  await filter.locator('input[name=actor]').fill('supervisor');
  await filter.locator('input[name=from]').fill('31-02-2026');
  await filter.locator('button[type=submit]').click();
  await expect(supervisor.locator('[data-screen=audit] [role=alert]')).toHaveText('Tanggal tidak dikenali (contoh: 13-03-2026 atau 13 Maret 2026).');
  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date())
    .replaceAll('/', '-');
  await filter.locator('input[name=from]').fill(today);
  await filter.locator('input[name=to]').fill(today);
  await filter.locator('button[type=submit]').click();
  await expect(supervisor.locator('[data-screen=audit] [role=alert]')).toHaveCount(0);
  await expect(table.locator('tr[data-action="cases.decide"]')).toHaveCount(2);
  await expect(table.locator('tbody tr:not([data-actor="supervisor"])')).toHaveCount(0);
  await expect(table.locator('tr[data-action="refused"]')).toHaveCount(1);

  // --- And from the command line, on the same data folder.
  const verify = spawnSync(process.execPath, ['bin/claimdesk.mjs', '--home', app.home, 'audit', 'verify'], { encoding: 'utf8' });
  expect(verify.status).toBe(0);
  expect(verify.stdout).toMatch(/audit trail intact/);

  // --- A reopen, with a reason, is the only way back: the case returns to the officer, editable again.
  await supervisor.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId);
  const reopen = supervisor.getByTestId('reopen-form');
  await reopen.locator('textarea').fill('   ');
  await reopen.getByRole('button', { name: 'Buka kembali' }).click();
  await expect(reopen.locator('[role=alert]')).toHaveText('Tuliskan alasan membuka kembali kasus ini.');
  await expect(sc.status).toHaveText('Disetujui');
  await reopen.locator('textarea').fill('Akta kematian ternyata palsu; periksa ulang.');
  await reopen.getByRole('button', { name: 'Buka kembali' }).click();
  await expect(sc.status).toHaveText('Dikembalikan');
  await officer.reload();
  await expect(c.banner).toContainText('Dibuka kembali oleh supervisor: “Akta kematian ternyata palsu; periksa ulang.”');
  await expect(heirs.locator('[data-field=tanggal_surat] input')).not.toHaveAttribute('readonly', '');
  fs.rmSync(dir, { recursive: true, force: true });
});
