// Known wrong: prefetchRelated loads the authors in a second query (2 queries), over the budget of 1.
// Fails on: all
import { Book } from '../../../exercises/relations/01-select-related/models.ts';

export async function bookLines(): Promise<string[]> {
  const books = await Book.objects.prefetchRelated('author').orderBy('title');
  return books.map((book) => `${book.title} (${book.year}) by ${book.author.name}`);
}
