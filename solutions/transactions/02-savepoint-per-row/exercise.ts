// Reference solution: exercises/transactions/02-savepoint-per-row
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
        // A nested block is a savepoint: a failure here undoes this row only.
        await db.atomic(() => db.execute('INSERT INTO contact (name, email) VALUES (?, ?)', [c.name, c.email]));
        imported.push(c.email);
      } catch (err) {
        if (!(err instanceof IntegrityError)) throw err;
        skipped.push(c.email);
      }
    }
  });
  return { imported, skipped };
}
