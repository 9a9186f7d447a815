// Known wrong: ILIKE is PostgreSQL's; SQLite and MySQL reject it as a syntax error.
// Fails on: sqlite, mysql
import type { Database } from '../../../engine/index.ts';

export async function searchByName(db: Database, term: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM person WHERE name ILIKE ? ORDER BY id', [`%${term}%`]);
  return rows.map((r) => r.name);
}
