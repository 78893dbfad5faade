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

/** A back-end error in the user's language, from its code, reason and parameters only: the English
 * `message` never shows (an error the screen made itself names its sentence in `params.say`). */
export function errorText(error: ApiError): string {
  const { file, reason, say } = error.params ?? {};
  if (typeof say === 'string' && i18next.exists(say)) return i18next.t(say);
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
  if (!i18next.exists(`errors.${error.code}`)) return i18next.t('errors.internal');
  // A payload the contract refused: each bad input by its name and its problem's code (the schema's
  // English never shows); with no issues, a general sentence.
  const issues = error.issues?.length ? error.issues : [{ path: '', message: '' }];
  const detail = [...new Set(issues.map(issueText))].join(' ');
  return i18next.t(`errors.${error.code}`, { detail });
}

type Issue = NonNullable<ApiError['issues']>[number];

/** One refused input: a sentence of its own for the inputs that have one, else its label and problem. */
export function issueText(issue: Issue): string {
  const parts = issue.path.split('.').filter((p) => p && !/^\d+$/.test(p) && p !== '(root)');
  const own = parts.find((p) => i18next.exists(`errors.input.${p}`));
  if (own) return i18next.t(`errors.input.${own}`);
  const named = [...parts].reverse().find((p) => i18next.exists(`validation.label.${p}`) || i18next.exists(`fields.${p}`));
  const field = named
    ? i18next.exists(`validation.label.${named}`)
      ? i18next.t(`validation.label.${named}`)
      : i18next.t(`fields.${named}`)
    : i18next.t('validation.anInput');
  const { origin, minimum, maximum } = issue.params ?? {};
  const sized = (issue.code === 'too_small' || issue.code === 'too_big') && (origin === 'string' || origin === 'number') ? `${issue.code}_${origin}` : null;
  const code = sized ?? issue.code ?? 'other';
  const problem = i18next.exists(`validation.problem.${code}`) ? `validation.problem.${code}` : 'validation.problem.other';
  return i18next.t('validation.sentence', { field, problem: i18next.t(problem, { minimum, maximum }) });
}

/** A keyed value the back end refused: the field (and a list's row and column) with the problem, all in
 * the officer's language; null when the error is not about a value or its problem has no words here. */
export function valueProblemText(error: ApiError): string | null {
  const { key, problem, entry, column } = error.params ?? {};
  if (error.code !== 'invalid_input' || typeof key !== 'string' || typeof problem !== 'string') return null;
  if (!i18next.exists(`errors.value.${problem}`)) return null;
  const label = (k: string): string => (i18next.exists(`fields.${k}`) ? i18next.t(`fields.${k}`) : i18next.t('validation.anInput'));
  const text = i18next.t(`errors.value.${problem}`);
  return typeof entry === 'number' && typeof column === 'string'
    ? i18next.t('errors.listEntry', { field: label(key), entry, column: label(column), problem: text })
    : i18next.t('errors.fieldValue', { field: label(key), problem: text });
}
