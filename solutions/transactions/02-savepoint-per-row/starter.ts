// Skip the bad rows, keep the rest — see README.md. Run: npx workbook grade transactions/02-savepoint-per-row
import type { Database } from '../../../engine/index.ts';

export interface Contact {
  name: string;
  email: string;
}

export async function importContacts(db: Database, contacts: Contact[]): Promise<{ imported: string[]; skipped: string[] }> {
  const imported: string[] = [];
  const skipped: string[] = [];
  // TODO: one outer db.atomic() block; each INSERT in a nested block of its own, so a duplicate
  //       email (IntegrityError) skips that row and leaves the outer block usable.
  for (const c of contacts) {
    await db.execute('INSERT INTO contact (name, email) VALUES (?, ?)', [c.name, c.email]);
    imported.push(c.email);
  }
  return { imported, skipped };
}
