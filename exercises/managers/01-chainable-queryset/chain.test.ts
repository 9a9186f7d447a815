// Graders for README.md. They import your ./exercise.ts.
import { expect } from 'vitest';
import { createTables } from '../../../engine/index.ts';
import { assertNumQueries } from '../../../engine/testing/index.ts';
import { dataSets, gradeOnDialects } from '../../_grading/index.ts';
import { Book, type BookQuerySet } from './exercise.ts';

interface B { title: string; author: string; price: number; outOfPrint: boolean }

const sets = dataSets<{ books: B[]; author: string; price: number }>(
  {
    books: [
      { title: 'The Dispossessed', author: 'Le Guin', price: 9.5, outOfPrint: false },
      { title: 'Earthsea', author: 'Le Guin', price: 12, outOfPrint: true },
      { title: 'Dune', author: 'Herbert', price: 8, outOfPrint: false },
      { title: 'Hyperion', author: 'Simmons', price: 15, outOfPrint: false },
    ],
    author: 'le guin',
    price: 10,
  },
  (random) => {
    const authors = [random.word(5), random.word(6), random.word(4)];
    const books = Array.from({ length: 16 }, (_, i) => ({ title: `${random.word(6)} ${i}`, author: random.pick(authors), price: random.int(100, 3000) / 100, outOfPrint: random.next() < 0.3 }));
    return { books, author: authors[0]!.toUpperCase(), price: random.int(8, 22) };
  },
);

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const titles = (qs: BookQuerySet) => qs.orderBy('title').valuesList('title', { flat: true });

gradeOnDialects('managers/01-chainable-queryset', (t) => {
  t.setup((db) => createTables(db, [Book]));

  for (const { label, data } of sets) {
    const expect_ = (keep: (b: B) => boolean) => data.books.filter(keep).map((b) => b.title).sort(byText);
    const available = (b: B) => !b.outOfPrint;
    const cheap = (b: B) => b.price < data.price;
    const byAuthor = (b: B) => b.author.toLowerCase() === data.author.toLowerCase();
    const load = async () => {
      for (const b of data.books) await Book.objects.create({ title: b.title, authorName: b.author, price: b.price.toFixed(2), outOfPrint: b.outOfPrint });
    };

    t.test(`each method on its own (${label})`, async () => {
      await load();
      expect(await titles(Book.objects.available()), 'available()').toEqual(expect_(available));
      expect(await titles(Book.objects.cheaperThan(data.price)), `cheaperThan(${data.price})`).toEqual(expect_(cheap));
      expect(await titles(Book.objects.byAuthor(data.author)), `byAuthor('${data.author}')`).toEqual(expect_(byAuthor));
    });

    t.test(`methods chain in any order and after filter() (${label})`, async () => {
      await load();
      const all3 = expect_((b) => available(b) && cheap(b) && byAuthor(b));
      expect(await titles(Book.objects.byAuthor(data.author).available().cheaperThan(data.price)), 'byAuthor().available().cheaperThan()').toEqual(all3);
      expect(await titles(Book.objects.cheaperThan(data.price).byAuthor(data.author).available()), 'cheaperThan().byAuthor().available()').toEqual(all3);
      expect(await titles(Book.objects.filter({ outOfPrint: true }).cheaperThan(data.price)), 'filter({ outOfPrint: true }).cheaperThan()').toEqual(expect_((b) => !available(b) && cheap(b)));
    });

    t.test(`building a chain runs no query; evaluating it runs one (${label})`, async () => {
      await load();
      // Wrapped in an object: a queryset is thenable, and awaiting it would evaluate it.
      const { chain } = await assertNumQueries(0, () => ({ chain: Book.objects.available().cheaperThan(data.price).byAuthor(data.author) }));
      await assertNumQueries(1, () => titles(chain));
    });
  }
});
