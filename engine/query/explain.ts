// explain(): the database's plan for a query, as text. `{ analyze: true }` runs the query and
// reports what happened, where the database can (PostgreSQL EXPLAIN ANALYZE, MariaDB ANALYZE,
// MySQL ≥ 8.0.18 EXPLAIN ANALYZE); SQLite has EXPLAIN QUERY PLAN only.
import type { Database } from '../db/database.ts';
import type { SqlValue } from '../db/driver.ts';
import { NotSupportedError } from '../db/errors.ts';

export async function explainQuery(db: Database, sql: string, params: SqlValue[], options: { analyze?: boolean }): Promise<string> {
  let prefix = db.dialect.operations.explainPrefix;
  if (options.analyze) {
    const analyze = db.dialect.operations.explainAnalyzePrefix;
    if (!db.features.supportsExplainAnalyze || !analyze) {
      throw new NotSupportedError(`explain({ analyze: true }) is not supported by ${db.vendor}: it has ${prefix} only, which plans without running the query.`);
    }
    prefix = analyze(db.server.serverName);
  }
  const rows = await db.query(`${prefix} ${sql}`, params);
  return rows.map((row) => Object.values(row).join(' | ')).join('\n');
}
