// Locators in one place, so screens can change without touching every test.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Dialog, type Page } from '@playwright/test';
import type { Role } from '../../src/shared/api/roles';
import type { AppHost } from './fixtures';

export const signInScreen = (page: Page) => ({
  screen: page.locator('[data-screen="sign-in"][data-state="ready"]'),
  username: page.locator('[data-screen="sign-in"] input[name=username]'),
  password: page.locator('[data-screen="sign-in"] input[name=password]'),
  submit: page.getByTestId('sign-in'),
  notice: page.getByTestId('sign-in-notice'),
  error: page.locator('[data-screen="sign-in"] [role=alert]'),
});

/** Opens the app's URL (which carries the per-start token) and signs in with the demo account of a role. */
export async function signIn(page: Page, app: AppHost, role: Role): Promise<void> {
  await page.goto(app.url);
  await signInAgain(page, app, role);
}

/** Signs in on a page that already holds the token (after a sign-out or an expired session). */
export async function signInAgain(page: Page, app: AppHost, role: Role): Promise<void> {
  const s = signInScreen(page);
  await expect(s.screen).toBeVisible();
  const a = app.account(role);
  await s.username.fill(a.username);
  await s.password.fill(a.password);
  await s.submit.click();
  await expect(page.locator('.shell[data-state="ready"]')).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText(a.displayName);
}

/** First run (a data folder without accounts): the setup screen creates the first administrator. */
export async function setUpAdmin(page: Page, app: AppHost, username = 'kepala', password = 'Jambi-2026-aman!'): Promise<void> {
  await page.goto(app.url);
  const form = page.locator('[data-screen="setup"][data-state="ready"]');
  await expect(form).toBeVisible();
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=displayName]').fill('Kepala Cabang');
  await form.locator('input[name=password]').fill(password);
  await form.locator('input[name=confirm]').fill(password);
  await form.getByRole('button').click();
  await expect(page.locator('.shell[data-state="ready"]')).toBeVisible();
}

/** A desk of its own: a separate browser context (its own cookies), signed in as `role`. */
export async function deskFor(browser: Browser, app: AppHost, role: Role): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, app, role);
  return page;
}

export const shell = (page: Page) => ({
  ready: page.locator('.shell[data-state="ready"]'),
  nav: (screen: string) => page.locator(`[data-nav="${screen}"]`),
  languageSwitch: page.getByTestId('language-switch'),
  screen: (name: string) => page.locator(`[data-screen="${name}"][data-state="ready"]`),
});

export const usersScreen = (page: Page) => ({
  screen: page.locator('[data-screen="users"][data-state="ready"]'),
  create: page.getByTestId('create-user'),
  row: (username: string) => page.getByTestId('users-table').locator(`tr[data-user="${username}"]`),
  reset: page.getByTestId('reset-password'),
});

export const participantsScreen = (page: Page) => ({
  query: page.locator('#participant-query'),
  results: page.getByTestId('participant-results'),
  row: (nik: string) => page.locator(`tr[data-nik="${nik}"]`),
  count: page.getByTestId('result-count'),
  detail: page.locator('[data-testid="participant-detail"][data-state="ready"]'),
});

export const caseScreen = (page: Page) => ({
  documents: page.locator('[data-testid="documents-panel"][data-state="ready"]'),
  fileInput: page.getByTestId('file-input'),
  progress: page.getByTestId('ocr-progress'),
  fields: page.getByTestId('fields-panel'),
  flags: page.getByTestId('flags-panel'),
  status: page.getByTestId('case-status'),
  banner: page.getByTestId('case-banner'),
  review: page.getByTestId('review-panel'),
  submitNote: page.getByTestId('submit-note'),
  submit: page.getByTestId('submit-case'),
});

export const newCaseForm = (page: Page) => ({
  open: page.getByRole('button', { name: 'Kasus baru' }),
  form: page.getByTestId('new-case-form'),
  claimType: page.getByTestId('new-case-form').locator('select'),
  create: page.getByTestId('new-case-form').locator('button[type=submit]'),
  /** The incident date (the date of death for JKM), typed as officers write it: dd-mm-yyyy. */
  date: page.getByTestId('new-case-form').locator('input[name=incidentDate]'),
  /** Finds the participant by what is typed (KPJ, NIK or name) and picks the one with this KPJ. */
  pickParticipant: async (typed: string, kpj: string): Promise<void> => {
    const form = page.getByTestId('new-case-form');
    await form.locator('input[name=participant]').fill(typed);
    await form.getByTestId('picker-hits').locator('li', { hasText: kpj }).click();
    await expect(form.getByTestId('picked-participant')).toContainText(kpj);
  },
});

export const fieldsPanel = (page: Page) => {
  const panel = page.getByTestId('fields-panel');
  return {
    panel,
    documents: (type: string) => panel.locator(`.doc-fields[data-doc-type="${type}"]`),
    document: (id: string) => panel.locator(`.doc-fields[data-document-id="${id}"]`),
    selected: panel.locator('.doc-fields[data-selected]'),
  };
};

export const pageViewer = (page: Page) => {
  const viewer = page.locator('[data-testid="page-viewer"][data-state="ready"]');
  return {
    viewer,
    regions: viewer.getByTestId('doc-region'),
    selectedRegion: viewer.locator('[data-testid="doc-region"][data-selected]'),
  };
};

/** A new JKM case (date of death 01-11-2026) from the worklist of a signed-in officer, for the participant
 * with this KPJ when one is given; the case screen once it shows. */
export async function newJkmCase(page: Page, kpj?: string): Promise<ReturnType<typeof caseScreen>> {
  const form = newCaseForm(page);
  await form.open.click();
  await form.claimType.selectOption('JKM');
  if (kpj) await form.pickParticipant(kpj, kpj);
  await form.date.fill('01-11-2026');
  await form.create.click();
  const c = caseScreen(page);
  await expect(c.documents).toBeVisible();
  return c;
}

/** An officer's new JKM case from the worklist, with one file added and read (within `timeout` ms). */
export async function caseWithFile(page: Page, app: AppHost, file: string, timeout = 60_000): Promise<ReturnType<typeof caseScreen>> {
  await signIn(page, app, 'officer');
  const c = await newJkmCase(page);
  await c.fileInput.setInputFiles(file);
  await expect(c.progress).toHaveAttribute('data-done', '1', { timeout });
  return c;
}

export const storePanel = (page: Page) => ({
  panel: page.getByTestId('store-setting'),
  current: page.getByTestId('store-current'),
  saved: page.getByTestId('store-saved'),
  address: page.locator('[data-testid="store-setting"] input[name="store-address"]'),
  password: page.locator('[data-testid="store-setting"] input[name="store-password"]'),
  save: page.locator('[data-testid="store-setting"] button[type="submit"]'),
  restart: page.getByTestId('store-restart'),
  result: page.getByTestId('store-result'),
  leftBehind: page.getByTestId('store-left-behind'),
  error: page.locator('[data-testid="store-setting"] [role=alert]'),
});

export const backupPanel = (page: Page) => ({
  panel: page.getByTestId('backup'),
  folder: page.locator('[data-testid="backup"] input[name="backup-folder"]'),
  make: page.locator('[data-testid="backup"] button[type="submit"]'),
  done: page.locator('[data-testid="backup"][data-state="done"]'),
  result: page.getByTestId('backup-result'),
  error: page.locator('[data-testid="backup"] [role=alert]'),
});

/** With CLAIMDESK_SCREENSHOTS=DIR, saves the window from the top (the case's status and banner), or one
 * panel of it (by test id), as DIR/name; without it, nothing. */
export async function shoot(page: Page, name: string, testId?: string): Promise<void> {
  const shots = process.env.CLAIMDESK_SCREENSHOTS;
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  if (testId) return void (await page.getByTestId(testId).screenshot({ path: path.join(shots, name) }));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(shots, name) });
}

/** Reloads the window past the browser's own "leave this page?", which it asks or not by its own rules
 * (a page holding values not saved, after the user acted on it). */
export async function reloadPastLeaveQuestion(page: Page): Promise<void> {
  const leave = (d: Dialog): void => void d.accept();
  page.once('dialog', leave);
  await page.reload();
  page.off('dialog', leave);
}

/** Answers the page's next question (confirm, or "leave this page?") and gives its text. */
export function answerNextDialog(page: Page, answer: 'accept' | 'dismiss'): Promise<string> {
  return new Promise((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d[answer]();
    }),
  );
}
