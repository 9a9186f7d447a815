// Reference solution: exercises/dialects/02-case-insensitive-unique
import type { Database } from '../../../engine/index.ts';

export async function createUserTable(db: Database): Promise<void> {
  // A generated, lowered copy of the address carries the unique constraint: the same DDL works on
  // SQLite, PostgreSQL and MariaDB (unlike an index on LOWER(email), which MariaDB rejects).
  await db.execute(
    'CREATE TABLE app_user (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL, ' +
      'email_key VARCHAR(254) GENERATED ALWAYS AS (LOWER(email)) STORED, UNIQUE (email_key))',
  );
}

export async function addUser(db: Database, email: string): Promise<void> {
  const [row] = await db.query<{ next: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM app_user');
  await db.execute('INSERT INTO app_user (id, email) VALUES (?, ?)', [Number(row!.next), email]);
}

export async function findUser(db: Database, email: string): Promise<string | null> {
  const [row] = await db.query<{ email: string }>('SELECT email FROM app_user WHERE email_key = LOWER(?)', [email]);
  return row?.email ?? null;
}
