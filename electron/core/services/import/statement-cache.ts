/**
 * Bulk writes (an import of thousands of rows, the demo's hundred thousand notes) go through
 * the same repository functions as single edits, so the search index and stage history are
 * written the same way. Those functions prepare their SQL on each call, which is nothing for
 * one edit and most of the time for 10,000: this view of the database hands out each
 * statement prepared once, for the length of one bulk write.
 */
import type { Database, Statement } from 'better-sqlite3';

export function withStatementCache(db: Database): Database {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
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
