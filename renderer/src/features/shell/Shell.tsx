import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/contract.ts';
import { canGoBack, currentRoute, goBack, navigate, useRoute } from '../../app/navigation.ts';
import { useLock } from '../../app/queries.ts';
import { openQuickNote, useQuickNote } from '../../app/quick-note.ts';
import { isMac } from '../../app/shortcuts.ts';
import { useModShiftShortcut } from '../../app/use-shortcut.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { Logo } from '../../components/Logo.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { RestoredNotice } from '../backups/RestoredNotice.tsx';
import { NoteAnnouncer } from '../notes/NoteAnnouncer.tsx';
import { ReviewBadge, ReviewReminder } from '../risk-dashboard/ReviewReminder.tsx';
import { SearchBox } from '../search/SearchBox.tsx';
import { AreaBoundary, PartBoundary } from './AreaBoundary.tsx';
import { AreaLoading } from './AreaLoading.tsx';
import { AREAS, areaOf, routeOf } from './areas.ts';
import { AreaView } from './AreaView.tsx';
import { Icon } from './icons.tsx';
import { lazyArea } from './lazy-area.tsx';

/** Screens reached from another one, with a way back to it. */
const SUB_PAGES = new Set(['person', 'agency', 'search', 'import']);

/** Opens the quick note for the person whose page is open, if any. */
function quickNoteHere(): void {
  const route = currentRoute();
  openQuickNote(route.area === 'person' ? [route.id] : []);
}

// The note form (with its markdown preview) is loaded when a note is first opened.
const QuickNoteDialog = lazyArea(() =>
  import('../notes/QuickNoteDialog.tsx').then((m) => m.QuickNoteDialog),
);

/**
 * The quick note dialog, loaded the first time it opens and kept from then on. Until then the
 * page still has the notes' live region (the dialog brings its own), which says when a note
 * is deleted from its card.
 */
function QuickNote() {
  const { open } = useQuickNote();
  const [wanted, setWanted] = useState(open);
  if (open && !wanted) setWanted(true);
  if (!wanted) return <NoteAnnouncer />;
  return (
    <Suspense fallback={<NoteAnnouncer />}>
      <QuickNoteDialog />
    </Suspense>
  );
}

/** Runs `onShown` when the area beside it is on screen: after its code has loaded, the first time. */
function AreaShown({ onShown }: { onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return null;
}

/** The unlocked app: the areas on the left, the lock button always in sight. */
export function Shell({ status }: { status: VaultStatus }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const lock = useLock();
  const route = useRoute();
  const area = areaOf(route);
  const [showAttempts, setShowAttempts] = useState(status.failedAttemptsBeforeUnlock > 0);
  const main = useRef<HTMLElement>(null);
  // A new screen: move focus to its title (screens render theirs once their data is there).
  const focusTitle = useCallback(() => {
    const focus = () => main.current?.querySelector<HTMLElement>('h1')?.focus();
    focus();
    const frame = requestAnimationFrame(focus);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, []);
  useEffect(focusTitle, [route, focusTitle]);
  // Focus moved to the loading state's title while an area's code loaded; once the area is
  // there, to its own, unless the user has gone elsewhere meanwhile.
  const focusLoadedTitle = useCallback(() => {
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest('.area-loading')) return;
    return focusTitle();
  }, [focusTitle]);
  useModShiftShortcut('n', quickNoteHere);

  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <Logo />
          <span className="brand__name">{t('ui.common.appName')}</span>
        </div>
        <nav aria-label={t('ui.shell.navigation')} className="nav">
          <ul>
            {AREAS.map((item) => (
              <li key={item}>
                <button
                  type="button"
                  className="nav__item"
                  aria-current={item === area ? 'page' : undefined}
                  onClick={() => {
                    navigate(routeOf(item));
                  }}
                >
                  <Icon name={item} />
                  <span>{t(`ui.shell.areas.${item}`)}</span>
                  {item === 'risk' ? (
                    <PartBoundary silent>
                      <ReviewBadge />
                    </PartBoundary>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar__footer">
          <Button
            variant="primary"
            className="lock-button"
            onPress={() => {
              lock.mutate('manual');
            }}
            isDisabled={lock.isPending}
            aria-keyshortcuts={isMac() ? 'Meta+Shift+L' : 'Control+Shift+L'}
          >
            <Icon name="lock" />
            <span>{t('ui.shell.lock')}</span>
          </Button>
          <p className="lock-shortcut" aria-hidden="true">
            <kbd>{isMac() ? t('ui.shell.lockShortcutMac') : t('ui.shell.lockShortcut')}</kbd>
          </p>
          <LanguageSwitcher tone="dark" />
        </div>
      </aside>
      <main className="main" ref={main}>
        {status.demo ? (
          <p className="demo-banner" role="note">
            {t('ui.shell.demo')}
          </p>
        ) : null}
        {status.restoredFrom ? (
          <PartBoundary>
            <RestoredNotice restoredFrom={status.restoredFrom} />
          </PartBoundary>
        ) : null}
        <div className="topbar">
          {canGoBack() && SUB_PAGES.has(route.area) ? (
            <Button variant="quiet" onPress={goBack} className="topbar__back">
              <Icon name="back" size={18} />
              <span>{t('ui.shell.back')}</span>
            </Button>
          ) : null}
          <PartBoundary>
            <SearchBox />
          </PartBoundary>
          <Button
            variant="secondary"
            onPress={quickNoteHere}
            aria-keyshortcuts={isMac() ? 'Meta+Shift+N' : 'Control+Shift+N'}
            className="topbar__note"
          >
            <Icon name="note" size={18} />
            <span>{t('ui.shell.newNote')}</span>
            <kbd aria-hidden="true">{isMac() ? '⌘⇧N' : 'Ctrl+Shift+N'}</kbd>
          </Button>
        </div>
        {lock.isError ? <Alert tone="error">{errorText(lock.error)}</Alert> : null}
        {showAttempts ? (
          <Alert
            tone="warning"
            actions={
              <Button
                variant="quiet"
                onPress={() => {
                  setShowAttempts(false);
                }}
              >
                {t('ui.common.dismiss')}
              </Button>
            }
          >
            {t('ui.shell.failedAttempts', { count: status.failedAttemptsBeforeUnlock })}
          </Alert>
        ) : null}
        <PartBoundary>
          <ReviewReminder />
        </PartBoundary>
        <AreaBoundary route={route}>
          {/* Keyed by area: a screen whose code is loading replaces the last one at once. */}
          <Suspense key={route.area} fallback={<AreaLoading />}>
            <AreaView route={route} status={status} />
            <AreaShown onShown={focusLoadedTitle} />
          </Suspense>
        </AreaBoundary>
      </main>
      <PartBoundary silent>
        <QuickNote />
      </PartBoundary>
    </div>
  );
}
