import { useMemo, useState } from 'react';
import {
  Cell,
  Column,
  Link,
  Row,
  Table,
  TableBody,
  TableHeader,
  type SortDescriptor,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { PARTNER_TRUST } from '../../../../shared/domain.ts';
import type { Partner } from '../../../../shared/records.ts';
import { navigate } from '../../app/navigation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ScreenTitle } from '../../components/ScreenTitle.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useErrorText } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format-number.ts';
import { useVaultMutation, useVaultQuery } from '../../lib/vault-mutation.ts';
import '../agencies/org-table.css';
import { PartnerFormDialog } from './PartnerForm.tsx';
import './partners.css';

type SortColumn = 'name' | 'country' | 'kind' | 'themes' | 'trust' | 'offers';

/** The partner organisations: the usual recipients of shared names, and who offers go through. */
export function PartnersArea() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [filter, setFilter] = useState('');
  // The core filters (folding text its way); the window only sorts what it shows.
  const list = useVaultQuery('partners:list', { text: filter.trim() });
  const [sort, setSort] = useState<SortDescriptor>({ column: 'name', direction: 'ascending' });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Partner | null>(null);
  const [deleting, setDeleting] = useState<Partner | null>(null);

  const rows = useMemo(() => list.data?.rows ?? [], [list.data]);
  const total = list.data?.total ?? 0;
  const shown = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' });
    const key = (row: Partner): string | number => {
      switch (sort.column as SortColumn) {
        case 'country':
          return row.country;
        case 'kind':
          return t(`ui.domain.partnerKind.${row.kind}`);
        case 'themes':
          return row.themes;
        case 'trust':
          // Most trusted first when ascending.
          return PARTNER_TRUST.indexOf(row.trust);
        case 'offers':
          return row.offersCount;
        default:
          return row.name;
      }
    };
    const direction = sort.direction === 'descending' ? -1 : 1;
    return rows.toSorted((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order =
        typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : collator.compare(String(ka), String(kb));
      return (order || collator.compare(a.name, b.name)) * direction;
    });
  }, [rows, sort, t, i18n.language]);

  return (
    <div className="partners">
      <div className="org-head">
        <ScreenTitle>{t('ui.shell.areas.partners')}</ScreenTitle>
        <Button
          variant="primary"
          onPress={() => {
            setAdding(true);
          }}
        >
          {t('ui.partners.add')}
        </Button>
      </div>
      <p className="org-intro">{t('ui.partners.intro')}</p>
      {list.isError ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      <div className="org-filters">
        <TextField
          label={t('ui.partners.filter')}
          type="search"
          value={filter}
          onChange={setFilter}
          spellCheck="false"
        />
        <p className="org-filters__count" role="status">
          {total === shown.length
            ? t('ui.partners.count', { count: total })
            : t('ui.partners.shown', { shown: shown.length, total })}
        </p>
      </div>
      {list.isPending ? (
        <p role="status">{t('ui.partners.loading')}</p>
      ) : (
        <>
          <Table
            aria-label={t('ui.partners.table')}
            aria-describedby="partners-open-hint"
            className="org-table"
            sortDescriptor={sort}
            onSortChange={setSort}
            onRowAction={(key) => {
              setEditing(rows.find((row) => row.id === Number(key)) ?? null);
            }}
          >
            <TableHeader>
              <Column id="name" isRowHeader allowsSorting className="org-table__column">
                {t('ui.partners.columns.name')}
              </Column>
              <Column id="country" allowsSorting className="org-table__column">
                {t('ui.partners.columns.country')}
              </Column>
              <Column id="kind" allowsSorting className="org-table__column">
                {t('ui.partners.columns.kind')}
              </Column>
              <Column id="themes" allowsSorting className="org-table__column">
                {t('ui.partners.columns.themes')}
              </Column>
              <Column id="trust" allowsSorting className="org-table__column">
                {t('ui.partners.columns.trust')}
              </Column>
              <Column
                id="offers"
                allowsSorting
                className="org-table__column org-table__column--number"
              >
                {t('ui.partners.columns.offers')}
              </Column>
            </TableHeader>
            <TableBody
              items={shown}
              renderEmptyState={() => (
                <p className="org-table__empty">
                  {total === 0 ? t('ui.partners.empty') : t('ui.partners.noMatch')}
                </p>
              )}
            >
              {(row) => (
                <Row id={row.id} className="org-table__row" textValue={row.name}>
                  <Cell className="org-table__cell org-table__cell--title">
                    <Link
                      className="org-link"
                      onPress={() => {
                        navigate({ area: 'partner', id: row.id });
                      }}
                    >
                      {row.name}
                    </Link>
                  </Cell>
                  <Cell className="org-table__cell">{row.country}</Cell>
                  <Cell className="org-table__cell">{t(`ui.domain.partnerKind.${row.kind}`)}</Cell>
                  <Cell className="org-table__cell partners__themes">{row.themes}</Cell>
                  <Cell className="org-table__cell">
                    <TrustBadge trust={row.trust} />
                  </Cell>
                  <Cell className="org-table__cell org-table__cell--number">
                    {formatNumber(row.offersCount, i18n.language)}
                  </Cell>
                </Row>
              )}
            </TableBody>
          </Table>
          {rows.length > 0 ? (
            <p id="partners-open-hint" className="org-muted partners__hint">
              {t('ui.partners.openHint')}
            </p>
          ) : null}
        </>
      )}
      <PartnerFormDialog
        isOpen={adding || editing !== null}
        partner={editing ?? undefined}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
        onDelete={(partner) => {
          setEditing(null);
          setDeleting(partner);
        }}
      />
      {deleting ? (
        <DeletePartnerDialog
          partner={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      ) : null}
    </div>
  );
}

/** Trust as words and as a count of filled dots, never as colour alone. */
export function TrustBadge({ trust }: { trust: Partner['trust'] }) {
  const { t } = useTranslation();
  const filled = PARTNER_TRUST.length - PARTNER_TRUST.indexOf(trust);
  return (
    <span className={`trust trust--${trust}`}>
      <span className="trust__dots" aria-hidden="true">
        {'●'.repeat(filled)}
        {'○'.repeat(PARTNER_TRUST.length - filled)}
      </span>
      <span>{t(`ui.domain.partnerTrust.${trust}`)}</span>
    </span>
  );
}

function DeletePartnerDialog({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const remove = useVaultMutation('partners:delete');
  return (
    <Modal
      title={t('ui.partners.delete.title', { name: partner.name })}
      isOpen
      onClose={onClose}
      isDismissable={false}
      role="alertdialog"
    >
      <div className="stack">
        <p>
          {partner.offersCount > 0
            ? t('ui.partners.delete.offers', { count: partner.offersCount })
            : t('ui.partners.delete.noOffers')}
        </p>
        {remove.isError ? <Alert tone="error">{errorText(remove.error)}</Alert> : null}
        <div className="actions">
          <Button
            variant="danger"
            isDisabled={remove.isPending}
            onPress={() => {
              remove.mutate({ id: partner.id }, { onSuccess: onClose });
            }}
          >
            {remove.isPending ? t('ui.partners.delete.deleting') : t('ui.partners.delete.confirm')}
          </Button>
          <Button variant="quiet" autoFocus isDisabled={remove.isPending} onPress={onClose}>
            {t('ui.common.cancel')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
