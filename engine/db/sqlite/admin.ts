import type { DatabaseAdmin } from '../dialect.ts';

export const sqliteAdmin: DatabaseAdmin = {
  listTablesSql: `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
  // Inside a transaction PRAGMA foreign_keys is ignored; deferring the checks to COMMIT
  // lets the tables be emptied in any order.
  flushSql: (tables) => ['PRAGMA defer_foreign_keys = ON', ...tables.map((t) => `DELETE FROM ${t}`)],
};
