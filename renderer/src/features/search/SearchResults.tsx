/**
 * The results page: the best 50 matches for the text, ranked as the core ranks them (names
 * and titles first), and how many match in all when there are more; each with its kind, a
 * note's date and whom it is about, the passage that matched with the matches marked (plain
 * text: the core strips a note's markdown), and the restricted badge; a field to search again.
 */
import { useState } from 'react';
import { Button as AriaButton, Form, Input, Label, Link, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Progress } from '../../components/Progress.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultQuery } from '../../lib/vault-mutation.ts';
import { HitMeta, HitPersons, Snippet, useHitTitle } from './HitParts.tsx';
import { openHit } from './open-hit.ts';
import './search.css';

const LIMIT = 50;

/** A new search starts afresh (the refine field shows the text searched). */
export function SearchResults({ text }: { text: string }) {
  return <Results key={text} text={text} />;
}

function Results({ text }: { text: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const hitTitle = useHitTitle();
  const [draft, setDraft] = useState(text);
  const query = text.trim();
  const found = useVaultQuery(
    'search:query',
    { text: query, limit: LIMIT },
    { enabled: query !== '' },
  );
  const hits = query === '' ? [] : (found.data?.hits ?? []);
  const total = Math.max(found.data?.total ?? 0, hits.length);
  const cut = total > hits.length;
  const search = () => {
    if (draft.trim() !== '') navigate({ area: 'search', text: draft.trim() }, { replace: true });
  };

  return (
    <>
      <ScreenTitle>
        {query === '' ? t('ui.search.titleEmpty') : t('ui.search.title', { text: query })}
      </ScreenTitle>
      <Form
        className="search-refine"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          search();
        }}
      >
        <SearchField className="field search-refine__field" value={draft} onChange={setDraft}>
          <Label className="field__label">{t('ui.search.refine')}</Label>
          <div className="field__control">
            <Input className="field__input" placeholder={t('ui.search.placeholder')} />
            {draft !== '' ? (
              <AriaButton className="field__reveal">
                <span aria-hidden="true">×</span>
              </AriaButton>
            ) : null}
          </div>
        </SearchField>
        <Button type="submit" variant="primary" className="search-refine__submit">
          {t('ui.search.submit')}
        </Button>
      </Form>
      {found.isError ? <Alert tone="error">{errorText(found.error)}</Alert> : null}
      {query === '' ? (
        <p className="muted">{t('ui.search.typeToSearch')}</p>
      ) : found.isPending ? (
        <Progress label={t('ui.search.searching')} />
      ) : hits.length === 0 ? (
        <div className="empty-state search-empty">
          <p className="search-empty__title">{t('ui.search.nothingFound', { text: query })}</p>
          <p className="muted">{t('ui.search.nothingFoundHelp')}</p>
        </div>
      ) : (
        <section aria-labelledby="search-results-heading" className="search-results">
          <h2 id="search-results-heading" className="search-results__count">
            {cut
              ? t('ui.search.foundBest', { shown: hits.length, count: total })
              : t('ui.search.found', { count: hits.length })}
          </h2>
          <ol className="search-results__list">
            {hits.map((hit) => (
              <li key={`${hit.kind}-${String(hit.id)}`} className="search-result">
                <HitMeta hit={hit} />
                <Link
                  className="search-result__title"
                  onPress={() => {
                    openHit(hit);
                  }}
                >
                  {hitTitle(hit)}
                </Link>
                <HitPersons hit={hit} className="search-result__persons" />
                {hit.snippet.some((part) => part.text.trim() !== '') ? (
                  <p className="search-result__snippet">
                    <Snippet parts={hit.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          {cut ? <p className="muted">{t('ui.search.limited', { shown: hits.length })}</p> : null}
        </section>
      )}
    </>
  );
}
