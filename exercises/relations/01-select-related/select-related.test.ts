// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { assertNumQueries } from '../../../engine/testing/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { bookLines } from './exercise.ts';
import { Author, Book, models } from './models.ts';

interface Case { authors: string[]; books: Array<{ title: string; year: number; author: number }> }

const sets = dataSets<Case>(
  {
    authors: ['Le Guin', 'Herbert'],
    books: [
      { title: 'Dune', year: 1965, author: 1 },
      { title: 'The Dispossessed', year: 1974, author: 0 },
      { title: 'A Wizard of Earthsea', year: 1968, author: 0 },
    ],
  },
  (random) => {
    const authors = Array.from({ length: 6 }, () => `${random.word(5)} ${random.word(7)}`);
    const books = Array.from({ length: 25 }, (_, i) => ({ title: `${random.word(6)} ${i}`, year: random.int(1900, 2024), author: random.int(0, 5) }));
    return { authors, books };
  },
);

gradeOnDialects('relations/01-select-related', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`lists every book with its author, in one query (${label})`, async () => {
      const authors: Author[] = [];
      for (const name of data.authors) authors.push(await Author.objects.create({ name })); // one at a time: ids in order
      for (const b of data.books) await Book.objects.create({ title: b.title, year: b.year, author: authors[b.author]! });
      const expected = [...data.books]
        .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
        .map((b) => `${b.title} (${b.year}) by ${data.authors[b.author]}`);
      const lines = await assertNumQueries(1, () => bookLines());
      expect(lines, 'the lines, ordered by title').toEqual(expected);
    });
  }
});
