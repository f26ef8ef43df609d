/**
 * The in-app reminder of risk reviews that have fallen due: a banner above every screen and a
 * count on the sidebar's Risk item. Codenames only, never names: the banner shows on every
 * screen, whoever may be looking over the user's shoulder. Nothing leaves the window (no OS
 * notification, nothing in the title). The reminders are refetched every few minutes, since
 * the day may roll over while the app is open; any change in the vault refetches them too.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../../app/navigation.ts';
import { Button } from '../../components/Button.tsx';
import { useFormatNumber } from '../../lib/format-number.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { remindersKey, sortReminders } from './model.ts';
import './risk-dashboard.css';

export const REMINDER_REFRESH_MS = 5 * 60_000;
/** Codenames the banner names before "and N more". */
export const REMINDER_CODENAMES = 5;

/** The due and overdue reviews (a vault query, so any change refetches them too). */
export function useDueReviews() {
  const reminders = useVaultQuery(
    'risk:reminders',
    {},
    { refetchInterval: REMINDER_REFRESH_MS, refetchIntervalInBackground: true },
  );
  return reminders.data?.reviews ?? [];
}

/** "Later" lasts for this session (a lock reloads the page) until the set of reviews changes. */
let dismissed: string | null = null;

/** For tests: forget "Later", as a new session would. */
export function resetReminderLater(): void {
  dismissed = null;
}

export function ReviewReminder() {
  const { t } = useTranslation();
  const reviews = useDueReviews();
  const route = useRoute();
  const key = remindersKey(reviews);
  const [hiddenKey, setHiddenKey] = useState(dismissed);
  const visible = reviews.length > 0 && key !== hiddenKey;
  const sorted = sortReminders(reviews);
  const named = sorted.slice(0, REMINDER_CODENAMES).map((review) => review.codename);
  const more = sorted.length - named.length;
  const codenames =
    more > 0
      ? t('ui.riskDashboard.reminder.more', { codenames: named.join(', '), count: more })
      : named.join(', ');

  // The live region stays in the page, so a reminder appearing in it is announced.
  return (
    <div role="status" className="review-reminder">
      {visible ? (
        <div className="alert alert--warning review-reminder__alert">
          <p className="alert__body review-reminder__text">
            {t('ui.riskDashboard.reminder.text', { count: reviews.length, codenames })}
          </p>
          <div className="alert__actions review-reminder__actions">
            {route.area === 'risk' ? null : (
              <Button
                variant="primary"
                onPress={() => {
                  navigate({ area: 'risk' });
                }}
              >
                {t('ui.riskDashboard.reminder.open')}
              </Button>
            )}
            <Button
              variant="quiet"
              onPress={() => {
                dismissed = key;
                setHiddenKey(key);
                // The button goes away with the banner: the screen's title takes the focus.
                document.querySelector<HTMLElement>('main h1')?.focus();
              }}
            >
              {t('ui.riskDashboard.reminder.later')}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** The count on the sidebar's Risk item; its words make the item's name ("Risk, 2 reviews due"). */
export function ReviewBadge() {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const count = useDueReviews().length;
  if (count === 0) return null;
  return (
    <>
      <span className="nav__badge" aria-hidden="true">
        {formatNumber(count)}
      </span>
      <span className="visually-hidden">, {t('ui.riskDashboard.badge', { count })}</span>
    </>
  );
}
