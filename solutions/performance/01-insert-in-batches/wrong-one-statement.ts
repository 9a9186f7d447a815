// Known wrong: one INSERT for every row at once; past maxQueryParams parameters the database refuses it.
// Fails on: all
import type { Database, SqlValue } from '../../../engine/index.ts';

export async function insertMany(db: Database, table: string, columns: string[], rows: SqlValue[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  await db.execute(
    `INSERT INTO ${db.quoteName(table)} (${columns.map((c) => db.quoteName(c)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    rows.flat(),
  );
  return rows.length;
}
