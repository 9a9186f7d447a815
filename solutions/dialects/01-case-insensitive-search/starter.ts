// Case-insensitive search on every database — see README.md. Run: npx workbook grade dialects/01-case-insensitive-search
import type { Database } from '../../../engine/index.ts';

export async function searchByName(db: Database, term: string): Promise<string[]> {
  // TODO: ignore case on every database (this LIKE does on some, not on others), ordered by id.
  const rows = await db.query<{ name: string }>('SELECT name FROM person WHERE name LIKE ?', [`%${term}%`]);
  return rows.map((r) => r.name);
}
