/** Small helpers the people screens share: follow-up state and dates in the user's language. */
import { localDate } from '../../../../shared/domain.ts';

export type FollowUpState = 'overdue' | 'today' | 'upcoming';

/** A follow-up is due today, overdue before today, upcoming after (calendar days, local). */
export function followUpState(date: string, today: string = localDate(new Date())): FollowUpState {
  if (date < today) return 'overdue';
  if (date === today) return 'today';
  return 'upcoming';
}

/** The locale dates are written in: British English (day first, as Europe writes), Russian. */
export function dateLocale(language: string): string {
  return language === 'ru' ? 'ru-RU' : 'en-GB';
}

/** A YYYY-MM-DD date as the user's language writes it ("12 Mar 2026", "12 мар. 2026 г."). */
export function formatDate(
  date: string,
  language: string,
  style: 'medium' | 'short' = 'medium',
): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: style }).format(
    new Date(y, m - 1, d),
  );
}

/** A stored instant (ISO timestamp) as a date in the user's language and time zone. */
export function formatTimestamp(at: string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium' }).format(date);
}
