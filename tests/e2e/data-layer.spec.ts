// The screens' data layer: one event stream per window, each question asked once however many panels
// show its answer, and what another desk changes appearing without a reload.
import type { Request } from '@playwright/test';
import { demoParticipants } from '../../src/main/demo/seed';
import { expect, test } from './fixtures';
import { deskFor, shell, signIn } from './pages';

const methodOf = (r: Request): string | null => {
  if (!r.url().endsWith('/api/call')) return null;
  try {
    return (JSON.parse(r.postData() ?? '{}') as { method?: string }).method ?? null;
  } catch {
    return null;
  }
};

test('one event stream per window, one call per question, and a case created on another desk appears by itself', async ({ page, app, browser }) => {
  const streams: string[] = [];
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/events')) streams.push(r.url());
    const m = methodOf(r);
    if (m) calls.push(m);
  });
  await signIn(page, app, 'officer');
  const s = shell(page);
  const rows = page.getByTestId('case-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);

  // A case screen, whose panels share the case's documents, checks and files.
  calls.length = 0;
  await rows.first().getByRole('link').click();
  await expect(s.screen('case')).toBeVisible();
  await expect(page.locator('[data-testid="documents-panel"][data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('fields-panel')).toBeVisible();
  const count = (m: string): number => calls.filter((c) => c === m).length;
  expect(count('extraction.list')).toBe(1);
  expect(count('checks.get')).toBe(1);
  expect(count('cases.get')).toBe(1);

  // Around the screens and back: still the window's one stream.
  await s.nav('participants').click();
  await expect(s.screen('participants')).toBeVisible();
  await s.nav('worklist').click();
  await expect(rows).toHaveCount(4);
  expect(streams).toHaveLength(1);

  // Another desk creates a case: this worklist shows it without being reloaded.
  const other = await deskFor(browser, app, 'officer');
  const person = [...demoParticipants(41)][40]!;
  await other.keyboard.press('Alt+N');
  const form = other.getByTestId('new-case-form');
  await form.locator('select').selectOption('JKK');
  await form.locator('input[name=participant]').fill(person.nomor_kpj);
  await expect(form.getByTestId('picker-hits')).toContainText(person.nama);
  await form.locator('input[name=participant]').press('Enter');
  // Picking moves on to the date; Enter there creates the case.
  await expect(form.locator('input[name=incidentDate]')).toBeFocused();
  await other.keyboard.press('Enter');
  await expect(shell(other).screen('case')).toBeVisible();
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('case-table')).toContainText(person.nama);
  await other.context().close();
});
