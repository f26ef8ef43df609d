/**
 * The pipeline board: every active person in a column for their stage, watching → partner,
 * and the stages off the pipeline (dormant, moved on, closed) in a section that opens on
 * demand. The board asks only what it shows (issue 15): one call, pipeline:board, gives every
 * stage's count and the first PIPELINE_COLUMN cards of the columns on screen; a column's
 * "Show more" asks that column's next cards (pipeline:column, from the board's cursor). Cards
 * are compact (name, codename, agency; an overdue follow-up), the columns scroll on their own
 * and the board fits the window.
 *
 * Moving a person is one call, persons:setStage, which the core records on their timeline
 * and in the audit trail; there are three ways to make it:
 *
 * - drag the card to another column (react-aria's drag and drop, which also gives keyboard
 *   and screen-reader drag and drop through each card's drag button);
 * - the card's "Move to…" menu;
 * - Alt+← / Alt+→ on a focused card, one stage back or forward.
 *
 * After a move the card keeps the focus in its new column and a polite live region says
 * where it went.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  GridList,
  GridListItem,
  isTextDropItem,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  useDragAndDrop,
  useLocale,
} from 'react-aria-components';
import {
  localDate,
  OFF_PIPELINE_STAGES,
  PIPELINE_STAGES,
  SPHERES,
  STAGES,
  type Sphere,
  type Stage,
} from '../../../../shared/domain.ts';
import {
  MAX_COLUMN_PAGE,
  PIPELINE_COLUMN,
  PIPELINE_MORE,
  type PipelineCard,
  type PipelineColumn,
  type PipelineFilters,
} from '../../../../shared/pipeline.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { stageColour } from '../map/stage-colours.ts';
import './pipeline.css';

/** The drag payload: the person's id only (a name must not land in another app's drop). */
export const PERSON_DRAG_TYPE = 'application/x-confidant-person';

const ALL = '*';

type Move = (person: PipelineCard, stage: Stage) => void;

function neighbourStage(stage: Stage, step: -1 | 1): Stage | undefined {
  const group: readonly Stage[] = (PIPELINE_STAGES as readonly Stage[]).includes(stage)
    ? PIPELINE_STAGES
    : OFF_PIPELINE_STAGES;
  return group[group.indexOf(stage) + step];
}

function parseDate(iso: string): Date {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A count as the interface's language writes it: 12,345 or 12 345. */
function useCount(): (n: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-GB');
    return (n: number) => format.format(n);
  }, [language]);
}

export function PipelineBoard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const count = useCount();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState(ALL);
  const [sphere, setSphere] = useState<Sphere | typeof ALL>(ALL);
  const [dueOnly, setDueOnly] = useState(false);
  const [showOff, setShowOff] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const deferredText = useDeferredValue(text);

  const filters: PipelineFilters = useMemo(
    () => ({
      text: deferredText,
      owners: owner === ALL ? [] : [owner],
      spheres: sphere === ALL ? [] : [sphere],
      followUpDue: dueOnly,
    }),
    [deferredText, owner, sphere, dueOnly],
  );
  const board = useVaultQuery('pipeline:board', {
    ...filters,
    cardsFor: showOff ? [...STAGES] : [...PIPELINE_STAGES],
    perStage: PIPELINE_COLUMN,
  });
  const facets = useVaultQuery('persons:facets', {});
  const setStage = useVaultMutation('persons:setStage');

  const columns = useMemo(
    () => new Map((board.data?.columns ?? []).map((column) => [column.stage, column])),
    [board.data],
  );
  // Every card on screen by id, the columns' "Show more" cards included (for a drop).
  const known = useRef(new Map<number, PipelineCard>());
  const remember = useCallback((cards: readonly PipelineCard[]) => {
    for (const card of cards) known.current.set(card.id, card);
  }, []);
  useEffect(() => {
    remember((board.data?.columns ?? []).flatMap((column) => column.cards));
  }, [board.data, remember]);

  // After a move, the card keeps the focus in its new column (once the board has reloaded).
  // A frame later: the old column first moves its focus to a neighbour of the removed card.
  const boardRef = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef<{ id: number; stage: Stage } | null>(null);
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (pending === null) return;
    const frame = requestAnimationFrame(() => {
      const card = boardRef.current?.querySelector<HTMLElement>(
        `[data-person-id="${String(pending.id)}"][data-stage="${pending.stage}"]`,
      );
      if (card && focusAfterMove.current === pending) {
        focusAfterMove.current = null;
        card.focus();
      }
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [board.data]);

  const move: Move = useCallback(
    (person, stage) => {
      if (person.stage === stage) return;
      if ((OFF_PIPELINE_STAGES as readonly Stage[]).includes(stage)) setShowOff(true);
      focusAfterMove.current = { id: person.id, stage };
      setAnnouncement('');
      setStage.mutate(
        { id: person.id, stage },
        {
          onSuccess: () => {
            setAnnouncement(
              t('ui.pipeline.moved', {
                name: person.fullName,
                stage: t(`ui.domain.stage.${stage}`),
              }),
            );
          },
          onError: () => {
            focusAfterMove.current = null;
          },
        },
      );
    },
    [setStage, t],
  );
  const moveIds = useCallback(
    (ids: number[], stage: Stage) => {
      for (const id of ids) {
        const person = known.current.get(id);
        if (person) move(person, stage);
      }
    },
    [move],
  );

  const ownerOptions = [
    { value: ALL, label: t('ui.pipeline.anyOwner') },
    ...(facets.data?.owners ?? []).map((name) => ({ value: name, label: name })),
  ];
  const sphereOptions: { value: Sphere | typeof ALL; label: string }[] = [
    { value: ALL, label: t('ui.pipeline.anySphere') },
    ...SPHERES.map((value) => ({ value, label: t(`ui.domain.sphere.${value}`) })),
  ];
  const offCount = OFF_PIPELINE_STAGES.reduce(
    (sum, stage) => sum + (columns.get(stage)?.total ?? 0),
    0,
  );
  const filtered = text !== '' || owner !== ALL || sphere !== ALL || dueOnly;
  const empty =
    board.data !== undefined && board.data.columns.every((column) => column.total === 0);

  const column = (stage: Stage) => (
    <StageColumn
      key={stage}
      stage={stage}
      column={columns.get(stage)}
      filters={filters}
      onMove={move}
      onDropIds={moveIds}
      onCards={remember}
    />
  );

  return (
    <div className="pipeline">
      <ScreenTitle>{t('ui.shell.areas.pipeline')}</ScreenTitle>
      <p className="pipeline__intro">{t('ui.pipeline.intro')}</p>
      <div className="pipeline__filters" role="search" aria-label={t('ui.pipeline.filters')}>
        <TextField
          label={t('ui.pipeline.text')}
          value={text}
          onChange={setText}
          type="search"
          spellCheck="false"
        />
        <SelectField
          label={t('ui.pipeline.owner')}
          options={ownerOptions}
          value={owner}
          onChange={setOwner}
        />
        <SelectField
          label={t('ui.pipeline.sphere')}
          options={sphereOptions}
          value={sphere}
          onChange={setSphere}
        />
        <div className="pipeline__due">
          <CheckboxField
            isSelected={dueOnly}
            onChange={setDueOnly}
            label={t('ui.pipeline.dueOnly')}
          />
        </div>
      </div>

      {board.error ? <Alert tone="error">{errorText(board.error)}</Alert> : null}
      {setStage.error ? <Alert tone="error">{errorText(setStage.error)}</Alert> : null}
      <div role="status" className="pipeline__status">
        {announcement}
      </div>
      {board.isPending ? <p className="pipeline__muted">{t('ui.pipeline.loading')}</p> : null}
      {empty ? (
        <p className="pipeline__muted">
          {filtered ? t('ui.pipeline.noMatch') : t('ui.pipeline.nobody')}
        </p>
      ) : null}

      <div ref={boardRef} className="pipeline__board">
        <section aria-label={t('ui.pipeline.board')} className="pipeline__columns">
          {PIPELINE_STAGES.map(column)}
        </section>
        <section aria-labelledby="pipeline-off-title" className="pipeline__off">
          <div className="pipeline__off-header">
            <h2 id="pipeline-off-title" className="pipeline__off-title">
              {t('ui.pipeline.offPipeline')}
            </h2>
            <Button
              variant="quiet"
              aria-expanded={showOff}
              aria-controls={showOff ? 'pipeline-off-columns' : undefined}
              onPress={() => {
                setShowOff(!showOff);
              }}
            >
              {showOff
                ? t('ui.pipeline.hideOff')
                : t('ui.pipeline.showOff', { count: offCount, shown: count(offCount) })}
            </Button>
          </div>
          {showOff ? (
            <div id="pipeline-off-columns" className="pipeline__columns pipeline__columns--off">
              {OFF_PIPELINE_STAGES.map(column)}
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

function StageColumn({
  stage,
  column,
  filters,
  onMove,
  onDropIds,
  onCards,
}: {
  stage: Stage;
  column: PipelineColumn | undefined;
  filters: PipelineFilters;
  onMove: Move;
  onDropIds: (ids: number[], stage: Stage) => void;
  onCards: (cards: readonly PipelineCard[]) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const count = useCount();
  // "Show more": the column's cards after the board's, PIPELINE_MORE more each time.
  const [more, setMore] = useState(0);
  const after = column?.nextCursor ?? null;
  const extra = useVaultQuery(
    'pipeline:column',
    { ...filters, stage, after: after ?? '', limit: Math.max(1, more) },
    { enabled: more > 0 && after !== null },
  );
  const rows = useMemo(() => {
    const first = column?.cards ?? [];
    if (more === 0 || after === null) return first;
    const seen = new Set(first.map((card) => card.id));
    return [...first, ...(extra.data?.cards ?? []).filter((card) => !seen.has(card.id))];
  }, [column, more, after, extra.data]);
  useEffect(() => {
    onCards(rows);
  }, [rows, onCards]);
  const total = column?.total ?? 0;
  const hidden = Math.max(0, total - rows.length);
  const label = t(`ui.domain.stage.${stage}`);
  const today = localDate(new Date());
  const formatDate = useMemo(() => {
    const thisYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    const otherYear = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const year = today.slice(0, 4);
    return (iso: string) => (iso.startsWith(year) ? thisYear : otherYear).format(parseDate(iso));
  }, [locale, today]);
  const byId = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);

  const { dragAndDropHooks } = useDragAndDrop<PipelineCard>({
    getItems: (keys) => [...keys].map((key) => ({ [PERSON_DRAG_TYPE]: String(key) })),
    getAllowedDropOperations: () => ['move'],
    acceptedDragTypes: [PERSON_DRAG_TYPE],
    getDropOperation: () => 'move',
    onRootDrop: (event) => {
      void Promise.all(
        event.items
          .filter(isTextDropItem)
          .filter((item) => item.types.has(PERSON_DRAG_TYPE))
          .map((item) => item.getText(PERSON_DRAG_TYPE)),
      ).then((ids) => {
        onDropIds(
          ids.map(Number).filter((id) => Number.isSafeInteger(id)),
          stage,
        );
      });
    },
  });

  // Alt+← / Alt+→ on a focused card: one stage back or forward.
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-person-id]');
    const person = row ? byId.get(Number(row.dataset.personId)) : undefined;
    if (!person) return;
    event.preventDefault();
    event.stopPropagation();
    const target = neighbourStage(stage, event.key === 'ArrowLeft' ? -1 : 1);
    if (target) onMove(person, target);
  };

  const canAskMore = hidden > 0 && after !== null && more + PIPELINE_MORE <= MAX_COLUMN_PAGE;

  return (
    <div
      className="pipeline-column"
      onKeyDownCapture={onKeyDownCapture}
      style={{ borderTopColor: stageColour(stage) }}
    >
      <h2 className="pipeline-column__title">
        <span className="pipeline-column__name">{label}</span>
        <span className="pipeline-column__count" aria-hidden="true">
          {count(total)}
        </span>
      </h2>
      <GridList
        aria-label={t('ui.pipeline.column', { stage: label, count: total, shown: count(total) })}
        className="pipeline-column__list"
        items={rows}
        dragAndDropHooks={dragAndDropHooks}
        onAction={(key) => {
          navigate({ area: 'person', id: Number(key) });
        }}
        renderEmptyState={() => <p className="pipeline-column__empty">{t('ui.pipeline.empty')}</p>}
      >
        {(person) => {
          const due = person.nextFollowUp !== null && person.nextFollowUp <= today;
          const details = [person.codename, person.agencyName].filter(Boolean).join(' · ');
          return (
            <GridListItem
              id={person.id}
              textValue={person.fullName}
              className="pipeline-card"
              data-person-id={person.id}
              data-stage={person.stage}
              style={{ borderInlineStartColor: stageColour(person.stage) }}
            >
              <div className="pipeline-card__line">
                <span className="pipeline-card__name" title={person.fullName}>
                  {person.fullName}
                </span>
                {due && person.nextFollowUp ? (
                  <span
                    className="pipeline-card__due"
                    title={t('ui.pipeline.due', { date: formatDate(person.nextFollowUp) })}
                  >
                    <span className="visually-hidden">
                      {t('ui.pipeline.due', { date: formatDate(person.nextFollowUp) })}
                    </span>
                  </span>
                ) : null}
              </div>
              <div className="pipeline-card__line">
                <span
                  className="pipeline-card__details"
                  title={[
                    details,
                    person.owner
                      ? t('ui.pipeline.ownerLine', { owner: person.owner })
                      : t('ui.pipeline.noOwner'),
                  ].join('\n')}
                >
                  {details}
                </span>
                <AriaButton slot="drag" className="pipeline-card__drag">
                  <svg
                    viewBox="0 0 10 16"
                    width="8"
                    height="14"
                    aria-hidden="true"
                    focusable="false"
                  >
                    {[2, 8, 14].map((y) =>
                      [2, 8].map((x) => (
                        <circle key={`${String(x)}-${String(y)}`} cx={x} cy={y} r="1.6" />
                      )),
                    )}
                  </svg>
                </AriaButton>
                <MoveMenu person={person} onMove={onMove} />
              </div>
            </GridListItem>
          );
        }}
      </GridList>
      {canAskMore ? (
        <Button
          variant="quiet"
          className="pipeline-column__more-button"
          isDisabled={extra.isFetching}
          onPress={() => {
            setMore(more + PIPELINE_MORE);
          }}
        >
          {t('ui.pipeline.showMore', { count: hidden, shown: count(hidden), stage: label })}
        </Button>
      ) : hidden > 0 ? (
        <p className="pipeline-column__more">
          {t('ui.pipeline.more', { count: hidden, shown: count(hidden) })}
        </p>
      ) : null}
    </div>
  );
}

function MoveMenu({ person, onMove }: { person: PipelineCard; onMove: Move }) {
  const { t } = useTranslation();
  const item = (stage: Stage) => (
    <MenuItem
      key={stage}
      id={stage}
      className="listbox__item pipeline-menu__item"
      textValue={t(`ui.domain.stage.${stage}`)}
    >
      <span
        className="pipeline-menu__swatch"
        aria-hidden="true"
        style={{ backgroundColor: stageColour(stage) }}
      />
      {stage === person.stage
        ? t('ui.pipeline.current', { stage: t(`ui.domain.stage.${stage}`) })
        : t(`ui.domain.stage.${stage}`)}
    </MenuItem>
  );
  return (
    <MenuTrigger>
      <AriaButton className="pipeline-card__move" aria-label={t('ui.pipeline.moveTo')}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M2 8h10M8 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </AriaButton>
      <Popover className="popover" placement="bottom start">
        <Menu
          className="listbox"
          disabledKeys={[person.stage]}
          onAction={(key) => {
            onMove(person, key as Stage);
          }}
        >
          <MenuSection aria-label={t('ui.pipeline.board')}>{PIPELINE_STAGES.map(item)}</MenuSection>
          <MenuSection aria-label={t('ui.pipeline.offPipeline')} className="pipeline-menu__section">
            {OFF_PIPELINE_STAGES.map(item)}
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
