/**
 * What every domain handler needs from the session: the open vault's database, the clock,
 * and `commit`, the one way to change the vault — a transaction (all or nothing), then a
 * durable save before the caller hears "done".
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAuditEvent } from '../repos/audit-events.ts';

export interface DomainContext {
  /** The open vault's database; VAULT_LOCKED when none is open. */
  db(): Database;
  now(): Date;
  /** Runs `change` in one transaction and saves; if it throws, nothing changed. */
  commit<T>(change: (db: Database, now: Date) => T): Promise<T>;
}

export type Audit = (
  db: Database,
  action: string,
  subject: string | undefined,
  now: Date,
  detail?: Record<string, unknown>,
) => void;

/** Audit entries name persons by codename only, never by name (docs/threat-model.md). */
export const audit: Audit = (db, action, subject, now, detail) => {
  appendAuditEvent(
    db,
    { action, ...(subject ? { subject } : {}), ...(detail ? { detail } : {}) },
    now,
  );
};

/** The record the user acted on is gone; it lives in services/ so services can throw it too. */
export { notFound } from '../services/not-found.ts';
