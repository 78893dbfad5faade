// Locators in one place, so screens can change without touching every test.
import type { Page } from '@playwright/test';

export const shell = (page: Page) => ({
  ready: page.locator('.shell[data-state="ready"]'),
  nav: (screen: string) => page.locator(`[data-nav="${screen}"]`),
  languageSwitch: page.getByTestId('language-switch'),
  screen: (name: string) => page.locator(`[data-screen="${name}"][data-state="ready"]`),
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
});

export const newCaseForm = (page: Page) => ({
  open: page.getByRole('button', { name: 'Kasus baru' }),
  form: page.getByTestId('new-case-form'),
  claimType: page.getByTestId('new-case-form').locator('select'),
  create: page.getByTestId('new-case-form').locator('button[type=submit]'),
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
