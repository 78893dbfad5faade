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
