// Two small tables the foundation tests share. Table-level FOREIGN KEY clauses, because
// MySQL ignores an inline `REFERENCES` on a column.
import type { Database } from '../database.ts';

export async function createLibrary(db: Database): Promise<void> {
  await db.execute(`CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL UNIQUE)`);
  await db.execute(
    `CREATE TABLE book (id INTEGER PRIMARY KEY, title VARCHAR(200) NOT NULL, author_id INTEGER NOT NULL,
       FOREIGN KEY (author_id) REFERENCES author (id))`,
  );
}

export async function dropLibrary(db: Database): Promise<void> {
  await db.execute('DROP TABLE IF EXISTS book');
  await db.execute('DROP TABLE IF EXISTS author');
}

export async function authorNames(db: Database): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM author ORDER BY id');
  return rows.map((r) => r.name);
}
