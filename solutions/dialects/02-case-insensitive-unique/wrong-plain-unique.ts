// Known wrong: a plain UNIQUE (email); only MySQL/MariaDB ignores case there (its _ci collation).
// Fails on: sqlite, postgres
import type { Database } from '../../../engine/index.ts';

export async function createUserTable(db: Database): Promise<void> {
  await db.execute('CREATE TABLE app_user (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE)');
}

export async function addUser(db: Database, email: string): Promise<void> {
  const [row] = await db.query<{ next: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM app_user');
  await db.execute('INSERT INTO app_user (id, email) VALUES (?, ?)', [Number(row!.next), email]);
}

export async function findUser(db: Database, email: string): Promise<string | null> {
  const [row] = await db.query<{ email: string }>('SELECT email FROM app_user WHERE email = ?', [email]);
  return row?.email ?? null;
}
