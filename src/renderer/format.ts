import i18next, { type TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIsoDate } from '../shared/rules/dates';

/** A moment as officers write it, dd-mm-yyyy and the local time (14.30 in Indonesian, 14:30 in English). */
export function dateTimeText(d: Date, lang: string): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const sep = lang === 'id' ? '.' : ':';
  return `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()} ${p(d.getHours())}${sep}${p(d.getMinutes())}`;
}

/** Date and time as the chosen language writes them, the date always dd-mm-yyyy. */
export function useDateTimeFormat(): { format: (d: Date) => string } {
  const { i18n } = useTranslation();
  return { format: (d) => dateTimeText(d, i18n.language) };
}

/** Whole numbers as the chosen language groups them (12.345 in Indonesian, 12,345 in English). */
export function useCount(): (n: number) => string {
  const { i18n } = useTranslation();
  const f = new Intl.NumberFormat(i18n.language === 'en' ? 'en' : 'id');
  return (n) => f.format(n);
}

/** How long ago, in whole minutes, hours or days ("3 jam"), for queues. */
export function useAge(): (iso: string | null, now?: number) => string {
  const { t } = useTranslation();
  return (iso, now = Date.now()) => {
    if (!iso) return '–';
    const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
    if (minutes < 60) return t('age.minutes', { count: minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return t('age.hours', { count: hours });
    return t('age.days', { count: Math.floor(hours / 24) });
  };
}

/**
 * A value a rule could not be judged without, in the reader's words: a value of the case (the participant
 * record, the incident date), a fact the officer states, or a document's field ('kuitansi.tanggal').
 */
export function missingLabel(t: TFunction, key: string): string {
  if (i18next.exists(`missingValues.${key}`)) return t(`missingValues.${key}`);
  if (i18next.exists(`facts.${key}`)) return t(`facts.${key}`);
  const dot = key.indexOf('.');
  const field = key.slice(dot + 1);
  const label = t(`fields.${field}`, { defaultValue: field });
  return dot > 0 ? `${label} (${t(`docTypes.${key.slice(0, dot)}`, { defaultValue: key.slice(0, dot) })})` : label;
}

/** A calendar date (yyyy-mm-dd) as officers write it, dd-mm-yyyy, whatever the language. */
export const dmy = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('-') : (iso ?? '–'));

/** Every yyyy-mm-dd date in a text as dd-mm-yyyy, and a text that is only a yyyy-mm month as mm-yyyy. */
export const dmyInText = (text: string): string => text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3-$2-$1').replace(/^(\d{4})-(\d{2})$/, '$2-$1');

/** A date typed as dd-mm-yyyy (or with / or . between), as yyyy-mm-dd; '' when empty, null when it is
 * not a real calendar date. */
export function parseDmy(text: string): string | null {
  const t = text.trim();
  if (!t) return '';
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}

/** Today's date on this desk (yyyy-mm-dd). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** `value` once the officer stopped typing for a moment (searches ask once, not per key). */
export function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
