// Reference solution: exercises/performance/01-insert-in-batches
import type { Database, SqlValue } from '../../../engine/index.ts';

export async function insertMany(db: Database, table: string, columns: string[], rows: SqlValue[][]): Promise<number> {
  if (rows.length === 0) return 0;
  // Every database caps the parameters of one statement; Django's bulk_create batches the same way.
  const perStatement = Math.max(1, Math.floor(db.features.maxQueryParams / columns.length));
  const head = `INSERT INTO ${db.quoteName(table)} (${columns.map((c) => db.quoteName(c)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    await db.execute(head + batch.map(() => tuple).join(', '), batch.flat());
  }
  return rows.length;
}
