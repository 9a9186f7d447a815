// Reference solution: exercises/dialects/01-case-insensitive-search
import type { Database } from '../../../engine/index.ts';

export async function searchByName(db: Database, term: string): Promise<string[]> {
  // LOWER() on both sides: the same answer whatever each database's LIKE does with case.
  const rows = await db.query<{ name: string }>('SELECT name FROM person WHERE LOWER(name) LIKE LOWER(?) ORDER BY id', [`%${term}%`]);
  return rows.map((r) => r.name);
}
