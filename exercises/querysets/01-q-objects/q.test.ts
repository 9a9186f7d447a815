// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { assertNumQueries } from '../../../engine/testing/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { searchBooks } from './exercise.ts';
import { Author, Book, models } from './models.ts';

interface B { title: string; author: number; price: number; outOfPrint?: boolean }
interface Case { authors: string[]; books: B[]; searches: Array<{ term: string; maxPrice: number }> }

const sets = dataSets<Case>(
  {
    authors: ['Herbert', 'Le Guin'],
    books: [
      { title: 'Dune', author: 0, price: 9.99 },
      { title: 'Dune Messiah', author: 0, price: 12.5, outOfPrint: true },
      { title: 'Children of Dune', author: 0, price: 25 },
      { title: "Ursula's Tales", author: 1, price: 8 },
      { title: 'Earthsea', author: 1, price: 7 },
    ],
    searches: [{ term: 'dune', maxPrice: 20 }, { term: 'GUIN', maxPrice: 100 }, { term: 'herb', maxPrice: 10 }],
  },
  (random) => {
    const stems = [random.word(4), random.word(4), random.word(4)];
    const authors = stems.map((s) => `${random.word(3)}${s}${random.word(2)}`);
    const books = Array.from({ length: 18 }, (_, i) => ({
      title: `${random.pick([...stems, random.word(4)])} ${random.word(5)} ${i}`,
      author: random.int(0, 2),
      price: random.int(300, 4000) / 100,
      outOfPrint: random.next() < 0.25,
    }));
    return { authors, books, searches: stems.map((s, i) => ({ term: i % 2 ? s.toUpperCase() : s, maxPrice: random.int(10, 40) })) };
  },
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

gradeOnDialects('querysets/01-q-objects', (t) => {
  t.setup((db) => createTables(db, models));

  for (const { label, data } of sets) {
    t.test(`finds the term in title or author, within the price, in print (${label})`, async () => {
      const authors: Author[] = [];
      for (const name of data.authors) authors.push(await Author.objects.create({ name })); // one at a time: ids in order
      for (const b of data.books) await Book.objects.create({ title: b.title, price: b.price.toFixed(2), outOfPrint: b.outOfPrint ?? false, author: authors[b.author]! });
      for (const s of data.searches) {
        const term = s.term.toLowerCase();
        const expected = data.books
          .filter((b) => (b.title.toLowerCase().includes(term) || data.authors[b.author]!.toLowerCase().includes(term)) && b.price <= s.maxPrice && !b.outOfPrint)
          .map((b) => b.title)
          .sort(byText);
        const titles = await assertNumQueries(1, () => searchBooks(s));
        expect(titles, `searchBooks(${JSON.stringify(s)})`).toEqual(expected);
      }
    });
  }
});
