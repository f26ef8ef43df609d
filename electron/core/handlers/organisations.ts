/** Handlers for agencies and partner organisations. */
import type { Handlers } from '../../../shared/contract.ts';
import { VaultError } from '../errors.ts';
import {
  agencyCount,
  agencyExists,
  agencyIdByName,
  agencyPage,
  deleteAgency,
  getAgency,
  insertAgency,
  listAgencies,
  updateAgency,
  wouldCycle,
} from '../repos/agencies.ts';
import {
  deletePartner,
  insertPartner,
  listPartners,
  partnerCount,
  partnerExists,
  updatePartner,
} from '../repos/partners.ts';
import { withFingerprint } from '../services/share/keys.ts';
import { audit, notFound, type DomainContext } from './context.ts';

/** partners:get and partners:setShareKey carry share keys: handlers/share.ts. */
type OrganisationChannel = Exclude<
  Extract<keyof Handlers, `agencies:${string}` | `partners:${string}`>,
  'partners:get' | 'partners:setShareKey'
>;

export function organisationHandlers(ctx: DomainContext): Pick<Handlers, OrganisationChannel> {
  return {
    'agencies:list': (filter) =>
      Promise.resolve({ rows: listAgencies(ctx.db(), filter), total: agencyCount(ctx.db()) }),

    'agencies:get': ({ id }) => {
      const page = agencyPage(ctx.db(), id);
      if (!page) throw notFound('agency', { id });
      return Promise.resolve(page);
    },

    'agencies:create': (fields) =>
      ctx.commit((db, now) => {
        if (agencyIdByName(db, fields.name) !== undefined)
          throw new VaultError('DUPLICATE_AGENCY', { name: fields.name });
        if (fields.parentId !== null && !agencyExists(db, fields.parentId))
          throw notFound('agency', { id: fields.parentId });
        const id = insertAgency(db, fields, now);
        audit(db, 'agency.created', fields.name, now, { agency: id });
        return { id };
      }),

    'agencies:update': ({ id, fields }) =>
      ctx.commit((db, now) => {
        if (!getAgency(db, id)) throw notFound('agency', { id });
        const holder = agencyIdByName(db, fields.name);
        if (holder !== undefined && holder !== id)
          throw new VaultError('DUPLICATE_AGENCY', { name: fields.name });
        if (fields.parentId !== null) {
          if (!agencyExists(db, fields.parentId)) throw notFound('agency', { id: fields.parentId });
          if (wouldCycle(db, id, fields.parentId)) throw new VaultError('AGENCY_CYCLE');
        }
        updateAgency(db, id, fields, now);
        audit(db, 'agency.updated', fields.name, now, { agency: id });
        return { id };
      }),

    'agencies:delete': ({ id }) =>
      ctx.commit((db, now) => {
        const agency = getAgency(db, id);
        if (!agency) throw notFound('agency', { id });
        deleteAgency(db, id);
        audit(db, 'agency.deleted', agency.name, now, { agency: id });
        return {};
      }),

    'partners:list': async ({ text }) => ({
      total: partnerCount(ctx.db()),
      rows: await Promise.all(listPartners(ctx.db(), text).map(withFingerprint)),
    }),

    'partners:create': (fields) =>
      ctx.commit((db, now) => {
        const id = insertPartner(db, fields, now);
        audit(db, 'partner.created', fields.name, now, { partner: id });
        return { id };
      }),

    'partners:update': ({ id, fields }) =>
      ctx.commit((db, now) => {
        if (!partnerExists(db, id)) throw notFound('partner', { id });
        updatePartner(db, id, fields, now);
        audit(db, 'partner.updated', fields.name, now, { partner: id });
        return { id };
      }),

    'partners:delete': ({ id }) =>
      ctx.commit((db, now) => {
        if (!partnerExists(db, id)) throw notFound('partner', { id });
        deletePartner(db, id);
        audit(db, 'partner.deleted', undefined, now, { partner: id });
        return {};
      }),
  };
}
