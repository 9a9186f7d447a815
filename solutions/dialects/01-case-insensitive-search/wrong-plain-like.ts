// Known wrong: plain LIKE ignores case on SQLite and MySQL but not on PostgreSQL.
// Fails on: postgres
import type { Database } from '../../../engine/index.ts';

export async function searchByName(db: Database, term: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM person WHERE name LIKE ? ORDER BY id', [`%${term}%`]);
  return rows.map((r) => r.name);
}
