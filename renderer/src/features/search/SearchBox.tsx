/**
 * The search box in the top bar (inside the page's main landmark, so the suggestions are not
 * portalled out of it): as you type, the best matches among persons, agencies and
 * notes appear under it (arrows to move, Enter to open); Enter on the text itself, or "See
 * all results", opens the results page. Ctrl/Cmd+K puts the cursor in it from anywhere.
 */
import { useEffect, useRef, useState } from 'react';
import {
  Autocomplete,
  Button as AriaButton,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  SearchField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { isMac } from '../../app/shortcuts.ts';
import { useDebounced } from '../../lib/use-debounced.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { Icon } from '../shell/icons.tsx';
import { HitMeta, HitPersons, Snippet, useHitTitle } from './HitParts.tsx';
import { openHit } from './open-hit.ts';
import './search.css';

const SUGGESTIONS = 8;
const DEBOUNCE_MS = 120;
const ALL = 'all';

type Item = { id: string; hit: SearchHit } | { id: typeof ALL; hit: null };

/** Ctrl/Cmd+K (without Shift or Alt) anywhere, unless a dialog has the page. */
function useFocusShortcut(focus: () => void): void {
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'k'
      ) {
        event.preventDefault();
        if (!document.querySelector('.modal-overlay')) focus();
      }
    };
    window.addEventListener('keydown', handler, { capture: true });
    return () => {
      window.removeEventListener('keydown', handler, { capture: true });
    };
  }, [focus]);
}

export function SearchBox() {
  const { t } = useTranslation();
  const hitTitle = useHitTitle();
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const found = useVaultQuery(
    'search:query',
    { text: query, limit: SUGGESTIONS },
    { enabled: query !== '' },
  );
  const hits = query === '' ? [] : (found.data?.hits ?? []);
  const items: Item[] = [
    ...hits.map((hit) => ({ id: `${hit.kind}-${String(hit.id)}`, hit })),
    ...(query === '' ? [] : [{ id: ALL, hit: null } as const]),
  ];
  const isOpen = focused && text.trim() !== '' && query !== '';

  const focusBox = () => {
    input.current?.focus();
    input.current?.select();
  };
  useFocusShortcut(focusBox);

  const finish = () => {
    setText('');
    setFocused(false);
  };
  const showAll = (value: string) => {
    if (value.trim() === '') return;
    finish();
    navigate({ area: 'search', text: value.trim() });
  };

  return (
    <div className="search-box">
      <Autocomplete inputValue={text} onInputChange={setText} disableAutoFocusFirst>
        <SearchField
          className="search-box__field"
          onSubmit={(value) => {
            // Enter on a suggestion opens it (ListBox onAction); Enter on the text, all results.
            if (input.current?.getAttribute('aria-activedescendant')) return;
            showAll(value);
          }}
          onFocus={() => {
            setFocused(true);
          }}
          onBlur={(event) => {
            const next = event.relatedTarget;
            if (next instanceof Node && panel.current?.contains(next)) return;
            setFocused(false);
          }}
        >
          <Label className="visually-hidden">{t('ui.search.label')}</Label>
          <div className="search-box__control">
            <Icon name="search" size={18} />
            <Input
              ref={input}
              className="search-box__input"
              placeholder={t('ui.search.placeholder')}
              aria-keyshortcuts={isMac() ? 'Meta+K' : 'Control+K'}
            />
            {text === '' ? (
              <kbd className="search-box__kbd" aria-hidden="true">
                {isMac() ? t('ui.search.shortcutMac') : t('ui.search.shortcut')}
              </kbd>
            ) : (
              <AriaButton className="search-box__clear">
                <span aria-hidden="true">×</span>
              </AriaButton>
            )}
          </div>
        </SearchField>
        {isOpen ? (
          <div className="popover search-popover" ref={panel}>
            <ListBox<Item>
              className="listbox search-popover__list"
              aria-label={t('ui.search.suggestions')}
              items={items}
              onAction={(key) => {
                if (key === ALL) {
                  showAll(text);
                  return;
                }
                const item = items.find((candidate) => candidate.id === key);
                if (item?.hit) {
                  finish();
                  openHit(item.hit);
                }
              }}
            >
              {(item) =>
                item.hit ? (
                  <ListBoxItem
                    id={item.id}
                    className="listbox__item search-hit"
                    textValue={`${t(`ui.search.kind.${item.hit.kind}`)}: ${hitTitle(item.hit)}`}
                  >
                    <HitMeta hit={item.hit} />
                    <span className="search-hit__title">{hitTitle(item.hit)}</span>
                    <HitPersons hit={item.hit} className="search-hit__persons" />
                    {item.hit.snippet.some((part) => part.text.trim() !== '') ? (
                      <Snippet parts={item.hit.snippet} />
                    ) : null}
                  </ListBoxItem>
                ) : (
                  <ListBoxItem
                    id={ALL}
                    className="listbox__item search-hit search-hit--all"
                    textValue={t('ui.search.seeAll', { text: text.trim() })}
                  >
                    {hits.length === 0 && !found.isFetching ? (
                      <span className="muted">{t('ui.search.noMatches', { text: query })}</span>
                    ) : null}
                    <span className="search-hit__all">
                      {t('ui.search.seeAll', { text: text.trim() })}
                    </span>
                  </ListBoxItem>
                )
              }
            </ListBox>
          </div>
        ) : null}
      </Autocomplete>
      <span className="visually-hidden" role="status">
        {isOpen && !found.isFetching ? t('ui.search.found', { count: hits.length }) : ''}
      </span>
    </div>
  );
}
