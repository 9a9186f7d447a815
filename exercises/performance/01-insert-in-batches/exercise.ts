// Insert many rows within a query budget — see README.md. Run: npx workbook grade performance/01-insert-in-batches
import type { Database, SqlValue } from '../../../engine/index.ts';

export async function insertMany(db: Database, table: string, columns: string[], rows: SqlValue[][]): Promise<number> {
  // TODO: multi-row INSERTs in batches of at most db.features.maxQueryParams parameters,
  //       with quoted names (db.quoteName).
  const placeholders = columns.map(() => '?').join(', ');
  for (const row of rows) {
    await db.execute(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`, row);
  }
  return rows.length;
}
