// One account per email, whatever its case — see README.md. Run: npx workbook grade dialects/02-case-insensitive-unique
import type { Database } from '../../../engine/index.ts';

export async function createUserTable(db: Database): Promise<void> {
  // TODO: make two spellings of one address collide on every database.
  await db.execute('CREATE TABLE app_user (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE)');
}

export async function addUser(db: Database, email: string): Promise<void> {
  const [row] = await db.query<{ next: number }>('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM app_user');
  await db.execute('INSERT INTO app_user (id, email) VALUES (?, ?)', [Number(row!.next), email]);
}

export async function findUser(db: Database, email: string): Promise<string | null> {
  // TODO: return the stored address for any spelling of `email`, or null.
  return null;
}
