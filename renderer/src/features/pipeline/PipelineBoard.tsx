/**
 * The pipeline board: every active person in a column for their stage, watching → partner,
 * and the stages off the pipeline (dormant, moved on, closed) in a section that opens on
 * demand. Moving a person is one call, persons:setStage, which the core records on their
 * timeline and in the audit trail; there are three ways to make it:
 *
 * - drag the card to another column (react-aria's drag and drop, which also gives keyboard
 *   and screen-reader drag and drop through each card's drag button);
 * - the card's "Move to…" menu;
 * - Alt+← / Alt+→ on a focused card, one stage back or forward.
 *
 * After a move the card keeps the focus in its new column and a polite live region says
 * where it went. A column shows at most COLUMN_LIMIT cards: a board of thousands is
 * narrowed with the filter, not scrolled.
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
import type { PersonListRow } from '../../../../shared/records.ts';
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

/** Cards a column renders at most; the rest are counted and the filter narrows them. */
export const COLUMN_LIMIT = 100;

/** The drag payload: the person's id only (a name must not land in another app's drop). */
export const PERSON_DRAG_TYPE = 'application/x-confidant-person';

const ALL = '*';

type Move = (person: PersonListRow, stage: Stage) => void;

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

export function PipelineBoard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState(ALL);
  const [sphere, setSphere] = useState<Sphere | typeof ALL>(ALL);
  const [dueOnly, setDueOnly] = useState(false);
  const [showOff, setShowOff] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const deferredText = useDeferredValue(text);

  const persons = useVaultQuery('persons:list', {
    text: deferredText,
    owners: owner === ALL ? [] : [owner],
    spheres: sphere === ALL ? [] : [sphere],
    followUpDue: dueOnly,
    sort: 'followUp',
  });
  const facets = useVaultQuery('persons:facets', {});
  const setStage = useVaultMutation('persons:setStage');

  const byStage = useMemo(() => {
    const groups = new Map<Stage, PersonListRow[]>(STAGES.map((stage) => [stage, []]));
    for (const row of persons.data?.rows ?? []) groups.get(row.stage)?.push(row);
    return groups;
  }, [persons.data]);
  const byId = useMemo(
    () => new Map((persons.data?.rows ?? []).map((row) => [row.id, row])),
    [persons.data],
  );

  // After a move, the card keeps the focus in its new column (once the board has reloaded).
  // A frame later: the old column first moves its focus to a neighbour of the removed card.
  const board = useRef<HTMLDivElement>(null);
  const focusAfterMove = useRef<{ id: number; stage: Stage } | null>(null);
  useEffect(() => {
    const pending = focusAfterMove.current;
    if (pending === null) return;
    const frame = requestAnimationFrame(() => {
      const card = board.current?.querySelector<HTMLElement>(
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
  }, [byId]);

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
        const person = byId.get(id);
        if (person) move(person, stage);
      }
    },
    [byId, move],
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
    (sum, stage) => sum + (byStage.get(stage)?.length ?? 0),
    0,
  );
  const filtered = text !== '' || owner !== ALL || sphere !== ALL || dueOnly;
  const empty = persons.data?.rows.length === 0;

  const column = (stage: Stage) => (
    <StageColumn
      key={stage}
      stage={stage}
      rows={byStage.get(stage) ?? []}
      onMove={move}
      onDropIds={moveIds}
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

      {persons.error ? <Alert tone="error">{errorText(persons.error)}</Alert> : null}
      {setStage.error ? <Alert tone="error">{errorText(setStage.error)}</Alert> : null}
      <div role="status" className="pipeline__status">
        {announcement}
      </div>
      {persons.isPending ? <p className="pipeline__muted">{t('ui.pipeline.loading')}</p> : null}
      {empty ? (
        <p className="pipeline__muted">
          {filtered ? t('ui.pipeline.noMatch') : t('ui.pipeline.nobody')}
        </p>
      ) : null}

      <div ref={board} className="pipeline__board">
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
              {showOff ? t('ui.pipeline.hideOff') : t('ui.pipeline.showOff', { count: offCount })}
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
  rows,
  onMove,
  onDropIds,
}: {
  stage: Stage;
  rows: PersonListRow[];
  onMove: Move;
  onDropIds: (ids: number[], stage: Stage) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shown = rows.slice(0, COLUMN_LIMIT);
  const hidden = rows.length - shown.length;
  const label = t(`ui.domain.stage.${stage}`);
  const today = localDate(new Date());
  const formatDate = useMemo(() => {
    const thisYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    const otherYear = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const year = today.slice(0, 4);
    return (iso: string) => (iso.startsWith(year) ? thisYear : otherYear).format(parseDate(iso));
  }, [locale, today]);
  const byId = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);

  const { dragAndDropHooks } = useDragAndDrop<PersonListRow>({
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

  return (
    <div
      className="pipeline-column"
      onKeyDownCapture={onKeyDownCapture}
      style={{ borderTopColor: stageColour(stage) }}
    >
      <h2 className="pipeline-column__title">
        <span className="pipeline-column__name">{label}</span>
        <span className="pipeline-column__count" aria-hidden="true">
          {rows.length}
        </span>
      </h2>
      <GridList
        aria-label={t('ui.pipeline.column', { stage: label, count: rows.length })}
        className="pipeline-column__list"
        items={shown}
        dragAndDropHooks={dragAndDropHooks}
        onAction={(key) => {
          navigate({ area: 'person', id: Number(key) });
        }}
        renderEmptyState={() => <p className="pipeline-column__empty">{t('ui.pipeline.empty')}</p>}
      >
        {(person) => (
          <GridListItem
            id={person.id}
            textValue={person.fullName}
            className="pipeline-card"
            data-person-id={person.id}
            data-stage={person.stage}
            style={{ borderInlineStartColor: stageColour(person.stage) }}
          >
            <div className="pipeline-card__body">
              <span className="pipeline-card__name">{person.fullName}</span>
              <span className="pipeline-card__codename">{person.codename}</span>
              {person.position || person.agencyName ? (
                <span className="pipeline-card__meta">
                  {[person.position, person.agencyName].filter(Boolean).join(' · ')}
                </span>
              ) : null}
              <span className="pipeline-card__owner">
                {person.owner
                  ? t('ui.pipeline.ownerLine', { owner: person.owner })
                  : t('ui.pipeline.noOwner')}
              </span>
              {person.nextFollowUp ? (
                person.nextFollowUp <= today ? (
                  <span className="pipeline-card__due">
                    {t('ui.pipeline.due', {
                      date: formatDate(person.nextFollowUp),
                    })}
                  </span>
                ) : (
                  <span className="pipeline-card__next">
                    {t('ui.pipeline.next', {
                      date: formatDate(person.nextFollowUp),
                    })}
                  </span>
                )
              ) : null}
            </div>
            <div className="pipeline-card__footer">
              <AriaButton slot="drag" className="pipeline-card__drag">
                <svg viewBox="0 0 10 16" width="8" height="14" aria-hidden="true" focusable="false">
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
        )}
      </GridList>
      {hidden > 0 ? (
        <p className="pipeline-column__more">{t('ui.pipeline.more', { count: hidden })}</p>
      ) : null}
    </div>
  );
}

function MoveMenu({ person, onMove }: { person: PersonListRow; onMove: Move }) {
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
      <AriaButton className="pipeline-card__move">{t('ui.pipeline.moveTo')}</AriaButton>
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
