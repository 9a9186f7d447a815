// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { IntegrityError, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { addUser, createUserTable, findUser } from './exercise.ts';

interface Case { emails: string[]; duplicate: string; lookup: string; stored: string }

const flipCase = (s: string) => [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

const sets = dataSets<Case>(
  { emails: ['Ann@Example.com', 'bob@example.com'], duplicate: 'ann@example.COM', lookup: 'ANN@EXAMPLE.COM', stored: 'Ann@Example.com' },
  (random) => {
    const emails = Array.from({ length: 4 }, () => `${random.word(2).toUpperCase()}${random.word(5)}@${random.word(4)}.Net`);
    const stored = random.pick(emails);
    return { emails, duplicate: flipCase(stored), lookup: stored.toLowerCase(), stored };
  },
);

const storedEmails = async (db: Database) => (await db.query<{ email: string }>('SELECT email FROM app_user')).map((r) => r.email).sort();

gradeOnDialects('dialects/02-case-insensitive-unique', (t) => {
  t.setup((db) => createUserTable(db));

  for (const { label, data } of sets) {
    t.test(`keeps each address as typed and finds it in any case (${label})`, async (db) => {
      for (const e of data.emails) await addUser(db, e);
      expect(await storedEmails(db), 'emails stored').toEqual([...data.emails].sort());
      expect(await findUser(db, data.lookup), `findUser(db, '${data.lookup}')`).toBe(data.stored);
      expect(await findUser(db, 'nobody@nowhere.test'), 'findUser for an unknown address').toBeNull();
    });

    t.test(`refuses the same address in another case with IntegrityError (${label})`, async (db) => {
      for (const e of data.emails) await addUser(db, e);
      // In a savepoint, so the test's transaction stays usable after the error.
      await expect(db.atomic(() => addUser(db, data.duplicate)), `addUser(db, '${data.duplicate}') after '${data.stored}'`).rejects.toBeInstanceOf(IntegrityError);
      expect(await storedEmails(db), 'emails stored after the refused duplicate').toEqual([...data.emails].sort());
    });
  }
});
