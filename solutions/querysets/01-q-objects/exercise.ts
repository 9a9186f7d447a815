// Reference solution: exercises/querysets/01-q-objects
import { Q } from '../../../engine/index.ts';
import { Book } from '../../../exercises/querysets/01-q-objects/models.ts';

export async function searchBooks(options: { term: string; maxPrice: number }): Promise<string[]> {
  return Book.objects
    .filter(new Q({ title__icontains: options.term }).or(new Q({ author__name__icontains: options.term })))
    .filter({ price__lte: options.maxPrice })
    .exclude({ outOfPrint: true })
    .orderBy('title')
    .valuesList('title', { flat: true });
}
