// A desk that loses the branch database says so and loses no value the officer saved (issue 17 item 3).
// One `claimdesk serve` on a fresh PostgreSQL schema, reached through a cable (a TCP relay) the test cuts
// and plugs back. With the cable cut the officer corrects one field and confirms another: both keep what
// was typed, marked "Belum tersimpan", and the case screen says the branch database cannot be reached;
// leaving the case asks first. Plugged back, the values are saved by themselves (in the store, and after a
// reload), the marks go. Saved again by the officer's own "Simpan lagi sekarang" (from the keyboard). A
// window reloaded while cut off says it cannot reach the database, tries again by itself, and once plugged
// back opens the case with the value kept over the reload, and saves it. A
// value another desk saved meanwhile is not overwritten: the officer's stays on screen and they choose.
// PostgreSQL must answer (bash .ci/postgres.sh starts it; CLAIMDESK_TEST_POSTGRES_URL points elsewhere).
// Set CLAIMDESK_SCREENSHOTS=DIR to save disconnected-{id,en,fields,gate,conflict,saved}.png there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { textPdf } from '../fixtures/text-pdf';
import { Cable } from '../helpers/cable';
import { connectPostgres, dropSchema, freshSchema, inSchema } from '../helpers/postgres';
import { TEST_POSTGRES_URL } from '../helpers/store';
import { appHost, expect, startServe, test, type AppHost } from './fixtures';
import { answerNextDialog, fieldsPanel, newJkmCase, reloadPastLeaveQuestion, shoot, signIn } from './pages';

/** Saving again waits for the desk's next try (a pause that grows while cut off, 30 s at most) on a busy machine. */
const BACK = { timeout: 90_000 };

const { schema, database } = freshSchema('e2e_cut');
const cable = Cable.to(TEST_POSTGRES_URL);
let work: string | undefined;
let reachable = false;
let proc: Awaited<ReturnType<typeof startServe>>['proc'] | undefined;
let desk: AppHost;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await (await connectPostgres()).end();
  reachable = true;
  await cable.plug();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-cut-'));
  const started = await startServe(path.join(work, 'desk'), ['--demo', '--no-demo-files'], { CLAIMDESK_DATABASE: cable.through(database) });
  proc = started.proc;
  desk = appHost(started.url, path.join(work, 'desk'), started.accounts);
});

test.afterAll(async () => {
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const gone = new Promise((r) => proc!.once('exit', r));
    proc.kill('SIGTERM');
    await gone;
  }
  await cable.cut();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (reachable) await dropSchema(schema);
});

/** The case's heir statement's fields as the shared store holds them. */
async function stored(caseId: number): Promise<Record<string, { value: unknown; source?: string }>> {
  return inSchema(schema, async (client) => {
    const r = await client.query<{ fields: unknown }>(`SELECT fields FROM case_documents WHERE case_id = $1 AND type = 'surat_ahli_waris'`, [caseId]);
    const f = r.rows[0]?.fields;
    return (typeof f === 'string' ? JSON.parse(f) : f) as Record<string, { value: unknown; source?: string }>;
  });
}

test('a desk cut off from the branch database keeps what the officer saved, says so, and saves it when the connection is back', async ({ page }) => {
  test.setTimeout(420_000);
  const file = path.join(work!, 'surat-ahli-waris.pdf');
  fs.writeFileSync(
    file,
    await textPdf(['SURAT KETERANGAN AHLI WARIS', 'Nama Almarhum : SUHARTO WIJAYA', 'NIK Almarhum : 3171014506880001', 'Tanggal Surat : 12-03-2025']),
  );
  await signIn(page, desk, 'officer');
  const c = await newJkmCase(page);
  const caseId = Number(/#\/case\/(\d+)/.exec(page.url())?.[1]);
  await c.fileInput.setInputFiles(file);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout: 60_000 });
  const heirs = fieldsPanel(page).documents('surat_ahli_waris');
  const row = (field: string) => heirs.locator(`[data-field=${field}]`);
  const input = (field: string) => row(field).locator('input');
  await expect(input('tanggal_surat')).toHaveValue('12-03-2025', { timeout: 30_000 });
  const status = page.getByTestId('save-status');

  // --- The cable is cut: the officer corrects the name and confirms the letter's date.
  await cable.cut();
  await input('nama_almarhum').fill('SUHARTO WIJAYA KUSUMA');
  await input('nama_almarhum').press('Enter');
  await input('tanggal_surat').press('Enter');
  for (const field of ['nama_almarhum', 'tanggal_surat']) {
    await expect(row(field)).toHaveAttribute('data-field-state', 'unsaved', BACK);
    await expect(row(field).getByTestId('unsaved-badge')).toHaveText('⚠ Belum tersimpan');
    await expect(row(field).getByTestId('field-unsaved')).toContainText('basis data cabang tidak dapat dihubungi');
    // The input points at the sentence that says so (read out with the field).
    const described = await input(field).getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).innerText()).toContain('Belum tersimpan');
  }
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA KUSUMA');
  await expect(input('tanggal_surat')).toHaveValue('12-03-2025');
  await expect(status).toHaveAttribute('data-kind', 'unreachable');
  await expect(status).toContainText('Basis data cabang tidak dapat dihubungi.');
  await expect(status).toContainText('2 nilai belum tersimpan');
  await shoot(page, 'disconnected-id.png');
  // The marks and the status pass the same accessibility scan as the rest of the app (a11y.spec.ts), in both themes.
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const blocking = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  await shoot(page, 'disconnected-fields.png', 'fields-panel');
  // Nothing reached the store.
  expect((await stored(caseId)).nama_almarhum).toMatchObject({ value: 'SUHARTO WIJAYA' });
  expect((await stored(caseId)).nama_almarhum?.source).not.toBe('officer');

  // Leaving the case asks first; staying keeps everything as it was.
  const asked = answerNextDialog(page, 'dismiss');
  await page.locator('[data-nav=worklist]').click();
  expect(await asked).toContain('2 nilai pada kasus ini belum tersimpan');
  await expect(page).toHaveURL(new RegExp(`#/case/${caseId}$`));
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA KUSUMA');

  // In English too.
  await page.getByTestId('language-switch').selectOption('en');
  await expect(status).toContainText('The branch database cannot be reached.');
  await expect(row('nama_almarhum').getByTestId('unsaved-badge')).toHaveText('⚠ Not saved');
  await shoot(page, 'disconnected-en.png');
  await page.getByTestId('language-switch').selectOption('id');

  // --- Plugged back: saved by themselves, the marks gone, the values confirmed.
  await cable.plug();
  for (const field of ['nama_almarhum', 'tanggal_surat']) await expect(row(field)).toHaveAttribute('data-field-state', 'confirmed', BACK);
  await expect(heirs.getByTestId('field-unsaved')).toHaveCount(0);
  await expect(status).toHaveAttribute('data-kind', 'recovered');
  await expect(status).toContainText('Sambungan pulih: 2 nilai tersimpan.');
  await shoot(page, 'disconnected-saved.png');
  let inStore = await stored(caseId);
  expect(inStore.nama_almarhum).toMatchObject({ value: 'SUHARTO WIJAYA KUSUMA', source: 'officer' });
  expect(inStore.tanggal_surat).toMatchObject({ value: '2025-03-12', source: 'officer' });
  await page.reload();
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO WIJAYA KUSUMA', { timeout: 30_000 });
  await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'confirmed');
  await expect(row('tanggal_surat')).toHaveAttribute('data-field-state', 'confirmed');

  // --- Cut again: saved again by the officer's own "Simpan lagi sekarang", reached from the keyboard.
  await cable.cut();
  await input('nik_almarhum').fill('3171014506880003');
  await input('nik_almarhum').press('Enter');
  await expect(row('nik_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
  await cable.plug();
  await page.getByTestId('save-all-again').focus();
  await page.keyboard.press('Enter');
  await expect(row('nik_almarhum')).toHaveAttribute('data-field-state', 'confirmed', BACK);
  expect((await stored(caseId)).nik_almarhum).toMatchObject({ value: '3171014506880003', source: 'officer' });

  // --- Cut, and the window reloaded: it cannot learn who is signed in, says so and tries again by itself.
  // Plugged back, the case opens again with the value the reload kept, and saves it.
  await cable.cut();
  await input('nik_almarhum').fill('3171014506880004');
  await input('nik_almarhum').press('Enter');
  await expect(row('nik_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
  await reloadPastLeaveQuestion(page);
  await expect(page.locator('.shell[data-state=error] [role=alert]')).toContainText('Basis data cabang tidak dapat dihubungi', BACK);
  await expect(page.getByTestId('gate-retrying')).toHaveText('ClaimDesk mencoba lagi dengan sendirinya sebentar lagi.');
  await expect(page.getByTestId('gate-retry')).toHaveText('Coba lagi');
  await shoot(page, 'disconnected-gate.png');
  await cable.plug();
  await expect(input('nik_almarhum')).toHaveValue('3171014506880004', BACK);
  await expect(row('nik_almarhum')).toHaveAttribute('data-field-state', 'confirmed', BACK);
  expect((await stored(caseId)).nik_almarhum).toMatchObject({ value: '3171014506880004', source: 'officer' });

  // --- Cut again, and another desk saves the name meanwhile: the officer's value is not written over it.
  await cable.cut();
  await input('nama_almarhum').fill('SUHARTO W. KUSUMA');
  await input('nama_almarhum').press('Enter');
  await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'unsaved', BACK);
  await inSchema(schema, async (client) => {
    const r = await client.query<{ id: number; fields: unknown }>(`SELECT id, fields FROM case_documents WHERE case_id = $1 AND type = 'surat_ahli_waris'`, [
      caseId,
    ]);
    const doc = r.rows[0]!;
    const fields = (typeof doc.fields === 'string' ? JSON.parse(doc.fields) : doc.fields) as Record<string, Record<string, unknown>>;
    fields.nama_almarhum = { ...fields.nama_almarhum, value: 'SUHARTO WIDJAJA', source: 'officer' };
    await client.query(`UPDATE case_documents SET fields = $1 WHERE id = $2`, [JSON.stringify(fields), doc.id]);
  });
  await cable.plug();
  await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'conflict', BACK);
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO W. KUSUMA');
  await expect(row('nama_almarhum').getByTestId('field-unsaved')).toContainText('meja lain sudah menyimpan “SUHARTO WIDJAJA”');
  await expect(status).toHaveAttribute('data-kind', 'conflict');
  await shoot(page, 'disconnected-conflict.png', 'fields-panel');
  expect((await stored(caseId)).nama_almarhum).toMatchObject({ value: 'SUHARTO WIDJAJA' });
  // The officer keeps theirs, knowingly.
  await row('nama_almarhum').getByTestId('keep-mine').click();
  await expect(row('nama_almarhum')).toHaveAttribute('data-field-state', 'confirmed', BACK);
  await expect(input('nama_almarhum')).toHaveValue('SUHARTO W. KUSUMA');
  await expect(status).toHaveAttribute('data-kind', 'recovered');
  inStore = await stored(caseId);
  expect(inStore.nama_almarhum).toMatchObject({ value: 'SUHARTO W. KUSUMA', source: 'officer' });
});
