import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { en } from './en';
import { id } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'claimdesk.language';

export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'id' ? saved : 'id';
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: initialLanguage(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** A back-end error in the user's language: by code, with the English detail where it helps. */
export function errorText(error: ApiError): string {
  const { file, reason } = error.params ?? {};
  if (typeof file === 'string' && typeof reason === 'string' && i18next.exists(`errors.file.${reason}`)) {
    return i18next.t(`errors.file.${reason}`, { file });
  }
  const value = valueProblemText(error);
  if (value) return value;
  // Refusals that say why (a locked account, a frozen case, four-eyes…) have a sentence of their own.
  if (typeof reason === 'string' && i18next.exists(`errors.why.${reason}`)) {
    const params = error.params ?? {};
    const status = typeof params.status === 'string' ? i18next.t(`status.${params.status}`, { defaultValue: params.status }) : undefined;
    return i18next.t(`errors.why.${reason}`, { ...params, ...(status ? { status } : {}) });
  }
  // A payload the contract refused: each bad input in words, by its name (the schema's English never shows).
  const detail = error.issues?.length ? [...new Set(error.issues.map((i) => inputProblem(i.path)))].join(' ') : error.message;
  return i18next.t(`errors.${error.code}`, { detail });
}

function inputProblem(path: string): string {
  const name = path.split('.').find((p) => i18next.exists(`errors.input.${p}`));
  return name ? i18next.t(`errors.input.${name}`) : i18next.t('errors.input.other', { field: path });
}

/** A keyed value the back end refused: the field (and a list's row and column) with the problem, all in
 * the officer's language; null when the error is not about a value or its problem has no words here. */
export function valueProblemText(error: ApiError): string | null {
  const { key, problem, entry, column } = error.params ?? {};
  if (error.code !== 'invalid_input' || typeof key !== 'string' || typeof problem !== 'string') return null;
  if (!i18next.exists(`errors.value.${problem}`)) return null;
  const label = (k: string): string => i18next.t(`fields.${k}`, { defaultValue: k });
  const text = i18next.t(`errors.value.${problem}`);
  return typeof entry === 'number' && typeof column === 'string'
    ? i18next.t('errors.listEntry', { field: label(key), entry, column: label(column), problem: text })
    : i18next.t('errors.fieldValue', { field: label(key), problem: text });
}
