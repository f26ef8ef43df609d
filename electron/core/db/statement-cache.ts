/**
 * The repositories prepare their SQL where they use it, which keeps each query next to its
 * code; preparing costs little once and most of the time for 10,000 rows (an import, the
 * demo's notes, search's per-hit reads). So the vault's connection hands out each statement
 * prepared once: openDatabase wraps every connection in this view. The cache is bounded,
 * because some SQL is built per query (the people list's filters).
 */
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

const MAX_STATEMENTS = 500;

export function withStatementCache(db: Database): Database {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, statement);
    } else if (statement.reader) {
      // A caller may have switched the shared statement to pluck/raw/expand mode: reset.
      statement.raw(false);
      statement.pluck(false);
      statement.expand(false);
    }
    return statement;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
