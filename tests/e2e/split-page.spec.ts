// One photocopied page holding two KTP cards of two different people: the officer uploads it to a new
// case, and after OCR the fields panel lists two KTP documents with their own NIK and name, while the
// page viewer outlines both cards; picking a card on the page selects that document's fields.
// Set CLAIMDESK_SCREENSHOTS=DIR to also save the screen as DIR/split-page.png (docs/screenshots).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { caseWithFile, fieldsPanel, pageViewer } from './pages';

interface Card {
  nik: string;
  nama: string;
}

/** Rendered in a child process: the generator's canvas must not share a process with anything else native. */
function twoKtpPage(dir: string): { file: string; cards: Card[] } {
  const file = path.join(dir, 'dua-ktp.png');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/split/two-ktp-page.ts', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fixture failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { file: string; cards: Card[] };
}

test('a page holding two KTPs lists two KTP documents and outlines both on the page', async ({ page, app }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-split-'));
  const fixture = twoKtpPage(dir);
  const [a, b] = fixture.cards as [Card, Card];
  expect(a.nik).not.toBe(b.nik);

  const c = await caseWithFile(page, app, fixture.file, 120_000);
  await expect(c.progress).toHaveAttribute('data-total', '1');
  await expect(c.progress).toHaveAttribute('data-running', 'false');

  // Two KTP documents, each with its own person.
  const fields = fieldsPanel(page);
  const ktps = fields.documents('ktp');
  await expect(ktps).toHaveCount(2, { timeout: 30_000 });
  const read = await ktps.evaluateAll((docs) =>
    docs.map((d) => ({
      id: d.getAttribute('data-document-id') ?? '',
      nik: d.querySelector<HTMLInputElement>('[data-field=nik] input')?.value,
      nama: d.querySelector<HTMLInputElement>('[data-field=nama] input')?.value,
    })),
  );
  expect(read.map(({ nik, nama }) => ({ nik, nama }))).toEqual(
    expect.arrayContaining([
      { nik: a.nik, nama: a.nama },
      { nik: b.nik, nama: b.nama },
    ]),
  );
  expect(new Set(read.map((r) => r.id)).size).toBe(2);

  // The page shows both cards outlined, each labelled as a KTP.
  const viewer = pageViewer(page);
  await expect(viewer.regions).toHaveCount(2);
  await expect(viewer.regions.getByRole('button')).toHaveText(['e-KTP', 'e-KTP']);

  // Picking the lower card on the page selects its document's fields, and emphasises that card.
  const lower = read.find((r) => r.nik === b.nik)!;
  await viewer.regions.nth(1).getByRole('button').click();
  await expect(viewer.selectedRegion).toHaveCount(1);
  await expect(viewer.selectedRegion).toHaveAttribute('data-document-id', lower.id);
  await expect(fields.selected).toHaveAttribute('data-document-id', lower.id);
  await expect(fields.selected).toBeFocused();

  // Focusing a field of the upper card moves the emphasis to that card.
  const upper = read.find((r) => r.nik === a.nik)!;
  await fields.document(upper.id).locator('[data-field=nama] input').focus();
  await expect(viewer.selectedRegion).toHaveAttribute('data-document-id', upper.id);

  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (shots) {
    // The lower card picked on the page: its fields scroll up beside the page (no smooth scroll to wait for).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await viewer.regions.nth(1).getByRole('button').click();
    await expect(fields.selected).toHaveAttribute('data-document-id', lower.id);
    await expect(fields.selected).toBeInViewport();
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'split-page.png') });
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
