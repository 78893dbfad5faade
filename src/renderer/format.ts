import i18next, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** Date and time the way the chosen language writes them. */
export function useDateTimeFormat(): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  return new Intl.DateTimeFormat(i18n.language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
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
