// Known wrong: catches the IntegrityError but has no savepoint, so the block is broken and every later INSERT fails.
// Fails on: all
import { IntegrityError, type Database } from '../../../engine/index.ts';

export interface Contact {
  name: string;
  email: string;
}

export async function importContacts(db: Database, contacts: Contact[]): Promise<{ imported: string[]; skipped: string[] }> {
  const imported: string[] = [];
  const skipped: string[] = [];
  await db.atomic(async () => {
    for (const c of contacts) {
      try {
        await db.execute('INSERT INTO contact (name, email) VALUES (?, ?)', [c.name, c.email]);
        imported.push(c.email);
      } catch (err) {
        if (!(err instanceof IntegrityError)) throw err;
        skipped.push(c.email);
      }
    }
  });
  return { imported, skipped };
}
