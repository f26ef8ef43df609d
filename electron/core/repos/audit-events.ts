import type { Database } from 'better-sqlite3-multiple-ciphers';
// One module per function: the package's index makes Node read its 250 modules (seconds).
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import type { AuditPage, AuditQuery } from '../../../shared/audit.ts';
import { addCalendarDays } from '../../../shared/risk.ts';
import { jsonText, parseRow, parseRows } from './rows.ts';

export interface AuditEvent {
  id: number;
  at: string;
  action: string;
  /** A codename or other non-identifying reference; never a person's name. */
  subject: string | null;
  detail: Record<string, unknown> | null;
}

const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  subject: z.string().nullable(),
  /** A JSON object, or null. */
  detail: jsonText(z.record(z.string(), z.unknown())).nullable(),
});

export function appendAuditEvent(
  db: Database,
  event: { action: string; subject?: string; detail?: Record<string, unknown> },
  now: Date = new Date(),
): number {
  const result = db
    .prepare('INSERT INTO audit_events (at, action, subject, detail) VALUES (?, ?, ?, ?)')
    .run(
      now.toISOString(),
      event.action,
      event.subject ?? null,
      event.detail ? JSON.stringify(event.detail) : null,
    );
  return Number(result.lastInsertRowid);
}

/** Newest first. */
export function listAuditEvents(db: Database, limit = 100): AuditEvent[] {
  return parseRows(
    auditRow,
    db
      .prepare(
        'SELECT id, at, action, subject, detail FROM audit_events ORDER BY at DESC, id DESC LIMIT ?',
      )
      .all(limit),
  );
}

/** The audit screen's page: newest first, filtered by category, subject and local days. */
export function queryAuditEvents(db: Database, query: AuditQuery): AuditPage {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.categories.length > 0) {
    where.push(
      `substr(action, 1, instr(action, '.') - 1) IN (SELECT value FROM json_each(@categories))`,
    );
    params.categories = JSON.stringify(query.categories);
  }
  if (query.subject !== '') {
    // instr on lower(): codenames are ASCII-cased words, and LIKE would treat % and _ as wildcards.
    // A note or a share has no one subject: the codenames it names are in its detail's `persons`.
    where.push(
      `(instr(lower(subject), lower(@subject)) > 0
        OR instr(lower(json_extract(detail, '$.persons')), lower(@subject)) > 0)`,
    );
    params.subject = query.subject;
  }
  if (query.from !== null) {
    where.push('at >= @since');
    params.since = parseISO(query.from).toISOString();
  }
  if (query.to !== null) {
    where.push('at < @until');
    params.until = parseISO(addCalendarDays(query.to, 1)).toISOString();
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = parseRow(
    z.number(),
    db.prepare(`SELECT COUNT(*) FROM audit_events ${filter}`).pluck().get(params),
  );
  const rows = parseRows(
    auditRow,
    db
      .prepare(
        `SELECT id, at, action, subject, detail FROM audit_events ${filter}
         ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: query.limit, offset: query.offset }),
  );
  return {
    total,
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      category: row.action.split('.')[0] ?? row.action,
      subject: row.subject,
      detail: row.detail,
    })),
  };
}

/**
 * The newest of: when a `writtenAction` event happened, and the `backupCreatedAt` its detail
 * names of a `restoredAction` event; null when there is neither.
 */
export function newestBackupEvent(
  db: Database,
  writtenAction: string,
  restoredAction: string,
): string | null {
  return parseRow(
    z.string().nullable(),
    db
      .prepare(
        `SELECT max(written) FROM (
           SELECT at AS written FROM audit_events WHERE action = ?
           UNION ALL
           SELECT json_extract(detail, '$.backupCreatedAt') FROM audit_events WHERE action = ?
         )`,
      )
      .pluck()
      .get(writtenAction, restoredAction),
  );
}
