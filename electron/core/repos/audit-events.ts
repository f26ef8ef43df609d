import type { Database } from 'better-sqlite3';

export interface AuditEvent {
  id: number;
  at: string;
  action: string;
  /** A codename or other non-identifying reference; never a person's name. */
  subject: string | null;
  detail: Record<string, unknown> | null;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  subject: string | null;
  detail: string | null;
}

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
  const rows = db
    .prepare(
      'SELECT id, at, action, subject, detail FROM audit_events ORDER BY at DESC, id DESC LIMIT ?',
    )
    .all(limit) as AuditRow[];
  return rows.map((row) => ({
    ...row,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  }));
}
