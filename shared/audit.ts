/**
 * The audit trail as the screens read it (issue 6, item 5): every entry names persons by
 * codename only (handlers/context.ts `audit`), so the trail can be read and filtered freely.
 * Entries are grouped by what they are about, from the prefix of their action
 * ("person.created" → person).
 */
import { z } from 'zod';
import { isoDate } from './domain.ts';

export const AUDIT_CATEGORIES = [
  'vault',
  'person',
  'relationship',
  'note',
  'offer',
  'agency',
  'partner',
  'risk',
  'plan',
  'settings',
  'import',
  'share',
  'backup',
  'demo',
] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_PAGE_MAX = 500;

export const auditQuery = z.strictObject({
  /** Only these categories; empty = all. */
  categories: z.array(z.enum(AUDIT_CATEGORIES)).max(AUDIT_CATEGORIES.length).default([]),
  /** Entries whose subject (a codename) contains this text, any case. */
  subject: z.string().trim().max(100).default(''),
  /** Calendar days, inclusive, in local time. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(200),
  offset: z.number().int().min(0).default(0),
});
export type AuditQuery = z.output<typeof auditQuery>;
export type AuditQueryInput = z.input<typeof auditQuery>;

export const auditEntry = z.strictObject({
  id: z.number().int().positive(),
  at: z.string().max(40),
  action: z.string().max(100),
  category: z.string().max(40),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.output<typeof auditEntry>;

export const auditPage = z.strictObject({
  entries: z.array(auditEntry),
  /** How many entries match the filters (the page shows `limit` of them from `offset`). */
  total: z.number().int().min(0),
});
export type AuditPage = z.output<typeof auditPage>;
