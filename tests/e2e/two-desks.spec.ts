// One branch, two desks (issue 17): two `claimdesk serve` processes, each with its own data folder, on one
// PostgreSQL schema (fresh for the run), an officer in Chromium on desk A and a supervisor in another
// browser context on desk B. The officer opens a JKM case, adds the heir statement, confirms what was
// read and submits; the case appears in the supervisor's queue on the other desk without a reload (the
// desks' events cross over LISTEN/NOTIFY); the supervisor opens it, sees the officer's note and the page
// desk A stored, and approves; the officer's screen shows the decision without a reload. Both people are
// in the case's history on both desks, and the store holds the decision once.
// PostgreSQL must answer (bash .ci/postgres.sh starts it; CLAIMDESK_TEST_POSTGRES_URL points elsewhere).
// Set CLAIMDESK_SCREENSHOTS=DIR to save two-desks-{a-submitted,b-queue,b-approved,a-approved,a-history}.png there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { demoParticipants } from '../../src/main/demo/seed';
import { textPdf } from '../fixtures/text-pdf';
import { connectPostgres, dropSchema, freshSchema, inSchema } from '../helpers/postgres';
import { appHost, expect, startServe, test, type AppHost } from './fixtures';
import { caseScreen, fieldsPanel, newJkmCase, pageViewer, shell, shoot, signIn } from './pages';

/** What crosses from one desk to the other goes through the store and a second process: generous, on a busy machine. */
const ACROSS = { timeout: 60_000 };

// The run's own schema (the prefix marks it as the tests'; it is dropped after the run).
const { schema, database } = freshSchema('e2e_desks');

let work: string | undefined;
let reachable = false;
const procs: Awaited<ReturnType<typeof startServe>>['proc'][] = [];
let deskA: AppHost;
let deskB: AppHost;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Fail here, in words, rather than as a desk that cannot start.
  await (await connectPostgres()).end();
  reachable = true;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-desks-'));
  const env = { CLAIMDESK_DATABASE: database };
  // Desk A seeds the shared store (demo participants, cases and accounts); desk B, started after, finds them there.
  const a = await startServe(path.join(work, 'desk-a'), ['--demo', '--no-demo-files'], env);
  procs.push(a.proc);
  const b = await startServe(path.join(work, 'desk-b'), [], env);
  procs.push(b.proc);
  expect(a.accounts.map((x) => x.role).sort()).toEqual(['admin', 'officer', 'supervisor']);
  // Desk B created no accounts: the ones desk A printed are the branch's.
  expect(b.accounts).toEqual([]);
  deskA = appHost(a.url, path.join(work, 'desk-a'), a.accounts);
  deskB = appHost(b.url, path.join(work, 'desk-b'), a.accounts);
});

test.afterAll(async () => {
  await Promise.all(
    procs.map(async (p) => {
      if (p.exitCode !== null || p.signalCode !== null) return;
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await gone;
    }),
  );
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (reachable) await dropSchema(schema);
});

/** A desk of its own (a browser context, its own cookies) on `host`, signed in as `role`, its event stream open. */
async function desk(browser: Browser, host: AppHost, role: 'officer' | 'supervisor'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/events' && r.status() === 200);
  await signIn(page, host, role);
  await stream;
  // Marks this document: still there at the end means no screen was reloaded.
  await page.evaluate(() => Object.assign(window, { claimdeskNoReload: true }));
  return page;
}
const notReloaded = (page: Page): Promise<boolean> => page.evaluate(() => 'claimdeskNoReload' in window);

test('an officer on desk A submits, a supervisor on desk B sees it arrive and approves, desk A sees the decision — one PostgreSQL store', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const person = [...demoParticipants(12)][11]!;
  const file = path.join(work!, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    file,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', `Nama Almarhum : ${person.nama}`, `NIK Almarhum : ${person.nik}`, 'Tanggal Surat : 12-03-2025']),
  );

  const officer = await desk(browser, deskA, 'officer');
  const supervisor = await desk(browser, deskB, 'supervisor');

  // --- Desk B: the supervisor's queue, open before the case exists.
  await shell(supervisor).nav('supervisor').click();
  await expect(shell(supervisor).screen('supervisor')).toBeVisible();
  const queue = supervisor.locator('[data-screen=supervisor]');

  // --- Desk A: the officer opens a JKM case for the participant, adds the heir statement, confirms what was read.
  const c = await newJkmCase(officer, person.nomor_kpj);
  const caseId = Number(/#\/case\/(\d+)/.exec(officer.url())?.[1]);
  expect(caseId).toBeGreaterThan(0);
  const reference = (await officer.locator('[data-screen=case] h1').innerText()).match(/CD-\d{4}-\d{6}/)?.[0];
  expect(reference).toBeTruthy();
  await c.fileInput.setInputFiles(file);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout: 60_000 });
  const heirs = fieldsPanel(officer).documents('surat_ahli_waris');
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveValue('12-03-2025', { timeout: 30_000 });
  for (const field of ['nama_almarhum', 'nik_almarhum', 'tanggal_surat']) {
    await heirs.locator(`[data-field=${field}] input`).press('Enter');
    await expect(heirs.locator(`[data-field=${field}][data-field-state=confirmed]`)).toBeVisible();
  }
  // Nothing has reached the queue yet.
  await expect(queue.locator(`tr[data-case="${reference}"]`)).toHaveCount(0);
  await expect(officer.getByTestId('submit-route')).toHaveAttribute('data-to', 'awaiting_supervisor');
  await c.submitNote.fill('Ahli waris lengkap; akta kematian menyusul.');
  await c.submit.click();
  await expect(c.status).toHaveText('Menunggu supervisor');
  await expect(c.banner).toHaveAttribute('data-kind', 'awaiting');

  // --- Desk B: it arrives in the queue on its own.
  const row = queue.locator(`tr[data-case="${reference}"]`);
  await expect(row).toBeVisible(ACROSS);
  await expect(row.getByTestId('submitted-by')).toHaveText(deskA.account('officer').username);
  await shoot(officer, 'two-desks-a-submitted.png');
  await shoot(supervisor, 'two-desks-b-queue.png');

  // The supervisor opens it: the officer's note, and the page desk A stored, shown on desk B.
  await row.locator('a').click();
  const sc = caseScreen(supervisor);
  await expect(sc.review).toHaveAttribute('data-state', 'ready');
  await expect(supervisor.getByTestId('officer-note')).toHaveText('Ahli waris lengkap; akta kematian menyusul.');
  await expect(sc.status).toHaveText('Menunggu supervisor');
  await expect(fieldsPanel(supervisor).documents('surat_ahli_waris').locator('[data-field=nama_almarhum] input')).toHaveValue(person.nama);
  await expect(pageViewer(supervisor).viewer).toBeVisible();

  // Approves, acknowledging each blocker (the documents still to come).
  await supervisor.getByTestId('decision-note').fill('Disetujui; akta kematian diverifikasi lewat Dukcapil.');
  const acks = supervisor.getByTestId('acknowledge');
  for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).check();
  await supervisor.getByTestId('approve').click();
  await expect(sc.status).toHaveText('Disetujui');
  await expect(sc.banner).toHaveAttribute('data-kind', 'frozen');

  // --- Desk A: the officer's open case shows the decision on its own, frozen.
  await expect(c.status).toHaveText('Disetujui', ACROSS);
  await expect(c.banner).toHaveAttribute('data-kind', 'frozen');
  await expect(c.banner).toContainText(deskA.account('supervisor').username);
  await expect(c.banner).toContainText('Disetujui; akta kematian diverifikasi lewat Dukcapil.');
  await expect(c.submit).toHaveCount(0);
  await expect(heirs.locator('[data-field=tanggal_surat] input')).toHaveAttribute('readonly', '');
  await shoot(officer, 'two-desks-a-approved.png');
  await shoot(supervisor, 'two-desks-b-approved.png');
  await shoot(officer, 'two-desks-a-history.png', 'case-actions');

  // The case's history names both people, on both desks; one decision in it.
  const officerName = deskA.account('officer').username;
  const supervisorName = deskA.account('supervisor').username;
  for (const page of [officer, supervisor]) {
    const history = page.locator('[data-testid=case-actions] ol.history');
    await expect(history.locator('li[data-action="cases.submit"]')).toHaveCount(1);
    await expect(history.locator('li[data-action="cases.submit"]')).toContainText(officerName);
    await expect(history.locator('li[data-action="extraction.setField"]').first()).toContainText(officerName);
    await expect(history.locator('li[data-action="cases.decide"]')).toHaveCount(1);
    await expect(history.locator('li[data-action="cases.decide"]')).toContainText(supervisorName);
    await expect(page.getByTestId('worked-by')).toContainText(officerName);
  }

  // Neither desk reloaded a screen to see the other's work.
  expect(await notReloaded(officer)).toBe(true);
  expect(await notReloaded(supervisor)).toBe(true);

  // The shared store holds the decision once, and one audit entry for it.
  await inSchema(schema, async (client) => {
    const decisions = await client.query<{ kind: string; decided_by: string }>(`SELECT kind, decided_by FROM case_decisions WHERE case_id = $1`, [caseId]);
    expect(decisions.rows).toEqual([{ kind: 'approve', decided_by: supervisorName }]);
    const audit = await client.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE case_id = $1 AND action = 'cases.decide'`, [caseId]);
    expect(audit.rows).toEqual([{ actor: supervisorName }]);
    const status = await client.query<{ status: string }>(`SELECT status FROM cases WHERE id = $1`, [caseId]);
    expect(status.rows).toEqual([{ status: 'approved' }]);
  });
  await officer.context().close();
  await supervisor.context().close();
});
