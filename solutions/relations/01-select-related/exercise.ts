// Reference solution: exercises/relations/01-select-related
import { Book } from '../../../exercises/relations/01-select-related/models.ts';

export async function bookLines(): Promise<string[]> {
  // One query: the authors come in the same SELECT, through a JOIN.
  const books = await Book.objects.selectRelated('author').orderBy('title');
  return books.map((book) => `${book.title} (${book.year}) by ${book.author.name}`);
}
