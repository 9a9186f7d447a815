// Known wrong: both conditions in one filter() are ANDed: only books whose title AND author mention the term.
// Fails on: all
import { Book } from '../../../exercises/querysets/01-q-objects/models.ts';

export async function searchBooks(options: { term: string; maxPrice: number }): Promise<string[]> {
  return Book.objects
    .filter({ title__icontains: options.term, author__name__icontains: options.term, price__lte: options.maxPrice })
    .exclude({ outOfPrint: true })
    .orderBy('title')
    .valuesList('title', { flat: true });
}
