// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import type { Database } from '../../../engine/index.ts';
import { autoId, dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { importContacts, type Contact } from './exercise.ts';

interface Case { existing: Contact[]; batch: Contact[] }

const sets = dataSets<Case>(
  {
    existing: [{ name: 'Ann', email: 'ann@example.com' }],
    batch: [
      { name: 'Bob', email: 'bob@example.com' },
      { name: 'Ann again', email: 'ann@example.com' },
      { name: 'Cy', email: 'cy@example.com' },
      { name: 'Bob twice', email: 'bob@example.com' },
    ],
  },
  (random) => {
    const emails = Array.from({ length: 6 }, () => `${random.word(7)}@${random.word(4)}.org`);
    const existing = emails.slice(0, 2).map((email) => ({ name: random.word(), email }));
    const batch = Array.from({ length: 9 }, () => ({ name: random.word(), email: random.pick(emails) }));
    return { existing, batch };
  },
);

function expected({ existing, batch }: Case) {
  const taken = new Set(existing.map((c) => c.email));
  const imported: string[] = [];
  const skipped: string[] = [];
  for (const c of batch) {
    if (taken.has(c.email)) skipped.push(c.email);
    else {
      taken.add(c.email);
      imported.push(c.email);
    }
  }
  return { imported, skipped, table: [...taken].sort() };
}

async function load(db: Database, contacts: Contact[]) {
  for (const c of contacts) await db.execute('INSERT INTO contact (name, email) VALUES (?, ?)', [c.name, c.email]);
}

const emailsInTable = async (db: Database) =>
  (await db.query<{ email: string }>('SELECT email FROM contact')).map((r) => r.email).sort();

gradeOnDialects('transactions/02-savepoint-per-row', (t) => {
  t.setup((db) =>
    db.execute(`CREATE TABLE contact (${autoId(db)}, name VARCHAR(60) NOT NULL, email VARCHAR(120) NOT NULL UNIQUE)`),
  );

  for (const { label, data } of sets) {
    const want = expected(data);

    t.test(`imports the new contacts and skips the duplicates (${label})`, async (db) => {
      await load(db, data.existing);
      const result = await importContacts(db, data.batch);
      expect(result, 'the returned { imported, skipped }').toEqual({ imported: want.imported, skipped: want.skipped });
      expect(await emailsInTable(db), 'emails in the table afterwards').toEqual(want.table);
    });

    t.test(`works inside a caller's atomic block, which stays usable (${label})`, async (db) => {
      await load(db, data.existing);
      await db.atomic(async () => {
        await importContacts(db, data.batch);
        await db.execute('INSERT INTO contact (name, email) VALUES (?, ?)', ['after', 'after@example.net']);
      });
      expect(await emailsInTable(db), 'emails after the import and one more insert').toEqual([...want.table, 'after@example.net'].sort());
    });
  }
});
