import { useState } from 'react';
import { Cell, Column, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AgencyPage as AgencyPageData } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { useFormatNumber } from '../../lib/format-number.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import { AgencyFormDialog } from './AgencyForm.tsx';
import './agencies.css';
import './org-table.css';

/** One agency: where it sits, what it admits against what the public says, and its people. */
export function AgencyPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // Once a deletion starts, the page stops asking for the agency: the refetch that follows every
  // change would otherwise answer NOT_FOUND on screen for a moment before we leave.
  const remove = useVaultMutation('agencies:delete');
  const page = useVaultQuery('agencies:get', { id }, { enabled: remove.isIdle || remove.isError });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const data = page.data;

  return (
    <div className="agency">
      <div className="org-head">
        <ScreenTitle>{data?.agency.name ?? t('ui.agencies.page.loading')}</ScreenTitle>
        {data ? (
          <div className="actions org-head__actions">
            <Button
              onPress={() => {
                setEditing(true);
              }}
            >
              {t('ui.agencies.page.edit')}
            </Button>
            <Button
              variant="danger"
              onPress={() => {
                setDeleting(true);
              }}
            >
              {t('ui.agencies.page.delete')}
            </Button>
          </div>
        ) : null}
      </div>
      {page.isError ? (
        <Alert
          tone="error"
          actions={
            <Button
              onPress={() => {
                navigate({ area: 'agencies' }, { replace: true });
              }}
            >
              {t('ui.agencies.page.toList')}
            </Button>
          }
        >
          {errorText(page.error)}
        </Alert>
      ) : null}
      {page.isPending ? <p role="status">{t('ui.agencies.loading')}</p> : null}
      {data ? <AgencyDetails data={data} /> : null}
      {data ? (
        <>
          <AgencyFormDialog
            isOpen={editing}
            agency={data.agency}
            onClose={() => {
              setEditing(false);
            }}
          />
          <DeleteAgencyDialog
            data={data}
            remove={remove}
            isOpen={deleting}
            onClose={() => {
              setDeleting(false);
            }}
          />
        </>
      ) : null}
    </div>
  );
}

function AgencyDetails({ data }: { data: AgencyPageData }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const { agency, children, people } = data;
  return (
    <>
      <section aria-label={t('ui.agencies.page.facts')}>
        <dl className="agency__facts">
          <div>
            <dt>{t('fields.sphere')}</dt>
            <dd>{t(`ui.domain.sphere.${agency.sphere}`)}</dd>
          </div>
          <div>
            <dt>{t('fields.region')}</dt>
            <dd>
              {agency.region || <span className="org-muted">{t('ui.agencies.page.none')}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('ui.agencies.page.parent')}</dt>
            <dd>
              {agency.parentId !== null ? (
                <AgencyLink id={agency.parentId} name={agency.parentName ?? ''} />
              ) : (
                <span className="org-muted">{t('ui.agencies.page.topLevel')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('ui.agencies.page.children')}</dt>
            <dd>
              {children.length > 0 ? (
                <ul className="agency__children">
                  {children.map((child) => (
                    <li key={child.id}>
                      <AgencyLink id={child.id} name={child.name} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="org-muted">{t('ui.agencies.page.noChildren')}</span>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section className="agency-overlap" aria-labelledby="overlap-title">
        <h2 id="overlap-title" className="org-section-title">
          {t('ui.agencies.page.overlapTitle')}
        </h2>
        <p className="agency-overlap__intro">{t('ui.agencies.page.overlapIntro')}</p>
        <div className="agency-overlap__panels">
          <OverlapPanel
            kind="admitted"
            title={t('fields.admittedProblems')}
            badge={t('ui.agencies.page.admittedBy')}
            text={agency.admittedProblems}
          />
          <OverlapPanel
            kind="common"
            title={t('fields.commonInterest')}
            badge={t('ui.agencies.page.overlap')}
            text={agency.commonInterest}
          />
          <OverlapPanel
            kind="complaints"
            title={t('fields.publicComplaints')}
            badge={t('ui.agencies.page.complaintsBy')}
            text={agency.publicComplaints}
          />
        </div>
      </section>

      <section aria-labelledby="people-title">
        <h2 id="people-title" className="org-section-title">
          {t('ui.agencies.page.people')}
          <span className="org-section-title__count"> ({formatNumber(people.length)})</span>
        </h2>
        {people.length === 0 ? (
          <p className="org-muted">{t('ui.agencies.page.noPeople')}</p>
        ) : (
          <Table
            aria-label={t('ui.agencies.page.peopleTable')}
            className="org-table"
            onRowAction={(key) => {
              navigate({ area: 'person', id: Number(key) });
            }}
          >
            <TableHeader>
              <Column isRowHeader className="org-table__column">
                {t('ui.agencies.page.columns.name')}
              </Column>
              <Column className="org-table__column">
                {t('ui.agencies.page.columns.codename')}
              </Column>
              <Column className="org-table__column">
                {t('ui.agencies.page.columns.position')}
              </Column>
              <Column className="org-table__column">{t('ui.agencies.page.columns.stage')}</Column>
            </TableHeader>
            <TableBody items={people}>
              {(person) => (
                <Row id={person.id} className="org-table__row" textValue={person.fullName}>
                  <Cell className="org-table__cell org-table__cell--title">{person.fullName}</Cell>
                  <Cell className="org-table__cell org-table__cell--code">{person.codename}</Cell>
                  <Cell className="org-table__cell">{person.position}</Cell>
                  <Cell className="org-table__cell">
                    <span className={'org-stage'}>{t(`ui.domain.stage.${person.stage}`)}</span>
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

function AgencyLink({ id, name }: { id: number; name: string }) {
  return (
    <Link
      className="org-link"
      onPress={() => {
        navigate({ area: 'agency', id });
      }}
    >
      {name}
    </Link>
  );
}

function OverlapPanel({
  kind,
  title,
  badge,
  text,
}: {
  kind: 'admitted' | 'common' | 'complaints';
  title: string;
  badge: string;
  text: string;
}) {
  const { t } = useTranslation();
  return (
    <article className={`agency-overlap__panel agency-overlap__panel--${kind}`} aria-label={title}>
      <p className="agency-overlap__badge">{badge}</p>
      <h3 className="agency-overlap__title">{title}</h3>
      {text ? (
        <p className="agency-overlap__text">{text}</p>
      ) : (
        <p className="agency-overlap__text org-muted">{t('ui.agencies.page.notWritten')}</p>
      )}
    </article>
  );
}

function DeleteAgencyDialog({
  data,
  remove,
  isOpen,
  onClose,
}: {
  data: AgencyPageData;
  remove: ReturnType<typeof useVaultMutation<'agencies:delete'>>;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const count = data.people.length;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal
      title={t('ui.agencies.page.deleteTitle', { name: data.agency.name })}
      isOpen={isOpen}
      onClose={close}
      isDismissable={false}
      role="alertdialog"
    >
      <div className="stack">
        <ul className="agency__delete-effects">
          <li>
            {count > 0
              ? t('ui.agencies.page.deletePeople', { count })
              : t('ui.agencies.page.deleteNoPeople')}
          </li>
          {data.children.length > 0 ? <li>{t('ui.agencies.page.deleteChildren')}</li> : null}
          <li>{t('ui.agencies.page.deleteFinal')}</li>
        </ul>
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
        <div className="actions">
          <Button
            variant="danger"
            isDisabled={remove.isPending}
            onPress={() => {
              remove.mutate(
                { id: data.agency.id },
                {
                  onSuccess: () => {
                    navigate({ area: 'agencies' }, { replace: true });
                  },
                },
              );
            }}
          >
            {remove.isPending
              ? t('ui.agencies.page.deleting')
              : t('ui.agencies.page.deleteConfirm')}
          </Button>
          <Button variant="quiet" autoFocus isDisabled={remove.isPending} onPress={close}>
            {t('ui.common.cancel')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
