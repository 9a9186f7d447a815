// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables, type Database } from '../../../engine/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { Author, Authorship, Book, models } from './exercise.ts';

interface Case { title: string; credits: Array<{ name: string; role: string }> }

const sets = dataSets<Case>(
  { title: 'Solaris', credits: [{ name: 'Lem', role: 'author' }, { name: 'Kandel', role: 'translator' }] },
  (random) => ({ title: random.word(8), credits: Array.from({ length: 3 }, (_, i) => ({ name: `${random.word(6)}${i}`, role: random.pick(['author', 'translator', 'editor']) })) }),
);

async function tables(db: Database): Promise<string[]> {
  const rows = await db.query<{ name?: string; NAME?: string }>(db.dialect.admin.listTablesSql);
  return rows.map((r) => String(r.name ?? r.NAME)).filter((n) => n.startsWith('library')).sort();
}

gradeOnDialects('models/01-explicit-names', (t) => {
  t.setup((db) => createTables(db, models));

  t.test('exactly three tables, named library_author, library_book, library_authorship', async (db) => {
    expect(await tables(db), 'tables made from your models').toEqual(['library_author', 'library_authorship', 'library_book']);
  });

  for (const { label, data } of sets) {
    t.test(`authorships carry a role, and the relation works both ways (${label})`, async () => {
      const book = await Book.objects.create({ title: data.title });
      for (const [i, c] of data.credits.entries()) {
        const author = await Author.objects.create({ name: c.name });
        await Authorship.objects.create({ book, author, role: c.role, position: i + 1 });
      }
      const names = (await book.authors.all()).map((a) => a.name).sort();
      expect(names, `authors of ${data.title}`).toEqual(data.credits.map((c) => c.name).sort());
      const first = await Author.objects.get({ name: data.credits[0]!.name });
      expect((await first.books.all()).map((b) => b.title), `books of ${first.name}`).toEqual([data.title]);
      const roles = (await Authorship.objects.orderBy('position').valuesList('role', { flat: true })).map(String);
      expect(roles, 'roles stored on the join rows, by position').toEqual(data.credits.map((c) => c.role));
    });
  }
});
