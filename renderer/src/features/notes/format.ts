import { useTranslation } from 'react-i18next';

/** A calendar date (YYYY-MM-DD) as the user's language writes it: "3 Mar 2026", "3 мар. 2026 г.". */
export function useFormatDate(): (date: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  return (date) => {
    const [y, m, d] = date.split('-').map(Number);
    if (!y || !m || !d) return date;
    return format.format(new Date(Date.UTC(y, m - 1, d)));
  };
}
